//! The two reports: the share of people meeting each skill's target, worst first, and
//! the digital tiers against the policy's targets with the 所属 short of leaders.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::domain::DigitalTier;
use crate::i18n::{Term, tui};
use crate::tui::app::App;
use crate::tui::panes::skills::matrix::first_visible;
use crate::tui::panes::skills::reports::{GapsState, TiersState};
use crate::tui::theme::Theme;
use crate::tui::widgets::text::{fill, fit, pad, pad_left as right, width};

/// Below this share a skill's bar is drawn as a warning.
const LOW: f64 = 0.5;

fn four_parts(area: Rect) -> [Rect; 4] {
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(1),
    ])
    .areas(area)
}

pub fn gaps(app: &App, g: &GapsState, theme: &Theme, f: &mut Frame, area: Rect) {
    let lang = app.look.lang;
    let mark = theme.ellipsis();
    let [summary, head, list, foot] = four_parts(area);
    let w = area.width as usize;
    let r = &g.report;
    let text = fill(tui("gaps.summary", lang), &[&r.people.to_string()]);
    f.render_widget(Paragraph::new(Span::raw(fit(&text, w, mark))), summary);
    // Skill name, meeting / required, share, bar.
    let (count_w, share_w) = (12, 6);
    let name_w = (w / 2).min(44);
    let bar_w = w.saturating_sub(name_w + count_w + share_w + 3);
    let heading = format!(
        "{} {} {} {}",
        pad(tui("gaps.col_skill", lang), name_w, mark),
        right(tui("gaps.col_meeting", lang), count_w),
        right(tui("gaps.col_share", lang), share_w),
        tui("gaps.col_bar", lang),
    );
    f.render_widget(
        Paragraph::new(Span::styled(fit(&heading, w, mark), theme.heading())),
        head,
    );
    if r.shares.is_empty() {
        f.render_widget(
            Paragraph::new(Span::styled(tui("gaps.none", lang), theme.dim())),
            list,
        );
    } else {
        let rows = list.height as usize;
        let top = first_visible(g.top, g.selected, rows);
        let lines: Vec<Line> = r
            .shares
            .iter()
            .enumerate()
            .skip(top)
            .take(rows)
            .map(|(i, s)| {
                let ratio = s.ratio();
                let filled = ((ratio * bar_w as f64).round() as usize).min(bar_w);
                let low = ratio < LOW;
                let name_style = if i == g.selected {
                    theme.selected()
                } else {
                    Style::default()
                };
                Line::from(vec![
                    Span::styled(pad(&s.name, name_w, mark), name_style),
                    Span::raw(" "),
                    Span::raw(right(&format!("{}/{}", s.meeting, s.required), count_w)),
                    Span::raw(" "),
                    Span::styled(
                        right(&format!("{:.0}%", ratio * 100.0), share_w),
                        if low { theme.error() } else { Style::default() },
                    ),
                    Span::raw(" "),
                    Span::styled(
                        theme.bar_cell().repeat(filled),
                        if low { theme.error() } else { theme.good() },
                    ),
                ])
            })
            .collect();
        f.render_widget(Paragraph::new(lines), list);
    }
    f.render_widget(
        Paragraph::new(Span::styled(
            fit(tui("gaps.legend", lang), w, mark),
            theme.dim(),
        )),
        foot,
    );
}

pub fn tiers(app: &App, t: &TiersState, theme: &Theme, f: &mut Frame, area: Rect) {
    let lang = app.look.lang;
    let mark = theme.ellipsis();
    let w = area.width as usize;
    let r = &t.report;
    let (tier_w, num_w) = (14, 8);
    let long_w = w.saturating_sub(tier_w + 3 * num_w + 9);
    let year = r.targets.first().map_or(0, |x| x.target_year);
    let mut lines = vec![Line::from(Span::styled(
        fit(
            &format!(
                "{} {}{}{}  {}",
                pad(tui("tiers.col_tier", lang), tier_w, mark),
                right(tui("tiers.col_now", lang), num_w),
                right(
                    &fill(tui("tiers.col_target", lang), &[&year.to_string()]),
                    num_w + 6
                ),
                right(tui("tiers.col_short", lang), num_w),
                tui("tiers.col_long", lang),
            ),
            w,
            mark,
        ),
        theme.heading(),
    ))];
    for target in &r.targets {
        let now = r.count(target.tier);
        let goal = target.target_count;
        let short = goal.map(|g| g.saturating_sub(now)).filter(|n| *n > 0);
        lines.push(Line::from(vec![
            Span::raw(pad(target.tier.term(lang), tier_w, mark)),
            Span::raw(" "),
            Span::raw(right(&now.to_string(), num_w)),
            Span::raw(right(
                &goal.map_or("-".to_string(), |g| g.to_string()),
                num_w + 6,
            )),
            Span::styled(
                right(&short.map_or("-".to_string(), |n| n.to_string()), num_w),
                if short.is_some() {
                    theme.error()
                } else {
                    Style::default()
                },
            ),
            Span::raw("  "),
            Span::styled(fit(&target.long_term, long_w, mark), theme.dim()),
        ]));
        if target.tier == DigitalTier::Architect {
            let text = fill(
                tui("tiers.architects_in_systems", lang),
                &[&r.architects_in_systems.to_string()],
            );
            lines.push(Line::from(Span::styled(fit(&text, w, mark), theme.dim())));
        }
    }
    lines.push(Line::from(""));
    let below = r.sections_below();
    let heading = fill(
        tui("tiers.below", lang),
        &[
            &r.per_section.to_string(),
            &below.len().to_string(),
            &r.sections.len().to_string(),
        ],
    );
    lines.push(Line::from(Span::styled(
        fit(&heading, w, mark),
        theme.heading(),
    )));
    let rows = (area.height as usize).saturating_sub(lines.len() + 1);
    let start = t.scroll.min(below.len().saturating_sub(1));
    for s in below.iter().skip(start).take(rows) {
        let leaders = fill(tui("tiers.leaders", lang), &[&s.leaders.to_string()]);
        let name_w = w.saturating_sub(8 + 2 + width(&leaders) + 2);
        lines.push(Line::from(vec![
            Span::raw(pad(&s.code, 8, mark)),
            Span::raw("  "),
            Span::raw(pad(&s.name, name_w, mark)),
            Span::raw("  "),
            Span::styled(leaders, theme.error()),
        ]));
    }
    let listed = below.len().min(rows);
    let foot = if below.len() > listed {
        fill(
            tui("tiers.more", lang),
            &[
                &(start + 1).to_string(),
                &(start + listed).to_string(),
                &below.len().to_string(),
            ],
        )
    } else {
        String::new()
    };
    let [body, last] = Layout::vertical([Constraint::Min(0), Constraint::Length(1)]).areas(area);
    f.render_widget(Paragraph::new(lines), body);
    f.render_widget(
        Paragraph::new(Span::styled(fit(&foot, w, mark), theme.dim())),
        last,
    );
}
