//! Contact details and preferences: phone, mailing address, language, paperless, notifications.
//! Contact changes are sensitive (statements and codes go there) and need the re-auth window;
//! preferences do not. A new mobile number is saved only once a code texted to it is entered;
//! removing the phone turns off codes by text message. The email address is told of both.

use super::{ContactSaved, ProfileDetails};
use crate::auth::device;
use crate::domain::contact::{parse_language, Address, AddressInput, Phone};
use crate::domain::{CodeChannel, CodePurpose, EventKind};
use crate::emails;
use crate::error::{AppError, ServiceError};
use crate::i18n::{t, tf};
use crate::infra::audit::{AuthEvent, ClientInfo};
use crate::infra::guard::CurrentCustomer;
use crate::infra::AppState;

#[derive(sqlx::FromRow)]
struct DetailsRow {
    phone: Option<String>,
    language: String,
    paperless: i64,
    notify_email: i64,
    notify_sms: i64,
    addr_country: Option<String>,
    addr_line1: Option<String>,
    addr_line2: Option<String>,
    addr_city: Option<String>,
    addr_region: Option<String>,
    addr_postal: Option<String>,
}

pub async fn load(state: &AppState, customer_id: i64) -> Result<ProfileDetails, ServiceError> {
    let r: DetailsRow = sqlx::query_as(
        "SELECT phone, language, paperless, notify_email, notify_sms, addr_country, addr_line1, addr_line2, \
         addr_city, addr_region, addr_postal FROM customers WHERE id = $1",
    )
    .bind(customer_id)
    .fetch_one(&state.db.pool)
    .await?;
    let address = r.addr_country.map(|country| AddressInput {
        country,
        line1: r.addr_line1.unwrap_or_default(),
        line2: r.addr_line2.unwrap_or_default(),
        city: r.addr_city.unwrap_or_default(),
        region: r.addr_region.unwrap_or_default(),
        postal: r.addr_postal.unwrap_or_default(),
    });
    Ok(ProfileDetails {
        phone: r.phone,
        address,
        language: r.language,
        paperless: r.paperless == 1,
        notify_email: r.notify_email == 1,
        notify_sms: r.notify_sms == 1,
    })
}

/// Saves the address and the phone; every field is checked before anything is written. A new
/// mobile number (where sign-in codes may go) is not saved yet: a code is texted to it, and
/// `confirm_phone` saves it once the code is entered. Removing the number takes effect at once.
/// The email address hears of either.
pub async fn save_contact(
    state: &AppState,
    me: &CurrentCustomer,
    client: &ClientInfo,
    phone: &str,
    address: &AddressInput,
) -> Result<ContactSaved, ServiceError> {
    let customer_id = me.id;
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
    let current: Option<String> = sqlx::query_scalar("SELECT phone FROM customers WHERE id = $1")
        .bind(customer_id)
        .fetch_one(&state.db.pool)
        .await?;
    let new_number = phone
        .as_ref()
        .map(|p| p.as_str().to_owned())
        .filter(|p| Some(p) != current.as_ref());
    let removed = phone.is_none() && current.is_some();
    let mut tx = state.db.begin().await?;
    sqlx::query(
        "UPDATE customers SET phone = CASE WHEN $1 = 1 THEN NULL ELSE phone END, addr_country = $2, \
         addr_line1 = $3, addr_line2 = $4, addr_city = $5, addr_region = $6, addr_postal = $7 WHERE id = $8",
    )
    .bind(i64::from(removed))
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
    if removed {
        queue_phone_notice(state, &mut tx, customer_id, None).await?;
    }
    tx.commit().await?;
    state.outbox.wake();
    AuthEvent::ok(EventKind::ProfileUpdated)
        .customer(customer_id)
        .detail("contact")
        .record(&state.db, state.clock.unix(), client)
        .await;
    let code_sent_to = match new_number {
        Some(number) => Some(
            device::send_code_via(
                state,
                customer_id,
                me.session_id,
                CodePurpose::PhoneVerify,
                &number,
                CodeChannel::Sms,
            )
            .await?,
        ),
        None => None,
    };
    Ok(ContactSaved { code_sent_to })
}

/// Saves the new mobile number once the code texted to it is entered (in the session that asked).
pub async fn confirm_phone(
    state: &AppState,
    me: &CurrentCustomer,
    client: &ClientInfo,
    code: &str,
) -> Result<(), ServiceError> {
    let number = device::verify_code(
        state,
        me.id,
        me.session_id,
        CodePurpose::PhoneVerify,
        &crate::domain::codes::clean_code(code),
    )
    .await?;
    let mut tx = state.db.begin().await?;
    sqlx::query("UPDATE customers SET phone = $1 WHERE id = $2")
        .bind(&number)
        .bind(me.id)
        .execute(&mut *tx)
        .await?;
    queue_phone_notice(state, &mut tx, me.id, Some(&number)).await?;
    tx.commit().await?;
    state.outbox.wake();
    AuthEvent::ok(EventKind::PhoneChanged)
        .customer(me.id)
        .record(&state.db, state.clock.unix(), client)
        .await;
    Ok(())
}

/// Tells the login's email address that its mobile number changed (`Some`, masked) or was removed.
async fn queue_phone_notice(
    state: &AppState,
    tx: &mut sqlx::AnyConnection,
    customer_id: i64,
    number: Option<&str>,
) -> Result<(), ServiceError> {
    emails::queue_security_notice(tx, state, customer_id, "/login", |l| match number {
        Some(n) => tf(
            l,
            "email-notice-phone-changed",
            &[("phone", crate::infra::sms::mask_phone(n).into())],
        ),
        None => t(l, "email-notice-phone-removed"),
    })
    .await?;
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
) -> Result<(), ServiceError> {
    let language = parse_language(language).map_err(|i| AppError::validation("language", i))?;
    if notify_sms {
        let phone: Option<String> = sqlx::query_scalar("SELECT phone FROM customers WHERE id = $1")
            .bind(customer_id)
            .fetch_one(&state.db.pool)
            .await?;
        if phone.is_none() {
            return Err(
                AppError::validation("notify_sms", crate::domain::Issue::PhoneFormat).into(),
            );
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
    AuthEvent::ok(EventKind::ProfileUpdated)
        .customer(customer_id)
        .detail("preferences")
        .record(&state.db, state.clock.unix(), client)
        .await;
    Ok(())
}
