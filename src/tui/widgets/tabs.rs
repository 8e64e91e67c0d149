//! A pane's line of views: each view's key and name, the current one marked, and what
//! the view is of. When that would be cut, the other views show their key alone: what
//! the screen is of matters more than names `?` also lists.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::text::{fit, width};
use crate::tui::theme::Theme;

/// One view of the line: its key, its name, and whether it is shown now.
pub struct Tab<'a> {
    pub key: String,
    pub label: &'a str,
    pub current: bool,
}

fn labels(tabs: &[Tab<'_>], compact: bool) -> Vec<String> {
    tabs.iter()
        .map(|t| {
            if compact && !t.current {
                format!(" {} ", t.key)
            } else {
                format!(" {} {} ", t.key, t.label)
            }
        })
        .collect()
}

/// Draws the line. `about` holds what the view is of, longest form first; the first
/// form that fits is used.
pub fn draw(tabs: &[Tab<'_>], about: &[String], theme: &Theme, f: &mut Frame, area: Rect) {
    let total = area.width as usize;
    let room = |labels: &[String]| {
        total.saturating_sub(labels.iter().map(|l| width(l)).sum::<usize>() + 2)
    };
    let full = labels(tabs, false);
    let fits = |labels: &[String]| about.iter().find(|a| width(a) <= room(labels)).cloned();
    let (shown, text) = match fits(&full) {
        Some(text) => (full, Some(text)),
        None if about.is_empty() => (full, None),
        None => {
            let compact = labels(tabs, true);
            let text = fits(&compact).or_else(|| about.last().cloned());
            (compact, text)
        }
    };
    let left = room(&shown);
    let mut spans: Vec<Span> = shown
        .into_iter()
        .zip(tabs)
        .map(|(label, t)| {
            let style = if t.current {
                theme.selected()
            } else {
                theme.dim()
            };
            Span::styled(label, style)
        })
        .collect();
    if let Some(text) = text {
        spans.push(Span::raw("  "));
        spans.push(Span::styled(
            fit(&text, left, theme.ellipsis()),
            theme.heading(),
        ));
    }
    f.render_widget(Paragraph::new(Line::from(spans)), area);
}
