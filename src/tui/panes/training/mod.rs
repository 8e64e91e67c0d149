//! Pane 3 研修: the course catalogue, the sessions of a fiscal year, a session's
//! roster (attendance marked with one key a person), bulk enrollment from a filter
//! with a preview, the mandatory courses still owed, and the self-study subsidy within
//! its budget. Data is read when a view is first shown and kept; a change made here
//! changes what it touched from the service's answer, and marks the rest to be read
//! again.

mod answers;
pub mod bulk;
pub mod conflict;
pub mod draw;
pub mod lists;
pub mod roster;
pub mod subsidy;

pub use answers::{
    ask_reason, attendance_stored, bulk_done, bulk_previewed, courses_loaded, enrolled,
    load_failed, owed_loaded, plan_copied, refused, roster_loaded, session_status_set,
    sessions_loaded, subsidies_loaded, subsidy_decided, year_name,
};

use std::collections::BTreeMap;

use super::Slot;
use crate::domain::{Date, FiscalYear};
use crate::i18n::tui;
use crate::search::Filter;
use crate::tui::action::Action;
use crate::tui::app::{App, Notice, Pane};
use crate::tui::effect::Effect;
use crate::tui::keymap::Layer;
use crate::tui::widgets::input::fold;
use crate::tui::widgets::prompt::Prompt;
use crate::tui::widgets::text::fill;
use bulk::BulkState;
use lists::{CoursesState, OwedState, SessionsState};
use roster::RosterState;
use subsidy::SubsidyState;

/// The views of the pane.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Catalogue,
    Sessions,
    Roster,
    Bulk,
    Owed,
    Subsidy,
}

impl View {
    pub const ALL: [View; 6] = [
        View::Catalogue,
        View::Sessions,
        View::Roster,
        View::Bulk,
        View::Owed,
        View::Subsidy,
    ];

    pub fn label_key(self) -> &'static str {
        match self {
            View::Catalogue => "training.view.catalogue",
            View::Sessions => "training.view.sessions",
            View::Roster => "training.view.roster",
            View::Bulk => "training.view.bulk",
            View::Owed => "training.view.owed",
            View::Subsidy => "training.view.subsidy",
        }
    }
}

/// What a one-line question about training asks for. It is asked over the pane it
/// came from (the roster, or the interview card) and closes when the pane changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ask {
    /// The session whose roster to show.
    Session,
    /// A session to enroll the person of the interview card in.
    SessionFor { staff_no: String, name: String },
    /// A person to enroll in a session: a staff number, or a name that finds one.
    Person { session: String },
    /// Why a person outside the course's audience is enrolled anyway; `refusal` is
    /// what the rules said.
    Reason {
        session: String,
        staff_no: String,
        name: String,
        refusal: String,
    },
    /// The unit the obligations cover: a code or a name, empty for the city.
    Unit,
}

impl Ask {
    pub fn title_key(&self) -> &'static str {
        match self {
            Ask::Session => "ask.session",
            Ask::SessionFor { .. } => "ask.session_for",
            Ask::Person { .. } => "ask.person",
            Ask::Reason { .. } => "ask.reason",
            Ask::Unit => "prompt.unit",
        }
    }
}

/// A change waiting for the answer to a yes/no question.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pending {
    /// Cancel a person's enrollment (the first in line then gets the place).
    Cancel {
        session: String,
        staff_no: String,
        name: String,
        row: usize,
    },
    /// Copy the sessions of `from` into the next fiscal year as its plan.
    CopyPlan { from: FiscalYear, count: usize },
    /// Reject a subsidy application (it moves no further after that).
    Reject { id: String, name: String },
}

pub struct TrainingState {
    pub view: View,
    pub today: Date,
    pub courses: Slot<CoursesState>,
    /// Skill names by key, for the catalogue and the subsidy list.
    pub skill_names: BTreeMap<String, String>,
    /// The fiscal year the sessions view shows.
    pub year: FiscalYear,
    pub sessions: Slot<SessionsState>,
    /// A course whose first session the sessions view puts its cursor on when read.
    pub want_course: Option<String>,
    /// The session the roster and a bulk enrollment are of.
    pub session: Option<String>,
    pub roster: Slot<RosterState>,
    pub bulk: Option<BulkState>,
    /// The view a bulk enrollment returns to when it is cancelled.
    pub bulk_from: View,
    pub owed_year: FiscalYear,
    /// The unit the obligations cover; None: the whole city.
    pub owed_unit: Option<String>,
    pub owed: Slot<OwedState>,
    pub subsidy_year: FiscalYear,
    pub subsidy: Slot<SubsidyState>,
    pub pending: Option<Pending>,
    /// A change to a session refused because someone else saved it first.
    pub conflict: Option<conflict::SessionConflict>,
}

impl TrainingState {
    pub fn new(today: Date) -> TrainingState {
        let year = FiscalYear::of(today);
        TrainingState {
            view: View::Sessions,
            today,
            courses: Slot::Empty,
            skill_names: BTreeMap::new(),
            year,
            sessions: Slot::Empty,
            want_course: None,
            session: None,
            roster: Slot::Empty,
            bulk: None,
            bulk_from: View::Sessions,
            owed_year: year,
            owed_unit: None,
            owed: Slot::Empty,
            subsidy_year: year,
            subsidy: Slot::Empty,
            pending: None,
            conflict: None,
        }
    }

    /// The session a roster or a bulk enrollment asked for now is of: the one under
    /// the cursor in the sessions view, else the one last opened.
    fn current_session(&self) -> Option<String> {
        if self.view == View::Sessions
            && let Some(s) = self.sessions.ready().and_then(|s| s.selected())
        {
            return Some(s.session.id.clone());
        }
        self.session.clone()
    }

    /// Data that counts people in sessions is out of date after an enrollment or a
    /// change of attendance: read it again when next shown.
    fn counts_changed(&mut self) {
        if let Some(s) = self.sessions.ready_mut() {
            s.stale = true;
        }
        if let Some(o) = self.owed.ready_mut() {
            o.stale = true;
        }
    }
}

/// The pane body's size from the terminal's: the status line, the pane tabs and the
/// hint line take three lines.
fn body(app: &App) -> (usize, usize) {
    (
        usize::from(app.size.0),
        usize::from(app.size.1.saturating_sub(3)),
    )
}

/// Lines of a list in a view: the view line, the line about the focus and the column
/// heading above it, a line below.
pub const ABOVE: usize = 3;
pub const BELOW: usize = 1;
/// The catalogue keeps three lines below its list for the focused course in full.
pub const CATALOGUE_BELOW: usize = 3;

pub fn list_rows(app: &App, view: View) -> usize {
    let (_, h) = body(app);
    let below = if view == View::Catalogue {
        CATALOGUE_BELOW
    } else {
        BELOW
    };
    h.saturating_sub(ABOVE + below).max(1)
}

/// The key layer of the pane, from its view.
pub fn layer(app: &App) -> Layer {
    let t = &app.training;
    if t.conflict.is_some() {
        return Layer::ChangeConflict;
    }
    match t.view {
        View::Catalogue => Layer::Courses,
        View::Sessions => Layer::Sessions,
        View::Roster => Layer::Roster,
        View::Bulk => match &t.bulk {
            Some(b) if b.preview.is_none() => Layer::BulkForm,
            _ => Layer::Bulk,
        },
        View::Owed => Layer::Owed,
        View::Subsidy => Layer::Subsidy,
    }
}

/// Keeps every cursor in view after the terminal changed size.
pub fn resized(app: &mut App) {
    let rows = |v| list_rows(app, v);
    let (c, s, r, b, o, f) = (
        rows(View::Catalogue),
        rows(View::Sessions),
        rows(View::Roster),
        rows(View::Bulk),
        rows(View::Owed),
        rows(View::Subsidy),
    );
    let t = &mut app.training;
    if let Some(x) = t.courses.ready_mut() {
        x.cursor.scroll(c);
    }
    if let Some(x) = t.sessions.ready_mut() {
        x.cursor.scroll(s);
    }
    if let Some(x) = t.roster.ready_mut() {
        x.cursor.scroll(r);
    }
    if let Some(x) = t.bulk.as_mut().and_then(|x| x.preview.as_mut()) {
        x.cursor.scroll(b);
    }
    if let Some(x) = t.owed.ready_mut() {
        x.cursor.scroll(o);
    }
    if let Some(x) = t.subsidy.ready_mut() {
        x.cursor.scroll(f);
    }
}

/// The pane has come to the front: read what the view needs.
pub fn entered(app: &mut App) -> Vec<Effect> {
    let view = app.training.view;
    show(app, view, false)
}

/// Shows a view, asking for what it lacks. `again` (the user pressed the view's key)
/// also retries a read that failed, and reads the lists others change again.
fn show(app: &mut App, view: View, again: bool) -> Vec<Effect> {
    let lang = app.look.lang;
    let t = &mut app.training;
    match view {
        View::Catalogue => {
            t.view = view;
            if t.courses.wants(again) {
                return vec![Effect::LoadCourses];
            }
        }
        // The lists others change too (enrollments, decisions, the budget) are read
        // again when their key is pressed.
        View::Sessions => {
            t.view = view;
            let stale = t
                .sessions
                .ready()
                .is_some_and(|s| s.stale || s.year != t.year);
            if stale || again || t.sessions.wants(again) {
                return vec![Effect::LoadSessions { year: t.year }];
            }
        }
        View::Roster => {
            // `r` in the roster asks for another session, proposing this one.
            if again && t.view == View::Roster {
                let current = t.session.clone().unwrap_or_default();
                app.ask = Some(Prompt::new(Ask::Session, &current));
                return Vec::new();
            }
            let Some(session) = t.current_session() else {
                t.view = view;
                app.ask = Some(Prompt::new(Ask::Session, ""));
                return Vec::new();
            };
            t.view = view;
            return match t.roster.ready() {
                Some(r) if r.roster.session.id == session && !r.stale && !again => Vec::new(),
                // The same roster read again keeps its cursor on the person.
                Some(r) if r.roster.session.id == session => vec![Effect::LoadRoster {
                    session,
                    focus: r.selected().map(|x| x.staff_no.clone()),
                }],
                _ => vec![Effect::LoadRoster {
                    session,
                    focus: None,
                }],
            };
        }
        View::Bulk => {
            let Some(session) = t.current_session() else {
                let key = crate::tui::panes::key_of(
                    app,
                    Layer::Sessions,
                    &Action::TrainingView(View::Sessions),
                );
                app.notice = Some(Notice::Error(fill(tui("bulk.no_session", lang), &[&key])));
                return Vec::new();
            };
            match t.bulk.as_mut() {
                Some(b) if b.session == session => {
                    // `b` again in the preview goes back to the filter.
                    if again && t.view == View::Bulk {
                        b.preview = None;
                    }
                }
                _ => t.bulk = Some(BulkState::new(session)),
            }
            if t.view != View::Bulk {
                t.bulk_from = t.view;
            }
            t.view = view;
        }
        View::Owed => {
            t.view = view;
            let stale = t
                .owed
                .ready()
                .is_some_and(|o| o.stale || o.out.year != t.owed_year || o.unit != t.owed_unit);
            if stale || again || t.owed.wants(again) {
                return vec![Effect::LoadOwed {
                    year: t.owed_year,
                    unit: t.owed_unit.clone(),
                }];
            }
        }
        View::Subsidy => {
            t.view = view;
            let stale = t
                .subsidy
                .ready()
                .is_some_and(|s| s.stale || s.view.year != t.subsidy_year);
            if stale || again || t.subsidy.wants(again) {
                return vec![Effect::LoadSubsidies {
                    year: t.subsidy_year,
                }];
            }
        }
    }
    Vec::new()
}

/// Carries out an action on the training pane.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    if app.training.conflict.is_some() {
        return conflict::update(app, action);
    }
    if let Action::TrainingView(v) = action {
        return show(app, v, true);
    }
    match app.training.view {
        View::Catalogue => lists::courses_update(app, action),
        View::Sessions => lists::sessions_update(app, action),
        View::Roster => roster::update(app, action),
        View::Bulk => bulk::update(app, action),
        View::Owed => lists::owed_update(app, action),
        View::Subsidy => subsidy::update(app, action),
    }
}

/// Opens the interview card of a person from a list of this pane.
fn open_card(app: &mut App, staff_no: String) -> Vec<Effect> {
    app.pane = Pane::Staff;
    vec![Effect::LoadCard {
        staff_no,
        edit: false,
    }]
}

/// A person's name as the staff index has it; empty if the index does not know them.
pub fn person_name(app: &App, staff_no: &str) -> String {
    let index = &app.staff.index;
    index
        .position(staff_no)
        .map(|i| index.entry(i).name.clone())
        .unwrap_or_default()
}

/// Asks which session to enroll a person in (from the interview card), proposing the
/// session last opened here.
pub fn ask_session_for(app: &mut App, staff_no: String, name: String) {
    let proposed = app.training.session.clone().unwrap_or_default();
    app.ask = Some(Prompt::new(Ask::SessionFor { staff_no, name }, &proposed));
}

/// A session id as typed: full-width folded, letters in capitals (`r8-012` is
/// `R8-012`).
fn session_id(text: &str) -> String {
    fold(text).to_ascii_uppercase()
}

/// The person a user names: a staff number, else the one person a search finds.
fn find_person(app: &App, text: &str) -> Result<String, String> {
    let lang = app.look.lang;
    let index = &app.staff.index;
    let t = fold(text);
    if t.is_empty() {
        return Err(tui("ask.person_empty", lang).into());
    }
    if index.position(&t).is_some() {
        return Ok(t);
    }
    let hits = index.search(text, &Filter::default(), 6);
    match hits.as_slice() {
        [] => Err(fill(tui("ask.person_none", lang), &[text])),
        [one] => Ok(index.entry(one.index).staff_no.clone()),
        many => {
            let some: Vec<String> = many
                .iter()
                .take(3)
                .map(|h| {
                    let e = index.entry(h.index);
                    format!("{} {}", e.staff_no, e.name)
                })
                .collect();
            let count = if many.len() > 5 {
                "5+".to_string()
            } else {
                many.len().to_string()
            };
            Err(fill(
                tui("ask.person_many", lang),
                &[&count, &some.join(", ")],
            ))
        }
    }
}

/// Carries out an action on the question open over a pane. The question stays open
/// until the service's answer closes it, so a mistyped number is corrected in place.
pub fn ask_update(app: &mut App, action: Action) -> Vec<Effect> {
    let lang = app.look.lang;
    let Some(prompt) = app.ask.as_mut() else {
        return Vec::new();
    };
    match action {
        action if action.is_edit() => prompt.edit(&action),
        Action::Back => app.ask = None,
        Action::Submit => {
            let text = prompt.input.text().trim().to_string();
            match prompt.kind.clone() {
                Ask::Session => {
                    let session = session_id(&text);
                    if session.is_empty() {
                        prompt.error = Some(tui("ask.session_empty", lang).into());
                    } else {
                        return vec![Effect::LoadRoster {
                            session,
                            focus: None,
                        }];
                    }
                }
                Ask::SessionFor { staff_no, .. } => {
                    let session = session_id(&text);
                    if session.is_empty() {
                        prompt.error = Some(tui("ask.session_empty", lang).into());
                    } else {
                        return vec![Effect::Enroll {
                            session,
                            staff_no,
                            reason: None,
                        }];
                    }
                }
                Ask::Person { session } => match find_person(app, &text) {
                    Ok(staff_no) => {
                        return vec![Effect::Enroll {
                            session,
                            staff_no,
                            reason: None,
                        }];
                    }
                    Err(message) => {
                        if let Some(p) = app.ask.as_mut() {
                            p.error = Some(message);
                        }
                    }
                },
                Ask::Reason {
                    session, staff_no, ..
                } => {
                    if text.is_empty() {
                        prompt.error = Some(tui("ask.reason_empty", lang).into());
                    } else {
                        return vec![Effect::Enroll {
                            session,
                            staff_no,
                            reason: Some(text),
                        }];
                    }
                }
                Ask::Unit => {
                    let tree = &app.staff.org.tree;
                    match super::skills::resolve_unit(tree, app.training.today, &text, lang) {
                        Ok(unit) => {
                            app.ask = None;
                            app.training.owed_unit = unit;
                            return show(app, View::Owed, false);
                        }
                        Err(message) => {
                            if let Some(p) = app.ask.as_mut() {
                                p.error = Some(message);
                            }
                        }
                    }
                }
            }
        }
        _ => {}
    }
    Vec::new()
}

/// After "cancel this enrollment?" was answered yes.
pub fn cancel_confirmed(app: &mut App) -> Vec<Effect> {
    match app.training.pending.take() {
        Some(Pending::Cancel {
            session,
            staff_no,
            row,
            ..
        }) => vec![Effect::SetAttendance {
            session,
            staff_no,
            status: crate::domain::EnrollStatus::Cancelled,
            row,
        }],
        _ => Vec::new(),
    }
}

/// After "copy the plan?" was answered yes.
pub fn copy_confirmed(app: &mut App) -> Vec<Effect> {
    match app.training.pending.take() {
        Some(Pending::CopyPlan { from, .. }) => vec![Effect::CopyPlan { from }],
        _ => Vec::new(),
    }
}

/// After "reject this application?" was answered yes.
pub fn reject_confirmed(app: &mut App) -> Vec<Effect> {
    match app.training.pending.take() {
        Some(Pending::Reject { id, .. }) => vec![Effect::DecideSubsidy {
            id,
            to: crate::domain::SubsidyStatus::Rejected,
        }],
        _ => Vec::new(),
    }
}
