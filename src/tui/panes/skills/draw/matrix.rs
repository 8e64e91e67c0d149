//! The matrix: the focused person and skill in full on one line, narrow column heads,
//! staff down and levels across, and the entry line (source, position, legend). A
//! required cell below target is marked by colour and by a symbol, so it reads under
//! NO_COLOR too.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::source_text;
use crate::i18n::tui;
use crate::service::Matrix;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::Layer;
use crate::tui::panes::key_of;
use crate::tui::panes::skills::matrix::{
    CELL, MatrixState, NAME, TITLE, WIDE, cols_from, first_col, first_visible, label_width,
    starts_group,
};
use crate::tui::theme::Theme;
use crate::tui::widgets::text::{fill, fit, pad};

pub fn draw(app: &App, m: &MatrixState, theme: &Theme, f: &mut Frame, area: Rect) {
    let lang = app.look.lang;
    let [focus, head, grid, foot] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(1),
    ])
    .areas(area);
    if m.is_empty() {
        f.render_widget(
            Paragraph::new(Span::styled(tui("matrix.nobody", lang), theme.dim())),
            focus,
        );
        return;
    }
    let width = area.width as usize;
    let label = label_width(width);
    let cells = width.saturating_sub(label);
    // The stored offsets, moved if this area is not the one `update` scrolled for.
    let rows = grid.height as usize;
    let top = first_visible(m.top, m.row, rows);
    let left = first_col(&m.matrix, m.left, m.col, cells);
    let count = cols_from(&m.matrix, left, cells);
    focus_line(app, m, theme, f, focus);
    f.render_widget(
        Paragraph::new(header(app, m, left, count, label, theme)),
        head,
    );
    let wide = width >= WIDE;
    let lines: Vec<Line> = (top..(top + rows).min(m.matrix.rows.len()))
        .map(|row| grid_row(m, row, (left, count), wide, theme))
        .collect();
    f.render_widget(Paragraph::new(lines), grid);
    entry_line(app, m, theme, f, foot);
}

/// The short head of a column: the first character of its name.
fn short(m: &Matrix, col: usize) -> String {
    let name = m.column_name(col);
    fit(
        name.chars()
            .next()
            .map(String::from)
            .as_deref()
            .unwrap_or(""),
        2,
        "",
    )
}

fn rule(theme: &Theme) -> &'static str {
    if theme.ascii { "|" } else { "│" }
}

fn header(
    app: &App,
    m: &MatrixState,
    left: usize,
    count: usize,
    label: usize,
    theme: &Theme,
) -> Line<'static> {
    let lang = app.look.lang;
    let mark = theme.ellipsis();
    let mut spans = vec![Span::styled(
        pad(tui("matrix.staff", lang), label, mark),
        theme.heading(),
    )];
    for col in left..left + count {
        if starts_group(&m.matrix, col) {
            spans.push(Span::styled(rule(theme), theme.dim()));
        }
        let style = if col == m.col {
            theme.selected()
        } else {
            theme.heading()
        };
        spans.push(Span::styled(pad(&short(&m.matrix, col), 2, ""), style));
        spans.push(Span::raw(" ".repeat(CELL - 2)));
    }
    Line::from(spans)
}

/// One person's row: the name (and the title when `wide`), then the levels of the
/// `count` columns from `left`.
fn grid_row(
    m: &MatrixState,
    row: usize,
    (left, count): (usize, usize),
    wide: bool,
    theme: &Theme,
) -> Line<'static> {
    let mark = theme.ellipsis();
    let r = &m.matrix.rows[row];
    let name_style = if row == m.row {
        theme.selected()
    } else {
        Style::default()
    };
    let mut spans = vec![Span::styled(pad(&r.name, NAME, mark), name_style)];
    spans.push(Span::raw(" "));
    if wide {
        spans.push(Span::styled(pad(&r.title, TITLE, mark), theme.dim()));
        spans.push(Span::raw(" "));
    }
    let gap_mark = theme.gap_mark();
    for col in left..left + count {
        if starts_group(&m.matrix, col) {
            spans.push(Span::styled(rule(theme), theme.dim()));
        }
        let level = r.levels.get(col).copied().flatten();
        let short = m.matrix.short(row, col);
        let text = format!(
            "{}{}",
            level.map_or("-".to_string(), |l| l.to_string()),
            if short { gap_mark } else { " " }
        );
        let style = if row == m.row && col == m.col {
            theme.selected()
        } else if short {
            theme.error()
        } else if m.matrix.required(row, col) {
            Style::default()
        } else {
            theme.dim()
        };
        spans.push(Span::styled(text, style));
        spans.push(Span::raw(" ".repeat(CELL - 2)));
    }
    Line::from(spans)
}

/// The person and the column under the cursor, in full.
fn focus_line(app: &App, m: &MatrixState, theme: &Theme, f: &mut Frame, area: Rect) {
    let lang = app.look.lang;
    let mark = theme.ellipsis();
    let Some(r) = m.matrix.rows.get(m.row) else {
        return;
    };
    let mut person = format!("{} {}", r.name, r.title);
    if let Some(band) = r.band {
        person.push_str(&format!(" {}{band}", tui("field.band", lang)));
    }
    let kind = match m.matrix.skills.get(m.col) {
        Some(s) if s.is_foundation() => tui("matrix.foundation", lang),
        Some(_) => "",
        None => tui("matrix.digital", lang),
    };
    let name = m.matrix.column_name(m.col).to_string();
    let level = m.level(m.row, m.col);
    let level_text = match level {
        Some(l) => format!("{l} {}", m.matrix.settings.level_name(l)),
        None => tui("matrix.unassessed", lang).to_string(),
    };
    let need = match (r.band, m.matrix.required(m.row, m.col)) {
        (Some(band), true) => fill(
            tui("matrix.required_target", lang),
            &[&m.matrix.settings.target(band).to_string()],
        ),
        _ if m.col < m.matrix.skills.len() => tui("matrix.not_required", lang).to_string(),
        _ => String::new(),
    };
    let short = m.matrix.short(m.row, m.col);
    let column = format!("{kind}{name}: {level_text} {need}");
    let sep = format!(" {} ", rule(theme));
    let w = area.width as usize;
    let person = fit(&person, w / 3, mark);
    let room = w.saturating_sub(crate::tui::widgets::text::width(&person) + 3);
    let spans = vec![
        Span::styled(person, theme.heading()),
        Span::styled(sep, theme.dim()),
        Span::styled(
            fit(&column, room, mark),
            if short {
                theme.error()
            } else {
                Style::default()
            },
        ),
    ];
    f.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The source levels are recorded with, where the cursor is, and what the marks mean.
fn entry_line(app: &App, m: &MatrixState, theme: &Theme, f: &mut Frame, area: Rect) {
    let lang = app.look.lang;
    let source_key = key_of(app, Layer::Grid, &Action::CycleSource);
    let unit_key = key_of(app, Layer::Grid, &Action::ChooseUnit);
    let text = format!(
        "{}: {} ({source_key})  {}/{}  {} {}  - {}  {}: {}",
        tui("matrix.source", lang),
        source_text(app.skills.source, lang),
        m.row + 1,
        m.matrix.rows.len(),
        theme.gap_mark(),
        tui("matrix.legend_short", lang),
        tui("matrix.legend_none", lang),
        unit_key,
        tui("key.choose_unit", lang),
    );
    f.render_widget(
        Paragraph::new(Span::styled(
            fit(&text, area.width as usize, theme.ellipsis()),
            theme.dim(),
        )),
        area,
    );
}
