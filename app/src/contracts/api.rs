//! Contract server functions. Each authenticates (`CurrentCustomer::require`) and hands the
//! customer's id to a service query that filters by it.

use super::{ContractDetail, ContractSummary, HistoryLine, Page, ScheduleLine};
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "my_contracts")]
pub async fn my_contracts() -> Result<Vec<ContractSummary>, AppError> {
    use crate::infra::{guard::CurrentCustomer, AppState};
    crate::error::respond(
        async move {
            let me = CurrentCustomer::require().await?;
            super::service::summaries(&AppState::from_context()?, me.id).await
        }
        .await,
    )
}

#[server(prefix = "/api", endpoint = "contract_detail")]
pub async fn contract_details(id: i64) -> Result<ContractDetail, AppError> {
    use crate::infra::{guard::CurrentCustomer, AppState};
    crate::error::respond(
        async move {
            let me = CurrentCustomer::require().await?;
            super::service::detail(&AppState::from_context()?, me.id, id).await
        }
        .await,
    )
}

#[server(prefix = "/api", endpoint = "contract_schedule")]
pub async fn contract_schedule(id: i64, page: u32) -> Result<Page<ScheduleLine>, AppError> {
    use crate::infra::{guard::CurrentCustomer, AppState};
    crate::error::respond(
        async move {
            let me = CurrentCustomer::require().await?;
            let (contract, lines) =
                super::service::schedule_lines(&AppState::from_context()?, me.id, id).await?;
            let (items, page, pages) = super::paginate(&lines, page);
            Ok(Page {
                items,
                page,
                pages,
                total: lines.len() as u32,
                contract,
            })
        }
        .await,
    )
}

#[server(prefix = "/api", endpoint = "contract_history")]
pub async fn contract_history(id: i64, page: u32) -> Result<Page<HistoryLine>, AppError> {
    use crate::infra::{guard::CurrentCustomer, AppState};
    crate::error::respond(
        async move {
            let me = CurrentCustomer::require().await?;
            let (contract, lines) =
                super::service::history(&AppState::from_context()?, me.id, id).await?;
            let (items, page, pages) = super::paginate(&lines, page);
            Ok(Page {
                items,
                page,
                pages,
                total: lines.len() as u32,
                contract,
            })
        }
        .await,
    )
}
