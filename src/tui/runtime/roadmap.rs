//! The roadmap pane's effects through the service: the timeline, one initiative, and
//! the changes made from the pane. Part of the runtime: the only place the pane's I/O
//! happens. After a change the timeline (and the detail, if open) is read again.

use super::{App, Effect, error_text};
use crate::remote::Api;
use crate::service::{Principal, ServiceError};
use crate::tui::panes::roadmap;

fn load(service: &Api, p: &Principal, app: &mut App) {
    let lang = app.look.lang;
    match service.roadmap(p) {
        Ok(t) => roadmap::loaded(app, t),
        Err(e) => roadmap::load_failed(app, false, error_text(&e, lang)),
    }
}

fn load_detail(service: &Api, p: &Principal, app: &mut App, id: &str) {
    let lang = app.look.lang;
    match service.roadmap_detail(p, id) {
        Ok(d) => roadmap::detail_loaded(app, *d),
        Err(e) => roadmap::load_failed(app, true, error_text(&e, lang)),
    }
}

/// Carries out one effect of the roadmap pane.
pub fn perform(service: &Api, p: &Principal, app: &mut App, effect: Effect) {
    let lang = app.look.lang;
    match effect {
        Effect::LoadRoadmap => load(service, p, app),
        Effect::LoadRoadmapDetail { id } => load_detail(service, p, app, &id),
        Effect::ChangeRoadmap { id, change } => {
            match service.roadmap_change(p, &id, change.clone()) {
                Ok(_) => {
                    roadmap::changed(app, &id, &change);
                    load(service, p, app);
                    if app.roadmap.detail.is_some() {
                        load_detail(service, p, app, &id);
                    }
                }
                Err(e) => roadmap::change_failed(app, error_text(&e, lang)),
            }
        }
        Effect::ChangeInitiative { id, change, opened } => {
            match service.change_initiative(p, &id, change.clone(), opened) {
                Ok(_) => {
                    roadmap::changed(app, &id, &change);
                    load(service, p, app);
                    if app.roadmap.detail.is_some() {
                        load_detail(service, p, app, &id);
                    }
                }
                Err(ServiceError::Conflict(c)) => roadmap::conflict::open(app, *c, id, change),
                Err(e) => roadmap::change_failed(app, error_text(&e, lang)),
            }
        }
        // Not this pane's.
        _ => {}
    }
}
