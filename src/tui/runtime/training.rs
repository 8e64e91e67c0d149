//! The training pane's effects through the service, and the interview card's
//! trainings kept in step with what changed. Part of the runtime: the only place the
//! pane's I/O happens.

use super::{App, Effect, Notice, error_text};
use crate::domain::Date;
use crate::remote::Api;
use crate::service::{EnrollFault, Principal, ServiceError};
use crate::tui::panes::training::{self, View};

/// Carries out one effect of the training pane, then the reads its answer asks for.
pub fn perform(service: &Api, p: &Principal, app: &mut App, effect: Effect) {
    let mut queue = vec![effect];
    while let Some(effect) = queue.pop() {
        queue.extend(perform_one(service, p, app, effect));
    }
}

/// The skills' names by key, when the pane does not have them yet.
fn skill_names(service: &Api, p: &Principal, app: &App, today: Date) -> Vec<(String, String)> {
    if !app.training.skill_names.is_empty() {
        return Vec::new();
    }
    service
        .skill_map(p, today)
        .map(|m| m.skills.into_iter().map(|s| (s.key, s.name)).collect())
        .unwrap_or_default()
}

/// The interview card's trainings read again, if the card is of one of `who` (None:
/// whoever it is).
fn card_trainings(service: &Api, p: &Principal, app: &mut App, who: Option<&str>) {
    let staff_no = match &app.staff.card {
        Some(c) if who.is_none_or(|w| w == c.employee.staff_no) => c.employee.staff_no.clone(),
        _ => return,
    };
    app.staff.trainings = service.trainings_of(p, &staff_no).ok();
}

fn perform_one(service: &Api, p: &Principal, app: &mut App, effect: Effect) -> Vec<Effect> {
    let lang = app.look.lang;
    let today = service.clock().today();
    let said = |e: &ServiceError| error_text(e, lang);
    match effect {
        Effect::LoadCourses => match service.courses(p) {
            Ok(courses) => {
                let names = skill_names(service, p, app, today);
                training::courses_loaded(app, courses, names);
            }
            Err(e) => training::load_failed(app, View::Catalogue, said(&e)),
        },
        Effect::LoadSessions { year } => match service.sessions(p, year) {
            Ok(rows) => training::sessions_loaded(app, year, rows),
            Err(e) => training::load_failed(app, View::Sessions, said(&e)),
        },
        Effect::LoadRoster { session, focus } => match service.roster(p, &session) {
            Ok(roster) => training::roster_loaded(app, roster, focus.as_deref()),
            Err(e) => training::load_failed(app, View::Roster, said(&e)),
        },
        Effect::SetAttendance {
            session,
            staff_no,
            status,
            row,
        } => match service.set_attendance(p, &session, &staff_no, status, None) {
            Ok(promoted) => {
                let more = training::attendance_stored(
                    app,
                    &session,
                    &staff_no,
                    status,
                    row,
                    today,
                    promoted.as_deref(),
                );
                card_trainings(service, p, app, Some(&staff_no));
                return more;
            }
            Err(e) => app.notice = Some(Notice::Error(said(&e))),
        },
        Effect::Enroll {
            session,
            staff_no,
            reason,
        } => match service.enroll(p, &session, &staff_no, reason.as_deref()) {
            Ok(status) => {
                let more = training::enrolled(app, &session, &staff_no, status);
                card_trainings(service, p, app, Some(&staff_no));
                return more;
            }
            // Outside the audience: HR may still enroll them, saying why.
            Err(e @ ServiceError::Enroll(EnrollFault::NotEligible { .. })) if reason.is_none() => {
                training::ask_reason(app, &session, &staff_no, said(&e));
            }
            Err(e) => training::refused(app, said(&e)),
        },
        Effect::BulkPreview { session, filter } => {
            match service.bulk_preview(p, &session, &filter) {
                Ok(preview) => training::bulk_previewed(app, filter, preview),
                Err(e) => training::load_failed(app, View::Bulk, said(&e)),
            }
        }
        Effect::BulkEnroll { session, filter } => match service.bulk_enroll(p, &session, &filter) {
            Ok(done) => {
                let more = training::bulk_done(app, done);
                card_trainings(service, p, app, None);
                return more;
            }
            Err(e) => training::load_failed(app, View::Bulk, said(&e)),
        },
        Effect::UpdateSession { session, opened } => {
            match service.update_session(p, &session, opened) {
                Ok(()) => return training::session_status_set(app, &session),
                Err(ServiceError::Conflict(c)) => training::conflict::open(app, *c, *session),
                Err(e) => app.notice = Some(Notice::Error(said(&e))),
            }
        }
        Effect::CopyPlan { from } => match service.copy_plan(p, from) {
            Ok(made) => return training::plan_copied(app, from, made.len()),
            Err(e) => app.notice = Some(Notice::Error(said(&e))),
        },
        Effect::LoadOwed { year, unit } => match service.outstanding(p, year, unit.as_deref()) {
            Ok(out) => training::owed_loaded(app, out, unit),
            Err(e) => training::load_failed(app, View::Owed, said(&e)),
        },
        Effect::LoadSubsidies { year } => match service.subsidies(p, year) {
            Ok(view) => {
                let names = skill_names(service, p, app, today);
                training::subsidies_loaded(app, view, names);
            }
            Err(e) => training::load_failed(app, View::Subsidy, said(&e)),
        },
        Effect::DecideSubsidy { id, to } => match service.decide_subsidy(p, &id, to, None) {
            Ok(a) => training::subsidy_decided(app, a),
            Err(e) => app.notice = Some(Notice::Error(said(&e))),
        },
        // Not this pane's.
        _ => {}
    }
    Vec::new()
}
