//! The portal's server: configuration → state → axum router (Leptos pages + server functions behind
//! security, session, compression and tracing layers) plus background jobs and CLI commands.

pub mod bench;
pub mod cli;
pub mod dev;
pub mod jobs;
pub mod pwa;
pub mod security;
pub mod seed;
pub mod startup;
