//! Browser tests (wasm-bindgen-test in headless Chromium): the registration form's live validation,
//! running the same domain validators the server uses.
#![cfg(target_arch = "wasm32")]

use app::auth::api::Register;
use app::auth::register_page::RegisterForm;
use app::domain::Issue;
use leptos::prelude::*;
use leptos_router::components::Router;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Event, EventInit, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Lets Leptos run its effects (they are scheduled as microtasks / tasks).
async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

fn mount() -> ServerAction<Register> {
    // Each test gets its own container (the runner's own output lives in the body too).
    if let Some(old) = document().get_element_by_id("test-root") {
        old.remove();
    }
    let root = document().create_element("div").unwrap();
    root.set_id("test-root");
    document().body().unwrap().append_child(&root).unwrap();
    let action = ServerAction::<Register>::new();
    let root: web_sys::HtmlElement = root.dyn_into().unwrap();
    leptos::mount::mount_to(
        root,
        move || view! { <Router><RegisterForm action/></Router> },
    )
    .forget();
    action
}

fn input(id: &str) -> HtmlInputElement {
    document()
        .get_element_by_id(id)
        .unwrap_or_else(|| panic!("#{id}"))
        .dyn_into()
        .unwrap()
}

fn fire(el: &HtmlInputElement, kind: &str) {
    let init = EventInit::new();
    init.set_bubbles(true);
    el.dispatch_event(&Event::new_with_event_init_dict(kind, &init).unwrap())
        .unwrap();
}

async fn type_into(id: &str, value: &str) {
    let el = input(id);
    el.set_value(value);
    fire(&el, "input");
    fire(&el, "blur");
    settle().await;
}

fn error_text(id: &str) -> String {
    document()
        .get_element_by_id(&format!("{id}-error"))
        .unwrap()
        .text_content()
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn email_error_appears_after_leaving_the_field_and_clears_when_fixed() {
    mount();
    settle().await;
    assert_eq!(
        error_text("email"),
        "",
        "no error before the field is touched"
    );
    type_into("email", "anna@example").await;
    assert_eq!(error_text("email"), Issue::EmailFormat.message());
    assert_eq!(
        input("email").get_attribute("aria-invalid").as_deref(),
        Some("true")
    );
    type_into("email", "anna@example.com").await;
    assert_eq!(error_text("email"), "");
    assert_eq!(
        input("email").get_attribute("aria-invalid").as_deref(),
        Some("false")
    );
}

#[wasm_bindgen_test]
async fn password_rules_and_confirmation_are_checked_live() {
    mount();
    type_into("email", "marguerite@example.com").await;
    type_into("password", "short").await;
    assert_eq!(error_text("password"), Issue::TooShort { min: 8 }.message());
    type_into("password", "Marguerite-2026").await;
    assert_eq!(
        error_text("password"),
        Issue::PasswordContainsEmail.message()
    );
    type_into("password", "blue tractor sunrise").await;
    assert_eq!(error_text("password"), "");
    type_into("password_confirm", "blue tractor sunset").await;
    assert_eq!(
        error_text("password_confirm"),
        Issue::PasswordMismatch.message()
    );
    type_into("password_confirm", "blue tractor sunrise").await;
    assert_eq!(error_text("password_confirm"), "");
}

#[wasm_bindgen_test]
async fn submitting_an_empty_form_flags_every_field_and_sends_nothing() {
    let action = mount();
    settle().await;
    let button = document()
        .get_element_by_id("register-submit")
        .unwrap()
        .dyn_into::<web_sys::HtmlElement>()
        .unwrap();
    button.click();
    settle().await;
    for id in [
        "first_name",
        "last_name",
        "email",
        "password",
        "password_confirm",
    ] {
        assert_eq!(error_text(id), Issue::Required.message(), "{id}");
    }
    assert_eq!(
        error_text("accept_terms"),
        Issue::TermsNotAccepted.message()
    );
    assert_eq!(
        action.version().get_untracked(),
        0,
        "no request was dispatched"
    );
    let focused = document()
        .active_element()
        .map(|e| e.id())
        .unwrap_or_default();
    assert_eq!(focused, "first_name", "focus moves to the first problem");
}

/// In the browser the catalogues are compiled into the WASM bundle, and the language comes from
/// `<html lang>` as the server rendered it: messages, plurals, money and dates follow it.
#[wasm_bindgen_test]
fn the_page_language_drives_messages_money_and_dates() {
    use app::domain::Money;
    use app::error::AppError;
    use app::i18n::{page_locale, Locale};
    let html = document().document_element().unwrap();
    let before = html.get_attribute("lang");
    html.set_attribute("lang", "ru").unwrap();
    assert_eq!(page_locale(), Locale::Ru);
    assert_eq!(
        AppError::Unauthorized.message_in(page_locale()),
        "Ваш сеанс завершён. Пожалуйста, войдите снова."
    );
    assert!(AppError::WrongCode { attempts_left: 3 }
        .message_in(page_locale())
        .contains("Осталось 3 попытки"));
    assert_eq!(
        app::i18n::format::money(page_locale(), Money::from_cents(123_456), "USD"),
        "1\u{a0}234,56\u{a0}$"
    );
    html.set_attribute("lang", "fr-CA").unwrap();
    assert_eq!(
        app::i18n::format::date(page_locale(), time::macros::date!(2026 - 12 - 03)),
        "3 déc. 2026"
    );
    match before {
        Some(l) => html.set_attribute("lang", &l).unwrap(),
        None => html.remove_attribute("lang").unwrap(),
    }
}
