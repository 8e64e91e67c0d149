//! Pane 2 スキル: the skill map (edited by admins), the matrix of a unit (levels typed
//! with digits, undo), the worst-first gap report and the digital tier report. Data is
//! read when a view is first shown and kept; a level typed in the matrix changes only
//! its cell, from the service's answer.

mod answers;
pub mod conflict;
pub mod draw;
pub mod map;
pub mod matrix;
pub mod proposals;
pub mod reports;
mod unit;

pub use answers::{
    gaps_loaded, level_stored, levels_restored, load_failed, map_edited, map_loaded, matrix_loaded,
    proposal_decided, proposals_loaded, restore_failed, tiers_loaded,
};
pub use unit::resolve_unit;

use crate::domain::{Band, Date, FiscalYear, Level, Source};
use crate::i18n::tui;
use crate::service::{MapEdit, Scope};
use crate::tui::action::Action;
use crate::tui::app::{App, Confirm, Notice, Pane};
use crate::tui::effect::Effect;
use crate::tui::widgets::input::fold;
use map::MapState;
use matrix::{MatrixState, UndoStep};
use proposals::ProposalsState;
use reports::{GapsState, TiersState};

/// The views of the pane.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Map,
    Matrix,
    Gaps,
    Tiers,
    /// Levels proposed by completed courses, for an assessor to accept or reject.
    Proposals,
}

impl View {
    pub const ALL: [View; 5] = [
        View::Map,
        View::Matrix,
        View::Gaps,
        View::Tiers,
        View::Proposals,
    ];

    pub fn label_key(self) -> &'static str {
        match self {
            View::Map => "skills.view.map",
            View::Matrix => "skills.view.matrix",
            View::Gaps => "skills.view.gaps",
            View::Tiers => "skills.view.tiers",
            View::Proposals => "skills.view.proposals",
        }
    }
}

pub use super::Slot;

/// What a one-line question asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PromptKind {
    /// The unit of the matrix and the gap report: a code or a name, empty for the city.
    Unit,
    /// A new name for a skill of the map.
    Rename { skill: String },
    /// The name of a new skill under a category.
    Add { category: String },
    /// The day the matrix and the gap report are read as of; empty for today.
    AsOf,
}

/// A one-line question of the skills pane.
pub type Prompt = crate::tui::widgets::prompt::Prompt<PromptKind>;

impl PromptKind {
    pub fn title_key(&self) -> &'static str {
        match self {
            PromptKind::Unit => "prompt.unit",
            PromptKind::Rename { .. } => "prompt.rename",
            PromptKind::Add { .. } => "prompt.add",
            PromptKind::AsOf => "prompt.as_of",
        }
    }
}

pub struct SkillsState {
    pub view: View,
    pub today: Date,
    pub map: Slot<MapState>,
    pub matrix: Slot<MatrixState>,
    pub gaps: Slot<GapsState>,
    pub tiers: Slot<TiersState>,
    pub proposals: Slot<ProposalsState>,
    /// The unit chosen for the matrix and the gap report (no unit: the whole city);
    /// None until one is chosen.
    pub scope: Option<Scope>,
    /// The gap report covers the whole city instead of the chosen unit.
    pub city: bool,
    /// The source new levels are recorded with.
    pub source: Source,
    pub undo: Vec<UndoStep>,
    pub prompt: Option<Prompt>,
    /// The skill waiting for the answer to "retire it?".
    pub pending_retire: Option<String>,
    /// The person of the staff pane's card the matrix last followed: a card opened
    /// since brings the matrix to that person.
    pub followed: Option<String>,
    /// A skill to put the matrix cursor on when it is next shown (from the gap report).
    pub want_skill: Option<String>,
    /// A skill to put the map cursor on when the map is next read (one just edited).
    pub map_want: Option<String>,
    /// The earlier fiscal year whose map is shown; None: today's map, the one edits
    /// change.
    pub map_year: Option<FiscalYear>,
    /// The earlier day the matrix and the gap report are read as of; None: today, the
    /// only day levels are entered on.
    pub as_of: Option<Date>,
    /// A change to a skill of the map refused because someone else changed it first.
    pub conflict: Option<conflict::SkillConflict>,
}

impl SkillsState {
    pub fn new(today: Date) -> SkillsState {
        SkillsState {
            view: View::Matrix,
            today,
            map: Slot::Empty,
            matrix: Slot::Empty,
            gaps: Slot::Empty,
            tiers: Slot::Empty,
            proposals: Slot::Empty,
            scope: None,
            city: false,
            source: Source::Supervisor,
            undo: Vec::new(),
            prompt: None,
            pending_retire: None,
            followed: None,
            want_skill: None,
            map_want: None,
            map_year: None,
            as_of: None,
            conflict: None,
        }
    }

    /// The scope of the gap report.
    pub fn gaps_scope(&self) -> Scope {
        if self.city {
            Scope::default()
        } else {
            self.scope.clone().unwrap_or_default()
        }
    }

    /// The source after `s`, in the order a year-start entry needs them most.
    fn next_source(s: Source) -> Source {
        match s {
            Source::Supervisor => Source::SelfReport,
            Source::SelfReport => Source::Training,
            Source::Training => Source::Supervisor,
        }
    }
}

/// The pane body's size, from the terminal's: the status line, the pane tabs and the
/// hint line take three lines.
fn body(app: &App) -> (usize, usize) {
    (
        usize::from(app.size.0),
        usize::from(app.size.1.saturating_sub(3)),
    )
}

/// Lines of a list view below its three heading lines.
pub fn list_rows(height: usize) -> usize {
    matrix::grid_rows(height)
}

/// Keeps every cursor in view after the terminal changed size.
pub fn resized(app: &mut App) {
    let (w, h) = body(app);
    let s = &mut app.skills;
    if let Some(m) = s.matrix.ready_mut() {
        m.scroll(w, h);
    }
    if let Some(m) = s.map.ready_mut() {
        m.scroll(list_rows(h));
    }
    if let Some(g) = s.gaps.ready_mut() {
        g.scroll(list_rows(h));
    }
    if let Some(p) = s.proposals.ready_mut() {
        p.cursor.scroll(list_rows(h));
    }
}

/// The pane has come to the front: follow a card opened in the staff pane, and read
/// what the view needs.
pub fn entered(app: &mut App) -> Vec<Effect> {
    follow_card(app);
    let view = app.skills.view;
    show(app, view, false)
}

/// The 所属 of the person on the staff pane's card, when that card is new to us.
fn follow_card(app: &mut App) {
    let (w, h) = body(app);
    let Some(card) = &app.staff.card else {
        return;
    };
    let staff_no = card.employee.staff_no.clone();
    let s = &mut app.skills;
    if s.followed.as_deref() == Some(staff_no.as_str()) {
        return;
    }
    s.followed = Some(staff_no.clone());
    // Someone already in the matrix: only the cursor moves, the unit stays.
    if let Some(m) = s.matrix.ready_mut()
        && let Some(row) = m.matrix.rows.iter().position(|r| r.staff_no == staff_no)
    {
        m.row = row;
        m.scroll(w, h);
        return;
    }
    let tree = &app.staff.org.tree;
    if let Some(unit) = card.unit.as_deref() {
        let section = tree.section_of(unit).map_or(unit, |s| s.code.as_str());
        set_scope(s, Some(section.to_string()));
    }
}

/// Chooses the unit of the matrix and the gap report; a failure to read the old one
/// no longer applies.
fn set_scope(s: &mut SkillsState, unit: Option<String>) {
    s.scope = Some(Scope {
        unit,
        ..Scope::default()
    });
    s.city = false;
    if let Slot::Failed(_) = s.matrix {
        s.matrix = Slot::Empty;
    }
    if let Slot::Failed(_) = s.gaps {
        s.gaps = Slot::Empty;
    }
}

/// Shows a view, asking for what it lacks. `again` (the user pressed the view's key)
/// also retries a read that failed.
fn show(app: &mut App, view: View, again: bool) -> Vec<Effect> {
    let (w, h) = body(app);
    let s = &mut app.skills;
    s.view = view;
    match view {
        View::Map => match s.map {
            Slot::Ready(_) => Vec::new(),
            Slot::Failed(_) if !again => Vec::new(),
            _ => vec![Effect::LoadSkillMap { year: s.map_year }],
        },
        View::Matrix => {
            let Some(scope) = s.scope.clone() else {
                if s.prompt.is_none() {
                    open_unit_prompt(app);
                }
                return Vec::new();
            };
            let want = s.want_skill.take();
            let (on, day) = (s.as_of, s.as_of.unwrap_or(s.today));
            match &mut s.matrix {
                Slot::Ready(m) if m.matrix.scope == scope && m.matrix.on == day && !m.stale => {
                    if let Some(col) = want.and_then(|k| m.find_col(m.col, &k)) {
                        m.col = col;
                        m.scroll(w, h);
                    }
                    Vec::new()
                }
                Slot::Failed(_) if !again => Vec::new(),
                // The same people read again keep their cursor.
                Slot::Ready(m) if m.matrix.scope == scope => {
                    let (person, skill) = m.focus();
                    vec![Effect::LoadMatrix {
                        scope,
                        on,
                        person,
                        skill: want.or(skill),
                    }]
                }
                // A new unit starts on the person followed from the staff pane, if
                // they are in it.
                _ => vec![Effect::LoadMatrix {
                    scope,
                    on,
                    person: s.followed.clone(),
                    skill: want,
                }],
            }
        }
        View::Gaps => {
            let scope = s.gaps_scope();
            let (on, day) = (s.as_of, s.as_of.unwrap_or(s.today));
            match &s.gaps {
                Slot::Ready(g) if g.report.scope == scope && g.report.on == day && !g.stale => {
                    Vec::new()
                }
                Slot::Failed(_) if !again => Vec::new(),
                _ => vec![Effect::LoadGapReport { scope, on }],
            }
        }
        View::Tiers => match s.tiers {
            Slot::Ready(_) => Vec::new(),
            Slot::Failed(_) if !again => Vec::new(),
            _ => vec![Effect::LoadTierReport],
        },
        View::Proposals => {
            let stale = s.proposals.ready().is_some_and(|p| p.stale);
            if stale || s.proposals.wants(again) {
                vec![Effect::LoadProposals]
            } else {
                Vec::new()
            }
        }
    }
}

fn open_unit_prompt(app: &mut App) {
    let s = &app.skills;
    // Proposed: the unit in use, else the 所属 of the person on the staff pane's card.
    let proposed = match &s.scope {
        Some(scope) => scope.unit.clone().unwrap_or_default(),
        None => app
            .staff
            .card
            .as_ref()
            .and_then(|c| c.unit.as_deref())
            .map(|u| {
                let tree = &app.staff.org.tree;
                tree.section_of(u)
                    .map_or(u, |s| s.code.as_str())
                    .to_string()
            })
            .unwrap_or_default(),
    };
    app.skills.prompt = Some(Prompt::new(PromptKind::Unit, &proposed));
}

/// Carries out an action on the skills pane.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    if app.skills.conflict.is_some() {
        return conflict::update(app, action);
    }
    if app.skills.prompt.is_some() {
        return prompt_update(app, action);
    }
    match action {
        Action::SkillView(v) => return show(app, v, true),
        Action::ChooseUnit => {
            open_unit_prompt(app);
            return Vec::new();
        }
        Action::AsOf => {
            let s = &mut app.skills;
            let shown = s.as_of.map(|d| d.to_string()).unwrap_or_default();
            s.prompt = Some(Prompt::new(PromptKind::AsOf, &shown));
            return Vec::new();
        }
        _ => {}
    }
    match app.skills.view {
        View::Map => map_update(app, action),
        View::Matrix => matrix_update(app, action),
        View::Gaps => gaps_update(app, action),
        View::Proposals => proposals_update(app, action),
        View::Tiers => {
            let (_, h) = body(app);
            if let Some(t) = app.skills.tiers.ready_mut() {
                let page = list_rows(h) as isize;
                match action {
                    Action::Up => t.scroll_by(-1),
                    Action::Down => t.scroll_by(1),
                    Action::PageUp => t.scroll_by(-page),
                    Action::PageDown => t.scroll_by(page),
                    _ => {}
                }
            }
            Vec::new()
        }
    }
}

fn matrix_update(app: &mut App, action: Action) -> Vec<Effect> {
    let lang = app.look.lang;
    let (w, h) = body(app);
    let s = &mut app.skills;
    if let Action::CycleSource = action {
        s.source = SkillsState::next_source(s.source);
        return Vec::new();
    }
    if matches!(action, Action::Undo | Action::Level(_)) && s.as_of.is_some() {
        app.notice = Some(Notice::Error(tui("matrix.past_readonly", lang).into()));
        return Vec::new();
    }
    if let Action::Undo = action {
        return match s.undo.pop() {
            Some(step) => vec![Effect::RestoreLevels(Box::new(step))],
            None => {
                app.notice = Some(Notice::Info(tui("matrix.nothing_to_undo", lang).into()));
                Vec::new()
            }
        };
    }
    let source = s.source;
    let Some(m) = s.matrix.ready_mut() else {
        return Vec::new();
    };
    if m.is_empty() {
        return Vec::new();
    }
    let page = matrix::grid_rows(h) as isize;
    match action {
        Action::Up => m.move_by(-1, 0),
        Action::Down => m.move_by(1, 0),
        Action::Left => m.move_by(0, -1),
        Action::Right => m.move_by(0, 1),
        Action::PageUp => m.move_by(-page, 0),
        Action::PageDown => m.move_by(page, 0),
        Action::Home => m.row_start(),
        Action::End => m.row_end(),
        Action::Level(n) => {
            let Some(level) = Level::new(n) else {
                app.notice = Some(Notice::Error(tui("matrix.level_range", lang).into()));
                return Vec::new();
            };
            let (Some(row), Some(skill)) = (m.matrix.rows.get(m.row), m.matrix.column_key(m.col))
            else {
                return Vec::new();
            };
            return vec![Effect::SetLevel {
                staff_no: row.staff_no.clone(),
                skill,
                level,
                source,
                row: m.row,
                col: m.col,
            }];
        }
        Action::Open => {
            let Some(row) = m.matrix.rows.get(m.row) else {
                return Vec::new();
            };
            let staff_no = row.staff_no.clone();
            // Coming back, the matrix stays where it is: this person is in it.
            s.followed = Some(staff_no.clone());
            app.pane = Pane::Staff;
            return vec![Effect::LoadCard {
                staff_no,
                edit: false,
            }];
        }
        _ => {}
    }
    m.scroll(w, h);
    Vec::new()
}

fn map_update(app: &mut App, action: Action) -> Vec<Effect> {
    let lang = app.look.lang;
    let (_, h) = body(app);
    let s = &mut app.skills;
    let Some(m) = s.map.ready_mut() else {
        return Vec::new();
    };
    let page = list_rows(h) as isize;
    let edits = matches!(
        action,
        Action::ToggleMark | Action::RenameSkill | Action::AddSkill | Action::RetireSkill
    );
    if edits && s.map_year.is_some() {
        app.notice = Some(Notice::Error(tui("map.past_readonly", lang).into()));
        return Vec::new();
    }
    let this_year = FiscalYear::of(s.today);
    let shown = s.map_year.unwrap_or(this_year);
    match action {
        Action::Up => m.move_by(-1),
        Action::Down => m.move_by(1),
        Action::PageUp => m.move_by(-page),
        Action::PageDown => m.move_by(page),
        Action::Left => m.move_band(-1),
        Action::Right => m.move_band(1),
        Action::EarlierYear => {
            let year = FiscalYear(shown.0 - 1);
            if m.map.first.is_some_and(|first| first <= year.last_day()) {
                s.map_year = Some(year);
                return vec![Effect::LoadSkillMap { year: s.map_year }];
            }
            app.notice = Some(Notice::Error(tui("map.no_earlier", lang).into()));
        }
        Action::LaterYear if shown < this_year => {
            let year = FiscalYear(shown.0 + 1);
            s.map_year = (year < this_year).then_some(year);
            return vec![Effect::LoadSkillMap { year: s.map_year }];
        }
        Action::ToggleMark => {
            let band = Band::ALL[m.band.min(3)];
            if let Some(skill) = m.skill() {
                let edit = MapEdit::Toggle {
                    skill: skill.key.clone(),
                    band,
                };
                return vec![conflict::edit_effect(m, edit)];
            }
        }
        Action::RenameSkill => {
            if let Some(skill) = m.skill() {
                let kind = PromptKind::Rename {
                    skill: skill.key.clone(),
                };
                s.prompt = Some(Prompt::new(kind, &skill.name));
            }
        }
        Action::AddSkill => match m.skill().map(|k| k.category.clone()) {
            Some(Some(category)) => {
                s.prompt = Some(Prompt::new(PromptKind::Add { category }, ""));
            }
            Some(None) => {
                app.notice = Some(Notice::Error(tui("map.add_foundation", lang).into()));
            }
            None => {}
        },
        Action::RetireSkill => {
            if let Some(skill) = m.skill() {
                s.pending_retire = Some(skill.key.clone());
                app.confirm = Some(Confirm::Retire);
            }
        }
        _ => {}
    }
    if let Some(m) = app.skills.map.ready_mut() {
        m.scroll(list_rows(h));
    }
    Vec::new()
}

fn gaps_update(app: &mut App, action: Action) -> Vec<Effect> {
    let (_, h) = body(app);
    let s = &mut app.skills;
    match action {
        Action::WholeCity => {
            s.city = !s.city;
            return show(app, View::Gaps, false);
        }
        Action::Open => {
            let Some(key) = s.gaps.ready().and_then(|g| g.skill()).map(str::to_string) else {
                return Vec::new();
            };
            // The report may cover the city while the matrix keeps its unit: the
            // column is found in whichever matrix is in use.
            if s.scope.is_none() {
                s.scope = Some(s.gaps_scope());
            }
            s.want_skill = Some(key);
            return show(app, View::Matrix, false);
        }
        _ => {}
    }
    if let Some(g) = s.gaps.ready_mut() {
        let page = list_rows(h) as isize;
        match action {
            Action::Up => g.move_by(-1),
            Action::Down => g.move_by(1),
            Action::PageUp => g.move_by(-page),
            Action::PageDown => g.move_by(page),
            _ => {}
        }
        g.scroll(list_rows(h));
    }
    Vec::new()
}

fn proposals_update(app: &mut App, action: Action) -> Vec<Effect> {
    let (_, h) = body(app);
    let Some(p) = app.skills.proposals.ready_mut() else {
        return Vec::new();
    };
    let page = list_rows(h) as isize;
    let len = p.rows.len();
    match action {
        Action::Up => p.cursor.move_by(len, -1),
        Action::Down => p.cursor.move_by(len, 1),
        Action::PageUp => p.cursor.move_by(len, -page),
        Action::PageDown => p.cursor.move_by(len, page),
        Action::AcceptProposal | Action::RejectProposal => {
            if let Some(chosen) = p.selected() {
                return vec![Effect::DecideProposal {
                    key: chosen.key(),
                    staff_no: chosen.staff_no.clone(),
                    accept: action == Action::AcceptProposal,
                }];
            }
        }
        Action::Open => {
            if let Some(chosen) = p.selected() {
                let staff_no = chosen.staff_no.clone();
                app.pane = Pane::Staff;
                return vec![Effect::LoadCard {
                    staff_no,
                    edit: false,
                }];
            }
        }
        _ => {}
    }
    p.cursor.scroll(list_rows(h));
    Vec::new()
}

fn prompt_update(app: &mut App, action: Action) -> Vec<Effect> {
    let lang = app.look.lang;
    let Some(prompt) = app.skills.prompt.as_mut() else {
        return Vec::new();
    };
    match action {
        action if action.is_edit() => prompt.edit(&action),
        Action::Back => app.skills.prompt = None,
        Action::Submit => {
            let text = prompt.input.text().trim().to_string();
            match prompt.kind.clone() {
                PromptKind::Unit => {
                    match resolve_unit(&app.staff.org.tree, app.skills.today, &text, lang) {
                        Ok(unit) => {
                            let s = &mut app.skills;
                            s.prompt = None;
                            set_scope(s, unit);
                            let view = match s.view {
                                View::Gaps => View::Gaps,
                                _ => View::Matrix,
                            };
                            return show(app, view, true);
                        }
                        Err(message) => prompt.error = Some(message),
                    }
                }
                PromptKind::AsOf => {
                    let today = app.skills.today;
                    let day = match text.is_empty() {
                        true => Ok(today),
                        false => Date::parse(&fold(&text)).map_err(|_| "error.date"),
                    };
                    match day {
                        Ok(day) if day > today => {
                            prompt.error = Some(tui("prompt.as_of_future", lang).into());
                        }
                        Ok(day) => {
                            let s = &mut app.skills;
                            s.prompt = None;
                            s.as_of = (day != today).then_some(day);
                            return show(app, app.skills.view, true);
                        }
                        Err(key) => prompt.error = Some(tui(key, lang).into()),
                    }
                }
                PromptKind::Rename { .. } | PromptKind::Add { .. } if text.is_empty() => {
                    prompt.error = Some(tui("prompt.name_empty", lang).into());
                }
                PromptKind::Rename { skill } => {
                    app.skills.prompt = None;
                    let edit = MapEdit::Rename { skill, name: text };
                    return edits(app, edit);
                }
                PromptKind::Add { category } => {
                    app.skills.prompt = None;
                    return vec![Effect::EditMap(MapEdit::Add {
                        category,
                        name: text,
                    })];
                }
            }
        }
        _ => {}
    }
    Vec::new()
}

/// After "retire it?" was answered yes.
pub fn retire_confirmed(app: &mut App) -> Vec<Effect> {
    match app.skills.pending_retire.take() {
        Some(skill) => edits(app, MapEdit::Retire { skill }),
        None => Vec::new(),
    }
}

/// The effect of a change to a skill of the map shown, with the revision it was read
/// at.
fn edits(app: &App, edit: MapEdit) -> Vec<Effect> {
    match app.skills.map.ready() {
        Some(m) => vec![conflict::edit_effect(m, edit)],
        None => vec![Effect::EditMap(edit)],
    }
}
