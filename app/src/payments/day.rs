//! The lender's day: payments are processed by the lender's calendar, in its time zone
//! (`LENDER_TIME_ZONE`), and its cut-off (`PAYMENT_CUTOFF`) ends a processing day early — a payment
//! asked for after it is the next day's work, and a scheduled payment can be changed or cancelled
//! until its processing day comes.

use crate::infra::AppState;
use time::{Date, PrimitiveDateTime, UtcOffset};

/// The lender's local date and time now.
pub fn lender_now(state: &AppState) -> PrimitiveDateTime {
    let now = state.clock.now();
    let seconds = crate::i18n::zone::offset_in(&state.config.lender_zone, now.unix_timestamp());
    let local = now.to_offset(UtcOffset::from_whole_seconds(seconds).unwrap_or(UtcOffset::UTC));
    PrimitiveDateTime::new(local.date(), local.time())
}

/// The lender's calendar date now (payments post by it).
pub fn lender_today(state: &AppState) -> Date {
    lender_now(state).date()
}

/// The processing day now: today until the cut-off, tomorrow from it. The earliest date a payment
/// can be made for, and the day scheduled payments stop being changeable.
pub fn processing_date(state: &AppState) -> Date {
    state
        .config
        .payment_rules
        .processing_date(lender_now(state))
}

/// "17:00 EST": the cut-off as the lender's clock writes it today.
pub fn cutoff_label(state: &AppState) -> String {
    let cutoff = state.config.payment_rules.cutoff;
    let abbreviation = jiff::Timestamp::from_second(state.clock.unix())
        .map(|ts| {
            state
                .config
                .lender_zone
                .to_offset_info(ts)
                .abbreviation()
                .to_string()
        })
        .unwrap_or_default();
    format!("{:02}:{:02} {abbreviation}", cutoff.hour(), cutoff.minute())
        .trim()
        .to_string()
}
