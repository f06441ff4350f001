//! One row (or more) per registered server function: what guards it and the arguments that aim it
//! at Olga. The sweep fails on a function with no row, so a new one cannot be forgotten. Rows
//! that name one of Olga's things mix them with Anna's own where that is the way in (Anna's loan
//! paid from Olga's bank account, Olga's upload sent with Anna's message).

use super::victim::{Attacker, OLGA};
use crate::backoffice::AGENT;
use app::domain::attachment::FileProblem;
use app::domain::Issue;
use app::error::AppError;
use server::seed::STAFF;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Guard {
    /// Open to anyone (sign-up, sign-in, recovery, the page's own state).
    Open,
    /// A signed-in customer's own things: 401 signed out; Anna gets hers only.
    Own,
    /// Names one of Olga's things: 401 signed out; not found for Anna.
    Hers,
    /// Staff only: 401 signed out and for a customer alike.
    Staff,
    /// The demo mailbox: not there outside demo mode.
    Demo,
}

pub(crate) struct Row {
    pub path: String,
    pub guard: Guard,
    pub form: Vec<(&'static str, String)>,
    /// How Anna is refused when it is not "not found": a field's problem, answered the same for an
    /// id that does not exist (the sweep checks that too).
    pub refusal: Option<(u16, AppError)>,
}

impl Row {
    fn refused(self, status: u16, error: AppError) -> Row {
        Row {
            refusal: Some((status, error)),
            ..self
        }
    }
}

fn row(endpoint: &str, guard: Guard, form: &[(&'static str, &str)]) -> Row {
    Row {
        path: format!("/api/{endpoint}"),
        guard,
        form: form.iter().map(|(k, v)| (*k, v.to_string())).collect(),
        refusal: None,
    }
}

/// Olga's ids appear in a row as `@name` (`@loan`, `@payment`…): the sweep fills them in with
/// hers, and again with ids that exist nowhere.
pub(crate) fn placeholder(value: &str) -> Option<&str> {
    value.strip_prefix('@')
}

const PW: &str = "Sweep-password-2026!";
const CODE: &str = "000000";

/// Every row, in the order they are called: Anna's `logout` comes last, since it ends her session.
/// (One line per row, kept as a table.)
#[rustfmt::skip]
pub(crate) fn rows(a: &Attacker, day: &str) -> Vec<Row> {
    use Guard::*;
    let (loan, lease, source) = ("@loan", "@lease", "@source");
    let (my_loan, my_source) = (a.loan.as_str(), a.source.as_str());
    let pay = |endpoint, contract, source| {
        row(
            endpoint,
            Hers,
            &[
                ("contract_id", contract),
                ("source_id", source),
                ("amount", "10.00"),
                ("date", day),
                ("extra_to", "next_instalment"),
                ("key", "sweep-anna-payment-0001"),
            ],
        )
    };
    let autopay = |endpoint, contract, source, start| {
        row(
            endpoint,
            Hers,
            &[
                ("contract_id", contract),
                ("source_id", source),
                ("amount", ""),
                ("days_before", "0"),
                ("start_month", start),
                ("key", "sweep-anna-autopay-0001"),
            ],
        )
    };
    let due_day = [("form[kind]", "due_date_change"), ("form[new_day]", "3")];
    let apply = |endpoint, first: (&'static str, &str), attachments: &str| {
        let mut form = vec![first];
        form.extend(due_day);
        form.extend([("key", "sweep-anna-apply-0001"), ("attachments", attachments)]);
        row(endpoint, Hers, &form)
    };
    let customer = [("customer_id", "@customer")];
    vec![
        // Sign-up, sign-in and recovery, aimed at Olga's email and contract.
        row("register", Open, &[("first_name", "Olga"), ("last_name", "Ivanova"), ("email", OLGA), ("password", PW), ("password_confirm", PW), ("accept_terms", "on"), ("website", "")]),
        row("activate", Open, &[("token", "sweep-not-a-token")]),
        row("resend_activation", Open, &[("email", OLGA)]),
        row("request_password_reset", Open, &[("email", OLGA)]),
        row("reset_password", Open, &[("token", "sweep-not-a-token"), ("password", PW), ("password_confirm", PW)]),
        row("request_username_reminder", Open, &[("contract_number", "LN-2021-001187"), ("last_name", "Ivanova")]),
        row("unlock_account", Open, &[("token", "sweep-not-a-token")]),
        row("login", Open, &[("email", OLGA), ("password", PW)]),
        row("login_step", Open, &[]),
        row("resend_login_code", Open, &[]),
        row("complete_login", Open, &[("method", "code"), ("code", CODE)]),
        row("passkey_login_begin", Open, &[]),
        row("passkey_login_finish", Open, &[("ceremony", "sweep"), ("credential", "{}")]),
        row("login_temporary", Open, &[("contract_number", "LN-2021-001187"), ("password", PW)]),
        row("setup_status", Open, &[]),
        row("complete_setup", Open, &[("email", OLGA), ("password", PW), ("password_confirm", PW), ("second_factor", "")]),
        row("current_user", Open, &[]),
        row("set_language", Open, &[("language", "en")]),
        row("confirm_email_change", Open, &[("token", "sweep-not-a-token")]),
        row("staff_login", Open, &[("email", STAFF[AGENT].email), ("password", PW), ("code", CODE)]),
        row("staff_me", Open, &[]),
        row("staff_logout", Open, &[]),
        row("dev_mailbox", Demo, &[]),
        // A customer's own things.
        row("my_contracts", Own, &[]),
        row("my_documents", Own, &[]),
        row("my_payments", Own, &[]),
        row("my_applications", Own, &[]),
        row("payment_sources", Own, &[]),
        row("autopay_options", Own, &[]),
        row("message_inbox", Own, &[]),
        row("unread_messages", Own, &[]),
        row("profile_details", Own, &[]),
        row("security_overview", Own, &[]),
        row("sign_in_methods", Own, &[]),
        row("reauthenticate", Own, &[("password", PW), ("code", CODE)]),
        row("totp_begin", Own, &[]),
        row("totp_confirm", Own, &[("code", CODE)]),
        row("totp_disable", Own, &[]),
        row("recovery_codes_regenerate", Own, &[]),
        row("passkey_register_begin", Own, &[]),
        row("passkey_register_finish", Own, &[("ceremony", "sweep"), ("credential", "{}"), ("name", "Sweep")]),
        row("set_sign_in_code", Own, &[("channel", "email")]),
        row("authorize_device", Own, &[("code", CODE)]),
        row("confirm_phone", Own, &[("code", CODE)]),
        row("change_password", Own, &[("current_password", PW), ("new_password", PW), ("new_password_confirm", PW)]),
        row("request_email_change", Own, &[("current_password", PW), ("new_email", OLGA)]),
        row("save_contact", Own, &[("phone", "+1 416 555 0100"), ("country", "CA"), ("line1", "1 Sweep St"), ("line2", ""), ("city", "Toronto"), ("region", "ON"), ("postal", "M5V 2T6")]),
        row("save_preferences", Own, &[("language", "en"), ("notify_email", "on")]),
        row("add_bank_account", Own, &[("country", "US"), ("holder", "Anna Kowalski"), ("account_type", "checking"), ("routing", "021000021"), ("account", "000123123123"), ("account_again", "000123123123")]),
        row("add_card", Own, &[("holder", "Anna Kowalski"), ("number", "4242424242424242"), ("expiry", "12/30"), ("cvc", "123")]),
        // Olga's contract with her names and Customer ID: linking needs the account's own names.
        row("link_contract", Own, &[("first_name", "Olga"), ("last_name", "Ivanova"), ("method", "customer_id"), ("vin", ""), ("last_payment", ""), ("customer_id", "NS-60311245")]),
        // Olga's things, alone and mixed with Anna's.
        row("contract_detail", Hers, &[("id", loan)]),
        row("contract_transfer_details", Hers, &[("id", loan)]),
        row("contract_schedule", Hers, &[("id", loan), ("page", "1")]),
        row("contract_history", Hers, &[("id", loan), ("page", "1")]),
        row("payment_options", Hers, &[("contract_id", loan)]),
        row("payoff_quote", Hers, &[("contract_id", loan)]),
        pay("review_payment", loan, my_source),
        pay("review_payment", my_loan, source),
        pay("make_payment", loan, my_source),
        pay("make_payment", my_loan, source),
        row("change_payment", Hers, &[("reference", "@payment"), ("source_id", my_source), ("amount", "10.00"), ("date", day), ("extra_to", "next_instalment")]),
        row("cancel_payment", Hers, &[("reference", "@payment")]),
        row("remove_payment_source", Hers, &[("id", source), ("cancel_scheduled", "on")]),
        autopay("enrol_autopay", loan, my_source, a.start_month.as_str()),
        autopay("enrol_autopay", my_loan, source, a.start_month.as_str()),
        autopay("change_autopay", loan, my_source, a.start_month.as_str()),
        row("cancel_autopay", Hers, &[("contract_id", loan)]),
        row("message_thread", Hers, &[("id", "@thread")]),
        row("reply_message", Hers, &[("thread", "@thread"), ("body", "Sweep reply"), ("key", "sweep-anna-reply-0001")]),
        row("send_message", Hers, &[("topic", "payments"), ("contract", loan), ("body", "Sweep"), ("key", "sweep-anna-message-01")])
            .refused(400, AppError::validation("contract", Issue::OneOf)),
        row("send_message", Hers, &[("topic", "other"), ("contract", ""), ("body", "Sweep"), ("key", "sweep-anna-message-02"), ("attachments", "@upload")])
            .refused(400, AppError::File(FileProblem::Unavailable)),
        row("application_options", Hers, &[("contract", loan)]),
        apply("application_preview", ("contract", loan), ""),
        apply("file_application", ("contract", loan), ""),
        apply("file_application", ("contract", my_loan), "@upload")
            .refused(400, AppError::File(FileProblem::Unavailable)),
        apply("resubmit_application", ("id", "@application"), ""),
        row("lease_end", Hers, &[("contract", lease)]),
        row("lease_return_estimate", Hers, &[("contract", lease), ("odometer", "40000"), ("wear", "")]),
        row("book_lease_inspection", Hers, &[("contract", lease), ("date", day), ("key", "sweep-anna-inspect-01")]),
        row("buy_extra_miles", Hers, &[("contract", lease), ("miles", "1000"), ("source", my_source), ("key", "sweep-anna-miles-0001")]),
        row("revoke_session", Hers, &[("id", "@session")]),
        row("revoke_device", Hers, &[("id", "@device")]),
        row("passkey_remove", Hers, &[("id", "@passkey")]),
        // The back office, aimed at Olga.
        row("staff_search", Staff, &[("q", "Ivanova")]),
        row("staff_recent_customers", Staff, &[]),
        row("staff_customer", Staff, &[("id", "@customer")]),
        row("staff_contract", Staff, &[("id", loan)]),
        row("staff_add_note", Staff, &[("customer_id", "@customer"), ("note", "Sweep")]),
        row("staff_cancel_payment", Staff, &[("reference", "@payment"), ("reason", "Sweep")]),
        row("staff_unlock", Staff, &customer),
        row("staff_end_sessions", Staff, &customer),
        row("staff_temporary_password", Staff, &[("contract_id", loan)]),
        row("staff_reset_sign_in_methods", Staff, &[("customer_id", "@customer"), ("reason", "Sweep")]),
        row("staff_message_queue", Staff, &[("topic", "")]),
        row("staff_thread", Staff, &[("id", "@thread")]),
        row("staff_answer", Staff, &[("id", "@thread"), ("body", "Sweep"), ("key", "sweep-staff-answer-01")]),
        row("staff_thread_action", Staff, &[("id", "@thread"), ("what", "close")]),
        row("staff_application_queue", Staff, &[]),
        row("staff_application", Staff, &[("id", "@application")]),
        row("staff_decide_application", Staff, &[("id", "@application"), ("decision", "Reject"), ("note", "Sweep")]),
        row("revoke_other_sessions", Own, &[]),
        row("logout", Open, &[]),
    ]
}
