//! Drawing pane 6: the line of views with the year and the day counted on, then the
//! view. Reads the state only.

mod heatmap;
mod kpi;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::{DashboardState, Survey, View};
use crate::i18n::{Lang, Term, dash_day, per_mille_text, tui};
use crate::service::{Coverage, Dashboard, Talent};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::Layer;
use crate::tui::panes::{Slot, draw_absent, key_of};
use crate::tui::theme::Theme;
use crate::tui::widgets::tabs::Tab;
use crate::tui::widgets::text::{fill, fit, pad, pad_left};

pub fn draw(app: &App, theme: &Theme, f: &mut Frame, area: Rect) {
    let lang = app.look.lang;
    let d = &app.dashboard;
    let [tabs, rest] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
    view_line(app, d, theme, f, tabs);
    let hint = tui("dash.empty", lang).to_string();
    if d.view == View::Engagement {
        match &d.survey {
            Slot::Ready(Survey::Shown(s)) => {
                heatmap::draw(s, d.top_of(View::Engagement), d.scale, theme, lang, f, rest)
            }
            Slot::Ready(Survey::NoResults) => {
                let year = lang.pick(&d.year.wareki(), &d.year.short()).to_string();
                let text = fill(tui("dash.heat.none", lang), &[&year]);
                let line = Line::from(Span::styled(text, theme.dim()));
                f.render_widget(Paragraph::new(line).wrap(Wrap { trim: true }), rest);
            }
            other => draw_absent(other, hint, theme, f, rest),
        }
        return;
    }
    let Slot::Ready(board) = &d.board else {
        draw_absent(&d.board, hint, theme, f, rest);
        return;
    };
    match d.view {
        View::Kpi => kpi::draw(&board.kpis, theme, lang, f, rest),
        View::Talent => talent(&board.talent, d.top_of(View::Talent), theme, lang, f, rest),
        View::Coverage => coverage(board, d.top_of(View::Coverage), theme, lang, f, rest),
        View::Engagement => {}
    }
}

/// The views with their keys, then the year and the day the staff were counted on.
fn view_line(app: &App, d: &DashboardState, theme: &Theme, f: &mut Frame, area: Rect) {
    let lang = app.look.lang;
    let tabs: Vec<Tab> = View::ALL
        .iter()
        .map(|v| Tab {
            key: key_of(app, Layer::Dashboard, &Action::DashboardView(*v)),
            label: tui(v.label_key(), lang),
            current: *v == d.view,
        })
        .collect();
    let about = match d.board.ready() {
        Some(b) => vec![
            format!(
                "{}  {}",
                year_text(d.year, lang),
                fill(tui("dash.as_of", lang), &[&dash_day(b.on, lang)])
            ),
            year_text(d.year, lang),
            d.year.short(),
        ],
        None => vec![year_text(d.year, lang), d.year.short()],
    };
    crate::tui::widgets::tabs::draw(&tabs, &about, theme, f, area);
}

/// A fiscal year as the view line names it: 令和8年度, or FY2026 (R8).
fn year_text(year: crate::domain::FiscalYear, lang: Lang) -> String {
    match lang {
        Lang::Ja => year.wareki(),
        Lang::En => format!("FY{} ({})", year.0, year.short()),
    }
}

fn text_line(text: String, w: usize, style: Style, theme: &Theme) -> Line<'static> {
    Line::from(Span::styled(fit(&text, w, theme.ellipsis()), style))
}

/// Leaders and architects against the 2030 and long-term targets, a bar of each
/// toward its target, then the 所属 below the floor of leaders.
fn talent(t: &Talent, top: usize, theme: &Theme, lang: Lang, f: &mut Frame, area: Rect) {
    let w = area.width as usize;
    let mark = theme.ellipsis();
    let year = t.rows.first().map_or(2030, |r| r.target_year).to_string();
    let title = fill(
        tui("dash.talent.title", lang),
        &[&dash_day(t.report.on, lang)],
    );
    let target = fill(tui("dash.col.target", lang), &[&year]);
    let cols = [
        (tui("dash.col.tier", lang), 12),
        (tui("dash.col.count", lang), 6),
        (target.as_str(), 12),
        (tui("dash.col.short", lang), 6),
        (tui("dash.col.long_term", lang), 10),
        (tui("dash.col.short", lang), 6),
    ];
    let heading: Vec<String> = cols
        .iter()
        .enumerate()
        .map(|(i, (t, cw))| {
            if i == 0 {
                pad(t, *cw, mark)
            } else {
                pad_left(t, *cw)
            }
        })
        .collect();
    let mut lines = vec![
        text_line(title, w, theme.heading(), theme),
        text_line(heading.join(" "), w, theme.heading(), theme),
    ];
    let opt = |n: Option<u32>| n.map(|n| n.to_string()).unwrap_or_default();
    let bar_w = w.saturating_sub(12 + 6 + 12 + 6 + 10 + 6 + 6 + 2);
    for r in &t.rows {
        let long = match r.long_term {
            Some((lo, hi)) if lo == hi => lo.to_string(),
            Some((lo, hi)) => format!("{lo}-{hi}"),
            None => String::new(),
        };
        let cells = [
            pad(r.tier.term(lang), 12, mark),
            pad_left(&r.count.to_string(), 6),
            pad_left(&opt(r.target), 12),
            pad_left(&opt(r.shortfall), 6),
            pad_left(&long, 10),
            pad_left(&opt(r.long_term_shortfall), 6),
        ];
        // Toward the nearer target (2030), else the long-term one.
        let goal = r.target.or(r.long_term.map(|(lo, _)| lo)).unwrap_or(0);
        let filled = if goal > 0 {
            (r.count.min(goal) as usize * bar_w) / goal as usize
        } else {
            0
        };
        let (full, empty) = if theme.ascii {
            ("#", ".")
        } else {
            ("█", "░")
        };
        let bar = format!(
            "  {}{}",
            full.repeat(filled),
            empty.repeat(bar_w.saturating_sub(filled))
        );
        lines.push(Line::from(vec![
            Span::raw(cells.join(" ")),
            Span::styled(bar, theme.good()),
        ]));
    }
    lines.push(Line::from(""));
    let below = t.sections_below();
    let floor = t.report.per_section.to_string();
    let about = if below.is_empty() {
        fill(tui("dash.talent.none_below", lang), &[&floor])
    } else {
        fill(
            tui("dash.talent.below", lang),
            &[
                &floor,
                &below.len().to_string(),
                &t.report.sections.len().to_string(),
                &floor,
            ],
        )
    };
    lines.push(text_line(about, w, theme.heading(), theme));
    let [head, list] =
        Layout::vertical([Constraint::Length(lines.len() as u16), Constraint::Min(0)]).areas(area);
    f.render_widget(Paragraph::new(lines), head);
    let name_w = w.saturating_sub(8 + 10).min(40);
    let rows: Vec<Line> = below
        .iter()
        .skip(top)
        .take(list.height as usize)
        .map(|s| {
            Line::from(format!(
                "  {} {} {}",
                pad(&s.code, 6, mark),
                pad(&s.name, name_w, mark),
                pad_left(&s.leaders.to_string(), 6)
            ))
        })
        .collect();
    f.render_widget(Paragraph::new(rows), list);
}

/// Cells of a coverage line's name: what the numbers and a short bar leave, at most 36.
fn name_width(w: usize) -> usize {
    w.saturating_sub(6 + 6 + 12 + 7 + 4 + 12).clamp(10, 36)
}

/// A coverage line: name, staff, done, taken/due, share and a bar.
fn coverage_line(
    name: &str,
    s: &crate::service::SectionCoverage,
    w: usize,
    theme: &Theme,
) -> Vec<Span<'static>> {
    let mark = theme.ellipsis();
    let name_w = name_width(w);
    let bar_w = w.saturating_sub(name_w + 6 + 6 + 12 + 7 + 5);
    let filled = (s.per_mille() as usize * bar_w) / 1000;
    let (full, empty) = if theme.ascii {
        ("#", ".")
    } else {
        ("█", "░")
    };
    vec![
        Span::raw(format!(
            "{} {} {} {} {}",
            pad(name, name_w, mark),
            pad_left(&s.people.to_string(), 6),
            pad_left(&s.people_done.to_string(), 6),
            pad_left(&format!("{}/{}", s.taken, s.due), 12),
            pad_left(&format!("{}%", per_mille_text(s.per_mille())), 7),
        )),
        Span::styled(
            format!(
                " {}{}",
                full.repeat(filled),
                empty.repeat(bar_w.saturating_sub(filled))
            ),
            theme.good(),
        ),
    ]
}

/// The year's mandatory courses taken, the city first, then by 所属 lowest first.
fn coverage(b: &Dashboard, top: usize, theme: &Theme, lang: Lang, f: &mut Frame, area: Rect) {
    let c: &Coverage = &b.coverage;
    let w = area.width as usize;
    let mark = theme.ellipsis();
    let title = fill(
        tui("dash.coverage.title", lang),
        &[&year_text(c.year, lang), &dash_day(c.on, lang)],
    );
    let mut lines = vec![text_line(title, w, theme.heading(), theme)];
    for duty in &c.duties {
        let state = tui(
            if duty.met() {
                "dash.duty.met"
            } else {
                "dash.duty.unmet"
            },
            lang,
        );
        let text = fill(
            tui("dash.duty.line", lang),
            &[&duty.times.to_string(), state],
        );
        let style = if duty.met() {
            theme.good()
        } else {
            theme.error()
        };
        lines.push(text_line(text, w, style, theme));
    }
    let name_w = name_width(w);
    let heading = format!(
        "{} {} {} {} {}",
        pad(tui("dash.col.section", lang), name_w, mark),
        pad_left(tui("dash.col.people", lang), 6),
        pad_left(tui("dash.col.done", lang), 6),
        pad_left(tui("dash.col.taken", lang), 12),
        pad_left(tui("dash.col.share", lang), 7),
    );
    lines.push(text_line(heading, w, theme.heading(), theme));
    if c.total.due == 0 {
        lines.push(text_line(
            tui("dash.coverage.none", lang).to_string(),
            w,
            theme.dim(),
            theme,
        ));
    } else {
        let total = tui("dash.coverage.total", lang);
        lines.push(Line::from(coverage_line(total, &c.total, w, theme)).style(theme.heading()));
    }
    let [head, list] =
        Layout::vertical([Constraint::Length(lines.len() as u16), Constraint::Min(0)]).areas(area);
    f.render_widget(Paragraph::new(lines), head);
    let rows: Vec<Line> = c
        .sections
        .iter()
        .skip(top)
        .take(list.height as usize)
        .map(|s| Line::from(coverage_line(&s.name, s, w, theme)))
        .collect();
    f.render_widget(Paragraph::new(rows), list);
}
