//! The frame's server functions: who is signed in, sign out, switch language.

use super::UserSummary;
use crate::error::AppError;
use leptos::prelude::*;
#[cfg(feature = "ssr")]
use {
    super::service,
    crate::infra::{cookies, guard, session},
};

/// The signed-in customer, or `None`.
#[server(prefix = "/api", endpoint = "current_user")]
pub async fn current_user() -> Result<Option<UserSummary>, AppError> {
    // Read with the session by the middleware: no query of its own on every page.
    let (_, slot) = guard::visitor().await?;
    Ok(slot
        .session
        .filter(|s| s.is_full())
        .and_then(|s| s.holder)
        .map(|h| UserSummary {
            first_name: h.first_name,
            last_name: h.last_name,
            email: h.email,
        }))
}

/// Signs out: deletes the session on the server and clears the cookie.
#[server(prefix = "/api", endpoint = "logout")]
pub async fn logout() -> Result<(), AppError> {
    let (state, slot) = guard::visitor().await?;
    service::logout(&state, &slot).await?;
    cookies::set(&session::clear_cookie(&state.config));
    cookies::set(&super::signed_out_cookie(true, state.config.is_https()));
    Ok(())
}

/// Switches the language: remembered in a cookie for a year, and in the profile when signed in.
#[server(prefix = "/api", endpoint = "set_language")]
pub async fn set_language(language: String) -> Result<(), AppError> {
    let state = guard::state()?;
    let locale = crate::i18n::Locale::parse(&language)
        .ok_or_else(|| AppError::validation("language", crate::domain::Issue::OneOf))?;
    if let Some(me) = guard::optional_customer().await? {
        service::set_language(&state, me.id, locale).await?;
    }
    cookies::set(&crate::i18n::cookie(locale, state.config.is_https()));
    Ok(())
}
