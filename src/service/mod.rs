//! The one API above the store. The CLI and the TUI call only this. Every call takes a
//! [`Principal`], checks the permission table, and every write is one transaction that
//! appends to the audit log.

pub mod access;
mod accounts;
mod anchor;
mod audit;
pub mod cases;
mod catalogue;
mod dashboard;
mod employees;
mod enroll_rules;
mod enrollment_import;
mod error;
mod import;
mod kpi;
mod lookup;
mod maintain;
mod obligations;
mod plan;
mod principal;
mod revision;
mod roadmap;
mod setup;
mod skill_import;
mod skill_reports;
mod skills;
mod staff;
mod subsidy;
mod survey;
mod survey_import;
mod training;

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::Arc;

pub use access::Permission;
pub use audit::{Anchor, AuditEntry, AuditFault, AuditVerdict, Hash};
pub use catalogue::Catalogue;
pub use dashboard::{Coverage, Dashboard, SectionCoverage, Talent, TalentRow};
pub use employees::{EmployeeFault, References};
pub use enroll_rules::{EnrollFault, Outcome};
pub use enrollment_import::{
    EnrollmentImport, EnrollmentImportError, EnrollmentIssue, EnrollmentSummary, Placed, RowFault,
};
pub use error::{LinkFault, ServiceError};
pub use import::{CsvError, EmployeeImport, ImportIssue, ImportSummary, Issue, Progress, Stage};
pub use kpi::{KpiError, KpiLine, KpiSet, KpiYear};
pub use lookup::Directory;
pub use maintain::{BackupReport, RestoreReport, restore};
pub use obligations::{Duty, Outstanding, Owed};
pub use principal::{Principal, account_name};
pub use revision::{Conflict, Theirs, expect_revision};
pub use roadmap::{
    InitiativeDetail, ProgressReport, ReportItem, RoadmapChange, RoadmapFault, Timeline,
    TimelineCell, TimelineGroup, TimelineRow,
};
pub use setup::{DEMO_PASSPHRASE, DemoReport, create_demo, init};
pub use skill_import::SkillImport;
pub use skill_reports::{GapReport, Matrix, MatrixRow, Scope, SectionCount, TierReport};
pub use skills::{LevelChange, MapEdit, MapView, PersonGaps, SkillFault};
pub use staff::{EmployeeView, PostView, Stats};
pub use subsidy::{SubsidyFault, SubsidyView};
pub use survey::{Hidden, HiddenGroup, MergedUnit, Standing, SurveyRow, SurveyView};
pub use survey_import::{SurveyImport, SurveyImportError, SurveySummary};
pub use training::{
    BulkFilter, BulkPreview, BulkRow, PlanFault, Roster, RosterRow, SessionView, TrainingLine,
};

use crate::domain::{Account, Clock, Role, Timestamp};
use crate::store::{Reader, Record, Store, Writer, meta};

/// The system clock.
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> Timestamp {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() as i64);
        Timestamp(secs)
    }
}

/// An open database and the clock every "today" comes from.
pub struct Service {
    store: Store,
    clock: Arc<dyn Clock>,
    /// The organisation and title tables as of the last change: every interview card
    /// needs them, and they change far less often than cards are read.
    places: std::sync::Mutex<Option<staff::Places>>,
}

/// What the status line shows.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Session {
    pub account: String,
    pub roles: BTreeSet<Role>,
    pub demo: bool,
}

impl Service {
    /// Opens an existing database (see [`Store::open`]).
    pub fn open(path: &Path, clock: Arc<dyn Clock>) -> Result<Service, ServiceError> {
        Ok(Service {
            store: Store::open(path)?,
            clock,
            places: std::sync::Mutex::new(None),
        })
    }

    pub fn path(&self) -> &Path {
        self.store.path()
    }

    /// How many write transactions that changed data (not only the audit log) this
    /// service has committed since it opened.
    pub fn commits(&self) -> u64 {
        self.store.commits()
    }

    pub fn clock(&self) -> &dyn Clock {
        self.clock.as_ref()
    }

    /// How long case keys stay open without use, from the settings (no permission
    /// needed: the number is no secret, and the server forgets keys by it).
    pub fn case_lock_after(&self) -> Result<std::time::Duration, ServiceError> {
        let r = self.store.read()?;
        let minutes = skills::settings_in(&r)?.lock_minutes;
        Ok(std::time::Duration::from_secs(u64::from(minutes) * 60))
    }

    /// The caller's account, roles and whether this is the demo database.
    pub fn session(&self, p: &Principal) -> Result<Session, ServiceError> {
        let r = self.store.read()?;
        let roles = roles_of(r.get::<Account>(&p.account)?);
        Ok(Session {
            account: p.account.clone(),
            roles,
            demo: r.meta(meta::DEMO)?.is_some(),
        })
    }

    /// A read transaction, after checking the caller may do `permission`.
    fn read_as(&self, p: &Principal, permission: Permission) -> Result<Reader, ServiceError> {
        let r = self.store.read()?;
        require(&r, p, permission)?;
        Ok(r)
    }

    /// Runs `change` in one write transaction after the permission check, appends the
    /// audit entry with the ids it returns, and commits; on error nothing is written.
    fn write_as<T>(
        &self,
        p: &Principal,
        permission: Permission,
        action: &str,
        change: impl FnOnce(&mut Writer) -> Result<(T, Vec<String>), ServiceError>,
    ) -> Result<T, ServiceError> {
        let mut w = self.store.write()?;
        let roles = roles_of(w.get::<Account>(&p.account)?);
        if !access::allows(&roles, permission) {
            return Err(denied(p, permission));
        }
        let (out, ids) = change(&mut w)?;
        w.audit(self.clock.now(), &p.account, action, ids)?;
        w.commit()?;
        Ok(out)
    }
}

fn denied(p: &Principal, permission: Permission) -> ServiceError {
    ServiceError::Denied {
        account: p.account.clone(),
        permission,
    }
}

/// An account's roles; an account the database does not know has none.
fn roles_of(account: Option<Account>) -> BTreeSet<Role> {
    account.map(|a| a.roles).unwrap_or_default()
}

fn require(r: &Reader, p: &Principal, permission: Permission) -> Result<(), ServiceError> {
    let roles = roles_of(r.get::<Account>(&p.account)?);
    if access::allows(&roles, permission) {
        Ok(())
    } else {
        Err(denied(p, permission))
    }
}

/// Sorts catalogue records by their policy order.
fn by_order<T: Record>(mut items: Vec<T>, order: impl Fn(&T) -> u32) -> Vec<T> {
    items.sort_by_key(|i| order(i));
    items
}
