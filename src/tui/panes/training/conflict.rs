//! A change to a session made from the sessions view (its status moved on with one
//! key) that the service refused because someone else saved the session since the
//! list was read. The dialog shows both versions field by field and offers: reload
//! (drop the change, read the list again), re-apply (the change over their session,
//! from their revision), or back without saving.

use crate::domain::{Date, Session};
use crate::i18n::{Lang, Term, tui};
use crate::service::{Conflict, Theirs};
use crate::tui::action::Action;
use crate::tui::app::{App, Notice};
use crate::tui::effect::Effect;
use crate::tui::widgets::conflict::{ConflictView, Field, differences};

/// The open dialog.
#[derive(Clone, Debug)]
pub struct SessionConflict {
    pub view: ConflictView,
    /// Their session, as stored at `view.conflict.current`.
    pub theirs: Session,
    /// The session as the view showed it when the change was made.
    pub seen: Session,
    /// The session the user saved.
    pub yours: Session,
}

fn field(key: &str, value: String, lang: Lang) -> Field {
    (tui(key, lang).to_string(), value)
}

/// The fields of a session a change from the pane can touch, in the words shown.
fn fields(s: &Session, lang: Lang) -> Vec<Field> {
    let days: Vec<String> = s.days.iter().map(Date::to_string).collect();
    vec![
        field("conflict.f.course", s.course.clone(), lang),
        field("conflict.f.days", days.join(" "), lang),
        field("conflict.f.place", s.place.clone(), lang),
        field("conflict.f.instructor", s.instructor.clone(), lang),
        field("conflict.f.capacity", s.capacity.to_string(), lang),
        field("conflict.f.status", s.status.term(lang).to_string(), lang),
    ]
}

/// Their session with each field the user changed (from what they saw) taken from
/// theirs: what re-applying saves.
pub fn merged(theirs: &Session, seen: &Session, yours: &Session) -> Session {
    fn pick<T: PartialEq + Clone>(t: &T, s: &T, y: &T) -> T {
        if y != s { y.clone() } else { t.clone() }
    }
    Session {
        course: pick(&theirs.course, &seen.course, &yours.course),
        days: pick(&theirs.days, &seen.days, &yours.days),
        place: pick(&theirs.place, &seen.place, &yours.place),
        instructor: pick(&theirs.instructor, &seen.instructor, &yours.instructor),
        capacity: pick(&theirs.capacity, &seen.capacity, &yours.capacity),
        status: pick(&theirs.status, &seen.status, &yours.status),
        ..theirs.clone()
    }
}

/// Opens the dialog for a refused save of `yours`; the session the view shows is what
/// the change was made from.
pub fn open(app: &mut App, conflict: Conflict, yours: Session) {
    let lang = app.look.lang;
    let Theirs::Session(theirs) = &conflict.theirs else {
        return;
    };
    let theirs = (**theirs).clone();
    let t = &mut app.training;
    let seen = t
        .sessions
        .ready()
        .and_then(|s| s.rows.iter().find(|r| r.session.id == yours.id))
        .map_or_else(|| yours.clone(), |r| r.session.clone());
    let rows = differences(
        fields(&theirs, lang),
        &fields(&seen, lang),
        fields(&yours, lang),
    );
    t.conflict = Some(SessionConflict {
        view: ConflictView::new(conflict, rows),
        theirs,
        seen,
        yours,
    });
    app.notice = None;
}

/// The keys of the dialog.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    let lang = app.look.lang;
    let t = &mut app.training;
    let Some(d) = t.conflict.as_mut() else {
        return Vec::new();
    };
    if d.view.scrolled(&action) {
        return Vec::new();
    }
    let reload = vec![Effect::LoadSessions { year: t.year }];
    match action {
        Action::Back => {
            t.conflict = None;
            app.notice = Some(Notice::Info(tui("conflict.dropped", lang).into()));
        }
        Action::Reload => {
            t.conflict = None;
            app.notice = Some(Notice::Info(tui("conflict.reloaded_view", lang).into()));
            return reload;
        }
        Action::Reapply => {
            let Some(d) = t.conflict.take() else {
                return Vec::new();
            };
            let session = merged(&d.theirs, &d.seen, &d.yours);
            if session == d.theirs {
                app.notice = Some(Notice::Info(tui("conflict.nothing", lang).into()));
                return reload;
            }
            return vec![Effect::UpdateSession {
                session: Box::new(session),
                opened: d.view.conflict.current,
            }];
        }
        _ => {}
    }
    Vec::new()
}
