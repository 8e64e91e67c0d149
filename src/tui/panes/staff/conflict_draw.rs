//! Drawing the refused-save dialog over the form: both versions field by field, and
//! the choices, named from the keymap. Reads the state only.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::conflict::ConflictDialog;
use crate::i18n::{conflict_heading, tui};
use crate::tui::app::App;
use crate::tui::keymap::{self, Layer};
use crate::tui::theme::Theme;
use crate::tui::widgets::text::{fit, pad, width};

const LABEL_W: usize = 12;
const MARK_W: usize = 8;

/// The choices as `[r] 読み込み直す …`, packed into lines of `cells`.
fn choices(app: &App, cells: usize) -> Vec<String> {
    let lang = app.look.lang;
    let mut lines = vec![String::new()];
    for e in keymap::entries(Layer::Conflict).iter().filter(|e| e.hint) {
        let item = format!(
            "[{}] {}",
            keymap::hint_name(&e.keys, app.look.ascii),
            tui(e.help, lang)
        );
        let Some(last) = lines.last_mut() else {
            continue;
        };
        if last.is_empty() {
            last.push_str(&item);
        } else if width(last) + 2 + width(&item) <= cells {
            last.push_str("  ");
            last.push_str(&item);
        } else {
            lines.push(item);
        }
    }
    lines
}

fn row<'a>(theme: &Theme, cells: [(&str, usize); 4], mark: &str, head: bool) -> Line<'a> {
    let style = if head { theme.heading() } else { theme.dim() };
    let mut spans = Vec::new();
    for (i, (text, w)) in cells.into_iter().enumerate() {
        let text = pad(text, w, mark);
        spans.push(match i {
            0 => Span::styled(text, theme.heading()),
            3 => Span::styled(text, style),
            _ => Span::raw(text),
        });
        if i < 3 {
            spans.push(Span::raw(" "));
        }
    }
    Line::from(spans)
}

/// The dialog, centred over the pane's `area`.
pub fn draw(app: &App, d: &ConflictDialog, theme: &Theme, f: &mut Frame, area: Rect) {
    let lang = app.look.lang;
    let mark = theme.ellipsis();
    let w = area.width.min(78);
    let inner_w = w.saturating_sub(2) as usize;
    let value_w = inner_w.saturating_sub(LABEL_W + MARK_W + 3) / 2;
    let footer = choices(app, inner_w);
    let mut lines = vec![
        Line::from(Span::styled(
            fit(&conflict_heading(&d.conflict, lang), inner_w, mark),
            theme.error(),
        )),
        Line::from(fit(
            tui(
                if d.rows.is_empty() {
                    "conflict.same"
                } else {
                    "conflict.note"
                },
                lang,
            ),
            inner_w,
            mark,
        )),
        row(
            theme,
            [
                (tui("conflict.field", lang), LABEL_W),
                (tui("conflict.theirs", lang), value_w),
                (tui("conflict.yours", lang), value_w),
                (tui("conflict.after", lang), MARK_W),
            ],
            mark,
            true,
        ),
    ];
    let fixed = lines.len() + 1 + footer.len() + 2;
    let room = (area.height as usize).saturating_sub(fixed).max(1);
    let scroll = d.scroll.min(d.rows.len().saturating_sub(room));
    for r in d.rows.iter().skip(scroll).take(room) {
        let winner = tui(
            if r.mine_wins {
                "conflict.mine"
            } else {
                "conflict.kept"
            },
            lang,
        );
        lines.push(row(
            theme,
            [
                (tui(r.label, lang), LABEL_W),
                (&r.theirs, value_w),
                (&r.yours, value_w),
                (winner, MARK_W),
            ],
            mark,
            false,
        ));
    }
    let shown = d.rows.len().min(room);
    lines.push(Line::from(""));
    lines.extend(
        footer
            .into_iter()
            .map(|l| Line::from(Span::styled(l, theme.heading()))),
    );
    let h = ((fixed + shown) as u16).min(area.height);
    let rect = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    };
    f.render_widget(Clear, clear_rect(f.area(), rect));
    f.render_widget(
        Paragraph::new(lines).block(theme.block(format!(" {} ", tui("conflict.title", lang)))),
        rect,
    );
}

/// The dialog's area and one column either side, so no wide character of the form is
/// left cut in half at its edges.
fn clear_rect(full: Rect, r: Rect) -> Rect {
    let x = r.x.saturating_sub(1).max(full.x);
    let right = (r.right() + 1).min(full.right());
    Rect {
        x,
        y: r.y,
        width: right - x,
        height: r.height,
    }
}
