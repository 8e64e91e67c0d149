//! The case pane's effects through the service: unlocking, reading and changing cases,
//! and locking. The keys stay with the service for this connection; the pane holds
//! only what it draws. Part of the runtime: the only place its I/O happens.

use super::{App, Effect, error_text};
use crate::domain::cases::CaseChange;
use crate::remote::Api;
use crate::service::cases::{CaseFault, CaseView};
use crate::service::{Principal, ServiceError};
use crate::tui::app::Notice;
use crate::tui::panes::cases;

/// Carries out one effect of the case pane.
pub fn perform(service: &Api, p: &Principal, app: &mut App, effect: Effect) {
    let lang = app.look.lang;
    match effect {
        Effect::LoadCaseDomains => match service.case_domains(p) {
            Ok(status) => app.cases.status = status,
            Err(e) => app.notice = Some(Notice::Error(error_text(&e, lang))),
        },
        Effect::UnlockCases(secret) => match service.unlock(p, secret.0.as_bytes()) {
            Ok(unlocked) => {
                for next in cases::unlocked(app, unlocked) {
                    perform(service, p, app, next);
                }
            }
            Err(e) => app.notice = Some(Notice::Error(error_text(&e, lang))),
        },
        Effect::LockCases => {
            if let Err(e) = service.lock(p) {
                app.notice = Some(Notice::Error(error_text(&e, lang)));
            }
        }
        // A pane locked meanwhile asks nothing more.
        _ if app.cases.locked() => {}
        Effect::LoadCases { domain } => match service.cases(p, domain) {
            Ok(views) => cases::cases_loaded(app, views),
            Err(e) => failed(app, e),
        },
        Effect::LoadCase { domain, id } => {
            let answer = service.case(p, domain, &id);
            shown(app, answer);
        }
        Effect::NoteCase { id, text } => {
            change(service, p, app, &id, CaseChange::Note { on: None, text });
        }
        Effect::FieldThenAdvance { id, field, text } => {
            change(
                service,
                p,
                app,
                &id,
                CaseChange::SetThenAdvance { field, text },
            );
        }
        Effect::AdvanceCase { id } => {
            change(service, p, app, &id, CaseChange::Advance { on: None });
        }
        // Not this pane's.
        _ => {}
    }
}

/// Changes the open case in the pane's domain, as of the service's today.
fn change(service: &Api, p: &Principal, app: &mut App, id: &str, change: CaseChange) {
    let domain = app.cases.domain;
    let answer = service.change_case(p, domain, id, &change);
    shown(app, answer);
}

fn shown(app: &mut App, answer: Result<CaseView, ServiceError>) {
    match answer {
        Ok(view) => cases::case_loaded(app, view),
        Err(e) => failed(app, e),
    }
}

/// Says what went wrong. Keys the service no longer holds (its idle time, a restart)
/// lock the pane too, so it asks for the passphrase again.
fn failed(app: &mut App, e: ServiceError) {
    let lang = app.look.lang;
    if let ServiceError::Case(CaseFault::Locked(_)) = &e {
        app.cases.lock();
    }
    app.notice = Some(Notice::Error(error_text(&e, lang)));
}
