//! The Fluent catalogues. The server (and the browser tests) compile every language in (feature
//! `catalogues`); a browser bundle carries none: it is handed its page's language, one file fetched
//! and cached beside the bundle (`wire.rs`), before it hydrates (`install`).

use super::Locale;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use std::sync::OnceLock;

#[cfg(feature = "catalogues")]
pub(crate) use embedded::*;
#[cfg(feature = "catalogues")]
mod embedded {
    use super::*;

    macro_rules! catalogues {
    ($($name:literal),* $(,)?) => {
        &[$((
            $name,
            [
                include_str!(concat!("../../locales/en/", $name, ".ftl")),
                include_str!(concat!("../../locales/fr-CA/", $name, ".ftl")),
                include_str!(concat!("../../locales/ru/", $name, ".ftl")),
            ],
        )),*]
    };
}

    /// (feature, [en, fr-CA, ru]) — one file per feature and language.
    pub(crate) const FILES: &[(&str, [&str; 3])] = catalogues!(
        "common",
        "errors",
        "auth",
        "signin",
        "factors",
        "contracts",
        "payments",
        "payoff",
        "linking",
        "security",
        "profile",
        "site",
        "documents",
        "autopay",
        "messages",
        "help",
        "applications",
        "lease_end",
    );

    /// The back office's texts: only in the staff bundle (and the server), like its pages.
    #[cfg(feature = "backoffice")]
    pub(crate) const BACKOFFICE_FILES: &[(&str, [&str; 3])] = catalogues!("backoffice");
    #[cfg(not(feature = "backoffice"))]
    pub(crate) const BACKOFFICE_FILES: &[(&str, [&str; 3])] = &[];

    /// Catalogues only the server uses (emails, PDFs): not compiled into the WASM bundle.
    #[cfg(feature = "ssr")]
    pub(crate) const SERVER_FILES: &[(&str, [&str; 3])] = catalogues!("emails", "pdf");
    #[cfg(not(feature = "ssr"))]
    pub(crate) const SERVER_FILES: &[(&str, [&str; 3])] = &[];

    /// Every catalogue this build carries.
    pub(crate) fn all_files() -> impl Iterator<Item = &'static (&'static str, [&'static str; 3])> {
        FILES
            .iter()
            .chain(BACKOFFICE_FILES.iter())
            .chain(SERVER_FILES.iter())
    }

    fn index(l: Locale) -> usize {
        match l {
            Locale::En => 0,
            Locale::FrCa => 1,
            Locale::Ru => 2,
        }
    }

    fn build(l: Locale) -> FluentBundle<FluentResource> {
        let mut bundle = new_bundle(l);
        for (_, texts) in all_files() {
            // Parse errors and duplicate keys are caught by the tests below.
            let res =
                FluentResource::try_new(texts[index(l)].to_string()).unwrap_or_else(|(r, _)| r);
            let _ = bundle.add_resource(res);
        }
        bundle
    }

    /// A language's bundle, parsed the first time it is needed.
    pub(super) fn bundle(l: Locale) -> Option<&'static FluentBundle<FluentResource>> {
        static BUNDLES: [OnceLock<FluentBundle<FluentResource>>; 3] =
            [const { OnceLock::new() }; 3];
        Some(BUNDLES[index(l)].get_or_init(|| build(l)))
    }

    /// One language's texts of a browser bundle (the staff bundle's adds the back office's), as the
    /// one Fluent file the browser is handed.
    #[cfg(feature = "ssr")]
    pub(crate) fn client_text(l: Locale, staff: bool) -> String {
        let files = FILES
            .iter()
            .chain(staff.then_some(BACKOFFICE_FILES).into_iter().flatten());
        files
            .map(|(_, texts)| texts[index(l)])
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// The page's language, handed over by the page before the browser bundle hydrates.
#[cfg(not(feature = "catalogues"))]
static INSTALLED: OnceLock<(Locale, FluentBundle<FluentResource>)> = OnceLock::new();

/// Parses `text` (the page's language's file) as the one catalogue of this browser. The first
/// call wins; a text that does not parse keeps what it can (the server checks the files).
#[cfg(not(feature = "catalogues"))]
pub fn install(l: Locale, text: String) {
    let _ = INSTALLED.get_or_init(|| {
        let mut bundle = new_bundle(l);
        let res = FluentResource::try_new(text).unwrap_or_else(|(r, _)| r);
        let _ = bundle.add_resource(res);
        (l, bundle)
    });
}

#[cfg(not(feature = "catalogues"))]
fn bundle(l: Locale) -> Option<&'static FluentBundle<FluentResource>> {
    INSTALLED
        .get()
        .filter(|(have, _)| *have == l)
        .map(|(_, b)| b)
}

fn new_bundle(l: Locale) -> FluentBundle<FluentResource> {
    let lang = l.code().parse().expect("valid language tag");
    let mut bundle = FluentBundle::new_concurrent(vec![lang]);
    // Only left-to-right languages: no bidi isolation marks around arguments.
    bundle.set_use_isolating(false);
    bundle
}

/// The message `key` in `l`; the key itself when there is none (the catalogue tests fail long
/// before that reaches anyone, and a browser that was handed no texts shows keys, not nothing).
pub fn format(l: Locale, key: &str, args: Option<&FluentArgs>) -> String {
    let Some(bundle) = bundle(l) else {
        return key.to_string();
    };
    match bundle.get_message(key).and_then(|m| m.value()) {
        Some(pattern) => {
            let mut errors = Vec::new();
            bundle
                .format_pattern(pattern, args, &mut errors)
                .into_owned()
        }
        None => key.to_string(),
    }
}

#[cfg(all(test, feature = "catalogues", not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn keys(text: &str, file: &str) -> BTreeSet<String> {
        let res = FluentResource::try_new(text.to_string())
            .unwrap_or_else(|(_, e)| panic!("{file}: does not parse: {e:?}"));
        res.entries()
            .filter_map(|e| match e {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn every_language_has_every_key() {
        let mut all = BTreeSet::new();
        for (name, texts) in all_files() {
            let en = keys(texts[0], &format!("en/{name}.ftl"));
            for (i, code) in ["fr-CA", "ru"].iter().enumerate() {
                let other = keys(texts[i + 1], &format!("{code}/{name}.ftl"));
                let missing: Vec<_> = en.difference(&other).collect();
                let extra: Vec<_> = other.difference(&en).collect();
                assert!(missing.is_empty(), "{code}/{name}.ftl lacks {missing:?}");
                assert!(
                    extra.is_empty(),
                    "{code}/{name}.ftl has keys English lacks: {extra:?}"
                );
            }
            for k in &en {
                assert!(
                    all.insert(k.clone()),
                    "key {k} is defined twice (en/{name}.ftl)"
                );
            }
        }
    }

    #[test]
    fn every_key_the_code_uses_exists() {
        let en: BTreeSet<String> = all_files()
            .flat_map(|(name, texts)| keys(texts[0], name))
            .collect();
        // t(l, "key"), tf(l, "key", ..), tr("key") and AppError::Conflict("key".into()).
        let pattern = regex::Regex::new(
            r#"\b(?:t|tf)\(\s*[a-z_]+\s*,\s*"([a-z0-9-]+)"|\b(?:tr|Conflict)\(\s*"([a-z0-9-]+)""#,
        )
        .unwrap();
        let mut missing = Vec::new();
        let mut used = 0;
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut stack = vec![root];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    // The i18n module's own docs show made-up keys.
                    if !path.ends_with("i18n") {
                        stack.push(path);
                    }
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let text = std::fs::read_to_string(&path).unwrap();
                    for c in pattern.captures_iter(&text) {
                        let key = c.get(1).or(c.get(2)).unwrap().as_str();
                        used += 1;
                        if !en.contains(key) {
                            missing.push(format!("{}: {key}", path.display()));
                        }
                    }
                }
            }
        }
        assert!(
            used > 40,
            "found only {used} uses: is the pattern still right?"
        );
        assert!(
            missing.is_empty(),
            "keys used in code but missing from the catalogues: {missing:#?}"
        );
    }

    /// Keys built from typed values (event kinds, sign-in proofs, conflicts, browser passkey
    /// failures) are not literals the scan above can see: each value's key is checked here.
    #[test]
    fn every_typed_value_has_its_text() {
        use crate::domain::attachment::{FileKind, FileProblem};
        use crate::domain::{EventKind, SignInProof};
        use crate::error::{AppError, Conflict, PasskeyBrowser};
        let mut keys: Vec<String> = EventKind::ALL.iter().map(|k| k.label_key()).collect();
        keys.extend(SignInProof::ALL.iter().map(|p| p.label_key()));
        keys.extend(
            crate::domain::account::TxnNote::ALL
                .iter()
                .map(|n| n.label_key()),
        );
        for l in Locale::ALL {
            for key in &keys {
                assert_ne!(&format(l, key, None), key, "{key} in {l:?}");
            }
            let conflicts = [
                Conflict::ContractTaken,
                Conflict::EmailTaken,
                Conflict::CurrentSession,
                Conflict::PasskeyRejected,
                Conflict::PasskeyLimit,
                Conflict::PasskeyOtherLogin,
                Conflict::RecoveryNeedsFactor,
                Conflict::SmsNeedsPhone,
                Conflict::StaffExists,
                Conflict::CardDeclined,
                Conflict::SourceInUse,
                Conflict::SourceFailed,
                Conflict::PaymentKeyReused,
                Conflict::PaymentNotCancellable,
                Conflict::ContractClosed,
                Conflict::ExtraMilesClosed,
                Conflict::SourceCurrency,
                Conflict::SourceBusy,
                Conflict::AutopayExists,
                Conflict::PaymentsInProgress,
            ];
            for c in conflicts {
                assert_ne!(
                    AppError::Conflict(c).message_in(l),
                    c.key(),
                    "{c:?} in {l:?}"
                );
            }
            for p in [
                PasskeyBrowser::Unsupported,
                PasskeyBrowser::Cancelled,
                PasskeyBrowser::AlreadyRegistered,
                PasskeyBrowser::Insecure,
                PasskeyBrowser::Failed,
            ] {
                assert_ne!(
                    AppError::PasskeyBrowser(p).message_in(l),
                    p.key(),
                    "{p:?} in {l:?}"
                );
            }
            for p in [
                FileProblem::TooLarge,
                FileProblem::TooMuchTogether,
                FileProblem::TooMany,
                FileProblem::Empty,
                FileProblem::Kind,
                FileProblem::Mismatch {
                    content: FileKind::Png,
                    name: FileKind::Heic,
                },
                FileProblem::Missing,
                FileProblem::Unavailable,
            ] {
                let text = AppError::File(p).message_in(l);
                assert!(!text.contains("file-"), "{p:?} in {l:?}: {text}");
            }
        }
        let mismatch = AppError::File(FileProblem::Mismatch {
            content: FileKind::Png,
            name: FileKind::Pdf,
        });
        assert!(mismatch
            .message_in(Locale::En)
            .contains("a PNG image but its name says a PDF"));
    }

    #[test]
    fn arguments_and_plurals_format_in_each_language() {
        let wrong =
            |l, n: u32| crate::error::AppError::WrongCode { attempts_left: n }.message_in(l);
        assert!(wrong(Locale::En, 1).contains("1 more try before"));
        assert!(wrong(Locale::En, 3).contains("3 more tries before"));
        assert!(wrong(Locale::FrCa, 3).contains("Il vous reste 3 essais"));
        assert!(wrong(Locale::Ru, 1).contains("Осталась 1 попытка"));
        assert!(wrong(Locale::Ru, 3).contains("Осталось 3 попытки"));
        assert!(wrong(Locale::Ru, 5).contains("Осталось 5 попыток"));
        assert!(wrong(Locale::Ru, 21).contains("Осталась 21 попытка"));
        assert_eq!(format(Locale::En, "no-such-key", None), "no-such-key");
    }
}
