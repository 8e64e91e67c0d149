//! Accounts and roles. An account is an operating-system login; the database maps it to
//! roles and, optionally, to the person's own employee record (for conflict exclusion).

use std::collections::BTreeSet;
use std::fmt;

use serde::{Deserialize, Serialize};

use super::clock::Timestamp;

/// What an account may do, by area of work.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Role {
    /// Accounts, roles, catalogue, settings.
    Admin,
    /// Staff records, skills, training, roadmap, dashboards.
    Hr,
    /// Mental-health cases.
    Health,
    /// Harassment cases.
    Counselor,
    /// The audit log.
    Auditor,
    /// Read-only staff look-up.
    Viewer,
}

impl Role {
    pub const ALL: [Role; 6] = [
        Role::Admin,
        Role::Hr,
        Role::Health,
        Role::Counselor,
        Role::Auditor,
        Role::Viewer,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Hr => "hr",
            Role::Health => "health",
            Role::Counselor => "counselor",
            Role::Auditor => "auditor",
            Role::Viewer => "viewer",
        }
    }

    pub fn parse(text: &str) -> Option<Role> {
        Role::ALL
            .into_iter()
            .find(|r| r.code().eq_ignore_ascii_case(text.trim()))
    }

    /// Case roles give access to sealed records, so granting one means giving keys.
    pub fn is_case_role(self) -> bool {
        matches!(self, Role::Health | Role::Counselor)
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// An account known to the database.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    pub name: String,
    pub roles: BTreeSet<Role>,
    /// The account holder's own staff number, if they are on the register.
    pub employee: Option<String>,
    pub created: Timestamp,
}

/// An OS account name: what `useradd` accepts, more or less.
pub fn valid_account_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 32
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
        && !name.starts_with('-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_round_trip() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.code()), Some(role));
        }
        assert!(Role::Health.is_case_role());
        assert!(!Role::Admin.is_case_role());
        assert_eq!(Role::parse("root"), None);
    }

    #[test]
    fn account_names() {
        assert!(valid_account_name("hr.sato"));
        assert!(!valid_account_name("-rf"));
        assert!(!valid_account_name("佐藤"));
    }
}
