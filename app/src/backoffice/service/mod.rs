//! Back-office rules and SQL, by role: staff sign-in and accounts (`staff`), customer search and
//! the customer file (`lookup`), one contract as staff see it (`contract`), notes on a customer
//! (`notes`), the Message Center's queue and conversations (`messages`), cancelling a customer's scheduled payment (`payments`), and the actions staff take (`actions`) — each recorded in `staff_actions` (its id is
//! the reference shown to the staff member) and in the customer's auth-event trail.

mod actions;
mod applications;
mod contract;
mod lookup;
mod messages;
mod notes;
mod payments;
mod staff;

/// Actions that only read (kept in the audit, not listed among the actions on an account).
const READS: [&str; 8] = [
    "search",
    "view_customer_file",
    "view_contract",
    "view_message_queue",
    "view_thread",
    "download_attachment",
    "view_application_queue",
    "view_application",
];

pub use actions::{
    contract_recorded, customer_file_recorded, end_sessions, reset_sign_in_methods,
    search_recorded, signed_out, temporary_password, unlock,
};
pub use applications::{
    application_recorded, decide as decide_application, queue_recorded as application_queue,
};
pub use contract::contract;
pub use lookup::{customer_file, recent_customers, search};
pub use messages::{act, attachment_recorded, queue_recorded, thread_recorded, ThreadAction};
pub use notes::add_note;
pub use payments::cancel_payment;
pub use staff::{create_staff, sign_in};
