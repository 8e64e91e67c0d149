//! The proposals: who completed which course, the skill and the level it proposes,
//! and the day it would count from; y and n decide the focused one.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::skill_name;
use crate::domain::era::both_calendars;
use crate::i18n::tui;
use crate::tui::app::App;
use crate::tui::panes::skills::proposals::ProposalsState;
use crate::tui::theme::Theme;
use crate::tui::widgets::text::{fit, pad};

/// The person's name as the staff index has it, else the staff number alone.
fn person(app: &App, staff_no: &str) -> String {
    let index = &app.staff.index;
    index
        .position(staff_no)
        .map(|i| index.entry(i).name.clone())
        .unwrap_or_default()
}

pub fn draw(app: &App, p: &ProposalsState, theme: &Theme, f: &mut Frame, area: Rect) {
    let lang = app.look.lang;
    let mark = theme.ellipsis();
    let [focus, head, list, foot] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(1),
    ])
    .areas(area);
    let w = area.width as usize;
    if p.rows.is_empty() {
        f.render_widget(
            Paragraph::new(Span::styled(
                fit(tui("proposals.none", lang), w, mark),
                theme.dim(),
            )),
            focus,
        );
        return;
    }
    // Staff number, name, skill, level, session, day; the skill takes what is left.
    let (no_w, name_w, level_w, session_w, day_w) = (7, 12, 4, 8, 10);
    let skill_w = w.saturating_sub(no_w + name_w + level_w + session_w + day_w + 5);
    let heading = format!(
        "{} {} {} {} {} {}",
        pad(tui("col.staff_no", lang), no_w, mark),
        pad(tui("col.name", lang), name_w, mark),
        pad(tui("col.skill", lang), skill_w, mark),
        pad(tui("col.level", lang), level_w, mark),
        pad(tui("col.session", lang), session_w, mark),
        tui("col.completed_on", lang),
    );
    f.render_widget(
        Paragraph::new(Span::styled(fit(&heading, w, mark), theme.heading())),
        head,
    );
    let rows = list.height as usize;
    let top = p.cursor.top_for(rows);
    let lines: Vec<Line> = p
        .rows
        .iter()
        .enumerate()
        .skip(top)
        .take(rows)
        .map(|(i, r)| {
            let text = format!(
                "{} {} {} {} {} {}",
                pad(&r.staff_no, no_w, mark),
                pad(&person(app, &r.staff_no), name_w, mark),
                pad(&skill_name(app, &r.skill), skill_w, mark),
                pad(&r.level.to_string(), level_w, mark),
                pad(&r.session, session_w, mark),
                r.on,
            );
            let style = if i == p.cursor.at {
                theme.selected()
            } else {
                Style::default()
            };
            Line::from(Span::styled(fit(&text, w, mark), style))
        })
        .collect();
    f.render_widget(Paragraph::new(lines), list);
    if let Some(r) = p.selected() {
        let about = crate::tui::widgets::text::fill(
            tui("proposals.focus", lang),
            &[
                &person(app, &r.staff_no),
                &skill_name(app, &r.skill),
                &r.level.to_string(),
                &both_calendars(r.on),
            ],
        );
        f.render_widget(
            Paragraph::new(Span::styled(fit(&about, w, mark), theme.heading())),
            focus,
        );
    }
    f.render_widget(
        Paragraph::new(Span::styled(
            fit(tui("proposals.legend", lang), w, mark),
            theme.dim(),
        )),
        foot,
    );
}
