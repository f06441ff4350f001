//! `AppState`: what every handler and server function may use, cheap to clone.

use super::{
    hasher::Hasher, mailer::Mailer, outbox::OutboxSignal, sms::SmsSender, Clock, Config, Db,
};
use std::sync::Arc;

#[derive(Clone)]
pub struct AppState {
    pub config: Arc<Config>,
    pub db: Db,
    pub clock: Arc<dyn Clock>,
    pub mailer: Arc<dyn Mailer>,
    pub sms: Arc<dyn SmsSender>,
    /// Cards and bank transfers (`processor::SimulatedProcessor` here).
    pub processor: Arc<dyn super::processor::PaymentProcessor>,
    /// Paper statements (`print_mail::SimulatedPrintMail` here).
    pub print_mail: Arc<dyn super::print_mail::PrintMail>,
    pub hasher: Hasher,
    pub outbox: OutboxSignal,
    /// This process among the instances sharing the database (`jobs::instance_id`): the owner
    /// written on claimed work.
    pub instance: Arc<str>,
    pub leptos_options: leptos::config::LeptosOptions,
    /// Uploaded files (`infra/files.rs`).
    pub files: super::files::Files,
}

impl axum::extract::FromRef<AppState> for leptos::config::LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

impl AppState {
    /// The state provided to server functions through Leptos context.
    pub fn from_context() -> Result<AppState, crate::error::AppError> {
        leptos::prelude::use_context::<AppState>().ok_or_else(|| {
            tracing::error!("AppState missing from context");
            crate::error::AppError::Internal
        })
    }
}
