//! Back-office server functions. Each starts with the staff guard (`CurrentStaff`), never the
//! customer one; issuing a temporary password needs a supervisor.

use super::{ActionDone, CustomerFile, Found, StaffMe};
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
mod ssr {
    pub use super::super::service;
    pub use super::super::staff_session::{self, CurrentStaff};
    pub use super::super::StaffRole;
    pub use crate::error::respond;
    pub use crate::infra::guard::session_slot;
    pub use crate::infra::AppState;
}

#[server(prefix = "/api", endpoint = "staff_login")]
pub async fn staff_login(email: String, password: String, code: String) -> Result<(), AppError> {
    use ssr::*;
    respond(
        async move {
            let state = AppState::from_context()?;
            let client = session_slot().await?.client;
            let token = service::sign_in(&state, &email, &password, &code, &client).await?;
            crate::infra::cookies::set(&staff_session::cookie(
                &state.config,
                &token,
                staff_session::MAX_SECS,
            ));
            Ok(())
        }
        .await,
    )
}

#[server(prefix = "/api", endpoint = "staff_logout")]
pub async fn staff_logout() -> Result<(), AppError> {
    use ssr::*;
    respond(
        async move {
            let state = AppState::from_context()?;
            let name = staff_session::cookie_name(&state.config);
            if let Ok(me) = CurrentStaff::require().await {
                service::signed_out(&state, &me).await?;
            }
            if let Some(token) = crate::infra::cookies::read(name).await {
                staff_session::end(&state.db, &token).await?;
            }
            crate::infra::cookies::set(&staff_session::cookie(&state.config, "", 0));
            Ok(())
        }
        .await,
    )
}

/// The signed-in staff member, or `None` (the layout then shows the sign-in page).
#[server(prefix = "/api", endpoint = "staff_me")]
pub async fn signed_in_staff() -> Result<Option<StaffMe>, AppError> {
    use ssr::*;
    match CurrentStaff::require().await {
        Ok(me) => Ok(Some(StaffMe {
            name: me.name,
            role: me.role,
        })),
        Err(AppError::Unauthorized) => Ok(None),
        Err(e) => respond(Err(e)),
    }
}

#[server(prefix = "/api", endpoint = "staff_search")]
pub async fn staff_search(q: String) -> Result<Found, AppError> {
    use ssr::*;
    respond(
        async move {
            let me = CurrentStaff::require().await?;
            service::search_recorded(&AppState::from_context()?, &me, &q).await
        }
        .await,
    )
}

#[server(prefix = "/api", endpoint = "staff_customer")]
pub async fn staff_customer(id: i64) -> Result<CustomerFile, AppError> {
    use ssr::*;
    respond(
        async move {
            let me = CurrentStaff::require().await?;
            service::customer_file_recorded(&AppState::from_context()?, &me, id).await
        }
        .await,
    )
}

#[server(prefix = "/api", endpoint = "staff_unlock")]
pub async fn staff_unlock(customer_id: i64) -> Result<ActionDone, AppError> {
    use ssr::*;
    respond(
        async move {
            let me = CurrentStaff::require().await?;
            service::unlock(&AppState::from_context()?, &me, customer_id).await
        }
        .await,
    )
}

#[server(prefix = "/api", endpoint = "staff_end_sessions")]
pub async fn staff_end_sessions(customer_id: i64) -> Result<ActionDone, AppError> {
    use ssr::*;
    respond(
        async move {
            let me = CurrentStaff::require().await?;
            service::end_sessions(&AppState::from_context()?, &me, customer_id).await
        }
        .await,
    )
}

#[server(prefix = "/api", endpoint = "staff_temporary_password")]
pub async fn staff_temporary_password(contract_id: i64) -> Result<ActionDone, AppError> {
    use ssr::*;
    respond(
        async move {
            let me = CurrentStaff::require_role(StaffRole::Supervisor).await?;
            service::temporary_password(&AppState::from_context()?, &me, contract_id).await
        }
        .await,
    )
}

/// Supervisors: removes the customer's second factors and ends their sessions (reason required).
#[server(prefix = "/api", endpoint = "staff_reset_sign_in_methods")]
pub async fn staff_reset_sign_in_methods(
    customer_id: i64,
    reason: String,
) -> Result<ActionDone, AppError> {
    use ssr::*;
    respond(
        async move {
            let me = CurrentStaff::require_role(StaffRole::Supervisor).await?;
            service::reset_sign_in_methods(&AppState::from_context()?, &me, customer_id, &reason)
                .await
        }
        .await,
    )
}
