//! Pane 7 管理: the accounts with their roles and linked staff numbers (for admins),
//! and the audit log, newest first, with the verification of its chain (for auditors).
//! Someone with neither role is told which role the pane needs. Both lists are read
//! again each time the pane comes to the front, since any change elsewhere adds to the
//! log.

pub mod draw;

use std::collections::BTreeSet;

use super::Slot;
use crate::domain::{Account, Role};
use crate::i18n;
use crate::service::{AuditEntry, AuditVerdict, Permission, access};
use crate::tui::action::Action;
use crate::tui::app::{App, Notice};
use crate::tui::effect::Effect;
use crate::tui::keymap::Layer;
use crate::tui::widgets::list::{Cursor, moved};
use crate::tui::widgets::text::wrap;

/// The views of the pane.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Accounts,
    Log,
}

impl View {
    pub const ALL: [View; 2] = [View::Accounts, View::Log];

    pub fn label_key(self) -> &'static str {
        match self {
            View::Accounts => "admin.view.accounts",
            View::Log => "admin.view.log",
        }
    }

    /// The role a view needs, as the pane names it.
    fn role(self) -> Role {
        match self {
            View::Accounts => Role::Admin,
            View::Log => Role::Auditor,
        }
    }
}

pub struct AccountsState {
    pub accounts: Vec<Account>,
    pub cursor: Cursor,
}

pub struct LogState {
    /// Newest first.
    pub entries: Vec<AuditEntry>,
    pub cursor: Cursor,
}

impl LogState {
    pub fn selected(&self) -> Option<&AuditEntry> {
        self.entries.get(self.cursor.at)
    }
}

pub struct AdminState {
    /// The views the caller's roles open, in the order of [`View::ALL`].
    pub views: Vec<View>,
    pub view: View,
    pub accounts: Slot<AccountsState>,
    pub log: Slot<LogState>,
    /// The last verification of the chain; empty until `v` is pressed.
    pub verdict: Slot<AuditVerdict>,
}

impl AdminState {
    /// The pane for an account with these roles.
    pub fn new(roles: &BTreeSet<Role>) -> AdminState {
        let views: Vec<View> = View::ALL
            .into_iter()
            .filter(|v| match v {
                View::Accounts => access::allows(roles, Permission::AccountsManage),
                View::Log => access::allows(roles, Permission::AuditRead),
            })
            .collect();
        AdminState {
            view: views.first().copied().unwrap_or(View::Accounts),
            views,
            accounts: Slot::Empty,
            log: Slot::Empty,
            verdict: Slot::Empty,
        }
    }
}

impl Default for AdminState {
    fn default() -> AdminState {
        AdminState::new(&BTreeSet::new())
    }
}

/// Lines a list of the pane leaves to others: the status line, the pane tabs and the
/// hint line of the screen; the view line, the line about the list and the column
/// heading of the pane; one line below.
const AROUND: usize = 3 + 3 + 1;

/// The most lines the verdict takes below the log.
pub const VERDICT_LINES: usize = 5;

/// Lines the verdict takes below the log at a width: its lines as they wrap, at most
/// [`VERDICT_LINES`]; none before there is one.
pub fn verdict_rows(app: &App, width: usize) -> usize {
    let lines = match &app.admin.verdict {
        Slot::Empty => return 0,
        Slot::Failed(message) => wrap(message, width).len(),
        Slot::Ready(v) => i18n::audit_verdict(v, app.look.lang)
            .iter()
            .map(|t| wrap(t, width).len())
            .sum(),
    };
    lines.min(VERDICT_LINES)
}

/// Rows of a list at the terminal's present size.
pub fn list_rows(app: &App, view: View) -> usize {
    let below = match view {
        View::Log => verdict_rows(app, usize::from(app.size.0)),
        View::Accounts => 0,
    };
    usize::from(app.size.1)
        .saturating_sub(AROUND + below)
        .max(1)
}

/// The key layer of the pane: none of its own for someone it has nothing for.
pub fn layer(app: &App) -> Layer {
    let a = &app.admin;
    if a.views.is_empty() {
        return Layer::Global;
    }
    match a.view {
        View::Accounts => Layer::Accounts,
        View::Log => Layer::AuditLog,
    }
}

/// Keeps the cursors in view after the terminal changed size.
pub fn resized(app: &mut App) {
    let (a, l) = (list_rows(app, View::Accounts), list_rows(app, View::Log));
    if let Some(s) = app.admin.accounts.ready_mut() {
        s.cursor.scroll(a);
    }
    if let Some(s) = app.admin.log.ready_mut() {
        s.cursor.scroll(l);
    }
}

fn load(view: View) -> Effect {
    match view {
        View::Accounts => Effect::LoadAccounts,
        View::Log => Effect::LoadAuditLog,
    }
}

/// The pane has come to the front: read its view again.
pub fn entered(app: &mut App) -> Vec<Effect> {
    let a = &app.admin;
    if a.views.contains(&a.view) {
        vec![load(a.view)]
    } else {
        Vec::new()
    }
}

/// Carries out an action on the pane.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    let lang = app.look.lang;
    if app.admin.views.is_empty() {
        return Vec::new();
    }
    if let Action::AdminView(v) = action {
        if !app.admin.views.contains(&v) {
            let text = crate::tui::widgets::text::fill(
                i18n::tui("admin.view_needs", lang),
                &[v.role().code()],
            );
            app.notice = Some(Notice::Error(text));
            return Vec::new();
        }
        app.admin.view = v;
        return vec![load(v)];
    }
    let rows = list_rows(app, app.admin.view);
    let a = &mut app.admin;
    match (a.view, action) {
        (View::Log, Action::Verify) => return vec![Effect::VerifyAudit],
        (View::Accounts, action) => {
            if let Some(s) = a.accounts.ready_mut() {
                moved(&mut s.cursor, s.accounts.len(), rows, &action);
            }
        }
        (View::Log, action) => {
            if let Some(s) = a.log.ready_mut() {
                moved(&mut s.cursor, s.entries.len(), rows, &action);
            }
        }
    }
    Vec::new()
}

/// The accounts as the service gave them; the cursor stays on the same account.
pub fn accounts_loaded(app: &mut App, accounts: Vec<Account>) {
    let rows = list_rows(app, View::Accounts);
    let a = &mut app.admin;
    let keep = a
        .accounts
        .ready()
        .and_then(|s| s.accounts.get(s.cursor.at))
        .map(|x| x.name.clone());
    let at = keep
        .and_then(|name| accounts.iter().position(|x| x.name == name))
        .unwrap_or(0);
    let mut cursor = Cursor::on(at, accounts.len());
    cursor.scroll(rows);
    a.accounts = Slot::Ready(AccountsState { accounts, cursor });
}

/// The log as the service gave it (oldest first), shown newest first; the cursor stays
/// on the same entry. A verdict about a log of another length is out of date.
pub fn log_loaded(app: &mut App, mut entries: Vec<AuditEntry>) {
    entries.reverse();
    let a = &mut app.admin;
    let keep = a.log.ready().and_then(|s| s.selected()).map(|e| e.seq);
    let at = keep
        .and_then(|seq| entries.iter().position(|e| e.seq == seq))
        .unwrap_or(0);
    let count = entries.len() as u64;
    if a.verdict.ready().is_some_and(|v| v.entries != count) {
        a.verdict = Slot::Empty;
    }
    let rows = list_rows(app, View::Log);
    let mut cursor = Cursor::on(at, entries.len());
    cursor.scroll(rows);
    app.admin.log = Slot::Ready(LogState { entries, cursor });
}

/// The verification's answer.
pub fn verified(app: &mut App, verdict: AuditVerdict) {
    app.admin.verdict = Slot::Ready(verdict);
    resized(app);
}

/// A read failed: the view says why.
pub fn load_failed(app: &mut App, view: View, message: String) {
    let a = &mut app.admin;
    match view {
        View::Accounts => a.accounts = Slot::Failed(message),
        View::Log => a.log = Slot::Failed(message),
    }
}

/// The verification failed (not a broken chain: the read itself).
pub fn verify_failed(app: &mut App, message: String) {
    app.admin.verdict = Slot::Failed(message);
    resized(app);
}
