//! Server-only plumbing (feature `ssr`): configuration, database, clock, mail, sessions, guards,
//! throttling and audit. Features call into these; nothing here knows about pages.

pub mod audit;
pub mod client_ip;
pub mod clock;
pub mod config;
pub mod cookies;
pub mod crypto;
pub mod db;
pub mod download;
pub mod files;
pub mod guard;
pub mod hasher;
pub mod jobs;
pub mod mailer;
pub mod outbox;
pub mod plain_form;
pub mod print_mail;
pub mod processor;
pub mod session;
pub mod sms;
pub mod staff_session;
pub mod state;
pub mod throttle;
pub mod tokens;
pub mod unavailable;

pub use clock::{Clock, ManualClock, OffsetClock, SystemClock};
pub use config::{Config, ConfigError, RunMode};
pub use db::{Db, DbKind};
pub use state::AppState;
