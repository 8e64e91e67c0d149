//! The list views' state and keys: the catalogue, the sessions of a fiscal year, and
//! the mandatory courses still owed, by 所属.

use super::{Ask, Pending, View, list_rows, open_card, show};
use crate::domain::{Course, FiscalYear};
use crate::i18n::tui;
use crate::service::{Outstanding, SessionView};
use crate::tui::action::Action;
use crate::tui::app::{App, Confirm, Notice};
use crate::tui::effect::Effect;
use crate::tui::widgets::list::{Cursor, moved};
use crate::tui::widgets::prompt::Prompt;

pub struct CoursesState {
    pub courses: Vec<Course>,
    pub cursor: Cursor,
}

impl CoursesState {
    pub fn selected(&self) -> Option<&Course> {
        self.courses.get(self.cursor.at)
    }

    /// A course's name by key (for a prerequisite), else the key.
    pub fn name_of<'a>(&'a self, key: &'a str) -> &'a str {
        self.courses
            .iter()
            .find(|c| c.key == key)
            .map_or(key, |c| c.name.as_str())
    }
}

pub struct SessionsState {
    pub year: FiscalYear,
    pub rows: Vec<SessionView>,
    pub cursor: Cursor,
    /// Enrollments changed since this was read: read it again when next shown.
    pub stale: bool,
}

impl SessionsState {
    pub fn selected(&self) -> Option<&SessionView> {
        self.rows.get(self.cursor.at)
    }
}

/// One person's mandatory courses not completed.
pub struct OwedPerson {
    pub section: String,
    pub section_name: String,
    pub staff_no: String,
    pub name: String,
    pub courses: Vec<String>,
}

pub struct OwedState {
    pub out: Outstanding,
    /// The unit asked for (None: the whole city).
    pub unit: Option<String>,
    /// One line a person, by 所属 then staff number.
    pub people: Vec<OwedPerson>,
    pub cursor: Cursor,
    pub stale: bool,
}

impl OwedState {
    pub fn new(out: Outstanding, unit: Option<String>) -> OwedState {
        let mut people: Vec<OwedPerson> = Vec::new();
        for o in &out.owed {
            match people.last_mut() {
                Some(p) if p.staff_no == o.staff_no && p.section == o.section => {
                    p.courses.push(o.course_name.clone());
                }
                _ => people.push(OwedPerson {
                    section: o.section.clone(),
                    section_name: o.section_name.clone(),
                    staff_no: o.staff_no.clone(),
                    name: o.name.clone(),
                    courses: vec![o.course_name.clone()],
                }),
            }
        }
        OwedState {
            out,
            unit,
            people,
            cursor: Cursor::default(),
            stale: false,
        }
    }

    /// How many 所属 have someone owing a course.
    pub fn sections(&self) -> usize {
        let mut n = 0;
        let mut last: Option<&str> = None;
        for p in &self.people {
            if last != Some(p.section.as_str()) {
                n += 1;
                last = Some(p.section.as_str());
            }
        }
        n
    }
}

pub fn courses_update(app: &mut App, action: Action) -> Vec<Effect> {
    let rows = list_rows(app, View::Catalogue);
    let session_rows = list_rows(app, View::Sessions);
    let t = &mut app.training;
    let Some(c) = t.courses.ready_mut() else {
        return Vec::new();
    };
    if moved(&mut c.cursor, c.courses.len(), rows, &action) {
        return Vec::new();
    }
    let Action::Open = action else {
        return Vec::new();
    };
    let Some(key) = c.selected().map(|x| x.key.clone()) else {
        return Vec::new();
    };
    // The sessions of this course in the year shown there: the cursor goes to the
    // first now, or when they are read.
    match t.sessions.ready_mut() {
        Some(s) if s.year == t.year && !s.stale => {
            if let Some(i) = s.rows.iter().position(|r| r.session.course == key) {
                s.cursor.at = i;
                s.cursor.scroll(session_rows);
            }
        }
        _ => t.want_course = Some(key),
    }
    show(app, View::Sessions, false)
}

pub fn sessions_update(app: &mut App, action: Action) -> Vec<Effect> {
    let lang = app.look.lang;
    let rows = list_rows(app, View::Sessions);
    let t = &mut app.training;
    match action {
        Action::EarlierYear | Action::LaterYear => {
            let step = if action == Action::EarlierYear { -1 } else { 1 };
            t.year = FiscalYear(t.year.0 + step);
            return show(app, View::Sessions, false);
        }
        Action::CopyPlan => {
            let Some(s) = t.sessions.ready() else {
                return Vec::new();
            };
            // An empty year takes the plan of the year before; a planned year gives
            // its plan to the next.
            let from = if s.rows.is_empty() {
                FiscalYear(s.year.0 - 1)
            } else {
                s.year
            };
            let count = if s.rows.is_empty() { 0 } else { s.rows.len() };
            t.pending = Some(Pending::CopyPlan { from, count });
            app.confirm = Some(Confirm::CopyPlan);
            return Vec::new();
        }
        Action::NextSessionStatus => {
            let Some(row) = t.sessions.ready().and_then(|s| s.rows.get(s.cursor.at)) else {
                return Vec::new();
            };
            use crate::domain::SessionStatus as S;
            let mut session = row.session.clone();
            session.status = match row.session.status {
                S::Planned => S::Open,
                S::Open => S::Closed,
                S::Closed => S::Held,
                S::Held => S::Planned,
            };
            // The next status is the one after what the list shows: a session someone
            // else changed since is not moved on blindly.
            return vec![Effect::UpdateSession {
                session: Box::new(session),
                opened: row.revision,
            }];
        }
        _ => {}
    }
    let Some(s) = t.sessions.ready_mut() else {
        return Vec::new();
    };
    if moved(&mut s.cursor, s.rows.len(), rows, &action) {
        return Vec::new();
    }
    if let Action::Open = action {
        if s.selected().is_some() {
            return show(app, View::Roster, false);
        }
        app.notice = Some(Notice::Info(tui("sessions.none_here", lang).into()));
    }
    Vec::new()
}

pub fn owed_update(app: &mut App, action: Action) -> Vec<Effect> {
    let rows = list_rows(app, View::Owed);
    let t = &mut app.training;
    match action {
        Action::EarlierYear | Action::LaterYear => {
            let step = if action == Action::EarlierYear { -1 } else { 1 };
            t.owed_year = FiscalYear(t.owed_year.0 + step);
            return show(app, View::Owed, false);
        }
        Action::ChooseUnit => {
            let proposed = t.owed_unit.clone().unwrap_or_default();
            app.ask = Some(Prompt::new(Ask::Unit, &proposed));
            return Vec::new();
        }
        _ => {}
    }
    let Some(o) = t.owed.ready_mut() else {
        return Vec::new();
    };
    if moved(&mut o.cursor, o.people.len(), rows, &action) {
        return Vec::new();
    }
    if let Action::Open = action
        && let Some(p) = o.people.get(o.cursor.at)
    {
        let staff_no = p.staff_no.clone();
        return open_card(app, staff_no);
    }
    Vec::new()
}
