//! The messages the identity flows send. Plain text first (what screen readers and terminals show),
//! with a simple HTML alternative; links are absolute, built from PUBLIC_URL.

use crate::infra::mailer::Mail;

const BRAND: &str = "Northstar Auto Finance";

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn layout(
    to: &str,
    subject: &str,
    greeting: &str,
    paragraphs: &[&str],
    button: Option<(&str, &str)>,
) -> Mail {
    let mut text = format!("{greeting}\n\n");
    let mut html = format!(
        "<!doctype html><html><body style=\"font-family:system-ui,sans-serif;color:#1b2a3a\">\
         <p style=\"font-weight:600;color:#0b3d6e\">{BRAND}</p><p>{}</p>",
        html_escape(greeting)
    );
    for p in paragraphs {
        text.push_str(p);
        text.push_str("\n\n");
        html.push_str(&format!("<p>{}</p>", html_escape(p)));
    }
    if let Some((label, url)) = button {
        text.push_str(&format!("{label}: {url}\n\n"));
        html.push_str(&format!(
            "<p><a href=\"{0}\" style=\"display:inline-block;padding:12px 20px;background:#0b3d6e;color:#fff;\
             border-radius:6px;text-decoration:none\">{1}</a></p><p style=\"font-size:13px\">{2}<br>{0}</p>",
            html_escape(url),
            html_escape(label),
            "If the button does not work, copy this address into your browser:"
        ));
    }
    text.push_str(&format!(
        "— {BRAND}\nThis message was sent to {to}. We never ask for your password by email.\n"
    ));
    html.push_str(&format!(
        "<p style=\"font-size:13px;color:#52606d\">This message was sent to {}. We never ask for your password by email.</p></body></html>",
        html_escape(to)
    ));
    Mail {
        to: to.to_owned(),
        subject: subject.to_owned(),
        text,
        html,
    }
}

pub fn activation(to: &str, first_name: &str, url: &str) -> Mail {
    layout(
        to,
        "Activate your account login",
        &format!("Hello {first_name},"),
        &[
            "Thank you for registering. Please confirm your email address to activate your login.",
            "This link works once and expires in 24 hours. If you did not register, ignore this email.",
        ],
        Some(("Activate now", url)),
    )
}

pub fn already_registered(to: &str, first_name: &str, login_url: &str) -> Mail {
    layout(
        to,
        "You already have an account",
        &format!("Hello {first_name},"),
        &[
            "Someone (perhaps you) tried to register again with this email address. Your account already exists, so nothing was changed.",
            "If you forgot your password, use \"Forgot your password?\" on the sign-in page.",
        ],
        Some(("Sign in", login_url)),
    )
}

pub fn device_code(to: &str, first_name: &str, code: &str) -> Mail {
    layout(
        to,
        "Your device authorization code",
        &format!("Hello {first_name},"),
        &[
            &format!("Your code to authorize this device is {code}"),
            "Enter it on the Authorize Device screen. It expires in 10 minutes and works once. If you did not ask for it, someone may know your password: change it and contact us.",
        ],
        None,
    )
}

pub fn sign_in_code(to: &str, first_name: &str, code: &str) -> Mail {
    layout(
        to,
        "Your sign-in code",
        &format!("Hello {first_name},"),
        &[
            &format!("Your sign-in code is {code}"),
            "You asked us for a code at every sign-in. It expires in 10 minutes and works once. If you are not signing in right now, someone may know your password: change it and contact us.",
        ],
        None,
    )
}

/// A notice that a sign-in method or security setting changed (`what` says which).
pub fn security_notice(to: &str, first_name: &str, what: &str, login_url: &str) -> Mail {
    layout(
        to,
        "A security setting of your login changed",
        &format!("Hello {first_name},"),
        &[
            what,
            "If this was you, there is nothing to do. If it was not, sign in, change your password and review your sign-in methods on the Security page, then contact us.",
        ],
        Some(("Review security", login_url)),
    )
}

pub fn password_reset(to: &str, first_name: &str, url: &str) -> Mail {
    layout(
        to,
        "Request to reset your password",
        &format!("Hello {first_name},"),
        &[
            "We received a request to reset the password of your login. Use the button below to choose a new one.",
            "The link works once and expires in 1 hour. If you did not ask for this, ignore this email: your password stays as it is.",
        ],
        Some(("Reset Password", url)),
    )
}

pub fn password_changed(to: &str, first_name: &str, login_url: &str) -> Mail {
    layout(
        to,
        "Your password was changed",
        &format!("Hello {first_name},"),
        &[
            "The password of your login was just changed, and every device was signed out.",
            "If this was not you, reset your password at once and contact us.",
        ],
        Some(("Sign in", login_url)),
    )
}

pub fn username_reminder(to: &str, first_name: &str, login_url: &str) -> Mail {
    layout(
        to,
        "Your username reminder",
        &format!("Hello {first_name},"),
        &[
            &format!("You asked which username your login uses. It is this email address: {to}"),
            "If you did not ask for this reminder, you can ignore this email.",
        ],
        Some(("Sign in", login_url)),
    )
}

pub fn account_locked(to: &str, first_name: &str, url: &str) -> Mail {
    layout(
        to,
        "Your login was locked after several wrong passwords",
        &format!("Hello {first_name},"),
        &[
            "Someone entered a wrong password for your login several times, so we paused sign-in for a few minutes to protect your account.",
            "If it was you, unlock your login now with the button below (valid 1 hour). If it was not you, consider changing your password.",
        ],
        Some(("Unlock my login", url)),
    )
}

pub fn confirm_new_email(to: &str, first_name: &str, url: &str) -> Mail {
    layout(
        to,
        "Confirm your new email address",
        &format!("Hello {first_name},"),
        &[
            "You asked to use this address for your login. Confirm it with the button below; until then your old address stays in use.",
            "The link works once and expires in 24 hours.",
        ],
        Some(("Confirm this address", url)),
    )
}

pub fn email_changed_notice(to: &str, first_name: &str, new_email: &str) -> Mail {
    layout(
        to,
        "Your login's email address was changed",
        &format!("Hello {first_name},"),
        &[
            &format!("Your login now uses {new_email}. From now on, sign in with that address."),
            "If you did not make this change, contact us right away.",
        ],
        None,
    )
}
