//! The keys of a refused save (someone else saved the record first): reload theirs,
//! re-apply mine, or go back (to the form, or without saving). Letters, not Esc, for the two that write or
//! drop something, since a bare Esc may be the start of a split escape sequence.

use super::{ALWAYS, Binding, DOWN, OUTSIDE_TEXT, UP, bind, ch, key};
use crate::tui::action::Action as A;
use ratatui::crossterm::event::KeyCode as K;

/// The dialog's own keys.
pub(super) const CONFLICT: &[Binding] = &[
    bind(&[ch('r')], A::Reload, "conflict.key.reload", true),
    bind(&[ch('a')], A::Reapply, "conflict.key.reapply", true),
    bind(&[key(K::Esc), ch('b')], A::Back, "conflict.key.back", true),
    bind(UP, A::Up, "key.up", false),
    bind(DOWN, A::Down, "key.down", false),
];

/// The dialog's tables: its keys, then `?`, `q` and the panes.
pub(super) fn conflict() -> Vec<&'static [Binding]> {
    vec![CONFLICT, OUTSIDE_TEXT, ALWAYS]
}

/// The same choices for a change made from a list or a timeline, where there is no
/// form to go back to: back leaves the change unsaved.
pub(super) const CHANGE_CONFLICT: &[Binding] = &[
    bind(&[ch('r')], A::Reload, "conflict.key.reload_view", true),
    bind(&[ch('a')], A::Reapply, "conflict.key.reapply", true),
    bind(&[key(K::Esc), ch('b')], A::Back, "conflict.key.drop", true),
    bind(UP, A::Up, "key.up", false),
    bind(DOWN, A::Down, "key.down", false),
];

/// The tables of a pane's change dialog: its keys, then `?`, `q` and the panes.
pub(super) fn change_conflict() -> Vec<&'static [Binding]> {
    vec![CHANGE_CONFLICT, OUTSIDE_TEXT, ALWAYS]
}
