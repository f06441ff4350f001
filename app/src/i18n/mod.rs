//! Languages: English, French (Canada) and Russian, with Fluent catalogues (fluent-bundle).
//! Messages live in `app/locales/<language>/<feature>.ftl`, one file per feature and language; a
//! unit test fails when a key exists in one language and not in another, or when code asks for a
//! key that no catalogue has.
//!
//! The language of a request: the `portal_lang` cookie (set by the header switcher and at sign-in
//! from the profile preference), else the best match in Accept-Language, else English. The server
//! writes it into `<html lang>`, and the browser reads it back from there when it hydrates, so both
//! render the same words. Switching language reloads the page.

pub(crate) mod catalogue;
mod error_text;
pub use error_text::ineligible as ineligible_text;
pub mod format;
mod issue_text;
#[cfg(feature = "ssr")]
pub mod wire;
pub mod zone;

use fluent_bundle::{FluentArgs, FluentValue};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Locale {
    #[default]
    En,
    FrCa,
    Ru,
}

pub const COOKIE: &str = "portal_lang";

impl Locale {
    pub const ALL: [Locale; 3] = [Locale::En, Locale::FrCa, Locale::Ru];

    /// BCP 47 code, as in `<html lang>` and the profile.
    pub fn code(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::FrCa => "fr-CA",
            Locale::Ru => "ru",
        }
    }

    /// "EN", "FR", "RU".
    pub fn short_name(self) -> &'static str {
        match self {
            Locale::En => "EN",
            Locale::FrCa => "FR",
            Locale::Ru => "RU",
        }
    }

    /// The language's own name, for the switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::FrCa => "Français",
            Locale::Ru => "Русский",
        }
    }

    /// Accepts "fr-CA", "fr", "fr-FR" (French is Canadian French here), "ru-RU", "en-US" …
    pub fn parse(code: &str) -> Option<Locale> {
        let lower = code.trim().to_ascii_lowercase();
        let primary = lower.split(['-', '_']).next().unwrap_or_default();
        match primary {
            "en" => Some(Locale::En),
            "fr" => Some(Locale::FrCa),
            "ru" => Some(Locale::Ru),
            _ => None,
        }
    }

    /// The best language in an Accept-Language header (by q-value, then order).
    pub fn from_accept_language(header: &str) -> Option<Locale> {
        let mut best: Option<(f32, usize, Locale)> = None;
        for (i, part) in header.split(',').enumerate() {
            let mut bits = part.split(';');
            let tag = bits.next().unwrap_or_default();
            let q = bits
                .find_map(|b| b.trim().strip_prefix("q="))
                .and_then(|q| q.parse::<f32>().ok())
                .unwrap_or(1.0);
            if q <= 0.0 {
                continue;
            }
            if let Some(l) = Locale::parse(tag) {
                if best.is_none_or(|(bq, _, _)| q > bq) {
                    best = Some((q, i, l));
                }
            }
        }
        best.map(|(_, _, l)| l)
    }
}

/// The language of what is being rendered: from the Leptos context (set by `App`), else the
/// page's language in the browser, else English (server functions and emails pass theirs).
pub fn current() -> Locale {
    if let Some(l) = leptos::prelude::use_context::<Locale>() {
        return l;
    }
    #[cfg(feature = "hydrate")]
    {
        return page_locale();
    }
    #[allow(unreachable_code)]
    Locale::En
}

/// `<html lang>` as the server rendered it.
#[cfg(feature = "hydrate")]
pub fn page_locale() -> Locale {
    leptos::prelude::document()
        .document_element()
        .and_then(|e| e.get_attribute("lang"))
        .and_then(|l| Locale::parse(&l))
        .unwrap_or_default()
}

/// Installs the page language's texts (`text`, the file the page fetched beside the bundle) and
/// parses them. The browser calls it before hydrating, in a task of its own, so the page's one
/// long start-up task is that much shorter.
#[cfg(feature = "hydrate")]
pub fn prepare(text: String) {
    zone::remember();
    #[cfg(not(feature = "catalogues"))]
    catalogue::install(page_locale(), text);
    #[cfg(feature = "catalogues")]
    drop(text);
}

/// The message `key` in `locale`. A missing key shows as the key itself (and the catalogue test
/// fails long before that reaches anyone).
pub fn t(locale: Locale, key: &str) -> String {
    catalogue::format(locale, key, None)
}

/// The message `key` with arguments, e.g. `tf(l, "codes-left", &[("n", 3.into())])`.
pub fn tf(locale: Locale, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    let mut a = FluentArgs::new();
    for (k, v) in args {
        a.set(*k, v.clone());
    }
    catalogue::format(locale, key, Some(&a))
}

/// `t` in the current language.
pub fn tr(key: &str) -> String {
    t(current(), key)
}

pub use fluent_bundle::FluentValue as Value;

/// The Set-Cookie value remembering a language for a year.
pub fn cookie(locale: Locale, secure: bool) -> String {
    format!(
        "{COOKIE}={}; Path=/; SameSite=Lax; Max-Age=31536000{}",
        locale.code(),
        if secure { "; Secure" } else { "" }
    )
}

/// The language of the request being rendered (server side): cookie, else Accept-Language.
#[cfg(feature = "ssr")]
pub fn request_locale() -> Locale {
    match leptos::prelude::use_context::<axum::http::request::Parts>() {
        Some(parts) => locale_of(&parts.headers),
        None => Locale::En,
    }
}

/// A request's language from its headers: the `portal_lang` cookie, else Accept-Language, else
/// English (downloads use this too, so a PDF comes in the language of the page it came from).
#[cfg(feature = "ssr")]
pub fn locale_of(headers: &axum::http::HeaderMap) -> Locale {
    use axum::http::header::{ACCEPT_LANGUAGE, COOKIE as COOKIE_HEADER};
    let from_cookie = headers
        .get_all(COOKIE_HEADER)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|h| crate::infra::session::read_cookie(h, COOKIE).and_then(Locale::parse));
    from_cookie
        .or_else(|| {
            headers
                .get(ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(Locale::from_accept_language)
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_picks_the_best_supported_language() {
        assert_eq!(
            Locale::from_accept_language("fr-CA,fr;q=0.9,en;q=0.8"),
            Some(Locale::FrCa)
        );
        assert_eq!(
            Locale::from_accept_language("de-DE,de;q=0.9,ru;q=0.8,en;q=0.7"),
            Some(Locale::Ru)
        );
        assert_eq!(
            Locale::from_accept_language("en;q=0.5, ru;q=0.9"),
            Some(Locale::Ru)
        );
        assert_eq!(Locale::from_accept_language("de, it;q=0.5"), None);
        assert_eq!(Locale::from_accept_language("ru;q=0, en"), Some(Locale::En));
        assert_eq!(Locale::parse("FR_fr"), Some(Locale::FrCa));
        assert_eq!(Locale::parse("pt-BR"), None);
    }
}
