//! Documents server functions: the list of what a customer can download.

use super::ContractDocuments;
use crate::error::AppError;
use leptos::prelude::*;
#[cfg(feature = "ssr")]
use {super::service, crate::infra::guard};

#[server(prefix = "/api", endpoint = "my_documents")]
pub async fn my_documents() -> Result<Vec<ContractDocuments>, AppError> {
    let g = guard::customer().await?;
    Ok(service::list(&g.state, g.me.id).await?)
}
