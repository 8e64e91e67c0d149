//! The administration pane's effects through the service: the accounts, the audit log
//! and its verification. Part of the runtime: the only place the pane's I/O happens.

use super::{App, Effect, error_text};
use crate::remote::Api;
use crate::service::Principal;
use crate::tui::panes::admin::{self, View};

/// Carries out one effect of the administration pane.
pub fn perform(service: &Api, p: &Principal, app: &mut App, effect: Effect) {
    let lang = app.look.lang;
    match effect {
        Effect::LoadAccounts => match service.accounts(p) {
            Ok(accounts) => admin::accounts_loaded(app, accounts),
            Err(e) => admin::load_failed(app, View::Accounts, error_text(&e, lang)),
        },
        Effect::LoadAuditLog => match service.audit_list(p, None) {
            Ok(entries) => admin::log_loaded(app, entries),
            Err(e) => admin::load_failed(app, View::Log, error_text(&e, lang)),
        },
        Effect::VerifyAudit => match service.audit_verify(p, None) {
            Ok(verdict) => admin::verified(app, verdict),
            Err(e) => admin::verify_failed(app, error_text(&e, lang)),
        },
        // Not this pane's.
        _ => {}
    }
}
