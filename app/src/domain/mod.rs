//! Pure domain types shared by the browser and the server. No I/O lives here: every type is built
//! only through a checking `parse`, so a value that exists is a value that is valid.

pub mod email;
pub mod issue;
pub mod name;
pub mod password;

pub use email::Email;
pub use issue::Issue;
pub use name::PersonName;
pub use password::{Password, PasswordPolicy};
