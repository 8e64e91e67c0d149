//! Drawing the refused-save dialog over the form through the shared conflict widget.
//! Reads the state only.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::conflict::ConflictDialog;
use crate::i18n::tui;
use crate::tui::app::App;
use crate::tui::keymap::Layer;
use crate::tui::theme::Theme;
use crate::tui::widgets::conflict::{self, Dialog, Row};

/// The dialog, centred over the pane's `area`.
pub fn draw(app: &App, d: &ConflictDialog, theme: &Theme, f: &mut Frame, area: Rect) {
    let lang = app.look.lang;
    let rows = d
        .rows
        .iter()
        .map(|r| Row {
            label: tui(r.label, lang),
            theirs: &r.theirs,
            yours: &r.yours,
            mine_wins: r.mine_wins,
        })
        .collect();
    let dialog = Dialog {
        conflict: &d.conflict,
        rows,
        scroll: d.scroll,
        layer: Layer::Conflict,
    };
    conflict::draw(app, &dialog, theme, f, area);
}
