//! Application server functions: a signed-in customer (guard) → parse → service; every query is
//! scoped to that customer in the service's SQL. Staff endpoints are in `backoffice::api`.

use super::{ApplicationView, Filed, Options, Preview};
use crate::domain::application_form::ApplicationForm;
use crate::error::AppError;
use leptos::prelude::*;
#[cfg(feature = "ssr")]
use {
    super::{preview, service},
    crate::infra::guard,
    crate::messages::api::files,
};

/// Which kinds the contract may file now, and why not.
#[server(prefix = "/api", endpoint = "application_options")]
pub async fn application_options(contract: i64) -> Result<Options, AppError> {
    let g = guard::customer().await?;
    Ok(preview::options(&g.state, g.me.id, contract).await?)
}

/// What filing `form` would do to the contract (nothing is written); `correcting` names the
/// application sent back that the form corrects.
#[server(prefix = "/api", endpoint = "application_preview")]
pub async fn application_preview(
    contract: i64,
    form: ApplicationForm,
    correcting: Option<i64>,
) -> Result<Preview, AppError> {
    let g = guard::customer().await?;
    Ok(preview::for_customer(&g.state, g.me.id, contract, &form, correcting).await?)
}

#[server(prefix = "/api", endpoint = "file_application")]
pub async fn file_application(
    contract: i64,
    form: ApplicationForm,
    key: String,
    attachments: Option<String>,
) -> Result<Filed, AppError> {
    let g = guard::customer().await?;
    let files = files(attachments)?;
    Ok(service::file(&g.state, g.me.id, contract, &form, &files, &key).await?)
}

/// The correction of an application sent back for it.
#[server(prefix = "/api", endpoint = "resubmit_application")]
pub async fn resubmit_application(
    id: i64,
    form: ApplicationForm,
    key: String,
    attachments: Option<String>,
) -> Result<Filed, AppError> {
    let g = guard::customer().await?;
    let files = files(attachments)?;
    Ok(service::resubmit(&g.state, g.me.id, id, &form, &files, &key).await?)
}

#[server(prefix = "/api", endpoint = "my_applications")]
pub async fn my_applications() -> Result<Vec<ApplicationView>, AppError> {
    let g = guard::customer().await?;
    Ok(service::list(&g.state, g.me.id).await?)
}
