//! Black-box integration tests: one test binary (one link of the whole server instead of one per
//! file), each module a feature. See `common` for the harness.

mod common;

mod account_security;
mod applications;
mod attachments;
mod auth_flow;
mod authenticators;
mod autopay;
mod autopay_drafts;
mod autopay_shared;
mod backoffice;
mod bench_payments;
mod browser_links;
mod contracts;
mod demo;
mod documents;
mod documents_access;
mod email_language;
mod instances;
mod late_returns;
mod lease_end;
mod limits;
mod linking;
mod messages;
mod payments;
mod payments_batch;
mod payments_change;
mod payments_in_flight;
mod payments_input;
mod payments_processes;
mod payments_rules;
mod payoff;
mod plain_forms;
mod profile;
mod profile_details;
mod proxies;
mod recovery;
mod schema;
mod secrets;
mod security;
mod sign_in;
mod smtp_tls;
mod temporary_login;
mod texts_on_the_wire;
mod transfer_details;
