//! The permission table: which role may do what. It is data, in this one place; every
//! service call checks it before touching the store.

use std::collections::BTreeSet;

use crate::domain::Role;

/// Something a caller may be allowed to do.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Permission {
    /// Look up staff records.
    StaffRead,
    /// Change staff records, skills, training, roadmap progress.
    StaffWrite,
    /// Read the policy catalogue (skill map, roadmap, KPIs).
    CatalogueRead,
    /// Change the catalogue and organisational settings.
    CatalogueEdit,
    /// Add accounts and grant or revoke roles.
    AccountsManage,
    /// Read the audit log.
    AuditRead,
    /// Check, back up and restore the database.
    Maintain,
    /// Record counts (never of restricted cases).
    Stats,
    /// Mental-health cases.
    HealthCases,
    /// Harassment cases.
    HarassmentCases,
}

impl Permission {
    pub const ALL: [Permission; 10] = [
        Permission::StaffRead,
        Permission::StaffWrite,
        Permission::CatalogueRead,
        Permission::CatalogueEdit,
        Permission::AccountsManage,
        Permission::AuditRead,
        Permission::Maintain,
        Permission::Stats,
        Permission::HealthCases,
        Permission::HarassmentCases,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Permission::StaffRead => "staff.read",
            Permission::StaffWrite => "staff.write",
            Permission::CatalogueRead => "catalogue.read",
            Permission::CatalogueEdit => "catalogue.edit",
            Permission::AccountsManage => "accounts.manage",
            Permission::AuditRead => "audit.read",
            Permission::Maintain => "maintain",
            Permission::Stats => "stats",
            Permission::HealthCases => "cases.health",
            Permission::HarassmentCases => "cases.harassment",
        }
    }
}

use Permission as P;
use Role as R;

/// The table. An admin does not read case contents unless also holding the case role.
const TABLE: &[(Permission, &[Role])] = &[
    (P::StaffRead, &[R::Hr, R::Viewer]),
    (P::StaffWrite, &[R::Hr]),
    (
        P::CatalogueRead,
        &[
            R::Admin,
            R::Hr,
            R::Health,
            R::Counselor,
            R::Auditor,
            R::Viewer,
        ],
    ),
    (P::CatalogueEdit, &[R::Admin]),
    (P::AccountsManage, &[R::Admin]),
    (P::AuditRead, &[R::Auditor]),
    (P::Maintain, &[R::Admin]),
    (P::Stats, &[R::Admin, R::Hr, R::Auditor]),
    (P::HealthCases, &[R::Health]),
    (P::HarassmentCases, &[R::Counselor]),
];

/// Whether a role grants a permission.
pub fn role_allows(role: Role, permission: Permission) -> bool {
    TABLE
        .iter()
        .any(|(p, roles)| *p == permission && roles.contains(&role))
}

/// Whether any of the roles grants the permission.
pub fn allows(roles: &BTreeSet<Role>, permission: Permission) -> bool {
    roles.iter().any(|r| role_allows(*r, permission))
}
