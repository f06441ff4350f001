//! Security page server functions; each requires a signed-in customer and acts only on their own
//! sessions and devices.

use super::SecurityOverview;
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "security_overview")]
pub async fn load_security_overview() -> Result<SecurityOverview, AppError> {
    use crate::infra::{guard::CurrentCustomer, AppState};
    crate::error::respond(
        async move {
            let me = CurrentCustomer::require().await?;
            super::service::overview(&AppState::from_context()?, me).await
        }
        .await,
    )
}

#[server(prefix = "/api", endpoint = "revoke_session")]
pub async fn revoke_session(id: i64) -> Result<(), AppError> {
    use crate::infra::{
        guard::{session_slot, CurrentCustomer},
        AppState,
    };
    crate::error::respond(
        async move {
            let me = CurrentCustomer::require().await?;
            let slot = session_slot().await?;
            super::service::revoke_session(&AppState::from_context()?, me, &slot.client, id).await
        }
        .await,
    )
}

#[server(prefix = "/api", endpoint = "revoke_other_sessions")]
pub async fn revoke_other_sessions() -> Result<u64, AppError> {
    use crate::infra::{
        guard::{session_slot, CurrentCustomer},
        AppState,
    };
    crate::error::respond(
        async move {
            let me = CurrentCustomer::require().await?;
            let slot = session_slot().await?;
            super::service::revoke_others(&AppState::from_context()?, me, &slot.client).await
        }
        .await,
    )
}

#[server(prefix = "/api", endpoint = "revoke_device")]
pub async fn revoke_device(id: i64) -> Result<(), AppError> {
    use crate::infra::{
        guard::{session_slot, CurrentCustomer},
        AppState,
    };
    crate::error::respond(
        async move {
            let me = CurrentCustomer::require().await?;
            let slot = session_slot().await?;
            super::service::revoke_device(&AppState::from_context()?, me, &slot.client, id).await
        }
        .await,
    )
}
