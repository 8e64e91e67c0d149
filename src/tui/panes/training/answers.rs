//! What the runtime calls with the service's answers. A mark of attendance changes its
//! row only, so a roster of hundreds is not read again for one key; a cancellation
//! reads it again, since the first in line may have moved up. Some answers ask for a
//! follow-up read, which they return.

use super::bulk::{Counts, PreviewState};
use super::lists::{CoursesState, OwedState, SessionsState};
use super::roster::RosterState;
use super::subsidy::SubsidyState;
use super::{Ask, Slot, View, list_rows, person_name};
use crate::domain::{Application, Course, Date, EnrollStatus, FiscalYear, SubsidyStatus};
use crate::i18n::{Term, tui};
use crate::service::{BulkFilter, BulkPreview, Outstanding, Roster, SessionView, SubsidyView};
use crate::tui::app::{App, Notice};
use crate::tui::effect::Effect;
use crate::tui::widgets::list::Cursor;
use crate::tui::widgets::prompt::Prompt;
use crate::tui::widgets::text::{fill, thousands};

pub fn courses_loaded(app: &mut App, courses: Vec<Course>, names: Vec<(String, String)>) {
    let t = &mut app.training;
    t.skill_names.extend(names);
    t.courses = Slot::Ready(CoursesState {
        courses,
        cursor: Cursor::default(),
    });
}

pub fn sessions_loaded(app: &mut App, year: FiscalYear, rows: Vec<SessionView>) {
    let n = list_rows(app, View::Sessions);
    let t = &mut app.training;
    let keep = t
        .sessions
        .ready()
        .and_then(|s| s.selected())
        .map(|v| v.session.id.clone());
    let want = t.want_course.take();
    let at = match (want, keep) {
        (Some(course), _) => rows.iter().position(|r| r.session.course == course),
        (None, Some(id)) => rows.iter().position(|r| r.session.id == id),
        _ => None,
    }
    // This year's plan starts where the year is now: the first session not yet held.
    .or_else(|| {
        rows.iter()
            .position(|r| r.session.first_day() >= Some(t.today))
    })
    .unwrap_or(0);
    let mut cursor = Cursor::on(at, rows.len());
    cursor.scroll(n);
    t.sessions = Slot::Ready(SessionsState {
        year,
        rows,
        cursor,
        stale: false,
    });
}

/// A roster read: it becomes the session of the pane, and a question that asked for
/// it is answered.
pub fn roster_loaded(app: &mut App, roster: Roster, focus: Option<&str>) {
    let n = list_rows(app, View::Roster);
    if matches!(app.ask.as_ref().map(|a| &a.kind), Some(Ask::Session)) {
        app.ask = None;
    }
    let t = &mut app.training;
    t.session = Some(roster.session.id.clone());
    let mut state = RosterState::new(roster, focus);
    state.cursor.scroll(n);
    t.roster = Slot::Ready(state);
}

/// A read failed: a question that asked for it says why; else the view does.
pub fn load_failed(app: &mut App, view: View, message: String) {
    if view == View::Roster && matches!(app.ask.as_ref().map(|a| &a.kind), Some(Ask::Session)) {
        if let Some(a) = app.ask.as_mut() {
            a.error = Some(message);
        }
        return;
    }
    let t = &mut app.training;
    match view {
        View::Catalogue => t.courses = Slot::Failed(message),
        View::Sessions => t.sessions = Slot::Failed(message),
        View::Roster => t.roster = Slot::Failed(message),
        View::Owed => t.owed = Slot::Failed(message),
        View::Subsidy => t.subsidy = Slot::Failed(message),
        View::Bulk => {
            if let Some(b) = t.bulk.as_mut() {
                b.sent = false;
            }
            app.notice = Some(Notice::Error(message));
        }
    }
}

/// The service refused a change: the question open says why, else the notice line.
pub fn refused(app: &mut App, message: String) {
    match app.ask.as_mut() {
        Some(a) => a.error = Some(message),
        None => app.notice = Some(Notice::Error(message)),
    }
}

/// The service stored a mark of attendance made in `row`: the row shows it and the
/// cursor moves on if it is still there. A cancellation reads the roster again.
pub fn attendance_stored(
    app: &mut App,
    session: &str,
    staff_no: &str,
    status: EnrollStatus,
    row: usize,
    today: Date,
    promoted: Option<&str>,
) -> Vec<Effect> {
    let lang = app.look.lang;
    let n = list_rows(app, View::Roster);
    let t = &mut app.training;
    t.counts_changed();
    if status == EnrollStatus::Completed
        && let Some(p) = app.skills.proposals.ready_mut()
    {
        p.stale = true;
    }
    let Some(r) = t.roster.ready_mut() else {
        return Vec::new();
    };
    if r.roster.session.id != session {
        r.stale = true;
        return Vec::new();
    }
    let Some(i) = r.find(row, staff_no) else {
        return Vec::new();
    };
    if status == EnrollStatus::Cancelled {
        let name = r.roster.rows[i].name.clone();
        // Who moved up is the service's answer (it skips leavers, respects capacity).
        let next = promoted.and_then(|n| r.roster.rows.iter().find(|x| x.staff_no == n));
        let text = match next {
            Some(up) => fill(tui("roster.promoted", lang), &[&name, &up.name]),
            None => fill(tui("roster.cancelled", lang), &[&name]),
        };
        app.notice = Some(Notice::Info(text));
        // The cursor stays on the line, now the next person's.
        let focus = r
            .roster
            .rows
            .get(i + 1)
            .or_else(|| r.roster.rows.get(i.wrapping_sub(1)))
            .map(|x| x.staff_no.clone());
        return vec![Effect::LoadRoster {
            session: session.to_string(),
            focus,
        }];
    }
    let x = &mut r.roster.rows[i];
    x.status = status;
    x.since = today;
    if status != EnrollStatus::Waiting {
        x.waiting = None;
        r.roster.session.waiting.retain(|w| w != staff_no);
    }
    if r.cursor.at == i {
        r.cursor.move_by(r.roster.rows.len(), 1);
        r.cursor.scroll(n);
    }
    Vec::new()
}

/// A person was enrolled: say where they stand, and read the roster again if it is
/// of that session.
pub fn enrolled(app: &mut App, session: &str, staff_no: &str, status: EnrollStatus) -> Vec<Effect> {
    let lang = app.look.lang;
    app.ask = None;
    let name = person_name(app, staff_no);
    let text = fill(
        tui("enroll.done", lang),
        &[&name, staff_no, session, status.term(lang)],
    );
    app.notice = Some(Notice::Info(text));
    let t = &mut app.training;
    t.counts_changed();
    t.session = Some(session.to_string());
    match t.roster.ready_mut() {
        Some(r) if r.roster.session.id == session => vec![Effect::LoadRoster {
            session: session.to_string(),
            focus: Some(staff_no.to_string()),
        }],
        Some(r) => {
            r.stale = true;
            Vec::new()
        }
        None => Vec::new(),
    }
}

/// The rules refused someone outside the course's audience: ask why they should be
/// enrolled anyway, showing what the rules said.
pub fn ask_reason(app: &mut App, session: &str, staff_no: &str, refusal: String) {
    let name = person_name(app, staff_no);
    app.ask = Some(Prompt::new(
        Ask::Reason {
            session: session.to_string(),
            staff_no: staff_no.to_string(),
            name,
            refusal,
        },
        "",
    ));
}

pub fn bulk_previewed(app: &mut App, filter: BulkFilter, preview: BulkPreview) {
    let lang = app.look.lang;
    let Some(b) = app.training.bulk.as_mut() else {
        return;
    };
    if b.session != preview.session {
        return;
    }
    if preview.rows.is_empty() {
        app.notice = Some(Notice::Info(tui("bulk.none_match", lang).into()));
    }
    b.sent = false;
    b.preview = Some(PreviewState {
        filter,
        preview,
        cursor: Cursor::default(),
    });
}

/// Everyone the preview showed was enrolled in one transaction: say how many, and show
/// the session's roster.
pub fn bulk_done(app: &mut App, done: BulkPreview) -> Vec<Effect> {
    let lang = app.look.lang;
    let c = Counts::of(&done);
    let text = fill(
        tui("bulk.done", lang),
        &[&done.session, &c.book.to_string(), &c.wait.to_string()],
    );
    app.notice = Some(Notice::Info(text));
    let t = &mut app.training;
    t.counts_changed();
    t.bulk = None;
    t.session = Some(done.session.clone());
    t.view = View::Roster;
    vec![Effect::LoadRoster {
        session: done.session,
        focus: None,
    }]
}

/// The plan of `from` became the next year's: show that year.
/// A session moved on: say so and read the year's sessions again.
pub fn session_status_set(app: &mut App, s: &crate::domain::Session) -> Vec<Effect> {
    use crate::i18n::Term;
    let lang = app.look.lang;
    let text = fill(
        tui("sessions.status_set", lang),
        &[&s.id, s.status.term(lang)],
    );
    app.notice = Some(Notice::Info(text));
    vec![Effect::LoadSessions {
        year: app.training.year,
    }]
}

pub fn plan_copied(app: &mut App, from: FiscalYear, made: usize) -> Vec<Effect> {
    let lang = app.look.lang;
    let to = from.next();
    let text = fill(
        tui("sessions.copied", lang),
        &[
            &year_name(from, lang),
            &made.to_string(),
            &year_name(to, lang),
        ],
    );
    app.notice = Some(Notice::Info(text));
    let t = &mut app.training;
    t.year = to;
    vec![Effect::LoadSessions { year: to }]
}

/// `令和8年度` or `FY2026`.
pub fn year_name(y: FiscalYear, lang: crate::i18n::Lang) -> String {
    crate::i18n::Msg::FiscalYearLong(y).text(lang)
}

pub fn owed_loaded(app: &mut App, out: Outstanding, unit: Option<String>) {
    app.training.owed = Slot::Ready(OwedState::new(out, unit));
}

pub fn subsidies_loaded(app: &mut App, view: SubsidyView, names: Vec<(String, String)>) {
    let t = &mut app.training;
    t.skill_names.extend(names);
    let keep = t
        .subsidy
        .ready()
        .and_then(|s| s.selected())
        .map(|a| a.id.clone());
    t.subsidy = Slot::Ready(SubsidyState::new(view, keep.as_deref()));
}

/// The service moved an application on: the list and the budget show it.
pub fn subsidy_decided(app: &mut App, a: Application) {
    let lang = app.look.lang;
    let status = a.status();
    let text = match status {
        SubsidyStatus::Approved => fill(
            tui("subsidy.approved", lang),
            &[&a.id, &thousands(a.amount), &a.rate.to_string()],
        ),
        other => fill(tui("subsidy.moved", lang), &[&a.id, other.term(lang)]),
    };
    app.notice = Some(Notice::Info(text));
    if let Some(s) = app.training.subsidy.ready_mut() {
        s.replace(a);
    }
}
