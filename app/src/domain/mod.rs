//! Pure domain types shared by the browser and the server. No I/O lives here: every type is built
//! only through a checking `parse`, so a value that exists is a value that is valid.

pub mod account;
pub mod agent;
pub mod contact;
pub mod dates;
pub mod email;
pub mod ids;
pub mod issue;
pub mod lease;
pub mod loan;
pub mod money;
pub mod name;
pub mod password;
pub mod rate;
pub mod regions;
pub mod vin;

pub use email::Email;
pub use issue::Issue;
pub use money::Money;
pub use name::PersonName;
pub use password::{Password, PasswordPolicy};
pub use rate::Apr;
pub use vin::Vin;
