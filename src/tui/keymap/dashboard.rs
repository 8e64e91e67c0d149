//! The keys of the dashboard pane: its four views, the fiscal year, scrolling a view's
//! list, and moving across the heatmap's scales.

use super::{ALWAYS, Binding, DIGIT_PANES, DOWN, OUTSIDE_TEXT, UP, bind, ch, key};
use crate::tui::action::Action as A;
use crate::tui::panes::dashboard::View as DView;
use ratatui::crossterm::event::KeyCode as K;

/// The views of the pane; their keys show on the pane's own view line.
pub(super) const DASHBOARD_VIEWS: &[Binding] = &[
    bind(
        &[ch('i')],
        A::DashboardView(DView::Kpi),
        "dash.key.kpi",
        false,
    ),
    bind(
        &[ch('d')],
        A::DashboardView(DView::Talent),
        "dash.key.talent",
        false,
    ),
    bind(
        &[ch('t')],
        A::DashboardView(DView::Coverage),
        "dash.key.coverage",
        false,
    ),
    bind(
        &[ch('e')],
        A::DashboardView(DView::Engagement),
        "dash.key.engagement",
        false,
    ),
];

/// The year, scrolling and the heatmap's scales.
pub(super) const DASHBOARD: &[Binding] = &[
    bind(&[ch('[')], A::EarlierYear, "dash.key.earlier", true),
    bind(&[ch(']')], A::LaterYear, "dash.key.later", true),
    bind(UP, A::Up, "dash.key.scroll_up", false),
    bind(DOWN, A::Down, "dash.key.scroll_down", false),
    bind(&[key(K::PageUp)], A::PageUp, "key.page_up", false),
    bind(&[key(K::PageDown)], A::PageDown, "key.page_down", false),
    bind(&[key(K::Home), ch('g')], A::Home, "dash.key.first", false),
    bind(&[key(K::End), ch('G')], A::End, "dash.key.last", false),
    bind(
        &[key(K::Left), ch('h')],
        A::Left,
        "dash.key.scale_left",
        false,
    ),
    bind(
        &[key(K::Right), ch('l')],
        A::Right,
        "dash.key.scale_right",
        false,
    ),
];

/// The tables of the pane: its own keys first.
pub(super) fn dashboard() -> Vec<&'static [Binding]> {
    vec![
        DASHBOARD,
        DASHBOARD_VIEWS,
        DIGIT_PANES,
        OUTSIDE_TEXT,
        ALWAYS,
    ]
}
