//! Documents server functions: the list of what a customer can download.

use super::ContractDocuments;
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "my_documents")]
pub async fn my_documents() -> Result<Vec<ContractDocuments>, AppError> {
    use crate::infra::{guard::CurrentCustomer, AppState};
    crate::error::respond(
        async move {
            let me = CurrentCustomer::require().await?;
            super::service::list(&AppState::from_context()?, me.id).await
        }
        .await,
    )
}
