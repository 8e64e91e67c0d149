//! The dialog of a change the service refused because someone else saved the record
//! since the screen read it: both versions field by field, which one re-applying
//! keeps, and the choices, named from the keymap of the dialog's layer. The staff
//! form and the panes that change what they show (a session, a skill of the map, an
//! initiative) share it; each pane says which fields its record has.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use crate::i18n::{conflict_heading, tui};
use crate::service::Conflict;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::{self, Layer};
use crate::tui::theme::Theme;
use crate::tui::widgets::text::{fit, pad, width};

const LABEL_W: usize = 12;
const MARK_W: usize = 8;

/// One field of a record as the dialog names it and shows its value.
pub type Field = (String, String);

/// One field where the two versions differ.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Difference {
    /// The field's label, in the user's language.
    pub label: String,
    pub theirs: String,
    pub yours: String,
    /// Re-applying writes the user's value here (they changed this field); otherwise
    /// theirs stays.
    pub mine_wins: bool,
}

/// The fields where `theirs` and `yours` differ, the three lists being the same fields
/// in the same order; the user changed a field when `yours` differs from `seen`, what
/// the screen showed before the change, and re-applying writes only those.
pub fn differences(theirs: Vec<Field>, seen: &[Field], yours: Vec<Field>) -> Vec<Difference> {
    theirs
        .into_iter()
        .zip(yours)
        .enumerate()
        .filter(|(_, (t, y))| t.1 != y.1)
        .map(|(i, ((label, theirs), (_, yours)))| Difference {
            label,
            mine_wins: seen.get(i).is_none_or(|s| s.1 != yours),
            theirs,
            yours,
        })
        .collect()
}

/// The open dialog of a pane: the refusal and the fields that differ.
#[derive(Clone, Debug)]
pub struct ConflictView {
    pub conflict: Conflict,
    pub rows: Vec<Difference>,
    pub scroll: usize,
}

impl ConflictView {
    /// The dialog of a refusal, scrolled to its first row.
    pub fn new(conflict: Conflict, rows: Vec<Difference>) -> ConflictView {
        ConflictView {
            conflict,
            rows,
            scroll: 0,
        }
    }

    /// Scrolls the rows for Up and Down; whether the action was one of them.
    pub fn scrolled(&mut self, action: &Action) -> bool {
        match action {
            Action::Up => self.scroll = self.scroll.saturating_sub(1),
            Action::Down => {
                self.scroll = (self.scroll + 1).min(self.rows.len().saturating_sub(1));
            }
            _ => return false,
        }
        true
    }

    /// The rows as the drawing takes them.
    pub fn rows(&self) -> Vec<Row<'_>> {
        self.rows
            .iter()
            .map(|r| Row {
                label: &r.label,
                theirs: &r.theirs,
                yours: &r.yours,
                mine_wins: r.mine_wins,
            })
            .collect()
    }
}

/// One line of the dialog's table.
pub struct Row<'a> {
    pub label: &'a str,
    pub theirs: &'a str,
    pub yours: &'a str,
    pub mine_wins: bool,
}

/// What the dialog shows: the refusal, the rows from `scroll`, and the keys of `layer`.
pub struct Dialog<'a> {
    pub conflict: &'a Conflict,
    pub rows: Vec<Row<'a>>,
    pub scroll: usize,
    pub layer: Layer,
}

/// A pane's open dialog over its `area`, with the keys of a change's dialog.
pub fn draw_view(app: &App, v: &ConflictView, theme: &Theme, f: &mut Frame, area: Rect) {
    let dialog = Dialog {
        conflict: &v.conflict,
        rows: v.rows(),
        scroll: v.scroll,
        layer: Layer::ChangeConflict,
    };
    draw(app, &dialog, theme, f, area);
}

/// The choices as `[r] 読み込み直す …`, packed into lines of `cells`.
fn choices(app: &App, layer: Layer, cells: usize) -> Vec<String> {
    let lang = app.look.lang;
    let mut lines = vec![String::new()];
    for e in keymap::entries(layer).iter().filter(|e| e.hint) {
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
pub fn draw(app: &App, d: &Dialog, theme: &Theme, f: &mut Frame, area: Rect) {
    let lang = app.look.lang;
    let mark = theme.ellipsis();
    let w = area.width.min(78);
    let inner_w = w.saturating_sub(2) as usize;
    let value_w = inner_w.saturating_sub(LABEL_W + MARK_W + 3) / 2;
    let footer = choices(app, d.layer, inner_w);
    let note = if d.rows.is_empty() {
        "conflict.same"
    } else {
        "conflict.note"
    };
    let mut lines = vec![
        Line::from(Span::styled(
            fit(&conflict_heading(d.conflict, lang), inner_w, mark),
            theme.error(),
        )),
        Line::from(fit(tui(note, lang), inner_w, mark)),
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
        let winner = if r.mine_wins {
            "conflict.mine"
        } else {
            "conflict.kept"
        };
        lines.push(row(
            theme,
            [
                (r.label, LABEL_W),
                (r.theirs, value_w),
                (r.yours, value_w),
                (tui(winner, lang), MARK_W),
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

/// The dialog's area and one column either side, so no wide character beneath is left
/// cut in half at its edges.
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
