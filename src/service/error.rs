//! Errors of the service layer, each one a message the user can act on.

use std::path::PathBuf;

use crate::catalogue::CatalogueError;
use crate::domain::Role;
use crate::store::StoreError;

use super::access::Permission;

#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Catalogue(#[from] CatalogueError),
    #[error("account {account} may not do {}", permission.code())]
    Denied {
        account: String,
        permission: Permission,
    },
    #[error("no {kind} with id {id}")]
    NotFound { kind: &'static str, id: String },
    #[error("account {0} already exists")]
    AccountExists(String),
    #[error("{0:?} is not a valid account name")]
    AccountName(String),
    #[error("role {0} is granted only by `kizuna cases grant`")]
    CaseRole(Role),
    #[error("the last admin cannot lose the admin role")]
    LastAdmin,
    #[error("the record is not accepted: {0:?}")]
    Employee(Vec<super::EmployeeFault>),
    #[error("the skill change is not accepted: {0:?}")]
    Skill(super::SkillFault),
    #[error("the enrollment is not accepted: {0:?}")]
    Enroll(super::EnrollFault),
    #[error("the training plan change is not accepted: {0:?}")]
    Plan(super::PlanFault),
    #[error("the case operation is not accepted: {0:?}")]
    Case(super::cases::CaseFault),
    #[error("the subsidy change is not accepted: {0:?}")]
    Subsidy(super::SubsidyFault),
    #[error("the roadmap change is not accepted: {0:?}")]
    Roadmap(super::RoadmapFault),
    #[error("the organisation does not form a tree: {0}")]
    Organisation(#[from] crate::domain::org::OrgError),
    #[error("{}: a backup is never overwritten", .0.display())]
    BackupExists(PathBuf),
    #[error("{}: cannot use this backup: {source}", path.display())]
    BadBackup {
        path: PathBuf,
        source: Box<StoreError>,
    },
    #[error("{}: the copy does not check ({table} {key})", path.display())]
    BackupProblem {
        path: PathBuf,
        table: String,
        key: String,
    },
    #[error("{}: a database is there; restore replaces it only with --force", .0.display())]
    RestoreNeedsForce(PathBuf),
}
