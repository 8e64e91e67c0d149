//! The KPI view: one horizontal bar chart per series, a line per fiscal year. For
//! resignations aged 40 or under the figure (the policy's or the one entered) and the
//! count computed from the staff records stand side by side on one scale. Bars are
//! block characters, `#`, `+` and `:` with `--ascii`.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::domain::KpiSource;
use crate::i18n::{Lang, tui};
use crate::service::{KpiLine, KpiYear};
use crate::tui::theme::Theme;
use crate::tui::widgets::text::{fill, fit, pad, thousands, width};

/// The glyphs of the bars: the policy's figure, an entered one, a computed one.
pub struct Glyphs {
    pub policy: &'static str,
    pub entered: &'static str,
    pub computed: &'static str,
}

pub fn glyphs(theme: &Theme) -> Glyphs {
    if theme.ascii {
        Glyphs {
            policy: "#",
            entered: "+",
            computed: ":",
        }
    } else {
        Glyphs {
            policy: "█",
            entered: "▓",
            computed: "░",
        }
    }
}

/// Cells the year's label takes (`R10 `).
const LABEL: usize = 4;

/// A number as the chart writes it: thousands grouped.
fn number(n: i64) -> String {
    if n < 0 {
        format!("-{}", thousands(n.unsigned_abs()))
    } else {
        thousands(n as u64)
    }
}

/// A bar of `value` on a scale where `peak` fills `room` cells, then the number.
fn bar(value: i64, peak: i64, room: usize, glyph: &str) -> String {
    let len = if peak > 0 {
        (value.max(0) as u128 * room as u128 / peak as u128) as usize
    } else {
        0
    };
    // A figure above nothing shows at least one cell.
    let len = if value > 0 { len.max(1) } else { len };
    format!("{} {}", glyph.repeat(len), number(value))
}

/// The part of a year's line for its figure, `cells` wide.
fn figure(y: &KpiYear, peak: i64, cells: usize, g: &Glyphs, lang: Lang) -> (String, bool) {
    let room = cells.saturating_sub(width(&number(peak)) + 2);
    match (y.value, y.source) {
        (Some(v), Some(KpiSource::Entered)) => (bar(v, peak, room, g.entered), true),
        (Some(v), _) => (bar(v, peak, room, g.policy), true),
        (None, _) => (tui("dash.missing", lang).to_string(), false),
    }
}

/// Lines one series takes for `years` years: its heading and a line per year.
pub fn series_lines(
    k: &KpiLine,
    rows: usize,
    w: usize,
    theme: &Theme,
    lang: Lang,
) -> Vec<Line<'static>> {
    let g = glyphs(theme);
    let mark = theme.ellipsis();
    let shown: &[KpiYear] = &k.years[k.years.len().saturating_sub(rows)..];
    let range = match (shown.first(), shown.last()) {
        (Some(a), Some(b)) => fill(
            tui("dash.kpi.range", lang),
            &[&a.year.short(), &b.year.short()],
        ),
        _ => String::new(),
    };
    let title = format!("{} ({})  {range}", k.name, k.unit);
    let mut out = vec![Line::from(Span::styled(
        fit(&title, w, mark),
        theme.heading(),
    ))];
    let peak = k.peak();
    let body = w.saturating_sub(LABEL);
    let half = if k.computable { body / 2 } else { body };
    for y in shown {
        let label = pad(&y.year.short(), LABEL, mark);
        let (text, known) = figure(y, peak, half.saturating_sub(1), &g, lang);
        let style = if known { Style::default() } else { theme.dim() };
        let mut spans = vec![
            Span::styled(label, theme.heading()),
            Span::styled(pad(&text, half, mark), style),
        ];
        if let Some(c) = y.computed {
            let room = half.saturating_sub(width(&number(peak)) + 3);
            spans.push(Span::styled(
                fit(&bar(i64::from(c), peak, room, g.computed), half, mark),
                theme.good(),
            ));
        }
        out.push(Line::from(spans));
    }
    out
}

/// The legend: what each glyph stands for, and how figures are entered.
pub fn legend(theme: &Theme, lang: Lang, w: usize) -> Line<'static> {
    let g = glyphs(theme);
    let text = format!(
        "{} {}  {} {}  {} {}   {}",
        g.policy,
        tui("dash.legend.policy", lang),
        g.entered,
        tui("dash.legend.entered", lang),
        g.computed,
        tui("dash.legend.computed", lang),
        tui("dash.kpi.set_hint", lang),
    );
    Line::from(Span::styled(fit(&text, w, theme.ellipsis()), theme.dim()))
}

/// The view: every series stacked, each showing the latest years that fit.
pub fn draw(kpis: &[KpiLine], theme: &Theme, lang: Lang, f: &mut Frame, area: Rect) {
    let w = area.width as usize;
    let h = area.height as usize;
    let n = kpis.len().max(1);
    // Each series: a heading and its years; one empty line between, the legend last.
    let per = h.saturating_sub(1 + (n - 1)) / n;
    let rows = per.saturating_sub(1);
    let mut lines: Vec<Line> = Vec::new();
    for (i, k) in kpis.iter().enumerate() {
        if i > 0 {
            lines.push(Line::from(""));
        }
        lines.extend(series_lines(k, rows, w, theme, lang));
    }
    let spare = h.saturating_sub(lines.len() + 1);
    lines.extend(std::iter::repeat_n(Line::from(""), spare));
    lines.push(legend(theme, lang, w));
    f.render_widget(Paragraph::new(lines), area);
}
