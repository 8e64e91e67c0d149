//! The keys of the case pane: unlocking, the domains, the list and a case, and Ctrl-L,
//! which locks the pane and forgets the keys.

use super::admin::LIST_MOVES;
use super::{ALWAYS, Binding, DIGIT_PANES, OUTSIDE_TEXT, bind, ch, ctrl, key};
use crate::tui::action::Action as A;
use ratatui::crossterm::event::KeyCode as K;

/// The locked pane: Enter asks for the passphrase.
pub(super) const CASE_LOCKED: &[Binding] = &[
    bind(&[key(K::Enter)], A::Open, "key.unlock", true),
    bind(&[ch('d')], A::NextDomain, "key.next_domain", true),
];

/// What an unlocked pane always has: the lock and the domains.
const CASE_ALWAYS: &[Binding] = &[
    bind(&[ctrl('l')], A::LockCases, "key.lock", true),
    bind(&[ch('d')], A::NextDomain, "key.next_domain", true),
];

/// The list of cases.
pub(super) const CASE_LIST: &[Binding] = &[bind(&[key(K::Enter)], A::Open, "key.open_case", true)];

/// One case, whole.
pub(super) const CASE_DETAIL: &[Binding] = &[
    bind(&[ch('a')], A::AddNote, "key.add_note", true),
    bind(&[ch('s')], A::AdvanceStage, "key.advance_stage", true),
    bind(&[key(K::Esc)], A::Back, "key.back_to_list", true),
];

/// The tables of an unlocked view of the pane: its own keys first.
pub(super) fn cases(own: &'static [Binding]) -> Vec<&'static [Binding]> {
    vec![
        own,
        CASE_ALWAYS,
        LIST_MOVES,
        DIGIT_PANES,
        OUTSIDE_TEXT,
        ALWAYS,
    ]
}

/// The locked pane.
pub(super) fn locked() -> Vec<&'static [Binding]> {
    vec![CASE_LOCKED, DIGIT_PANES, OUTSIDE_TEXT, ALWAYS]
}
