//! The contract-number set-up as a person does it: sign in with a fresh temporary password,
//! choose email and password, enter the code sent to the new address.

use super::{six_digits, TestApp};

/// Signs in with a fresh temporary password for `contract` and returns the set-up client.
pub async fn temporary_set_up(app: &TestApp, contract: &str) -> reqwest::Client {
    let (temp, _) = app::signin::temporary::issue(&app.state, contract, "test")
        .await
        .unwrap();
    let c = app.client();
    let r = app
        .post(
            &c,
            "/api/login_temporary",
            &[("contract_number", contract), ("password", &temp)],
        )
        .await;
    assert_eq!(r.status(), 200);
    c
}

pub async fn complete_setup(
    app: &TestApp,
    c: &reqwest::Client,
    email: &str,
    pw: &str,
    second_factor: &str,
) -> reqwest::Response {
    app.post(
        c,
        "/api/complete_setup",
        &[
            ("email", email),
            ("password", pw),
            ("password_confirm", pw),
            ("second_factor", second_factor),
        ],
    )
    .await
}

/// Enters the code emailed to `email` (the address being set up) in the set-up's sign-in.
pub async fn enter_setup_code(app: &TestApp, c: &reqwest::Client, email: &str) {
    // Everything queued for the address has arrived, so the newest code is this set-up's.
    let queued = app.queued_for(email).await as usize;
    app.smtp.wait_for(email, queued).await;
    let code = six_digits(
        &app.smtp
            .wait_subject(email, "Your device authorization code")
            .await
            .text,
    );
    let r = app
        .post(
            c,
            "/api/complete_login",
            &[("method", "code"), ("code", &code)],
        )
        .await;
    assert_eq!(r.status(), 200);
}
