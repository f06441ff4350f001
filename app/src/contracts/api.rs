//! Contract server functions. Each authenticates (`guard::customer`) and hands the customer's id to
//! a service query that filters by it.

use super::{
    ContractDetail, ContractSummary, HistoryLine, Page, ScheduleLine, TransferInstructions,
};
use crate::error::AppError;
use leptos::prelude::*;
#[cfg(feature = "ssr")]
use {super::service, crate::infra::guard};

#[server(prefix = "/api", endpoint = "my_contracts")]
pub async fn my_contracts() -> Result<Vec<ContractSummary>, AppError> {
    let g = guard::customer().await?;
    Ok(service::summaries(&g.state, g.me.id).await?)
}

#[server(prefix = "/api", endpoint = "contract_detail")]
pub async fn contract_details(id: i64) -> Result<ContractDetail, AppError> {
    let g = guard::customer().await?;
    Ok(service::detail(&g.state, g.me.id, id).await?)
}

/// The lender's account to pay this contract into from another bank, with the reference to quote.
#[server(prefix = "/api", endpoint = "contract_transfer_details")]
pub async fn contract_transfer_details(id: i64) -> Result<TransferInstructions, AppError> {
    let g = guard::customer().await?;
    Ok(service::transfer_details(&g.state, g.me.id, id).await?)
}

#[server(prefix = "/api", endpoint = "contract_schedule")]
pub async fn contract_schedule(id: i64, page: u32) -> Result<Page<ScheduleLine>, AppError> {
    let g = guard::customer().await?;
    let (contract, lines) = service::schedule_lines(&g.state, g.me.id, id).await?;
    let page = if page == 0 {
        super::page_of_next_due(&lines)
    } else {
        page
    };
    Ok(Page::of(contract, &lines, page))
}

#[server(prefix = "/api", endpoint = "contract_history")]
pub async fn contract_history(id: i64, page: u32) -> Result<Page<HistoryLine>, AppError> {
    let g = guard::customer().await?;
    let (contract, lines) = service::history(&g.state, g.me.id, id).await?;
    Ok(Page::of(contract, &lines, page))
}
