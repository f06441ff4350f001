//! Security page server functions; each requires a signed-in customer and acts only on their own
//! sessions and devices.

use super::SecurityOverview;
use crate::error::AppError;
use leptos::prelude::*;
#[cfg(feature = "ssr")]
use {super::service, crate::infra::guard};

#[server(prefix = "/api", endpoint = "security_overview")]
pub async fn load_security_overview() -> Result<SecurityOverview, AppError> {
    let g = guard::customer().await?;
    Ok(service::overview(&g.state, g.me).await?)
}

#[server(prefix = "/api", endpoint = "revoke_session")]
pub async fn revoke_session(id: i64) -> Result<(), AppError> {
    let g = guard::customer().await?;
    Ok(service::revoke_session(&g.state, g.me, &g.client, id).await?)
}

#[server(prefix = "/api", endpoint = "revoke_other_sessions")]
pub async fn revoke_other_sessions() -> Result<u64, AppError> {
    let g = guard::customer().await?;
    Ok(service::revoke_others(&g.state, g.me, &g.client).await?)
}

#[server(prefix = "/api", endpoint = "revoke_device")]
pub async fn revoke_device(id: i64) -> Result<(), AppError> {
    let g = guard::customer().await?;
    Ok(service::revoke_device(&g.state, g.me, &g.client, id).await?)
}
