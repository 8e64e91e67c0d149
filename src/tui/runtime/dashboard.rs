//! The dashboard pane's effects through the service: the figures of a fiscal year and
//! its engagement survey. Part of the runtime: the only place the pane's I/O happens.

use super::{App, Effect, error_text};
use crate::remote::Api;
use crate::service::{Principal, ServiceError};
use crate::tui::panes::dashboard::{self, Survey};

/// Carries out one effect of the dashboard pane.
pub fn perform(service: &Api, p: &Principal, app: &mut App, effect: Effect) {
    let lang = app.look.lang;
    match effect {
        Effect::LoadDashboard { year } => match service.dashboard(p, Some(year)) {
            Ok(board) => dashboard::loaded(app, *board),
            Err(e) => dashboard::load_failed(app, false, error_text(&e, lang)),
        },
        Effect::LoadSurvey { year } => match service.survey(p, year) {
            Ok(view) => dashboard::survey_loaded(app, Survey::Shown(view)),
            Err(ServiceError::NotFound { kind: "survey", .. }) => {
                dashboard::survey_loaded(app, Survey::NoResults)
            }
            Err(e) => dashboard::load_failed(app, true, error_text(&e, lang)),
        },
        // Not this pane's.
        _ => {}
    }
}
