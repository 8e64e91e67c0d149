//! The engagement view: a heatmap of workplaces (down) by scale (across), the city and
//! the city the year before first. Each cell is shaded by where it stands among the
//! workplaces' scores of its scale (lowest quarter to highest), with the score and an
//! arrow against the year before; colours where the terminal has them, the shade
//! glyph always (`.:+#` with `--ascii`). Groups under the floor never show alone: the
//! row they merged into names them, and the last lines say so.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::i18n::{Lang, tui};
use crate::service::{Hidden, SurveyView};
use crate::tui::panes::dashboard::heat::{HeatKind, heat_rows, score_text, shade, trend};
use crate::tui::theme::Theme;
use crate::tui::widgets::text::{fill, fit, pad, pad_left, width, wrap};

/// Cells of a scale's column, and of the respondents' column.
const CELL: usize = 8;
const COUNT: usize = 5;

fn shade_glyph(level: Option<usize>, ascii: bool) -> &'static str {
    let set: [&str; 4] = if ascii {
        [".", ":", "+", "#"]
    } else {
        ["░", "▒", "▓", "█"]
    };
    level.map_or(" ", |l| set[l.min(3)])
}

fn shade_style(level: Option<usize>, theme: &Theme) -> Style {
    if theme.plain {
        return Style::default();
    }
    let bg = match level {
        Some(0) => Color::Red,
        Some(1) => Color::LightRed,
        Some(2) => Color::LightGreen,
        Some(3) => Color::Green,
        _ => return Style::default(),
    };
    Style::default().bg(bg).fg(Color::Black)
}

fn arrow(t: Option<std::cmp::Ordering>, ascii: bool) -> &'static str {
    use std::cmp::Ordering as O;
    match (t, ascii) {
        (Some(O::Greater), false) => "↑",
        (Some(O::Less), false) => "↓",
        (Some(O::Greater), true) => "+",
        (Some(O::Less), true) => "-",
        (Some(O::Equal), _) => "=",
        (None, _) => " ",
    }
}

/// A scale's short name for its column (the known scales have one).
fn scale_name<'a>(key: &str, name: &'a str, lang: Lang) -> &'a str {
    match key {
        "engagement" | "vigor" | "dedication" | "absorption" | "supervisor_support"
        | "coworker_support" | "job_control" | "meaning_of_work" => {
            crate::i18n::dash_scale(key, lang)
        }
        _ => name,
    }
}

/// Draws the view; `top` is the first row shown, `first` the first scale.
pub fn draw(
    s: &SurveyView,
    top: usize,
    first: usize,
    theme: &Theme,
    lang: Lang,
    f: &mut Frame,
    area: Rect,
) {
    let mark = theme.ellipsis();
    let w = area.width as usize;
    let [head, body, notes] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(3),
    ])
    .areas(area);
    let label_w = (w * 3 / 10).clamp(20, 44);
    let fit_cols = w.saturating_sub(label_w + COUNT + 1) / CELL;
    let first = first.min(s.scales.len().saturating_sub(1));
    let cols: Vec<usize> = (first..s.scales.len()).take(fit_cols.max(1)).collect();
    let mut heading = format!(
        "{} {}",
        pad(tui("dash.col.workplace", lang), label_w, mark),
        pad_left(tui("dash.col.respondents", lang), COUNT)
    );
    for &c in &cols {
        let sc = &s.scales[c];
        heading.push(' ');
        heading.push_str(&pad(scale_name(&sc.key, &sc.name, lang), CELL - 1, mark));
    }
    f.render_widget(
        Paragraph::new(Span::styled(fit(&heading, w, mark), theme.heading())),
        head,
    );
    let rows = heat_rows(s);
    let columns: Vec<Vec<Option<f64>>> = (0..s.scales.len())
        .map(|c| {
            s.rows
                .iter()
                .map(|r| r.scores.get(c).copied().flatten())
                .collect()
        })
        .collect();
    let lines: Vec<Line> = rows
        .iter()
        .skip(top)
        .take(body.height as usize)
        .map(|h| {
            let label = match h.kind {
                HeatKind::City => tui("dash.heat.city", lang).to_string(),
                HeatKind::CityBefore => tui("dash.heat.city_before", lang).to_string(),
                HeatKind::Workplace => {
                    let merged = h.merged();
                    let with = |name: &str| {
                        if merged.is_empty() {
                            name.to_string()
                        } else {
                            format!("{name} ＋{}", merged.join("・"))
                        }
                    };
                    // The path when it fits, else the unit's own name.
                    let long = with(&h.row.path);
                    if width(&long) <= label_w || h.row.org_name.is_empty() {
                        long
                    } else {
                        with(&h.row.org_name)
                    }
                }
            };
            let label_style = match h.kind {
                HeatKind::Workplace => Style::default(),
                _ => theme.heading(),
            };
            let mut spans = vec![
                Span::styled(pad(&label, label_w, mark), label_style),
                Span::raw(format!(
                    " {}",
                    pad_left(&h.row.respondents.to_string(), COUNT)
                )),
            ];
            for &c in &cols {
                let score = h.row.scores.get(c).copied().flatten();
                let before = h.row.previous.get(c).copied().flatten();
                let level = match h.kind {
                    HeatKind::Workplace => shade(score, &columns[c]),
                    _ => None,
                };
                spans.push(Span::raw(" "));
                let text = format!(
                    "{}{}{}",
                    shade_glyph(level, theme.ascii),
                    pad_left(&score_text(score), CELL - 3),
                    arrow(trend(score, before), theme.ascii)
                );
                spans.push(Span::styled(text, shade_style(level, theme)));
            }
            Line::from(spans)
        })
        .collect();
    f.render_widget(Paragraph::new(lines), body);
    let withheld = s
        .hidden
        .iter()
        .filter(|h| h.hidden == Hidden::Withheld)
        .count();
    let merged = s.hidden.len() - withheld;
    let floor = s.floor.to_string();
    let rule = fill(
        tui("dash.heat.rule", lang),
        &[&floor, &merged.to_string(), &withheld.to_string()],
    );
    let more = if cols.len() < s.scales.len() {
        fill(
            tui("dash.heat.scales", lang),
            &[
                &(first + 1).to_string(),
                &(first + cols.len()).to_string(),
                &s.scales.len().to_string(),
            ],
        )
    } else {
        tui("dash.heat.legend", lang).to_string()
    };
    // The rule must be read whole: it wraps onto a second line where it is long.
    let mut note: Vec<Line> = wrap(&rule, w)
        .into_iter()
        .take(2)
        .map(|t| Line::from(Span::styled(t, theme.dim())))
        .collect();
    note.push(Line::from(Span::styled(fit(&more, w, mark), theme.dim())));
    f.render_widget(Paragraph::new(note), notes);
}
