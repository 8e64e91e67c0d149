//! The keys of the roadmap pane: moving between initiatives and years, the detail,
//! one letter per status for the focused year, a note and a plan revision.

use super::{ALWAYS, Binding, DIGIT_PANES, DOWN, EDITING, LEFT, OUTSIDE_TEXT, PROMPT, RIGHT, UP};
use super::{bind, ch, key};
use crate::domain::Progress;
use crate::tui::action::Action as A;
use ratatui::crossterm::event::KeyCode as K;

/// What both views do to the focused year: its status, a note, its plan.
const CHANGES: &[Binding] = &[
    bind(
        &[ch('p')],
        A::SetProgress(Progress::InProgress),
        "roadmap.key.in_progress",
        true,
    ),
    bind(
        &[ch('c')],
        A::SetProgress(Progress::Done),
        "roadmap.key.done",
        true,
    ),
    bind(
        &[ch('d')],
        A::SetProgress(Progress::Delayed),
        "roadmap.key.delayed",
        true,
    ),
    bind(
        &[ch('x')],
        A::SetProgress(Progress::Cancelled),
        "roadmap.key.cancelled",
        false,
    ),
    bind(
        &[ch('u')],
        A::SetProgress(Progress::NotStarted),
        "roadmap.key.not_started",
        false,
    ),
    bind(&[ch('a')], A::AddNote, "roadmap.key.note", false),
    bind(&[ch('e')], A::EditPlan, "roadmap.key.plan", false),
    bind(LEFT, A::Left, "roadmap.key.year_left", false),
    bind(RIGHT, A::Right, "roadmap.key.year_right", false),
];

/// The timeline: initiatives up and down, years left and right, Enter for the detail.
pub(super) const TIMELINE: &[Binding] = &[
    bind(&[key(K::Enter)], A::Open, "roadmap.key.open", true),
    bind(UP, A::Up, "roadmap.key.prev", false),
    bind(DOWN, A::Down, "roadmap.key.next", false),
    bind(&[key(K::PageUp)], A::PageUp, "key.page_up", false),
    bind(&[key(K::PageDown)], A::PageDown, "key.page_down", false),
    bind(
        &[key(K::Home), ch('g')],
        A::Home,
        "roadmap.key.first",
        false,
    ),
    bind(&[key(K::End), ch('G')], A::End, "roadmap.key.last", false),
];

/// One initiative whole: scrolled, left with Esc.
pub(super) const DETAIL: &[Binding] = &[
    bind(&[key(K::Esc)], A::Back, "roadmap.key.back", true),
    bind(UP, A::Up, "roadmap.key.scroll_up", false),
    bind(DOWN, A::Down, "roadmap.key.scroll_down", false),
    bind(&[key(K::PageUp)], A::PageUp, "key.page_up", false),
    bind(&[key(K::PageDown)], A::PageDown, "key.page_down", false),
];

/// The tables of a view of the pane: its own keys first.
pub(super) fn roadmap(own: &'static [Binding]) -> Vec<&'static [Binding]> {
    vec![own, CHANGES, DIGIT_PANES, OUTSIDE_TEXT, ALWAYS]
}

/// The question (a note, a plan): a text field.
pub(super) fn roadmap_text() -> Vec<&'static [Binding]> {
    vec![PROMPT, EDITING, ALWAYS]
}
