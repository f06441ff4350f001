//! Profile server functions (sign-in details).

use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "change_password")]
pub async fn change_password(
    current_password: String,
    new_password: String,
    new_password_confirm: String,
) -> Result<(), AppError> {
    use crate::infra::{
        guard::{session_slot, CurrentCustomer},
        AppState,
    };
    crate::error::respond(
        async move {
            let me = CurrentCustomer::require().await?;
            let slot = session_slot().await?;
            super::service::change_password(
                &AppState::from_context()?,
                me,
                &slot.client,
                &current_password,
                &new_password,
                &new_password_confirm,
            )
            .await
        }
        .await,
    )
}

/// Returns the new address the confirmation link went to.
#[server(prefix = "/api", endpoint = "request_email_change")]
pub async fn request_email_change(
    current_password: String,
    new_email: String,
) -> Result<String, AppError> {
    use crate::infra::{
        guard::{session_slot, CurrentCustomer},
        AppState,
    };
    crate::error::respond(
        async move {
            let me = CurrentCustomer::require().await?;
            let slot = session_slot().await?;
            super::service::request_email_change(
                &AppState::from_context()?,
                me,
                &slot.client,
                &current_password,
                &new_email,
            )
            .await
        }
        .await,
    )
}

/// Completes an email change from the link (works signed in or not: the link is the proof).
#[server(prefix = "/api", endpoint = "confirm_email_change")]
pub async fn confirm_email_change(token: String) -> Result<String, AppError> {
    use crate::infra::{guard::session_slot, AppState};
    crate::error::respond(
        async move {
            let slot = session_slot().await?;
            let keep = slot.session.as_ref().map(|s| s.id);
            super::service::confirm_email_change(
                &AppState::from_context()?,
                &slot.client,
                &token,
                keep,
            )
            .await
        }
        .await,
    )
}

/// Saves the new mobile number with the code texted to it.
#[server(prefix = "/api", endpoint = "confirm_phone")]
pub async fn confirm_phone(code: String) -> Result<(), AppError> {
    use crate::infra::{
        guard::{session_slot, CurrentCustomer},
        AppState,
    };
    crate::error::respond(
        async move {
            let state = AppState::from_context()?;
            let me = CurrentCustomer::require().await?;
            let slot = session_slot().await?;
            super::details::confirm_phone(&state, &me, &slot.client, &code).await
        }
        .await,
    )
}

/// Contact details and preferences of the signed-in customer.
#[server(prefix = "/api", endpoint = "profile_details")]
pub async fn profile_details() -> Result<super::ProfileDetails, AppError> {
    use crate::infra::{guard::CurrentCustomer, AppState};
    crate::error::respond(
        async move {
            let me = CurrentCustomer::require().await?;
            super::details::load(&AppState::from_context()?, me.id).await
        }
        .await,
    )
}

/// Saves phone and mailing address (needs a re-authentication in the last 5 minutes). A new
/// mobile number waits for the code texted to it (`confirm_phone`).
#[server(prefix = "/api", endpoint = "save_contact")]
pub async fn save_contact(
    phone: String,
    country: String,
    line1: String,
    line2: String,
    city: String,
    region: String,
    postal: String,
) -> Result<super::ContactSaved, AppError> {
    use crate::infra::{
        guard::{session_slot, CurrentCustomer},
        AppState,
    };
    crate::error::respond(
        async move {
            let state = AppState::from_context()?;
            let me = CurrentCustomer::require_recent(state.clock.unix()).await?;
            let slot = session_slot().await?;
            let address = crate::domain::contact::AddressInput {
                country,
                line1,
                line2,
                city,
                region,
                postal,
            };
            super::details::save_contact(&state, &me, &slot.client, &phone, &address).await
        }
        .await,
    )
}

/// Saves language, paperless and notification preferences. Checkboxes arrive only when ticked.
#[server(prefix = "/api", endpoint = "save_preferences")]
pub async fn save_preferences(
    language: String,
    paperless: Option<String>,
    notify_email: Option<String>,
    notify_sms: Option<String>,
) -> Result<(), AppError> {
    use crate::infra::{
        guard::{session_slot, CurrentCustomer},
        AppState,
    };
    let ticked = |v: &Option<String>| v.as_deref().is_some_and(|v| v == "on" || v == "true");
    crate::error::respond(
        async move {
            let state = AppState::from_context()?;
            let me = CurrentCustomer::require().await?;
            let slot = session_slot().await?;
            super::details::save_preferences(
                &state,
                me.id,
                &slot.client,
                &language,
                ticked(&paperless),
                ticked(&notify_email),
                ticked(&notify_sms),
            )
            .await
        }
        .await,
    )
}

/// Switches the language: remembered in a cookie for a year, and in the profile when signed in.
#[server(prefix = "/api", endpoint = "set_language")]
pub async fn set_language(language: String) -> Result<(), AppError> {
    use crate::infra::{guard::CurrentCustomer, AppState};
    crate::error::respond(
        async move {
            let state = AppState::from_context()?;
            let locale = crate::i18n::Locale::parse(&language)
                .ok_or_else(|| AppError::validation("language", crate::domain::Issue::OneOf))?;
            if let Some(me) = CurrentCustomer::optional().await? {
                sqlx::query("UPDATE customers SET language = $1 WHERE id = $2")
                    .bind(locale.code())
                    .bind(me.id)
                    .execute(&state.db.pool)
                    .await?;
            }
            crate::infra::cookies::set(&crate::i18n::cookie(locale, state.config.is_https()));
            Ok(())
        }
        .await,
    )
}
