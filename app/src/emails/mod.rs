//! The messages the identity flows send, in the recipient's language (the `language` of their
//! customer record; at registration, the language of the page they registered from). Plain text
//! first (what screen readers and terminals show), with a simple HTML alternative; links are
//! absolute, built from PUBLIC_URL.

use crate::domain::{EventKind, OtpSetting};
use crate::i18n::{t, tf, Locale};
use crate::infra::mailer::Mail;

pub mod applications;
pub mod autopay;
pub mod messages;
pub mod notices;
pub mod payments;

pub use notices::{queue_security_notice, recipient, send_security_notice, Recipient};

const BRAND: &str = "Northstar Auto Finance";

/// The language stored in `customers.language` ('en' | 'fr-CA' | 'ru'); English when unknown.
pub fn language(code: &str) -> Locale {
    Locale::parse(code).unwrap_or_default()
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

pub(crate) fn layout(
    l: Locale,
    to: &str,
    first_name: &str,
    subject: String,
    paragraphs: &[String],
    button: Option<(String, &str)>,
) -> Mail {
    let greeting = tf(l, "email-greeting", &[("name", first_name.into())]);
    let footer = tf(l, "email-footer", &[("to", to.into())]);
    let mut text = format!("{greeting}\n\n");
    let mut html = format!(
        "<!doctype html><html lang=\"{}\"><body style=\"font-family:system-ui,sans-serif;color:#1b2a3a\">\
         <p style=\"font-weight:600;color:#0b3d6e\">{BRAND}</p><p>{}</p>",
        l.code(),
        html_escape(&greeting)
    );
    for p in paragraphs {
        text.push_str(p);
        text.push_str("\n\n");
        html.push_str(&format!("<p>{}</p>", html_escape(p)));
    }
    if let Some((label, url)) = button {
        let line = tf(
            l,
            "email-link-line",
            &[("label", label.as_str().into()), ("url", url.into())],
        );
        text.push_str(&format!("{line}\n\n"));
        html.push_str(&format!(
            "<p><a href=\"{0}\" style=\"display:inline-block;padding:12px 20px;background:#0b3d6e;color:#fff;\
             border-radius:6px;text-decoration:none\">{1}</a></p><p style=\"font-size:13px\">{2}<br>{0}</p>",
            html_escape(url),
            html_escape(&label),
            html_escape(&t(l, "email-button-fallback"))
        ));
    }
    text.push_str(&format!("— {BRAND}\n{footer}\n"));
    html.push_str(&format!(
        "<p style=\"font-size:13px;color:#52606d\">{}</p></body></html>",
        html_escape(&footer)
    ));
    Mail {
        to: to.to_owned(),
        subject,
        text,
        html,
    }
}

pub fn activation(l: Locale, to: &str, first_name: &str, url: &str) -> Mail {
    layout(
        l,
        to,
        first_name,
        t(l, "email-activation-subject"),
        &[
            t(l, "email-activation-body"),
            t(l, "email-activation-expiry"),
        ],
        Some((t(l, "email-activation-button"), url)),
    )
}

pub fn already_registered(l: Locale, to: &str, first_name: &str, login_url: &str) -> Mail {
    layout(
        l,
        to,
        first_name,
        t(l, "email-already-registered-subject"),
        &[
            t(l, "email-already-registered-body"),
            t(l, "email-already-registered-hint"),
        ],
        Some((t(l, "email-button-sign-in"), login_url)),
    )
}

pub fn device_code(l: Locale, to: &str, first_name: &str, code: &str) -> Mail {
    layout(
        l,
        to,
        first_name,
        t(l, "email-device-code-subject"),
        &[
            tf(l, "email-device-code-body", &[("code", code.into())]),
            t(l, "email-device-code-hint"),
        ],
        None,
    )
}

pub fn sign_in_code(l: Locale, to: &str, first_name: &str, code: &str) -> Mail {
    layout(
        l,
        to,
        first_name,
        t(l, "email-sign-in-code-subject"),
        &[
            tf(l, "email-sign-in-code-body", &[("code", code.into())]),
            t(l, "email-sign-in-code-hint"),
        ],
        None,
    )
}

/// The text message carrying a one-time code (sent instead of an email when the channel is SMS).
pub fn sms_code(l: Locale, code: &str) -> String {
    tf(l, "email-sms-code", &[("code", code.into())])
}

/// A notice that a sign-in method or security setting changed (`what` says which, already in
/// the recipient's language: see `security_change`).
pub fn security_notice(l: Locale, to: &str, first_name: &str, what: &str, login_url: &str) -> Mail {
    layout(
        l,
        to,
        first_name,
        t(l, "email-security-subject"),
        &[what.to_owned(), t(l, "email-security-hint")],
        Some((t(l, "email-security-button"), login_url)),
    )
}

/// The sentence of a security notice for a `kind` of change, in `l`. `otp` is the every-sign-in
/// code setting after the change.
pub fn security_change(l: Locale, kind: EventKind, otp: OtpSetting) -> String {
    match kind {
        EventKind::TotpEnabled => t(l, "email-notice-totp-enabled"),
        EventKind::TotpDisabled => t(l, "email-notice-totp-disabled"),
        EventKind::RecoveryCodesRegenerated => t(l, "email-notice-recovery-codes-regenerated"),
        EventKind::PasskeyAdded => t(l, "email-notice-passkey-added"),
        EventKind::PasskeyRemoved => t(l, "email-notice-passkey-removed"),
        EventKind::SignInCodeChanged => match otp {
            OtpSetting::Email => t(l, "email-notice-sign-in-code-email"),
            OtpSetting::Sms => t(l, "email-notice-sign-in-code-sms"),
            OtpSetting::Off => t(l, "email-notice-sign-in-code-off"),
        },
        // A change without its own sentence still gets the notice, in general words.
        _ => t(l, "email-security-subject"),
    }
}

/// The sentence of the notice sent when a recovery code was used; `left` codes remain.
pub fn recovery_code_used(l: Locale, left: i64) -> String {
    tf(
        l,
        "email-notice-recovery-code-used",
        &[("left", left.into())],
    )
}

pub fn password_reset(l: Locale, to: &str, first_name: &str, url: &str) -> Mail {
    layout(
        l,
        to,
        first_name,
        t(l, "email-password-reset-subject"),
        &[
            t(l, "email-password-reset-body"),
            t(l, "email-password-reset-expiry"),
        ],
        Some((t(l, "email-password-reset-button"), url)),
    )
}

pub fn password_changed(l: Locale, to: &str, first_name: &str, login_url: &str) -> Mail {
    layout(
        l,
        to,
        first_name,
        t(l, "email-password-changed-subject"),
        &[
            t(l, "email-password-changed-body"),
            t(l, "email-password-changed-hint"),
        ],
        Some((t(l, "email-button-sign-in"), login_url)),
    )
}

pub fn username_reminder(l: Locale, to: &str, first_name: &str, login_url: &str) -> Mail {
    layout(
        l,
        to,
        first_name,
        t(l, "email-username-subject"),
        &[
            tf(l, "email-username-body", &[("email", to.into())]),
            t(l, "email-username-hint"),
        ],
        Some((t(l, "email-button-sign-in"), login_url)),
    )
}

pub fn account_locked(l: Locale, to: &str, first_name: &str, url: &str) -> Mail {
    layout(
        l,
        to,
        first_name,
        t(l, "email-locked-subject"),
        &[t(l, "email-locked-body"), t(l, "email-locked-hint")],
        Some((t(l, "email-locked-button"), url)),
    )
}

pub fn confirm_new_email(l: Locale, to: &str, first_name: &str, url: &str) -> Mail {
    layout(
        l,
        to,
        first_name,
        t(l, "email-confirm-email-subject"),
        &[
            t(l, "email-confirm-email-body"),
            t(l, "email-confirm-email-expiry"),
        ],
        Some((t(l, "email-confirm-email-button"), url)),
    )
}

pub fn email_changed_notice(l: Locale, to: &str, first_name: &str, new_email: &str) -> Mail {
    layout(
        l,
        to,
        first_name,
        t(l, "email-email-changed-subject"),
        &[
            tf(
                l,
                "email-email-changed-body",
                &[("email", new_email.into())],
            ),
            t(l, "email-email-changed-hint"),
        ],
        None,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_emails_keep_their_wording() {
        let m = device_code(Locale::En, "a@example.com", "Anna", "012345");
        assert_eq!(m.subject, "Your device authorization code");
        assert!(m
            .text
            .starts_with("Hello Anna,\n\nYour code to authorize this device is 012345\n\n"));
        assert!(m.text.ends_with(
            "— Northstar Auto Finance\nThis message was sent to a@example.com. We never ask for your password by email.\n"
        ));
        let r = password_reset(
            Locale::En,
            "a@example.com",
            "Anna",
            "https://x/reset?token=t",
        );
        assert!(r.text.contains("Reset Password: https://x/reset?token=t\n"));
        assert!(r
            .html
            .contains("If the button does not work, copy this address into your browser:"));
        assert_eq!(
            recovery_code_used(Locale::En, 1),
            "A recovery code was just used to sign in to your login. 1 unused code remains."
        );
        assert_eq!(
            recovery_code_used(Locale::En, 9),
            "A recovery code was just used to sign in to your login. 9 unused codes remain."
        );
        assert_eq!(
            sms_code(Locale::En, "000123"),
            "Northstar Auto Finance: your code is 000123. It expires in 10 minutes. We will never ask you for it."
        );
    }

    #[test]
    fn emails_follow_the_recipient_language() {
        let fr = password_reset(Locale::FrCa, "a@example.com", "Anne", "https://x/r");
        assert_eq!(
            fr.subject,
            "Demande de réinitialisation de votre mot de passe"
        );
        assert!(fr.text.starts_with("Bonjour Anne,"));
        let ru = device_code(Locale::Ru, "a@example.com", "Анна", "012345");
        assert_eq!(ru.subject, "Код подтверждения устройства");
        assert!(ru.text.contains("012345"));
        assert!(recovery_code_used(Locale::Ru, 3).contains("Осталось 3 неиспользованных кода"));
        assert!(recovery_code_used(Locale::Ru, 21).contains("Остался 21 неиспользованный код"));
        assert_eq!(language("fr-CA"), Locale::FrCa);
        assert_eq!(language("xx"), Locale::En);
        for l in Locale::ALL {
            for kind in [
                EventKind::TotpEnabled,
                EventKind::TotpDisabled,
                EventKind::RecoveryCodesRegenerated,
                EventKind::PasskeyAdded,
                EventKind::PasskeyRemoved,
                EventKind::SignInCodeChanged,
            ] {
                for otp in OtpSetting::ALL {
                    let s = security_change(l, kind, *otp);
                    assert!(!s.starts_with("email-"), "{kind:?} in {l:?}");
                }
            }
        }
    }
}
