//! Staff roles, ordered: a supervisor may do what an agent may, an admin what a supervisor may.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum StaffRole {
    /// Looks customers up, unlocks sign-in, ends sessions.
    Agent,
    /// Also issues temporary passwords (a new way into someone's account).
    Supervisor,
    Admin,
}

impl StaffRole {
    pub fn parse(s: &str) -> Option<StaffRole> {
        match s {
            "agent" => Some(StaffRole::Agent),
            "supervisor" => Some(StaffRole::Supervisor),
            "admin" => Some(StaffRole::Admin),
            _ => None,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            StaffRole::Agent => "agent",
            StaffRole::Supervisor => "supervisor",
            StaffRole::Admin => "admin",
        }
    }
    /// The catalogue key of the role's name.
    pub fn label_key(self) -> &'static str {
        match self {
            StaffRole::Agent => "bo-role-agent",
            StaffRole::Supervisor => "bo-role-supervisor",
            StaffRole::Admin => "bo-role-admin",
        }
    }
}
