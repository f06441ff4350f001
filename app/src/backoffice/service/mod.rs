//! Back-office rules and SQL, by role: staff sign-in and accounts (`staff`), customer search and
//! the customer file (`lookup`), and the actions staff take (`actions`) — each recorded in
//! `staff_actions` (its id is the reference shown to the staff member) and in the customer's
//! auth-event trail.

mod actions;
mod lookup;
mod staff;

/// Actions that only read (kept in the audit, not listed among the actions on an account).
const READS: [&str; 2] = ["search", "view_customer_file"];

pub use actions::{
    customer_file_recorded, end_sessions, reset_sign_in_methods, search_recorded, signed_out,
    temporary_password, unlock,
};
pub use lookup::{customer_file, search};
pub use staff::{create_staff, sign_in};
