//! The panes. Each has a state module and a drawing module.

pub mod admin;
pub mod cases;
pub mod dashboard;
pub mod roadmap;
pub mod skills;
pub mod staff;
pub mod training;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::action::Action;
use super::app::App;
use super::keymap::{self, Layer};
use super::theme::Theme;

/// The key bound to an action in a layer, named as help names it.
pub fn key_of(app: &App, layer: Layer, action: &Action) -> String {
    keymap::key_for(layer, action)
        .map(|k| keymap::key_name(&k, app.look.ascii))
        .unwrap_or_default()
}

/// A view with nothing to show: the service's refusal, or `hint` (what to do).
pub fn draw_absent<T>(slot: &Slot<T>, hint: String, theme: &Theme, f: &mut Frame, area: Rect) {
    let line = match slot {
        Slot::Failed(message) => Line::from(Span::styled(message.clone(), theme.error())),
        _ => Line::from(Span::styled(hint, theme.dim())),
    };
    f.render_widget(Paragraph::new(line).wrap(Wrap { trim: true }), area);
}

/// What a view has to show: nothing read yet, a failure to say, or the data.
pub enum Slot<T> {
    Empty,
    Failed(String),
    Ready(T),
}

impl<T> Slot<T> {
    pub fn ready(&self) -> Option<&T> {
        match self {
            Slot::Ready(t) => Some(t),
            _ => None,
        }
    }

    pub fn ready_mut(&mut self) -> Option<&mut T> {
        match self {
            Slot::Ready(t) => Some(t),
            _ => None,
        }
    }

    /// Whether the view has to ask for its data before showing: nothing read, or a
    /// failure the user asked to try again (`again`).
    pub fn wants(&self, again: bool) -> bool {
        match self {
            Slot::Empty => true,
            Slot::Failed(_) => again,
            Slot::Ready(_) => false,
        }
    }
}
