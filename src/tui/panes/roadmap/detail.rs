//! One initiative whole: who owns it and which KPIs it serves, each year's plan and
//! status with their histories (the focused year marked), the actions word for word,
//! the notes newest first, and the section's problem statement. Scrolled line by line.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::draw::{plan_words, status_style};
use crate::domain::era::both_calendars;
use crate::domain::progress::Signed;
use crate::i18n::{Lang, Term, roadmap_fill, tui};
use crate::service::InitiativeDetail;
use crate::tui::app::App;
use crate::tui::panes::{Slot, draw_absent};
use crate::tui::theme::Theme;
use crate::tui::widgets::text::wrap;

/// Lines of the screen around the detail: status, tabs and hints.
const AROUND: usize = 3;

/// Lines of the detail shown at the terminal's present size.
pub fn detail_rows(app: &App) -> usize {
    usize::from(app.size.1).saturating_sub(AROUND).max(1)
}

/// How many lines the detail has at the terminal's present width.
pub fn line_count(app: &App) -> usize {
    match &app.roadmap.detail {
        Some(Slot::Ready(d)) => {
            let theme = Theme::of(&app.look);
            detail_lines(app, d, usize::from(app.size.0), &theme).len()
        }
        _ => 0,
    }
}

fn signed(s: &Signed) -> String {
    format!("{} {}", both_calendars(s.day()), s.by)
}

/// Text wrapped to the width, each piece a line in one style, after an indent.
fn push(out: &mut Vec<Line<'static>>, text: &str, indent: usize, w: usize, style: Style) {
    let lead = " ".repeat(indent);
    for part in wrap(text, w.saturating_sub(indent).max(8)) {
        out.push(Line::from(Span::styled(format!("{lead}{part}"), style)));
    }
}

/// The detail's lines at a width.
pub fn detail_lines(
    app: &App,
    d: &InitiativeDetail,
    w: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let lang = app.look.lang;
    let i = &d.initiative;
    let plain = Style::default();
    let mut out = Vec::new();
    push(
        &mut out,
        &format!("{} {}", i.id, i.title),
        0,
        w,
        theme.heading(),
    );
    let none = tui("roadmap.detail.none", lang);
    let kpis: Vec<String> = d
        .kpis
        .iter()
        .map(|(k, n)| if n.is_empty() { k.clone() } else { n.clone() })
        .collect();
    let kpis = if kpis.is_empty() {
        none.to_string()
    } else {
        kpis.join(lang.pick("・", ", "))
    };
    let facts = [
        (
            "roadmap.detail.approach",
            d.approach
                .as_ref()
                .map_or("", |a| a.name.as_str())
                .to_string(),
        ),
        ("roadmap.detail.section", i.section.clone()),
        (
            "roadmap.detail.owner",
            d.progress
                .owner()
                .unwrap_or(tui("roadmap.detail.no_owner", lang))
                .to_string(),
        ),
        ("roadmap.detail.kpis", kpis),
    ];
    for (key, value) in facts {
        push(
            &mut out,
            &format!("{}: {value}", tui(key, lang)),
            0,
            w,
            plain,
        );
    }
    out.push(Line::from(""));
    push(
        &mut out,
        tui("roadmap.detail.years", lang),
        0,
        w,
        theme.heading(),
    );
    let focus = app.roadmap.focused_year();
    for fy in &d.years {
        let status = d.status(*fy);
        let text = format!(
            "{} [{}] {}",
            fy.short(),
            status.term(lang),
            plan_words(&d.cell(*fy), lang, theme.ascii)
        );
        let style = if focus == Some(*fy) {
            theme.selected()
        } else {
            status_style(status, theme)
        };
        push(&mut out, &text, 0, w, style);
        let versions = d.versions(*fy);
        if versions.len() > 1 {
            for v in &versions {
                let who = v
                    .signed
                    .as_ref()
                    .map_or_else(|| tui("roadmap.policy", lang).to_string(), signed);
                let what = roadmap_fill(
                    "roadmap.detail.plan_set",
                    &[&plan_words(&v.cell, lang, theme.ascii)],
                    lang,
                );
                push(&mut out, &format!("{who}: {what}"), 4, w, theme.dim());
            }
        }
        for change in d.statuses(*fy) {
            let what = roadmap_fill(
                "roadmap.detail.status_set",
                &[change.status.term(lang)],
                lang,
            );
            push(
                &mut out,
                &format!("{}: {what}", signed(&change.signed)),
                4,
                w,
                theme.dim(),
            );
        }
    }
    out.push(Line::from(""));
    push(
        &mut out,
        tui("roadmap.detail.actions", lang),
        0,
        w,
        theme.heading(),
    );
    for a in &i.actions {
        push(
            &mut out,
            &format!("{}{a}", lang.pick("・", "- ")),
            0,
            w,
            plain,
        );
    }
    out.push(Line::from(""));
    push(
        &mut out,
        tui("roadmap.detail.notes", lang),
        0,
        w,
        theme.heading(),
    );
    if d.progress.notes.is_empty() {
        push(
            &mut out,
            tui("roadmap.detail.no_notes", lang),
            0,
            w,
            theme.dim(),
        );
    }
    for n in d.progress.notes.iter().rev() {
        let year =
            n.fy.map(|y| format!(" ({})", y.short()))
                .unwrap_or_default();
        push(
            &mut out,
            &format!("{}{year}", signed(&n.signed)),
            0,
            w,
            theme.dim(),
        );
        push(&mut out, &n.text, 2, w, plain);
    }
    out.push(Line::from(""));
    push(
        &mut out,
        tui("roadmap.detail.description", lang),
        0,
        w,
        theme.heading(),
    );
    push(&mut out, &i.description, 0, w, plain);
    out
}

pub fn draw(app: &App, slot: &Slot<InitiativeDetail>, theme: &Theme, f: &mut Frame, area: Rect) {
    let lang: Lang = app.look.lang;
    let Slot::Ready(d) = slot else {
        draw_absent(slot, tui("roadmap.loading", lang).into(), theme, f, area);
        return;
    };
    let lines = detail_lines(app, d, usize::from(area.width), theme);
    let rows = usize::from(area.height);
    let top = app.roadmap.scroll.min(lines.len().saturating_sub(rows));
    let shown: Vec<Line> = lines.into_iter().skip(top).take(rows).collect();
    f.render_widget(Paragraph::new(shown), area);
}
