//! Every user intent, one variant each. Keys become actions in the keymap; panes never
//! look at key codes.

use super::app::Pane;
use super::panes::admin;
use super::panes::skills::View;
use super::panes::training;
use crate::domain::{EnrollStatus, SubsidyStatus};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Leave kizuna, asking first when a form has unsaved changes.
    Quit,
    /// Show pane N.
    Pane(Pane),
    /// The next pane to the right.
    NextPane,
    /// The next pane to the left.
    PrevPane,
    /// Open the help of the current layer.
    Help,
    /// Go back one step: close an overlay, leave a view, clear a field.
    Back,
    /// Put the cursor in the staff search field.
    FocusSearch,
    /// Move the selection up or down one row.
    Up,
    Down,
    /// Move the selection a page up or down.
    PageUp,
    PageDown,
    /// Open the selected item (the interview card of a person).
    Open,
    /// Type a character into the focused field.
    Input(char),
    /// Paste text into the focused field.
    Paste(String),
    /// Delete the character before the cursor.
    Backspace,
    /// Delete the character under the cursor.
    Delete,
    /// Move the cursor left or right: within a text field, or across a grid.
    Left,
    Right,
    /// The start or the end: of a text field, or of a grid's row.
    Home,
    End,
    /// Clear the field.
    ClearField,
    /// Show or hide staff who have left.
    ToggleLeavers,
    /// Narrow the search by organisation, band, type, status or tier.
    Filter,
    /// Start a new employee record.
    NewEmployee,
    /// Edit the selected person's record.
    EditEmployee,
    /// The next and previous form field.
    NextField,
    PrevField,
    /// Save the form.
    Save,
    /// Enter in a form: the next field, or save on the last one.
    Submit,
    /// Keep the form open after saving a new person, for year-start entry.
    ToggleContinuous,
    /// Show a list of the card whole.
    ShowHistory,
    /// Show the person's skill gaps, all of them.
    ShowGaps,
    /// Show a view of the skills pane: the map, the matrix, the gaps or the tiers.
    SkillView(View),
    /// Record this level (0-4) in the focused matrix cell and move to the next cell.
    Level(u8),
    /// Take back the last level recorded.
    Undo,
    /// The next source new levels are recorded with (上司評価, 本人申告, 研修修了).
    CycleSource,
    /// Choose the unit the matrix and the gap report cover.
    ChooseUnit,
    /// Gap report: the whole city, or back to the chosen unit.
    WholeCity,
    /// Skill map: mark or unmark ○ at the focused band.
    ToggleMark,
    /// Skill map: rename the focused skill.
    RenameSkill,
    /// Skill map: add a skill under the focused skill's category.
    AddSkill,
    /// Skill map: retire the focused skill (its history stays).
    RetireSkill,
    /// Matrix and gap report: read them as of another day (levels are entered only
    /// as of today).
    AsOf,
    /// The fiscal year before the one shown (the skill map, the sessions, the
    /// obligations, the subsidy).
    EarlierYear,
    /// The fiscal year after the one shown (the skill map goes no further than
    /// today's).
    LaterYear,
    /// Show the person's trainings, all of them.
    ShowTrainings,
    /// Skills pane: accept the focused level proposal (it becomes a level, source
    /// 研修修了).
    AcceptProposal,
    /// Skills pane: reject the focused level proposal.
    RejectProposal,
    /// Show a view of the training pane.
    TrainingView(training::View),
    /// Roster: record this status (出席, 欠席, 修了) for the focused person and move to
    /// the next.
    Mark(EnrollStatus),
    /// Roster: cancel the focused person's enrollment (asked first).
    CancelEnrollment,
    /// Enroll someone: a person in the roster's session, or the card's person in a
    /// session.
    Enroll,
    /// Bulk preview: enroll everyone it shows with a place or on the waiting list.
    EnrollAll,
    /// Sessions: copy a year's plan into the next fiscal year (asked first).
    CopyPlan,
    /// Sessions: move the focused session on (計画 → 募集中 → 締切 → 実施済 → 計画).
    NextSessionStatus,
    /// Subsidy: move the focused application to this status.
    Decide(SubsidyStatus),
    /// Administration pane: show the accounts or the audit log.
    AdminView(admin::View),
    /// Audit log: walk the hash chain and show the verdict.
    Verify,
    /// Case pane: lock now and forget the keys.
    LockCases,
    /// Case pane: the other domain the caller holds.
    NextDomain,
    /// Case pane: add a dated entry to the open case.
    AddNote,
    /// Case pane: move the open harassment case to its next stage (asking for the
    /// field it needs first).
    AdvanceStage,
    /// Dashboard pane: show a view (KPIs, digital talent, training, engagement).
    DashboardView(super::panes::dashboard::View),
    /// Roadmap: set the status of the focused year of the focused initiative.
    SetProgress(crate::domain::Progress),
    /// Roadmap: revise the plan text of the focused year (a question).
    EditPlan,
    /// A save refused because someone else saved first: drop my edit and show theirs.
    Reload,
    /// A save refused because someone else saved first: save my edit over theirs.
    Reapply,
    /// Answer a question.
    Yes,
    No,
    /// The terminal has a new size (columns, rows). Not a key: the runtime sends it so
    /// scrolling can keep the cursor in view.
    Resize(u16, u16),
}

impl Action {
    /// An edit of the focused text field.
    pub fn is_edit(&self) -> bool {
        matches!(
            self,
            Action::Input(_)
                | Action::Paste(_)
                | Action::Backspace
                | Action::Delete
                | Action::Left
                | Action::Right
                | Action::Home
                | Action::End
                | Action::ClearField
        )
    }
}
