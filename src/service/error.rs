//! Errors of the service layer, each one a message the user can act on.

use std::path::PathBuf;

use crate::catalogue::CatalogueError;
use crate::domain::Role;
use crate::store::StoreError;

use super::access::Permission;

/// Crosses the server's socket too: the variants that hold a file's or the database's
/// own error are replaced by [`ServiceError::Server`] with their message before they go.
#[derive(Debug, thiserror::Error, serde::Serialize, serde::Deserialize)]
pub enum ServiceError {
    #[error("account {account} may not do {}", permission.code())]
    Denied {
        account: String,
        permission: Permission,
    },
    #[error("no {kind} with id {id}")]
    NotFound {
        #[serde(deserialize_with = "crate::domain::interned::name")]
        kind: crate::domain::interned::Name,
        id: String,
    },
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
    /// Someone else saved the record since it was opened: nothing was written.
    #[error(
        "{} {} changed since it was opened (revision {} then, {} now)",
        .0.kind, .0.id, .0.opened, .0.current
    )]
    Conflict(Box<super::Conflict>),
    #[error("{}: a backup is never overwritten", .0.display())]
    BackupExists(PathBuf),
    #[error("{}: the copy does not check ({table} {key})", path.display())]
    BackupProblem {
        path: PathBuf,
        table: String,
        key: String,
    },
    #[error("{}: a database is there; restore replaces it only with --force", .0.display())]
    RestoreNeedsForce(PathBuf),
    /// A failure on the server, already worded there in the caller's language.
    #[error("{0}")]
    Server(String),
    /// The link to the server failed.
    #[error("server: {0}")]
    Link(LinkFault),
    // The variants below never cross the socket (`Fault::for_wire` words them first).
    // They stay last: serde numbers the variants it reads back without the skipped
    // ones, so a skipped variant before another would shift that one's number.
    #[error(transparent)]
    #[serde(skip)]
    Store(#[from] StoreError),
    #[error(transparent)]
    #[serde(skip)]
    Catalogue(#[from] CatalogueError),
    #[error("the organisation does not form a tree: {0}")]
    #[serde(skip)]
    Organisation(#[from] crate::domain::org::OrgError),
    #[error("{}: cannot use this backup: {source}", path.display())]
    #[serde(skip)]
    BadBackup {
        path: PathBuf,
        source: Box<StoreError>,
    },
}

/// Why a call through the server did not get its answer.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error, serde::Serialize, serde::Deserialize)]
pub enum LinkFault {
    /// Nothing answers on the configured socket.
    #[error("{}: no server answers ({detail})", socket.display())]
    Unreachable { socket: PathBuf, detail: String },
    /// The server ended the connection.
    #[error("the server closed the connection")]
    Closed,
    /// The server is stopping.
    #[error("the server is stopping")]
    Stopping,
    /// The server is another build of kizuna.
    #[error("the server runs kizuna {server}, this is {client}")]
    Version { server: String, client: String },
    /// A frame that could not be read or was not expected.
    #[error("protocol: {0}")]
    Protocol(String),
    /// The server refused the connection.
    #[error("refused: {0}")]
    Refused(String),
    /// The socket is served by another account than the one that owns it.
    #[error("{}: owned by uid {owner} but served by uid {server}", socket.display())]
    NotOwner {
        socket: PathBuf,
        owner: u32,
        server: u32,
    },
    /// Done only on the database file itself, never through the server.
    #[error("{0} works on the database file, not through the server")]
    FileOnly(String),
}
