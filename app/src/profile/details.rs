//! Contact details and preferences: phone, mailing address, language, paperless, notifications.
//! Contact changes are sensitive (statements and codes go there) and need the re-auth window;
//! preferences do not. Removing the phone turns off codes by text message.

use super::ProfileDetails;
use crate::domain::contact::{parse_language, Address, AddressInput, Phone};
use crate::error::AppError;
use crate::infra::audit::{self, ClientInfo};
use crate::infra::AppState;
use sqlx::Row;

pub async fn load(state: &AppState, customer_id: i64) -> Result<ProfileDetails, AppError> {
    let r = sqlx::query(
        "SELECT phone, language, paperless, notify_email, notify_sms, addr_country, addr_line1, addr_line2, \
         addr_city, addr_region, addr_postal FROM customers WHERE id = $1",
    )
    .bind(customer_id)
    .fetch_one(&state.db.pool)
    .await?;
    let country: Option<String> = r.try_get("addr_country")?;
    Ok(ProfileDetails {
        phone: r.try_get("phone")?,
        address: country
            .map(|c| -> Result<AddressInput, sqlx::Error> {
                Ok(AddressInput {
                    country: c,
                    line1: r
                        .try_get::<Option<String>, _>("addr_line1")?
                        .unwrap_or_default(),
                    line2: r
                        .try_get::<Option<String>, _>("addr_line2")?
                        .unwrap_or_default(),
                    city: r
                        .try_get::<Option<String>, _>("addr_city")?
                        .unwrap_or_default(),
                    region: r
                        .try_get::<Option<String>, _>("addr_region")?
                        .unwrap_or_default(),
                    postal: r
                        .try_get::<Option<String>, _>("addr_postal")?
                        .unwrap_or_default(),
                })
            })
            .transpose()?,
        language: r.try_get("language")?,
        paperless: r.try_get::<i64, _>("paperless")? == 1,
        notify_email: r.try_get::<i64, _>("notify_email")? == 1,
        notify_sms: r.try_get::<i64, _>("notify_sms")? == 1,
    })
}

/// Saves phone (empty = none) and address; every field is checked before anything is written.
pub async fn save_contact(
    state: &AppState,
    customer_id: i64,
    client: &ClientInfo,
    phone: &str,
    address: &AddressInput,
) -> Result<(), AppError> {
    let phone = if phone.trim().is_empty() {
        None
    } else {
        Some(Phone::parse(phone).map_err(|i| AppError::validation("phone", i))?)
    };
    let Address {
        country,
        line1,
        line2,
        city,
        region,
        postal,
    } = address
        .parse()
        .map_err(|issues| AppError::validation(issues[0].0, issues[0].1))?;
    let mut tx = state.db.begin().await?;
    sqlx::query(
        "UPDATE customers SET phone = $1, addr_country = $2, addr_line1 = $3, addr_line2 = $4, addr_city = $5, \
         addr_region = $6, addr_postal = $7 WHERE id = $8",
    )
    .bind(phone.as_ref().map(|p| p.as_str().to_owned()))
    .bind(country.code())
    .bind(line1)
    .bind(line2)
    .bind(city)
    .bind(region)
    .bind(postal)
    .bind(customer_id)
    .execute(&mut *tx)
    .await?;
    if phone.is_none() {
        sqlx::query("UPDATE customers SET otp_channel = 'off', notify_sms = 0 WHERE id = $1 AND otp_channel = 'sms'")
            .bind(customer_id)
            .execute(&mut *tx)
            .await?;
        sqlx::query("UPDATE customers SET notify_sms = 0 WHERE id = $1")
            .bind(customer_id)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    audit::customer_event(
        &state.db,
        state.clock.unix(),
        client,
        "profile_updated",
        true,
        customer_id,
        Some("contact"),
    )
    .await;
    Ok(())
}

pub async fn save_preferences(
    state: &AppState,
    customer_id: i64,
    client: &ClientInfo,
    language: &str,
    paperless: bool,
    notify_email: bool,
    notify_sms: bool,
) -> Result<(), AppError> {
    let language = parse_language(language).map_err(|i| AppError::validation("language", i))?;
    if notify_sms {
        let phone: Option<String> = sqlx::query("SELECT phone FROM customers WHERE id = $1")
            .bind(customer_id)
            .fetch_one(&state.db.pool)
            .await?
            .try_get("phone")?;
        if phone.is_none() {
            return Err(AppError::validation(
                "notify_sms",
                crate::domain::Issue::PhoneFormat,
            ));
        }
    }
    sqlx::query(
        "UPDATE customers SET language = $1, paperless = $2, notify_email = $3, notify_sms = $4 WHERE id = $5",
    )
    .bind(language)
    .bind(paperless as i64)
    .bind(notify_email as i64)
    .bind(notify_sms as i64)
    .bind(customer_id)
    .execute(&state.db.pool)
    .await?;
    audit::customer_event(
        &state.db,
        state.clock.unix(),
        client,
        "profile_updated",
        true,
        customer_id,
        Some("preferences"),
    )
    .await;
    Ok(())
}
