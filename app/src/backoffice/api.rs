//! Back-office server functions. Each starts with the staff guard (`guard::staff(role)`), never
//! the customer one; issuing a temporary password or resetting sign-in methods needs a supervisor.

use super::{ActionDone, ContractFile, CustomerFile, Found, RecentCustomer, StaffMe};
use crate::error::AppError;
use leptos::prelude::*;
#[cfg(feature = "ssr")]
use {
    super::service,
    super::NoteText,
    super::StaffRole::{Agent, Supervisor},
    crate::infra::{cookies, guard, staff_session},
};

#[server(prefix = "/api", endpoint = "staff_login")]
pub async fn staff_login(email: String, password: String, code: String) -> Result<(), AppError> {
    let (state, slot) = guard::visitor().await?;
    let token = service::sign_in(&state, &email, &password, &code, &slot.client).await?;
    let max_age = staff_session::MAX_SECS;
    cookies::set(&staff_session::cookie(&state.config, &token, max_age));
    Ok(())
}

#[server(prefix = "/api", endpoint = "staff_logout")]
pub async fn staff_logout() -> Result<(), AppError> {
    let state = guard::state()?;
    if let Some(me) = guard::optional_staff().await? {
        service::signed_out(&state, &me).await?;
    }
    if let Some(token) = cookies::read(staff_session::cookie_name(&state.config)).await {
        staff_session::end(&state.db, &token).await?;
    }
    cookies::set(&staff_session::cookie(&state.config, "", 0));
    Ok(())
}

/// The signed-in staff member, or `None` (the layout then shows the sign-in page).
#[server(prefix = "/api", endpoint = "staff_me")]
pub async fn signed_in_staff() -> Result<Option<StaffMe>, AppError> {
    Ok(guard::optional_staff().await?.map(|me| StaffMe {
        name: me.name,
        role: me.role,
    }))
}

#[server(prefix = "/api", endpoint = "staff_search")]
pub async fn staff_search(q: String) -> Result<Found, AppError> {
    let g = guard::staff(Agent).await?;
    Ok(service::search_recorded(&g.state, &g.me, &q).await?)
}

#[server(prefix = "/api", endpoint = "staff_customer")]
pub async fn staff_customer(id: i64) -> Result<CustomerFile, AppError> {
    let g = guard::staff(Agent).await?;
    Ok(service::customer_file_recorded(&g.state, &g.me, id).await?)
}

/// One contract with its schedule, history, documents, parties and the logins holding it.
#[server(prefix = "/api", endpoint = "staff_contract")]
pub async fn staff_contract(id: i64) -> Result<ContractFile, AppError> {
    let g = guard::staff(Agent).await?;
    Ok(service::contract_recorded(&g.state, &g.me, id).await?)
}

/// The customer files this staff member opened most recently.
#[server(prefix = "/api", endpoint = "staff_recent_customers")]
pub async fn staff_recent_customers() -> Result<Vec<RecentCustomer>, AppError> {
    let g = guard::staff(Agent).await?;
    Ok(service::recent_customers(&g.state, g.me.id).await?)
}

/// Adds a note to a customer's file (notes cannot be edited or deleted).
#[server(prefix = "/api", endpoint = "staff_add_note")]
pub async fn staff_add_note(customer_id: i64, note: String) -> Result<ActionDone, AppError> {
    let g = guard::staff(Agent).await?;
    let note = NoteText::parse(&note)?;
    Ok(service::add_note(&g.state, &g.me, customer_id, &note).await?)
}

/// Cancels a customer's scheduled payment before its day (a reason is required; the customer is told).
#[server(prefix = "/api", endpoint = "staff_cancel_payment")]
pub async fn staff_cancel_payment(
    reference: String,
    reason: String,
) -> Result<ActionDone, AppError> {
    let g = guard::staff(Agent).await?;
    Ok(service::cancel_payment(&g.state, &g.me, &reference, &reason).await?)
}

#[server(prefix = "/api", endpoint = "staff_unlock")]
pub async fn staff_unlock(customer_id: i64) -> Result<ActionDone, AppError> {
    let g = guard::staff(Agent).await?;
    Ok(service::unlock(&g.state, &g.me, customer_id).await?)
}

#[server(prefix = "/api", endpoint = "staff_end_sessions")]
pub async fn staff_end_sessions(customer_id: i64) -> Result<ActionDone, AppError> {
    let g = guard::staff(Agent).await?;
    Ok(service::end_sessions(&g.state, &g.me, customer_id).await?)
}

#[server(prefix = "/api", endpoint = "staff_temporary_password")]
pub async fn staff_temporary_password(contract_id: i64) -> Result<ActionDone, AppError> {
    let g = guard::staff(Supervisor).await?;
    Ok(service::temporary_password(&g.state, &g.me, contract_id).await?)
}

/// Supervisors: removes the customer's second factors and ends their sessions (reason required).
#[server(prefix = "/api", endpoint = "staff_reset_sign_in_methods")]
pub async fn staff_reset_sign_in_methods(
    customer_id: i64,
    reason: String,
) -> Result<ActionDone, AppError> {
    let g = guard::staff(Supervisor).await?;
    Ok(service::reset_sign_in_methods(&g.state, &g.me, customer_id, &reason).await?)
}

/// The conversations awaiting an answer, the longest waiting first; `topic` filters ("" for all).
#[server(prefix = "/api", endpoint = "staff_message_queue")]
pub async fn staff_message_queue(
    topic: String,
) -> Result<Vec<crate::messages::QueueItem>, AppError> {
    let g = guard::staff(Agent).await?;
    let topic = match topic.trim() {
        "" => None,
        t => Some(
            crate::domain::message::Topic::parse(t)
                .map_err(|i| AppError::validation("topic", i))?,
        ),
    };
    Ok(service::queue_recorded(&g.state, &g.me, topic).await?)
}

#[server(prefix = "/api", endpoint = "staff_thread")]
pub async fn staff_thread(id: i64) -> Result<crate::messages::StaffThread, AppError> {
    let g = guard::staff(Agent).await?;
    Ok(service::thread_recorded(&g.state, &g.me, id).await?)
}

/// Answers a conversation (once per form instance); the customer is told by email, without the text.
#[server(prefix = "/api", endpoint = "staff_answer")]
pub async fn staff_answer(
    id: i64,
    body: String,
    key: String,
    attachments: Option<String>,
) -> Result<ActionDone, AppError> {
    let g = guard::staff(Agent).await?;
    let text = crate::domain::message::MessageText::parse(&body)
        .map_err(|i| AppError::validation("body", i))?;
    let files = crate::messages::api::files(attachments)?;
    let key = crate::domain::form::form_key(&key).map_err(|i| AppError::validation("key", i))?;
    let action = service::ThreadAction::Answer {
        text: &text,
        files: &files,
        key,
    };
    Ok(service::act(&g.state, &g.me, id, action).await?)
}

/// Closes a conversation, assigns it to the signed-in staff member, or (supervisors) places or
/// lifts a legal hold: `what` is close, assign, hold or release.
#[server(prefix = "/api", endpoint = "staff_thread_action")]
pub async fn staff_thread_action(id: i64, what: String) -> Result<ActionDone, AppError> {
    use service::ThreadAction;
    let (role, action) = match what.as_str() {
        "close" => (Agent, ThreadAction::Close),
        "assign" => (Agent, ThreadAction::AssignToMe),
        "hold" => (Supervisor, ThreadAction::Hold(true)),
        "release" => (Supervisor, ThreadAction::Hold(false)),
        _ => {
            guard::staff(Agent).await?;
            return Err(AppError::validation("what", crate::domain::Issue::OneOf));
        }
    };
    let g = guard::staff(role).await?;
    Ok(service::act(&g.state, &g.me, id, action).await?)
}

/// Applications waiting on the lender.
#[server(prefix = "/api", endpoint = "staff_application_queue")]
pub async fn staff_application_queue() -> Result<Vec<crate::applications::QueueItem>, AppError> {
    let g = guard::staff(Agent).await?;
    Ok(service::application_queue(&g.state, &g.me).await?)
}

#[server(prefix = "/api", endpoint = "staff_application")]
pub async fn staff_application(id: i64) -> Result<crate::applications::StaffApplication, AppError> {
    let g = guard::staff(Agent).await?;
    Ok(service::application_recorded(&g.state, &g.me, id).await?)
}

/// Takes an application into review, declines it or sends it back (an agent), or approves it
/// (a supervisor: approval changes the contract).
#[server(prefix = "/api", endpoint = "staff_decide_application")]
pub async fn staff_decide_application(
    id: i64,
    decision: crate::applications::Decision,
    note: String,
) -> Result<ActionDone, AppError> {
    use crate::applications::Decision;
    let role = if decision == Decision::Approve {
        Supervisor
    } else {
        Agent
    };
    let g = guard::staff(role).await?;
    Ok(service::decide_application(&g.state, &g.me, id, decision, &note).await?)
}
