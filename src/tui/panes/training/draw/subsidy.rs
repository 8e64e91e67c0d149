//! The subsidy list: the year's budget, what approvals have committed and what
//! remains, always on the first line; the applications; the focused one in full.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{day, line_style, parts, row, term_width};
use crate::domain::SubsidyStatus;
use crate::i18n::{Lang, Term, tui};
use crate::tui::app::App;
use crate::tui::panes::training::person_name;
use crate::tui::panes::training::subsidy::SubsidyState;
use crate::tui::theme::Theme;
use crate::tui::widgets::text::{fill, fit, pad_left, thousands};

/// An amount of yen: `22,500円` or `¥22,500`.
pub fn yen(n: u64, lang: Lang) -> String {
    fill(tui("yen", lang), &[&thousands(n)])
}

fn status_style(s: SubsidyStatus, theme: &Theme) -> Style {
    match s {
        SubsidyStatus::Applied => theme.heading(),
        SubsidyStatus::Rejected => theme.dim(),
        SubsidyStatus::Approved | SubsidyStatus::Reported | SubsidyStatus::Paid => Style::default(),
    }
}

pub fn draw(app: &App, s: &SubsidyState, theme: &Theme, f: &mut Frame, area: Rect) {
    let lang = app.look.lang;
    let mark = theme.ellipsis();
    let [budget, head, list, foot] = parts(area, 1);
    let w = area.width as usize;
    let b = &s.view.budget;
    let remaining = b.remaining();
    // Little left is a warning: a tenth of the budget or less.
    let low = remaining.saturating_mul(10) <= b.total;
    let line = Line::from(vec![
        Span::styled(
            fill(tui("subsidy.budget", lang), &[&yen(b.total, lang)]),
            theme.heading(),
        ),
        Span::raw("  "),
        Span::raw(fill(
            tui("subsidy.committed", lang),
            &[&yen(b.committed, lang)],
        )),
        Span::raw("  "),
        Span::styled(
            fill(tui("subsidy.remaining", lang), &[&yen(remaining, lang)]),
            if low { theme.error() } else { theme.good() },
        ),
    ]);
    f.render_widget(Paragraph::new(line), budget);
    let apps = &s.view.applications;
    if apps.is_empty() {
        f.render_widget(
            Paragraph::new(Span::styled(tui("subsidy.none", lang), theme.dim())),
            list,
        );
        return;
    }
    let wide = w >= 110;
    let status_w = term_width(SubsidyStatus::ALL, lang, 10);
    let (id_w, name_w, money_w, day_w) = (7, 12, 9, if wide { 10 } else { 0 });
    let fixed = id_w + name_w + 2 * money_w + status_w + 5 + if wide { day_w + 1 } else { 0 };
    let title_w = w.saturating_sub(fixed);
    let mut heading = vec![
        (tui("col.application", lang), id_w),
        (tui("col.name", lang), name_w),
        (tui("col.subject", lang), title_w),
    ];
    let right = |t: &str, n: usize| pad_left(t, n);
    let (cost_h, amount_h) = (
        right(tui("col.cost", lang), money_w),
        right(tui("col.amount", lang), money_w),
    );
    heading.extend([(cost_h.as_str(), money_w), (amount_h.as_str(), money_w)]);
    heading.push((tui("col.status", lang), status_w));
    if wide {
        heading.push((tui("col.since", lang), day_w));
    }
    f.render_widget(
        Paragraph::new(Span::styled(row(&heading, w, mark), theme.heading())),
        head,
    );
    let rows = list.height as usize;
    let top = s.cursor.top_for(rows);
    let lines: Vec<Line> = apps
        .iter()
        .enumerate()
        .skip(top)
        .take(rows)
        .map(|(i, a)| {
            let name = person_name(app, &a.staff_no);
            let cost = right(&thousands(a.cost), money_w);
            let amount = if a.amount > 0 {
                right(&thousands(a.amount), money_w)
            } else {
                right("-", money_w)
            };
            let status = a.status();
            let since = a.steps.last().map(|x| day(x.on)).unwrap_or_default();
            let cells = [
                (a.id.as_str(), id_w),
                (name.as_str(), name_w),
                (a.title.as_str(), title_w),
                (cost.as_str(), money_w),
                (amount.as_str(), money_w),
            ];
            let text = row(&cells, w, mark);
            let selected = i == s.cursor.at;
            let mut spans = vec![
                Span::styled(text, line_style(selected, theme)),
                Span::raw(" "),
                Span::styled(
                    crate::tui::widgets::text::pad(status.term(lang), status_w, mark),
                    if selected {
                        theme.selected()
                    } else {
                        status_style(status, theme)
                    },
                ),
            ];
            if wide {
                spans.push(Span::raw(" "));
                spans.push(Span::styled(since, theme.dim()));
            }
            Line::from(spans)
        })
        .collect();
    f.render_widget(Paragraph::new(lines), list);
    let Some(a) = s.selected() else {
        return;
    };
    let skill = match (&a.skill, &a.override_reason) {
        (Some(k), _) => app
            .training
            .skill_names
            .get(k)
            .cloned()
            .unwrap_or_else(|| k.clone()),
        (None, Some(reason)) => fill(tui("subsidy.reason", lang), &[reason]),
        (None, None) => String::new(),
    };
    let rate = if a.rate > 0 {
        fill(tui("subsidy.rate", lang), &[&a.rate.to_string()])
    } else {
        String::new()
    };
    let about = format!(
        "{} {}  {}  {}  {rate}",
        a.id,
        person_name(app, &a.staff_no),
        a.staff_no,
        skill
    );
    f.render_widget(
        Paragraph::new(Span::styled(fit(about.trim_end(), w, mark), theme.dim())),
        foot,
    );
}
