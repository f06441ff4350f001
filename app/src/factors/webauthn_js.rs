//! The browser half of passkeys: `navigator.credentials.create/get` with the server's options,
//! converted by the browser's own `PublicKeyCredential.parse*OptionsFromJSON` and `toJSON()`
//! (WebAuthn Level 3), called through js-sys so no JavaScript file is needed.

use js_sys::{Function, Object, Promise, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::error::PasskeyBrowser;

fn unsupported() -> PasskeyBrowser {
    PasskeyBrowser::Unsupported
}

fn get(target: &JsValue, key: &str) -> Result<JsValue, PasskeyBrowser> {
    Reflect::get(target, &JsValue::from_str(key)).map_err(|_| unsupported())
}

fn function(target: &JsValue, key: &str) -> Result<Function, PasskeyBrowser> {
    get(target, key)?
        .dyn_into::<Function>()
        .map_err(|_| unsupported())
}

/// Whether this browser has WebAuthn with the JSON helpers.
pub fn supported() -> bool {
    let w: JsValue = leptos::prelude::window().into();
    get(&w, "PublicKeyCredential")
        .ok()
        .filter(|p| !p.is_undefined())
        .and_then(|p| function(&p, "parseRequestOptionsFromJSON").ok())
        .is_some()
}

fn explain(e: JsValue) -> PasskeyBrowser {
    let name = Reflect::get(&e, &JsValue::from_str("name"))
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    match name.as_str() {
        "NotAllowedError" => PasskeyBrowser::Cancelled,
        "InvalidStateError" => PasskeyBrowser::AlreadyRegistered,
        "SecurityError" => PasskeyBrowser::Insecure,
        _ => PasskeyBrowser::Failed,
    }
}

async fn call(kind: &str, options_json: &str) -> Result<String, PasskeyBrowser> {
    let w: JsValue = leptos::prelude::window().into();
    let pkc = get(&w, "PublicKeyCredential")?;
    if pkc.is_undefined() {
        return Err(unsupported());
    }
    let options = JSON::parse(options_json).map_err(|_| unsupported())?;
    let public_key = get(&options, "publicKey")?;
    let parser = if kind == "create" {
        "parseCreationOptionsFromJSON"
    } else {
        "parseRequestOptionsFromJSON"
    };
    let parsed = function(&pkc, parser)?
        .call1(&pkc, &public_key)
        .map_err(explain)?;
    let arg = Object::new();
    Reflect::set(&arg, &JsValue::from_str("publicKey"), &parsed).map_err(explain)?;
    let credentials = get(&get(&w, "navigator")?, "credentials")?;
    let promise: Promise = function(&credentials, kind)?
        .call1(&credentials, &arg)
        .map_err(explain)?
        .dyn_into()
        .map_err(|_| unsupported())?;
    let credential = JsFuture::from(promise).await.map_err(explain)?;
    let json = function(&credential, "toJSON")?
        .call0(&credential)
        .map_err(explain)?;
    JSON::stringify(&json)
        .map_err(explain)?
        .as_string()
        .ok_or_else(unsupported)
}

/// Creates a passkey; returns the credential as JSON for the server.
pub async fn create(options_json: &str) -> Result<String, PasskeyBrowser> {
    call("create", options_json).await
}

/// Uses a passkey; returns the assertion as JSON for the server.
pub async fn assert(options_json: &str) -> Result<String, PasskeyBrowser> {
    call("get", options_json).await
}
