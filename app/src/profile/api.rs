//! Profile server functions (sign-in details, contact details, preferences, language).

use crate::error::AppError;
use leptos::prelude::*;
#[cfg(feature = "ssr")]
use {
    super::{details, service},
    crate::domain::form::checked,
    crate::infra::guard,
};

#[server(prefix = "/api", endpoint = "change_password")]
pub async fn change_password(
    current_password: String,
    new_password: String,
    new_password_confirm: String,
) -> Result<(), AppError> {
    let g = guard::customer().await?;
    let (current, new, confirm) = (&current_password, &new_password, &new_password_confirm);
    Ok(service::change_password(&g.state, g.me, &g.client, current, new, confirm).await?)
}

/// Returns the new address the confirmation link went to.
#[server(prefix = "/api", endpoint = "request_email_change")]
pub async fn request_email_change(
    current_password: String,
    new_email: String,
) -> Result<String, AppError> {
    let g = guard::customer().await?;
    let (password, email) = (&current_password, &new_email);
    Ok(service::request_email_change(&g.state, g.me, &g.client, password, email).await?)
}

/// Completes an email change from the link (works signed in or not: the link is the proof).
#[server(prefix = "/api", endpoint = "confirm_email_change")]
pub async fn confirm_email_change(token: String) -> Result<String, AppError> {
    let (state, slot) = guard::visitor().await?;
    let keep = slot.session.as_ref().map(|s| s.id);
    let email = service::confirm_email_change(&state, &slot.client, &token, keep).await?;
    crate::infra::plain_form::on_success_go_to("/login?reason=email_changed");
    Ok(email)
}

/// Saves the new mobile number with the code texted to it.
#[server(prefix = "/api", endpoint = "confirm_phone")]
pub async fn confirm_phone(code: String) -> Result<(), AppError> {
    let g = guard::customer().await?;
    Ok(details::confirm_phone(&g.state, &g.me, &g.client, &code).await?)
}

/// Contact details and preferences of the signed-in customer.
#[server(prefix = "/api", endpoint = "profile_details")]
pub async fn profile_details() -> Result<super::ProfileDetails, AppError> {
    let g = guard::customer().await?;
    Ok(details::load(&g.state, g.me.id).await?)
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
    let g = guard::recent_customer().await?;
    let address = crate::domain::contact::AddressInput {
        country,
        line1,
        line2,
        city,
        region,
        postal,
    };
    Ok(details::save_contact(&g.state, &g.me, &g.client, &phone, &address).await?)
}

/// Saves language, paperless and notification preferences. Checkboxes arrive only when ticked.
#[server(prefix = "/api", endpoint = "save_preferences")]
pub async fn save_preferences(
    language: String,
    paperless: Option<String>,
    notify_email: Option<String>,
    notify_sms: Option<String>,
) -> Result<(), AppError> {
    let g = guard::customer().await?;
    let ticks = [&paperless, &notify_email, &notify_sms].map(|v| checked(v.as_deref()));
    let [paperless, email, sms] = ticks;
    Ok(details::save_preferences(
        &g.state, g.me.id, &g.client, &language, paperless, email, sms,
    )
    .await?)
}
