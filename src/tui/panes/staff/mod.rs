//! Pane 1 職員: type-to-search over everyone, the interview card, and the employee form.

pub mod conflict;
pub mod conflict_draw;
pub mod draw;
pub mod filter;
pub mod form;

use crate::domain::{Date, OrgTree, TitleMap};
use crate::i18n::tui;
use crate::search::{Filter, Hit, Index, Searcher};
use crate::service::{EmployeeView, PersonGaps, TrainingLine};
use crate::tui::action::Action;
use crate::tui::app::{App, Confirm, Notice};
use crate::tui::effect::Effect;
use crate::tui::widgets::input::TextInput;
use form::{Form, FormMode};

/// How many results the list holds; more are counted, not listed.
pub const LIMIT: usize = 500;

/// Where the pane's keys go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    /// The search field.
    Search,
    /// The results list.
    Results,
    /// One person's interview card.
    Card,
    /// The card's posts, whole.
    History,
    /// The card's skill gaps, whole.
    Gaps,
    /// The card's trainings, whole.
    Trainings,
    /// The employee form.
    Form,
    /// The search filter.
    Filter,
}

/// What the pane needs to know of the organisation to show and edit people.
pub struct Org {
    pub tree: OrgTree,
    pub titles: TitleMap,
    pub today: Date,
}

pub struct StaffState {
    pub index: Index,
    pub searcher: Searcher,
    pub filter: Filter,
    pub org: Org,
    pub query: TextInput,
    pub hits: Vec<Hit>,
    pub selected: usize,
    pub focus: Focus,
    pub card: Option<EmployeeView>,
    /// The card person's skill gaps at their band today; None when they could not be
    /// read (the card says so).
    pub gaps: Option<PersonGaps>,
    /// The card person's trainings, newest first; None when they could not be read.
    pub trainings: Option<Vec<TrainingLine>>,
    pub history_scroll: usize,
    pub gaps_scroll: usize,
    pub trainings_scroll: usize,
    pub form: Option<Form>,
    pub filter_form: Option<filter::FilterForm>,
    /// A save refused because someone else saved the record first, over the form.
    pub conflict: Option<conflict::ConflictDialog>,
    /// Rows the list showed last, for paging.
    pub page: usize,
}

impl StaffState {
    pub fn new(index: Index, org: Org) -> StaffState {
        let mut s = StaffState {
            index,
            searcher: Searcher::default(),
            filter: Filter::default(),
            org,
            query: TextInput::default(),
            hits: Vec::new(),
            selected: 0,
            focus: Focus::Search,
            card: None,
            gaps: None,
            trainings: None,
            history_scroll: 0,
            gaps_scroll: 0,
            trainings_scroll: 0,
            form: None,
            filter_form: None,
            conflict: None,
            page: 10,
        };
        s.refresh();
        s
    }

    /// Runs the search for the current query and filter.
    pub fn refresh(&mut self) {
        self.hits = self
            .searcher
            .search(&self.index, self.query.text(), &self.filter, LIMIT);
        self.selected = self.selected.min(self.hits.len().saturating_sub(1));
    }

    pub fn selected_staff_no(&self) -> Option<String> {
        self.hits
            .get(self.selected)
            .map(|h| self.index.entry(h.index).staff_no.clone())
    }

    fn move_by(&mut self, step: isize) {
        if self.hits.is_empty() {
            return;
        }
        let last = self.hits.len() as isize - 1;
        self.selected = (self.selected as isize + step).clamp(0, last) as usize;
    }
}

fn edit_query(s: &mut StaffState, change: impl FnOnce(&mut TextInput)) {
    let before = s.query.text().to_string();
    change(&mut s.query);
    if s.query.text() != before {
        s.selected = 0;
        s.refresh();
    }
}

fn card_of_selection(s: &StaffState, edit: bool) -> Vec<Effect> {
    s.selected_staff_no()
        .map(|staff_no| Effect::LoadCard { staff_no, edit })
        .into_iter()
        .collect()
}

/// Carries out an action on the staff pane.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    if app.staff.conflict.is_some() {
        return conflict::update(app, action);
    }
    let lang = app.look.lang;
    let s = &mut app.staff;
    let on_card = matches!(
        s.focus,
        Focus::Card | Focus::History | Focus::Gaps | Focus::Trainings
    );
    if on_card
        && action == Action::Enroll
        && let Some(view) = &s.card
    {
        let (staff_no, name) = (view.employee.staff_no.clone(), view.employee.name.clone());
        crate::tui::panes::training::ask_session_for(app, staff_no, name);
        return Vec::new();
    }
    match (s.focus, action) {
        (Focus::Form, action) => return form_update(app, action),
        (Focus::Filter, action) => filter_update(app, action),
        (Focus::Search | Focus::Results, Action::Filter) => {
            s.filter_form = Some(filter::FilterForm::of(&s.filter, lang));
            s.focus = Focus::Filter;
        }
        (_, Action::ToggleLeavers) => {
            s.filter.include_left = !s.filter.include_left;
            s.refresh();
        }
        (_, Action::NewEmployee) => {
            s.form = Some(Form::new(s.org.today, lang));
            s.focus = Focus::Form;
        }
        (Focus::Search, action) if action.is_edit() => edit_query(s, |q| q.apply(&action)),
        (Focus::Search, Action::Back) => {
            if s.query.is_empty() {
                if !s.hits.is_empty() {
                    s.focus = Focus::Results;
                }
            } else {
                edit_query(s, TextInput::clear);
            }
        }
        (Focus::Search | Focus::Results, Action::Up) => s.move_by(-1),
        (Focus::Search | Focus::Results, Action::Down) => s.move_by(1),
        (Focus::Search | Focus::Results, Action::PageUp) => s.move_by(-(s.page as isize)),
        (Focus::Search | Focus::Results, Action::PageDown) => s.move_by(s.page as isize),
        (Focus::Search | Focus::Results, Action::Open) => return card_of_selection(s, false),
        (Focus::Results, Action::EditEmployee) => return card_of_selection(s, true),
        (Focus::Results, Action::FocusSearch | Action::Back) => s.focus = Focus::Search,
        (Focus::Card, Action::Up) => {
            s.move_by(-1);
            return card_of_selection(s, false);
        }
        (Focus::Card, Action::Down) => {
            s.move_by(1);
            return card_of_selection(s, false);
        }
        (Focus::Card, Action::EditEmployee) => {
            if let Some(view) = &s.card {
                s.form = Some(Form::edit(&view.employee, view.revision, s.org.today, lang));
                s.focus = Focus::Form;
            }
        }
        (Focus::Card, Action::ShowHistory) => {
            s.history_scroll = 0;
            s.focus = Focus::History;
        }
        (Focus::Card, Action::Back | Action::FocusSearch) => s.focus = Focus::Search,
        (Focus::History, Action::Up) => s.history_scroll = s.history_scroll.saturating_sub(1),
        (Focus::History, Action::Down) => s.history_scroll += 1,
        (Focus::Card | Focus::History | Focus::Trainings, Action::ShowGaps) => {
            s.gaps_scroll = 0;
            s.focus = Focus::Gaps;
        }
        (Focus::Gaps | Focus::Trainings, Action::ShowHistory) => {
            s.history_scroll = 0;
            s.focus = Focus::History;
        }
        (Focus::Card | Focus::History | Focus::Gaps, Action::ShowTrainings) => {
            s.trainings_scroll = 0;
            s.focus = Focus::Trainings;
        }
        (Focus::Trainings, Action::Up) => {
            s.trainings_scroll = s.trainings_scroll.saturating_sub(1);
        }
        (Focus::Trainings, Action::Down) => {
            let last = s
                .trainings
                .as_ref()
                .map_or(0, |t| t.len().saturating_sub(1));
            s.trainings_scroll = (s.trainings_scroll + 1).min(last);
        }
        (Focus::Gaps, Action::Up) => s.gaps_scroll = s.gaps_scroll.saturating_sub(1),
        (Focus::Gaps, Action::Down) => {
            let last = s
                .gaps
                .as_ref()
                .map_or(0, |g| g.gaps.len().saturating_sub(1));
            s.gaps_scroll = (s.gaps_scroll + 1).min(last);
        }
        (Focus::History | Focus::Gaps | Focus::Trainings, Action::Back) => {
            s.focus = Focus::Card;
        }
        (Focus::History | Focus::Gaps | Focus::Trainings, Action::FocusSearch) => {
            s.focus = Focus::Search;
        }
        _ => {}
    }
    Vec::new()
}

fn filter_update(app: &mut App, action: Action) {
    let lang = app.look.lang;
    let s = &mut app.staff;
    let Some(form) = s.filter_form.as_mut() else {
        s.focus = Focus::Search;
        return;
    };
    match action {
        action if action.is_edit() => form.edit_current(|t| t.apply(&action)),
        Action::NextField => form.next(),
        Action::PrevField => form.prev(),
        Action::Submit if !form.on_last() => form.next(),
        Action::Submit | Action::Save => {
            if let Some(filter) = form.apply(&s.filter, &s.org.tree, lang) {
                s.filter = filter;
                s.filter_form = None;
                s.focus = Focus::Search;
                s.selected = 0;
                s.refresh();
            }
        }
        Action::Back => {
            s.filter_form = None;
            s.focus = Focus::Search;
        }
        _ => {}
    }
}

fn form_update(app: &mut App, action: Action) -> Vec<Effect> {
    let lang = app.look.lang;
    let s = &mut app.staff;
    let Some(form) = s.form.as_mut() else {
        s.focus = Focus::Search;
        return Vec::new();
    };
    match action {
        action if action.is_edit() => form.edit_current(|t| t.apply(&action)),
        Action::NextField => form.next(),
        Action::PrevField => form.prev(),
        // Continuous entry is for a batch of new people; on an existing record it
        // would carry that record's identity into the next one.
        Action::ToggleContinuous if form.mode == FormMode::New => {
            form.continuous = !form.continuous
        }
        Action::Submit if !form.on_last() => form.next(),
        Action::Submit | Action::Save => {
            let new = form.mode == FormMode::New;
            match form.build(&s.org.titles, lang) {
                Some(employee) => {
                    return vec![Effect::Save {
                        employee: Box::new(employee),
                        new,
                    }];
                }
                None => {
                    app.notice = Some(Notice::Error(tui("form.invalid", lang).to_string()));
                }
            }
        }
        Action::Back => {
            if form.dirty {
                app.confirm = Some(Confirm::Discard);
            } else {
                close_form(s);
            }
        }
        _ => {}
    }
    Vec::new()
}

/// Leaves the form for the card it edited, or the search.
pub fn close_form(s: &mut StaffState) {
    let editing = matches!(s.form.as_ref().map(|f| &f.mode), Some(FormMode::Edit(_)));
    s.form = None;
    s.conflict = None;
    s.focus = if editing && s.card.is_some() {
        Focus::Card
    } else {
        Focus::Search
    };
}
