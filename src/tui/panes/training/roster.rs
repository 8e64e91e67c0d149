//! The roster view's state and keys: a session's people (places, then the waiting list
//! in order, then cancellations), attendance marked with one key a person while the
//! cursor moves down, a cancellation asked first, and enrollment by a question.

use super::{Ask, Pending, View, list_rows, open_card};
use crate::domain::{EnrollError, EnrollStatus};
use crate::i18n::enroll_fault;
use crate::service::{EnrollFault, Roster, RosterRow};
use crate::tui::action::Action;
use crate::tui::app::{App, Confirm, Notice};
use crate::tui::effect::Effect;
use crate::tui::widgets::list::Cursor;
use crate::tui::widgets::list::moved;
use crate::tui::widgets::prompt::Prompt;

pub struct RosterState {
    pub roster: Roster,
    pub cursor: Cursor,
    /// Changed elsewhere since this was read: read it again when next shown.
    pub stale: bool,
}

impl RosterState {
    /// The roster with the cursor on a person, where they are in it.
    pub fn new(roster: Roster, focus: Option<&str>) -> RosterState {
        let at = focus
            .and_then(|n| roster.rows.iter().position(|r| r.staff_no == n))
            .unwrap_or(0);
        RosterState {
            cursor: Cursor::on(at, roster.rows.len()),
            roster,
            stale: false,
        }
    }

    pub fn selected(&self) -> Option<&RosterRow> {
        self.roster.rows.get(self.cursor.at)
    }

    /// The row of a person, trying the row the change was made in first.
    pub fn find(&self, hint: usize, staff_no: &str) -> Option<usize> {
        match self.roster.rows.get(hint) {
            Some(r) if r.staff_no == staff_no => Some(hint),
            _ => self.roster.rows.iter().position(|r| r.staff_no == staff_no),
        }
    }

    /// How many people stand at a status.
    pub fn count(&self, status: EnrollStatus) -> usize {
        self.roster
            .rows
            .iter()
            .filter(|r| r.status == status)
            .count()
    }

    /// People holding one of the session's places.
    pub fn holding(&self) -> usize {
        self.roster
            .rows
            .iter()
            .filter(|r| r.status.holds_place())
            .count()
    }
}

pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    let lang = app.look.lang;
    let rows = list_rows(app, View::Roster);
    let t = &mut app.training;
    let Some(r) = t.roster.ready_mut() else {
        return Vec::new();
    };
    let session = r.roster.session.id.clone();
    if moved(&mut r.cursor, r.roster.rows.len(), rows, &action) {
        return Vec::new();
    }
    if let Action::Enroll = action {
        app.ask = Some(Prompt::new(Ask::Person { session }, ""));
        return Vec::new();
    }
    let at = r.cursor.at;
    let Some(row) = r.roster.rows.get(at) else {
        return Vec::new();
    };
    match action {
        Action::Mark(status) => {
            // The same mark again only moves on: a list half marked is gone over
            // again without errors.
            if row.status == status {
                r.cursor.move_by(r.roster.rows.len(), 1);
                r.cursor.scroll(rows);
                return Vec::new();
            }
            vec![Effect::SetAttendance {
                session,
                staff_no: row.staff_no.clone(),
                status,
                row: at,
            }]
        }
        Action::CancelEnrollment => {
            if row.status == EnrollStatus::Cancelled {
                let fault = EnrollFault::Step(EnrollError::Cancelled);
                app.notice = Some(Notice::Error(enroll_fault(&fault, lang)));
                return Vec::new();
            }
            t.pending = Some(Pending::Cancel {
                session,
                staff_no: row.staff_no.clone(),
                name: row.name.clone(),
                row: at,
            });
            app.confirm = Some(Confirm::CancelEnrollment);
            Vec::new()
        }
        Action::Open => {
            let staff_no = row.staff_no.clone();
            open_card(app, staff_no)
        }
        _ => Vec::new(),
    }
}
