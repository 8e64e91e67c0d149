//! What `update` asks the runtime to do through the service: the only I/O.

use crate::domain::{Employee, Level, Source};
use crate::service::{MapEdit, Scope};
use crate::tui::panes::skills::matrix::UndoStep;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Read a person's interview card (and their skill gaps); open the form on it when
    /// `edit`.
    LoadCard { staff_no: String, edit: bool },
    /// Save the form's record.
    Save { employee: Box<Employee>, new: bool },
    /// Read today's skill map.
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
}
