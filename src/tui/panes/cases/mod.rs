//! Pane 4 ケース: the restricted case logs. Locked until the holder types their
//! passphrase; then the cases of the domain (for health, the upcoming dates of open
//! cases first), one case whole, a dated entry, and the harassment workflow's next
//! stage. The keys themselves stay with the service, for this connection only; the
//! pane knows whose they are and which domains they open. Ctrl-L, or the idle time of
//! the settings, locks it again: the service drops (and wipes) the keys and the case
//! text leaves the state.

pub mod draw;

use std::collections::BTreeSet;
use std::fmt;
use std::time::Duration;

use zeroize::Zeroizing;

use super::Slot;
use crate::domain::Role;
use crate::domain::cases::{CaseDomain, CaseItem, Field};
use crate::service::cases::{CaseView, DomainStatus, Unlocked};
use crate::tui::action::Action;
use crate::tui::app::{App, Notice};
use crate::tui::effect::Effect;
use crate::tui::keymap::Layer;
use crate::tui::widgets::list::{self, Cursor};
use crate::tui::widgets::prompt::Prompt;

/// A passphrase on its way to the service: never printed, wiped when dropped.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(pub Zeroizing<String>);

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(***)")
    }
}

/// What a text question of the pane asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CaseAsk {
    /// The holder's passphrase (shown masked).
    Passphrase,
    /// A dated entry on the open case.
    Note,
    /// The field the next stage of a harassment case needs.
    Field(Field),
}

/// The cases of a domain, as read after unlocking.
pub struct CaseList {
    pub views: Vec<CaseView>,
    pub cursor: Cursor,
}

pub struct CasesState {
    /// The domains the caller's roles give, in order; empty: the pane shows nothing.
    pub domains: Vec<CaseDomain>,
    pub domain: CaseDomain,
    /// Whose keys the service holds for us and the domains they open; `None` while
    /// locked.
    pub unlocked: Option<Unlocked>,
    pub ask: Option<Prompt<CaseAsk>>,
    pub list: Slot<CaseList>,
    /// The case shown whole, with its scroll.
    pub open: Option<CaseView>,
    pub scroll: u16,
    /// Set-up and holders per domain, for the standing warning.
    pub status: Vec<DomainStatus>,
    /// Idle time before the pane locks by itself.
    pub lock_after: Duration,
    /// The demo database's passphrase, shown on the locked pane of the demo.
    pub demo_passphrase: Option<&'static str>,
}

impl CasesState {
    pub fn new(roles: &BTreeSet<Role>) -> CasesState {
        let domains: Vec<CaseDomain> = CaseDomain::ALL
            .iter()
            .copied()
            .filter(|d| roles.contains(&d.role()))
            .collect();
        CasesState {
            domain: domains.first().copied().unwrap_or(CaseDomain::Health),
            domains,
            unlocked: None,
            ask: None,
            list: Slot::Empty,
            open: None,
            scroll: 0,
            status: Vec::new(),
            lock_after: Duration::from_secs(5 * 60),
            demo_passphrase: None,
        }
    }

    pub fn locked(&self) -> bool {
        self.unlocked.is_none()
    }

    /// Forgets the unlock and every case read: what Ctrl-L and the idle time do (the
    /// runtime then asks the service to drop the keys, with [`Effect::LockCases`]).
    pub fn lock(&mut self) {
        self.unlocked = None;
        if let Some(list) = self.list.ready_mut() {
            list.views.iter_mut().for_each(crate::service::cases::wipe);
        }
        if let Some(view) = self.open.as_mut() {
            crate::service::cases::wipe(view);
        }
        if let Some(ask) = self.ask.as_mut() {
            ask.input.wipe();
        }
        self.list = Slot::Empty;
        self.open = None;
        self.ask = None;
        self.scroll = 0;
    }

    pub fn selected(&self) -> Option<&CaseView> {
        self.list.ready().and_then(|l| l.views.get(l.cursor.at))
    }
}

/// The key layer of the pane.
pub fn layer(app: &App) -> Layer {
    let c = &app.cases;
    if c.domains.is_empty() {
        return Layer::Global;
    }
    if c.ask.is_some() {
        return Layer::CaseText;
    }
    if c.locked() {
        return Layer::CaseLocked;
    }
    if c.open.is_some() {
        Layer::CaseDetail
    } else {
        Layer::CaseList
    }
}

/// Rows of the case list at the terminal's present size.
pub fn list_rows(app: &App) -> usize {
    usize::from(app.size.1).saturating_sub(12).max(1)
}

/// The pane has come to the front: the holders' warning is read again; an unlocked
/// pane reads its list again.
pub fn entered(app: &mut App) -> Vec<Effect> {
    let c = &app.cases;
    if c.domains.is_empty() {
        return Vec::new();
    }
    let mut out = vec![Effect::LoadCaseDomains];
    if !c.locked() {
        out.push(Effect::LoadCases { domain: c.domain });
    }
    out
}

/// Carries out an action on the pane.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    if app.cases.domains.is_empty() {
        return Vec::new();
    }
    if app.cases.ask.is_some() {
        return answer(app, action);
    }
    let rows = list_rows(app);
    let c = &mut app.cases;
    match action {
        Action::LockCases if !c.locked() => {
            c.lock();
            app.notice = Some(Notice::Info(
                crate::i18n::tui("cases.locked_now", app.look.lang).to_string(),
            ));
            return vec![Effect::LockCases];
        }
        Action::NextDomain => {
            let at = c.domains.iter().position(|d| *d == c.domain).unwrap_or(0);
            c.domain = c.domains[(at + 1) % c.domains.len()];
            c.open = None;
            c.list = Slot::Empty;
            if !c.locked() {
                return vec![Effect::LoadCases { domain: c.domain }];
            }
        }
        Action::Open if c.locked() => c.ask = Some(Prompt::new(CaseAsk::Passphrase, "")),
        Action::Open => {
            if let Some(v) = c.selected() {
                return vec![Effect::LoadCase {
                    domain: c.domain,
                    id: v.item.id().to_string(),
                }];
            }
        }
        Action::Back if c.open.is_some() => {
            c.open = None;
            c.scroll = 0;
        }
        Action::AddNote if c.open.is_some() => c.ask = Some(Prompt::new(CaseAsk::Note, "")),
        Action::AdvanceStage => {
            if let Some(CaseItem::Harassment(h)) = c.open.as_ref().map(|v| &v.item) {
                match h.missing_for_next() {
                    Some(field) => c.ask = Some(Prompt::new(CaseAsk::Field(field), "")),
                    None => {
                        return vec![Effect::AdvanceCase {
                            id: h.id.to_string(),
                        }];
                    }
                }
            }
        }
        Action::Up
        | Action::Down
        | Action::PageUp
        | Action::PageDown
        | Action::Home
        | Action::End => moved(c, rows, &action),
        _ => {}
    }
    Vec::new()
}

fn moved(c: &mut CasesState, rows: usize, action: &Action) {
    if c.open.is_some() {
        c.scroll = match action {
            Action::Up => c.scroll.saturating_sub(1),
            Action::Down => c.scroll.saturating_add(1),
            Action::PageUp => c.scroll.saturating_sub(10),
            Action::PageDown => c.scroll.saturating_add(10),
            Action::Home => 0,
            _ => c.scroll,
        };
        return;
    }
    if let Some(l) = c.list.ready_mut() {
        list::moved(&mut l.cursor, l.views.len(), rows, action);
    }
}

/// Keys while a question is open: editing, Enter to send, Esc to drop it.
fn answer(app: &mut App, action: Action) -> Vec<Effect> {
    let c = &mut app.cases;
    let Some(ask) = c.ask.as_mut() else {
        return Vec::new();
    };
    match action {
        Action::Back => {
            ask.input.wipe();
            c.ask = None;
        }
        Action::Submit => {
            let kind = ask.kind;
            let text = Zeroizing::new(ask.input.text().to_string());
            ask.input.wipe();
            if text.trim().is_empty() {
                return Vec::new();
            }
            c.ask = None;
            let id = c.open.as_ref().map(|v| v.item.id().to_string());
            return match (kind, id) {
                (CaseAsk::Passphrase, _) => vec![Effect::UnlockCases(Secret(text))],
                (CaseAsk::Note, Some(id)) => vec![Effect::NoteCase {
                    id,
                    text: text.to_string(),
                }],
                (CaseAsk::Field(field), Some(id)) => vec![Effect::FieldThenAdvance {
                    id,
                    field,
                    text: text.to_string(),
                }],
                _ => Vec::new(),
            };
        }
        other => ask.edit(&other),
    }
    Vec::new()
}

/// After an unlock: what the service holds, and the first list.
pub fn unlocked(app: &mut App, unlocked: Unlocked) -> Vec<Effect> {
    let c = &mut app.cases;
    if !unlocked.holds(c.domain)
        && let Some(d) = unlocked.domains.first()
    {
        c.domain = *d;
    }
    c.unlocked = Some(unlocked);
    vec![Effect::LoadCases { domain: c.domain }]
}

/// The list as the service gave it; the cursor stays on the same case.
pub fn cases_loaded(app: &mut App, views: Vec<CaseView>) {
    let rows = list_rows(app);
    let c = &mut app.cases;
    let keep = c.selected().map(|v| v.item.id().to_string());
    let at = keep
        .and_then(|id| views.iter().position(|v| v.item.id().as_str() == id))
        .unwrap_or(0);
    let mut cursor = Cursor::on(at, views.len());
    cursor.scroll(rows);
    c.list = Slot::Ready(CaseList { views, cursor });
}

/// One case whole, after it was read or changed.
pub fn case_loaded(app: &mut App, view: CaseView) {
    let c = &mut app.cases;
    if let Some(l) = c.list.ready_mut()
        && let Some(row) = l.views.iter_mut().find(|v| v.item.id() == view.item.id())
    {
        *row = view.clone();
    }
    c.open = Some(view);
}
