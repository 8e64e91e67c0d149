//! The keys of the training pane, layer by layer: its views, the moves of its lists,
//! and each view's own keys. No view's own key is a key of the views.

use super::{ALWAYS, Binding, DIGIT_PANES, OUTSIDE_TEXT, bind, ch, ctrl, key};
use super::{DOWN, UP};
use crate::domain::{EnrollStatus, SubsidyStatus};
use crate::tui::action::Action as A;
use crate::tui::panes::training::View as TView;
use ratatui::crossterm::event::KeyCode as K;

/// The views of the training pane; their keys show on the pane's own tab line. None
/// of them is a key a view of the pane uses for itself.
pub(super) const TRAINING_VIEWS: &[Binding] = &[
    bind(
        &[ch('g')],
        A::TrainingView(TView::Catalogue),
        "key.view_catalogue",
        false,
    ),
    bind(
        &[ch('s')],
        A::TrainingView(TView::Sessions),
        "key.view_sessions",
        false,
    ),
    bind(
        &[ch('r')],
        A::TrainingView(TView::Roster),
        "key.view_roster",
        false,
    ),
    bind(
        &[ch('b')],
        A::TrainingView(TView::Bulk),
        "key.view_bulk",
        false,
    ),
    bind(
        &[ch('o')],
        A::TrainingView(TView::Owed),
        "key.view_owed",
        false,
    ),
    bind(
        &[ch('f')],
        A::TrainingView(TView::Subsidy),
        "key.view_subsidy",
        false,
    ),
];

/// Moving in a list of the training pane.
pub(super) const TRAINING_MOVES: &[Binding] = &[
    bind(UP, A::Up, "key.up", false),
    bind(DOWN, A::Down, "key.down", false),
    bind(&[key(K::PageUp)], A::PageUp, "key.page_up", false),
    bind(&[key(K::PageDown)], A::PageDown, "key.page_down", false),
    bind(&[key(K::Home)], A::Home, "key.list_first", false),
    bind(&[key(K::End)], A::End, "key.list_last", false),
];

pub(super) const COURSES: &[Binding] =
    &[bind(&[key(K::Enter)], A::Open, "key.course_sessions", true)];

pub(super) const SESSIONS: &[Binding] = &[
    bind(&[key(K::Enter)], A::Open, "key.open_roster", true),
    bind(&[ch('[')], A::EarlierYear, "key.prev_year", true),
    bind(&[ch(']')], A::LaterYear, "key.next_year", true),
    bind(&[ch('p')], A::CopyPlan, "key.copy_plan", true),
    bind(
        &[ch('t')],
        A::NextSessionStatus,
        "key.session_status",
        false,
    ),
];

/// The roster. One key a status, and the cursor moves on: a roster is marked going
/// down it.
pub(super) const ROSTER: &[Binding] = &[
    bind(
        &[ch('a')],
        A::Mark(EnrollStatus::Attended),
        "key.mark_attended",
        true,
    ),
    bind(
        &[ch('x')],
        A::Mark(EnrollStatus::Absent),
        "key.mark_absent",
        true,
    ),
    bind(
        &[ch('c')],
        A::Mark(EnrollStatus::Completed),
        "key.mark_completed",
        true,
    ),
    bind(&[ch('d')], A::CancelEnrollment, "key.mark_cancelled", true),
    bind(&[ch('e')], A::Enroll, "key.enroll_person", true),
    bind(&[key(K::Enter)], A::Open, "key.open_card", false),
];

pub(super) const BULK_FORM: &[Binding] = &[
    bind(
        &[key(K::Tab), key(K::Down)],
        A::NextField,
        "key.next_field",
        true,
    ),
    bind(
        &[key(K::BackTab), key(K::Up)],
        A::PrevField,
        "key.prev_field",
        false,
    ),
    bind(&[key(K::Enter)], A::Submit, "key.bulk_next", false),
    bind(&[ctrl('s')], A::Save, "key.bulk_preview", true),
    bind(&[key(K::Esc)], A::Back, "key.bulk_cancel", true),
];

pub(super) const BULK: &[Binding] = &[
    bind(
        &[key(K::Enter), ch('y')],
        A::EnrollAll,
        "key.bulk_enroll",
        true,
    ),
    bind(&[key(K::Esc)], A::Back, "key.bulk_back", true),
];

pub(super) const OWED: &[Binding] = &[
    bind(&[ch('c')], A::ChooseUnit, "key.choose_unit", true),
    bind(&[ch('[')], A::EarlierYear, "key.prev_year", false),
    bind(&[ch(']')], A::LaterYear, "key.next_year", false),
    bind(&[key(K::Enter)], A::Open, "key.open_card", false),
];

pub(super) const SUBSIDY: &[Binding] = &[
    bind(
        &[ch('a')],
        A::Decide(SubsidyStatus::Approved),
        "key.approve",
        true,
    ),
    bind(
        &[ch('x')],
        A::Decide(SubsidyStatus::Rejected),
        "key.reject",
        true,
    ),
    bind(
        &[ch('c')],
        A::Decide(SubsidyStatus::Reported),
        "key.report",
        true,
    ),
    bind(&[ch('p')], A::Decide(SubsidyStatus::Paid), "key.pay", true),
    bind(&[ch('[')], A::EarlierYear, "key.prev_year", false),
    bind(&[ch(']')], A::LaterYear, "key.next_year", false),
    bind(&[key(K::Enter)], A::Open, "key.open_card", false),
];

/// The tables of a view of the training pane: its own keys first.
pub(super) fn training(own: &'static [Binding]) -> Vec<&'static [Binding]> {
    vec![
        own,
        TRAINING_MOVES,
        TRAINING_VIEWS,
        DIGIT_PANES,
        OUTSIDE_TEXT,
        ALWAYS,
    ]
}
