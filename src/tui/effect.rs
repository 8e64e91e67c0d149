//! What `update` asks the runtime to do through the service: the only I/O.

use crate::domain::{Employee, EnrollStatus, FiscalYear, Level, Source, SubsidyStatus};
use crate::service::{BulkFilter, MapEdit, Scope};
use crate::tui::panes::skills::matrix::UndoStep;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Read a person's interview card (with their skill gaps and trainings); open the
    /// form on it when `edit`.
    LoadCard { staff_no: String, edit: bool },
    /// Save the form's record.
    Save { employee: Box<Employee>, new: bool },
    /// The skill map of a fiscal year (as it stood on its last day), or today's.
    LoadSkillMap {
        year: Option<crate::domain::FiscalYear>,
    },
    /// Read the matrix of a scope, with the cursor on a person and a skill if given.
    LoadMatrix {
        scope: Scope,
        /// The day the levels are read as of; None: today.
        on: Option<crate::domain::Date>,
        person: Option<String>,
        skill: Option<String>,
    },
    /// Read the worst-first gap report of a scope, as of a day (None: today).
    LoadGapReport {
        scope: Scope,
        on: Option<crate::domain::Date>,
    },
    /// Read the digital tier report.
    LoadTierReport,
    /// Record a level from today; `row` and `col` are the matrix cell it was typed in.
    SetLevel {
        staff_no: String,
        skill: String,
        level: Level,
        source: Source,
        row: usize,
        col: usize,
    },
    /// Put a cell's rows back as they were before a level was recorded.
    RestoreLevels(Box<UndoStep>),
    /// Change the skill map from today.
    EditMap(MapEdit),
    /// Change a skill of the map read at revision `opened` (refused if it moved on).
    EditSkill { edit: MapEdit, opened: u64 },
    /// Read the pending level proposals of completed courses.
    LoadProposals,
    /// Accept or reject a level proposal (of the person `staff_no`).
    DecideProposal {
        key: String,
        staff_no: String,
        accept: bool,
    },
    /// Read the course catalogue (with the skill names it refers to).
    LoadCourses,
    /// Read the sessions of a fiscal year.
    LoadSessions { year: FiscalYear },
    /// Read a session's roster, with the cursor on a person if given.
    LoadRoster {
        session: String,
        focus: Option<String>,
    },
    /// Record a status of a person in a session; `row` is the roster line it was
    /// typed on.
    SetAttendance {
        session: String,
        staff_no: String,
        status: EnrollStatus,
        row: usize,
    },
    /// Enroll a person in a session, with the reason for one outside the audience.
    Enroll {
        session: String,
        staff_no: String,
        reason: Option<String>,
    },
    /// What a bulk enrollment would do (nothing is written).
    BulkPreview { session: String, filter: BulkFilter },
    /// Enroll everyone a filter takes, in one transaction.
    BulkEnroll { session: String, filter: BulkFilter },
    /// Copy a fiscal year's sessions into the next year as its plan.
    CopyPlan { from: FiscalYear },
    /// Save a session read at revision `opened` (refused if it moved on).
    UpdateSession {
        session: Box<crate::domain::Session>,
        opened: u64,
    },
    /// Read who owes which mandatory course in a year, in a unit or the city.
    LoadOwed {
        year: FiscalYear,
        unit: Option<String>,
    },
    /// Read a year's subsidy applications and budget.
    LoadSubsidies { year: FiscalYear },
    /// Move a subsidy application on.
    DecideSubsidy { id: String, to: SubsidyStatus },
    /// Read the dashboard's figures of a fiscal year.
    LoadDashboard { year: FiscalYear },
    /// Read the engagement survey of a fiscal year.
    LoadSurvey { year: FiscalYear },
    /// Read the accounts and their roles.
    LoadAccounts,
    /// Read the audit log.
    LoadAuditLog,
    /// Walk the audit chain.
    VerifyAudit,
    /// Whether each case domain is set up, and how many hold it.
    LoadCaseDomains,
    /// Unlock the caller's case keys with their passphrase.
    UnlockCases(crate::tui::panes::cases::Secret),
    /// Read the cases of a domain (through the unlocked keys).
    LoadCases {
        domain: crate::domain::cases::CaseDomain,
    },
    /// Read one case whole.
    LoadCase {
        domain: crate::domain::cases::CaseDomain,
        id: String,
    },
    /// Add a dated entry to the open case.
    NoteCase { id: String, text: String },
    /// Write the field the next stage needs, then move the case to it.
    FieldThenAdvance {
        id: String,
        field: crate::domain::cases::Field,
        text: String,
    },
    /// Move the open harassment case to its next stage.
    AdvanceCase { id: String },
    /// Have the service forget the case keys (Ctrl-L, the idle time).
    LockCases,
    /// Read the roadmap's timeline.
    LoadRoadmap,
    /// Read one initiative whole.
    LoadRoadmapDetail { id: String },
    /// Change an initiative's progress (status, note, plan).
    ChangeRoadmap {
        id: String,
        change: crate::service::RoadmapChange,
    },
    /// Change an initiative read at revision `opened`, from what the pane shows
    /// (refused if it moved on).
    ChangeInitiative {
        id: String,
        change: crate::service::RoadmapChange,
        opened: u64,
    },
}
