//! Drawing pane 5: the headings of the plan period with today's marker, the
//! initiatives by approach with each year's plan and status, the focused cell whole
//! under them and the legend; or one initiative whole; and the question over either.
//! Reads the state only.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Ask, RoadmapState, TimelineLine, detail, lines, top_for};
use crate::domain::Progress;
use crate::domain::progress::PlanCell;
use crate::i18n::{Lang, Term, roadmap_fill, tui};
use crate::service::{Timeline, TimelineCell};
use crate::tui::app::App;
use crate::tui::panes::{Slot, draw_absent};
use crate::tui::theme::Theme;
use crate::tui::widgets::text::{fit, pad, width};

/// The least room a year's column may have before the columns scroll instead.
const MIN_COL: usize = 10;
const ID_W: usize = 5;

/// How the width is shared: the id, the title, then the years shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Columns {
    pub title: usize,
    pub col: usize,
    /// The first year shown and how many are.
    pub first: usize,
    pub shown: usize,
}

/// The columns at a width, keeping the focused year in view.
pub fn columns(total: usize, years: usize, focus: usize) -> Columns {
    let title = if total >= 150 {
        30
    } else if total >= 110 {
        22
    } else {
        14
    };
    let room = total.saturating_sub(ID_W + title);
    let years = years.max(1);
    let shown = if room / years >= MIN_COL {
        years
    } else {
        (room / MIN_COL).clamp(1, years)
    };
    let first = if focus >= shown { focus + 1 - shown } else { 0 };
    Columns {
        title,
        col: room / shown,
        first,
        shown,
    }
}

/// The style a status gives its cells: colour where there is colour; the marks carry
/// the meaning without it.
pub fn status_style(status: Progress, theme: &Theme) -> Style {
    let colour = |c: Color| {
        if theme.plain {
            Style::default()
        } else {
            Style::default().fg(c)
        }
    };
    match status {
        Progress::NotStarted => Style::default(),
        Progress::InProgress => colour(Color::Cyan),
        Progress::Done => colour(Color::Green),
        Progress::Delayed => colour(Color::Red).add_modifier(Modifier::BOLD),
        Progress::Cancelled => theme.dim().add_modifier(Modifier::CROSSED_OUT),
    }
}

/// A continuation arrow filling `cells`.
fn arrow(cells: usize, ascii: bool) -> String {
    let (run, head) = if ascii { ("-", ">") } else { ("─", "→") };
    format!("{}{head}", run.repeat(cells.saturating_sub(1)))
}

/// A cell: a space, the status mark, then the plan cut to fit, an arrow, or nothing.
fn cell_text(c: &TimelineCell, cells: usize, theme: &Theme) -> String {
    let body = cells.saturating_sub(2);
    let text = match &c.plan {
        PlanCell::Plan(t) => fit(t, body, theme.ellipsis()),
        PlanCell::Arrow => arrow(body.min(6), theme.ascii),
        PlanCell::Empty => String::new(),
    };
    pad(
        &format!(" {}{text}", c.status.mark()),
        cells,
        theme.ellipsis(),
    )
}

/// The plan of a cell in words, whole.
pub fn plan_words(cell: &PlanCell, lang: Lang, ascii: bool) -> String {
    match cell {
        PlanCell::Plan(t) => t.clone(),
        PlanCell::Arrow => format!(
            "{} {}",
            if ascii { "->" } else { "→" },
            tui("roadmap.continues", lang)
        ),
        PlanCell::Empty => tui("roadmap.no_plan", lang).to_string(),
    }
}

pub fn draw(app: &App, theme: &Theme, f: &mut Frame, area: Rect) {
    let lang = app.look.lang;
    let s = &app.roadmap;
    match &s.detail {
        Some(slot) => detail::draw(app, slot, theme, f, area),
        None => match &s.timeline {
            Slot::Ready(t) => timeline(app, s, t, theme, f, area),
            other => draw_absent(other, tui("roadmap.loading", lang).into(), theme, f, area),
        },
    }
    if let Some(p) = &s.prompt {
        let (key, hint, id, fy) = match &p.kind {
            Ask::Note { id, fy } => ("roadmap.ask.note", "roadmap.ask.note_hint", id, fy),
            Ask::Plan { id, fy } => ("roadmap.ask.plan", "roadmap.ask.plan_hint", id, fy),
        };
        let title = roadmap_fill(key, &[id, &fy.short()], lang);
        let hint = tui(hint, lang);
        crate::tui::widgets::prompt::draw(app, p, &title, hint, theme.dim(), theme, f, area);
    }
    if let Some(d) = &s.conflict {
        crate::tui::widgets::conflict::draw_view(app, &d.view, theme, f, area);
    }
}

fn timeline(app: &App, s: &RoadmapState, t: &Timeline, theme: &Theme, f: &mut Frame, area: Rect) {
    let [head, ruler, body, focus, legend] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let w = usize::from(area.width);
    let c = columns(w, t.years.len(), s.col);
    let lang = app.look.lang;
    let mark = theme.ellipsis();
    let this_year = t.this_year();
    let shown = || t.years.iter().enumerate().skip(c.first).take(c.shown);

    let mut spans = vec![
        Span::styled(
            pad(tui("roadmap.col.id", lang), ID_W, mark),
            theme.heading(),
        ),
        Span::styled(
            pad(tui("roadmap.col.initiative", lang), c.title, mark),
            theme.heading(),
        ),
    ];
    for (i, y) in shown() {
        let label = if c.col >= 16 {
            format!(" {} ({})", y.short(), y.0)
        } else {
            format!(" {}", y.short())
        };
        let mut style = theme.heading();
        if i == s.col {
            style = style.add_modifier(Modifier::UNDERLINED);
        }
        spans.push(Span::styled(pad(&label, c.col, mark), style));
    }
    f.render_widget(Paragraph::new(Line::from(spans)), head);

    // Today: under this year's column, at the month's place in the fiscal year.
    let mut spans = vec![Span::raw(" ".repeat(ID_W + c.title))];
    for (_, y) in shown() {
        if *y != this_year {
            spans.push(Span::raw(" ".repeat(c.col)));
            continue;
        }
        let month = t.today.month();
        let tip = if theme.ascii { "^" } else { "▲" };
        let name = match lang {
            Lang::Ja => month.to_string(),
            Lang::En => month_name(month).to_string(),
        };
        let label = format!("{tip}{}", roadmap_fill("roadmap.month", &[&name], lang));
        let step = (month as usize + 8) % 12;
        let room = c.col.saturating_sub(1 + width(&label));
        let at = 1 + step * room / 11;
        spans.push(Span::raw(" ".repeat(at)));
        spans.push(Span::styled(label.clone(), theme.error()));
        spans.push(Span::raw(
            " ".repeat(c.col.saturating_sub(at + width(&label))),
        ));
    }
    f.render_widget(Paragraph::new(Line::from(spans)), ruler);

    let rows = usize::from(body.height);
    let all = lines(t);
    let top = top_for(s, t, rows);
    let flat: Vec<_> = t.rows().collect();
    let out: Vec<Line> = all
        .iter()
        .skip(top)
        .take(rows)
        .map(|line| match line {
            TimelineLine::Approach(g) => {
                let a = &t.groups[*g].approach;
                let text = fit(&format!("[{}] {}", a.no, a.name), w, mark);
                Line::from(Span::styled(text, theme.heading()))
            }
            TimelineLine::Initiative(n) => {
                let r = flat[*n];
                let focused = *n == s.row;
                let lead = if focused {
                    theme.selected()
                } else {
                    Style::default()
                };
                let mut spans = vec![
                    Span::styled(pad(&r.id, ID_W, mark), lead),
                    Span::styled(pad(&r.title, c.title, mark), lead),
                ];
                for (i, cell) in r.cells.iter().enumerate().skip(c.first).take(c.shown) {
                    let mut style = status_style(cell.status, theme);
                    if focused && i == s.col {
                        style = theme.selected();
                    }
                    spans.push(Span::styled(cell_text(cell, c.col, theme), style));
                }
                Line::from(spans)
            }
        })
        .collect();
    f.render_widget(Paragraph::new(out), body);

    if let (Some(r), Some(cell)) = (
        flat.get(s.row),
        flat.get(s.row).and_then(|r| r.cells.get(s.col)),
    ) {
        let text = roadmap_fill(
            "roadmap.focus",
            &[
                &r.id,
                &cell.fy.short(),
                cell.status.term(lang),
                &plan_words(&cell.plan, lang, theme.ascii),
            ],
            lang,
        );
        f.render_widget(
            Paragraph::new(Span::styled(
                fit(&text, w, mark),
                status_style(cell.status, theme),
            )),
            focus,
        );
    }
    let today = roadmap_fill(
        "roadmap.today",
        &[
            &t.today.to_string(),
            &this_year.short(),
            &t.today.month().to_string(),
        ],
        lang,
    );
    let text = format!("{}  {today}", tui("roadmap.legend", lang));
    f.render_widget(
        Paragraph::new(Span::styled(fit(&text, w, mark), theme.dim())),
        legend,
    );
}

fn month_name(m: u32) -> &'static str {
    const NAMES: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    NAMES[(m as usize + 11) % 12]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_columns_share_the_width_and_scroll_when_narrow() {
        let c = columns(80, 5, 0);
        assert_eq!((c.shown, c.first), (5, 0));
        assert!(c.col >= MIN_COL);
        assert!(ID_W + c.title + c.col * c.shown <= 80);
        let wide = columns(160, 5, 0);
        assert!(wide.col > c.col && wide.title > c.title);
        let narrow = columns(60, 5, 4);
        assert!(narrow.shown < 5);
        assert_eq!(narrow.first + narrow.shown, 5, "the focused year shows");
        assert_eq!(month_name(4), "Apr");
    }
}
