//! The customer's time zone for times of day (sign-ins, sessions, messages). The browser's own
//! zone is remembered in a cookie, so the server renders the times the browser would; calendar
//! dates of money (due dates, postings) are the lender's and do not move with it.

/// The cookie holding the browser's IANA zone name ("America/Toronto").
pub const COOKIE: &str = "portal_tz";

/// The offset from UTC, in seconds, at moment `unix` in the zone of the page being rendered
/// (daylight saving included); 0 (UTC) when the zone is not known yet.
pub fn offset_at(unix: i64) -> i32 {
    #[cfg(feature = "hydrate")]
    {
        let ms = wasm_bindgen::JsValue::from_f64(unix as f64 * 1000.0);
        // getTimezoneOffset is minutes *behind* UTC.
        return -(js_sys::Date::new(&ms).get_timezone_offset() as i32) * 60;
    }
    #[cfg(feature = "ssr")]
    {
        return request_zone().map_or(0, |z| offset_in(&z, unix));
    }
    #[allow(unreachable_code)]
    {
        let _ = unix;
        0
    }
}

/// "UTC", "UTC−5", "UTC+5:30" — how a time's zone is written next to it.
pub fn offset_label(seconds: i32) -> String {
    if seconds == 0 {
        return "UTC".into();
    }
    let sign = if seconds < 0 { '−' } else { '+' };
    let (h, m) = (
        seconds.unsigned_abs() / 3600,
        seconds.unsigned_abs() % 3600 / 60,
    );
    if m == 0 {
        format!("UTC{sign}{h}")
    } else {
        format!("UTC{sign}{h}:{m:02}")
    }
}

/// A zone by its IANA name, if it is one.
#[cfg(feature = "ssr")]
pub fn parse(name: &str) -> Option<jiff::tz::TimeZone> {
    let name = name.trim();
    let plausible = !name.is_empty()
        && name.len() <= 64
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "/_-+".contains(c));
    plausible
        .then(|| jiff::tz::TimeZone::get(name).ok())
        .flatten()
}

#[cfg(feature = "ssr")]
pub fn offset_in(zone: &jiff::tz::TimeZone, unix: i64) -> i32 {
    jiff::Timestamp::from_second(unix).map_or(0, |ts| zone.to_offset(ts).seconds())
}

/// The zone of the request being rendered, from its cookie.
#[cfg(feature = "ssr")]
pub fn request_zone() -> Option<jiff::tz::TimeZone> {
    let parts = leptos::prelude::use_context::<axum::http::request::Parts>()?;
    parts
        .headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|h| crate::infra::session::read_cookie(h, COOKIE).and_then(parse))
}

/// Remembers the browser's zone for the server (a year; changed when the device travels).
#[cfg(feature = "hydrate")]
pub fn remember() {
    use wasm_bindgen::JsValue;
    let options = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &js_sys::Object::new())
        .resolved_options();
    let Some(name) = js_sys::Reflect::get(&options, &JsValue::from_str("timeZone"))
        .ok()
        .and_then(|v| v.as_string())
    else {
        return;
    };
    let document = leptos::prelude::document();
    let current = js_sys::Reflect::get(&document, &JsValue::from_str("cookie"))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default();
    let wanted = format!("{COOKIE}={name}");
    if !current.split("; ").any(|c| c == wanted) {
        let secure = if leptos::prelude::window()
            .location()
            .protocol()
            .ok()
            .as_deref()
            == Some("https:")
        {
            "; Secure"
        } else {
            ""
        };
        let value = format!("{wanted}; Path=/; Max-Age=31536000; SameSite=Lax{secure}");
        let _ = js_sys::Reflect::set(
            &document,
            &JsValue::from_str("cookie"),
            &JsValue::from_str(&value),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_are_written_as_people_read_them() {
        assert_eq!(offset_label(0), "UTC");
        assert_eq!(offset_label(-5 * 3600), "UTC−5");
        assert_eq!(offset_label(3 * 3600), "UTC+3");
        assert_eq!(offset_label(5 * 3600 + 1800), "UTC+5:30");
        assert_eq!(offset_label(-(3 * 3600 + 1800)), "UTC−3:30");
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn a_zone_gives_the_offset_of_the_moment_daylight_saving_included() {
        let toronto = parse("America/Toronto").unwrap();
        // 2026-12-06 12:00 UTC (standard time) and 2026-07-01 12:00 UTC (daylight time).
        assert_eq!(offset_in(&toronto, 1_796_558_400), -5 * 3600);
        assert_eq!(offset_in(&toronto, 1_782_907_200), -4 * 3600);
        assert_eq!(
            offset_in(&parse("Europe/Moscow").unwrap(), 1_796_558_400),
            3 * 3600
        );
        assert!(parse("Mars/Olympus").is_none());
        assert!(parse("").is_none());
        assert!(parse("../../etc/passwd").is_none());
    }
}
