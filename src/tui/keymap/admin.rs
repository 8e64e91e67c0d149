//! The keys of the administration pane: its views, the moves of its lists (with g and
//! G for the first and the last line), and the audit log's verification.

use super::{ALWAYS, Binding, DIGIT_PANES, DOWN, OUTSIDE_TEXT, UP, bind, ch, key};
use crate::tui::action::Action as A;
use crate::tui::panes::admin::View as AView;
use ratatui::crossterm::event::KeyCode as K;

/// The views of the pane; their keys show on the pane's own view line.
pub(super) const ADMIN_VIEWS: &[Binding] = &[
    bind(
        &[ch('a')],
        A::AdminView(AView::Accounts),
        "key.view_accounts",
        false,
    ),
    bind(&[ch('l')], A::AdminView(AView::Log), "key.view_log", false),
];

/// Moving in a list, with g and G for the first and the last line (the administration
/// and case panes).
pub(super) const LIST_MOVES: &[Binding] = &[
    bind(UP, A::Up, "key.up", false),
    bind(DOWN, A::Down, "key.down", false),
    bind(&[key(K::PageUp)], A::PageUp, "key.page_up", false),
    bind(&[key(K::PageDown)], A::PageDown, "key.page_down", false),
    bind(&[key(K::Home), ch('g')], A::Home, "key.list_first", false),
    bind(&[key(K::End), ch('G')], A::End, "key.list_last", false),
];

/// The audit log: verification on one key.
pub(super) const AUDIT_LOG: &[Binding] = &[bind(&[ch('v')], A::Verify, "key.verify_audit", true)];

/// The tables of a view of the pane: its own keys first.
pub(super) fn admin(own: &'static [Binding]) -> Vec<&'static [Binding]> {
    vec![
        own,
        LIST_MOVES,
        ADMIN_VIEWS,
        DIGIT_PANES,
        OUTSIDE_TEXT,
        ALWAYS,
    ]
}
