//! The case pane's effects through the service: unlocking, reading and changing cases
//! with the keys the pane holds. Part of the runtime: the only place its I/O happens.

use super::{App, Effect, error_text};
use crate::domain::cases::{CaseItem, Field};
use crate::remote::Api;
use crate::service::cases::Keyring;
use crate::service::{Principal, ServiceError};
use crate::tui::app::Notice;
use crate::tui::panes::cases;

/// Carries out one effect of the case pane.
pub fn perform(service: &Api, p: &Principal, app: &mut App, effect: Effect) {
    let lang = app.look.lang;
    match effect {
        Effect::LoadCaseDomains => match service.case_domains() {
            Ok(status) => app.cases.status = status,
            Err(e) => app.notice = Some(Notice::Error(error_text(&e, lang))),
        },
        Effect::UnlockCases(secret) => match service.unlock(p, secret.0.as_bytes()) {
            Ok(ring) => {
                for next in cases::unlocked(app, ring) {
                    perform(service, p, app, next);
                }
            }
            Err(e) => app.notice = Some(Notice::Error(error_text(&e, lang))),
        },
        Effect::LoadCases { domain } => {
            let answer = with_ring(app, |ring| service.cases(p, ring, domain));
            match answer {
                Some(Ok(views)) => cases::cases_loaded(app, views),
                Some(Err(e)) => failed(app, e),
                None => {}
            }
        }
        Effect::LoadCase { domain, id } => {
            let answer = with_ring(app, |ring| service.case(p, ring, domain, &id));
            shown(app, answer);
        }
        Effect::NoteCase { id, text } => {
            let domain = app.cases.domain;
            let answer = with_ring(app, |ring| {
                service.change_case(p, ring, domain, &id, |item, by, today| match item {
                    CaseItem::Health(c) => c.add_entry(today, by, text),
                    CaseItem::Harassment(c) => c.add_entry(today, by, text),
                    CaseItem::Incident(i) => i.add_entry(today, by, text),
                })
            });
            shown(app, answer);
        }
        Effect::FieldThenAdvance { id, field, text } => {
            let domain = app.cases.domain;
            let answer = with_ring(app, |ring| {
                service.change_case(p, ring, domain, &id, |item, by, today| {
                    let CaseItem::Harassment(c) = item else {
                        return Err(crate::domain::cases::CaseError::WrongKind);
                    };
                    match field {
                        Field::FactSummary => c.set_fact_summary(text)?,
                        Field::Measures => c.set_measures(text)?,
                        Field::Outcome => c.set_outcome(text)?,
                    }
                    c.advance(today, by).map(|_| ())
                })
            });
            shown(app, answer);
        }
        Effect::AdvanceCase { id } => {
            let domain = app.cases.domain;
            let answer = with_ring(app, |ring| {
                service.change_case(p, ring, domain, &id, |item, by, today| match item {
                    CaseItem::Harassment(c) => c.advance(today, by).map(|_| ()),
                    _ => Err(crate::domain::cases::CaseError::WrongKind),
                })
            });
            shown(app, answer);
        }
        // Not this pane's.
        _ => {}
    }
}

/// Runs `f` with the pane's keys; nothing when the pane locked meanwhile.
fn with_ring<T>(app: &mut App, f: impl FnOnce(&mut Keyring) -> T) -> Option<T> {
    let mut ring = app.cases.ring.take()?;
    let out = f(&mut ring);
    app.cases.ring = Some(ring);
    Some(out)
}

fn shown(app: &mut App, answer: Option<Result<crate::service::cases::CaseView, ServiceError>>) {
    match answer {
        Some(Ok(view)) => cases::case_loaded(app, view),
        Some(Err(e)) => failed(app, e),
        None => {}
    }
}

fn failed(app: &mut App, e: ServiceError) {
    let lang = app.look.lang;
    app.notice = Some(Notice::Error(error_text(&e, lang)));
}
