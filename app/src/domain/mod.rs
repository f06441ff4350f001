//! Pure domain types shared by the browser and the server. No I/O lives here: every type is built
//! only through a checking `parse`, so a value that exists is a value that is valid.

/// A closed set of values stored as short codes: `code()` to store, `parse()` to read back, `ALL`
/// to test every one.
macro_rules! codes {
    ($(#[$m:meta])* $name:ident { $($(#[$vm:meta])* $v:ident = $code:literal,)* }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        pub enum $name { $($(#[$vm])* $v,)* }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$v,)*];

            /// The code stored in the database.
            pub fn code(self) -> &'static str {
                match self { $($name::$v => $code,)* }
            }

            pub fn parse(code: &str) -> Option<$name> {
                match code { $($code => Some($name::$v),)* _ => None }
            }
        }
    };
}

pub mod account;
pub mod agent;
pub mod application;
pub mod application_form;
pub mod attachment;
pub mod autopay;
pub mod bank;
pub mod card;
pub mod codes;
pub mod contact;
pub mod dates;
pub mod email;
pub mod event;
pub mod form;
pub mod ids;
pub mod in_flight;
pub mod issue;
pub mod lease;
pub mod lease_end;
pub mod loan;
pub mod message;
pub mod money;
pub mod name;
pub mod password;
pub mod paths;
pub mod payment;
pub mod payoff;
pub mod rate;
pub mod regions;
pub mod remittance;
pub mod resplit;
pub mod staff;
pub mod vin;

pub use codes::{CodeChannel, CodePurpose, OtpSetting};
pub use email::Email;
pub use event::{EventKind, SignInProof};
pub use issue::Issue;
pub use money::Money;
pub use name::PersonName;
pub use password::{Password, PasswordPolicy};
pub use rate::Apr;
pub use staff::StaffRole;
pub use vin::Vin;
