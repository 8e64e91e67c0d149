//! Drawing pane 7: the line of views the caller's roles open, then the accounts or the
//! audit log with the last verdict under it; for someone with neither role, the one
//! line saying which role the pane needs. Reads the state only.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::{AccountsState, AdminState, LogState, View};
use crate::i18n::{self, Lang, tui};
use crate::service::AuditVerdict;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::Layer;
use crate::tui::panes::training::draw::{line_style, row};
use crate::tui::panes::training::person_name;
use crate::tui::panes::{Slot, draw_absent, key_of};
use crate::tui::theme::Theme;
use crate::tui::widgets::tabs::Tab;
use crate::tui::widgets::text::{fill, fit, pad_left, wrap};

pub fn draw(app: &App, theme: &Theme, f: &mut Frame, area: Rect) {
    let lang = app.look.lang;
    let a = &app.admin;
    if a.views.is_empty() {
        let line = Line::from(Span::styled(tui("admin.no_role", lang), theme.heading()));
        f.render_widget(Paragraph::new(line).wrap(Wrap { trim: true }), area);
        return;
    }
    let [tabs, rest] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
    view_line(app, a, theme, f, tabs);
    let hint = tui("admin.empty", lang).to_string();
    match a.view {
        View::Accounts => match &a.accounts {
            Slot::Ready(s) => accounts(app, s, theme, f, rest),
            other => draw_absent(other, hint, theme, f, rest),
        },
        View::Log => {
            let verdict_rows = super::verdict_rows(app, usize::from(rest.width)) as u16;
            let [log, under] =
                Layout::vertical([Constraint::Min(0), Constraint::Length(verdict_rows)])
                    .areas(rest);
            match &a.log {
                Slot::Ready(s) => entries(app, s, theme, f, log),
                other => draw_absent(other, hint, theme, f, log),
            }
            match &a.verdict {
                Slot::Ready(v) => verdict(v, lang, theme, f, under),
                other => draw_absent(other, String::new(), theme, f, under),
            }
        }
    }
}

/// The views the roles open, with their keys, and how many lines the view has.
fn view_line(app: &App, a: &AdminState, theme: &Theme, f: &mut Frame, area: Rect) {
    let lang = app.look.lang;
    let tabs: Vec<Tab> = a
        .views
        .iter()
        .map(|v| Tab {
            key: key_of(app, Layer::AuditLog, &Action::AdminView(*v)),
            label: tui(v.label_key(), lang),
            current: *v == a.view,
        })
        .collect();
    let about = match a.view {
        View::Accounts => a.accounts.ready().map(|s| {
            fill(
                tui("admin.accounts.count", lang),
                &[&s.accounts.len().to_string()],
            )
        }),
        View::Log => a.log.ready().map(|s| {
            fill(
                tui("admin.log.count", lang),
                &[&s.entries.len().to_string()],
            )
        }),
    };
    let about: Vec<String> = about.into_iter().collect();
    crate::tui::widgets::tabs::draw(&tabs, &about, theme, f, area);
}

/// The line of column headings.
fn heading(cells: &[(&str, usize)], w: usize, theme: &Theme, f: &mut Frame, area: Rect) {
    let text = row(cells, w, theme.ellipsis());
    f.render_widget(Paragraph::new(Span::styled(text, theme.heading())), area);
}

/// A list's parts: its heading, its lines and one line under it.
fn parts(area: Rect) -> [Rect; 3] {
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(1),
    ])
    .areas(area)
}

fn roles_text(roles: &std::collections::BTreeSet<crate::domain::Role>, lang: Lang) -> String {
    let names: Vec<&str> = roles.iter().map(|r| i18n::role_label(*r, lang)).collect();
    names.join(lang.pick("・", ", "))
}

fn accounts(app: &App, s: &AccountsState, theme: &Theme, f: &mut Frame, area: Rect) {
    let lang = app.look.lang;
    let mark = theme.ellipsis();
    let [head, list, foot] = parts(area);
    let w = area.width as usize;
    let wide = w >= 110;
    let (name_w, staff_w, person_w, day_w) = (14, 8, 12, if wide { 10 } else { 0 });
    let roles_w =
        w.saturating_sub(name_w + staff_w + person_w + 3 + if wide { day_w + 1 } else { 0 });
    let mut cells = vec![
        (tui("admin.col.account", lang), name_w),
        (tui("admin.col.roles", lang), roles_w),
        (tui("admin.col.staff_no", lang), staff_w),
        (tui("col.name", lang), person_w),
    ];
    if wide {
        cells.push((tui("admin.col.created", lang), day_w));
    }
    heading(&cells, w, theme, f, head);
    let rows = list.height as usize;
    let top = s.cursor.top_for(rows);
    let lines: Vec<Line> = s
        .accounts
        .iter()
        .enumerate()
        .skip(top)
        .take(rows)
        .map(|(i, acc)| {
            let roles = roles_text(&acc.roles, lang);
            let staff = acc.employee.clone().unwrap_or_default();
            let person = person_name(app, &staff);
            let created = acc.created.jst_date().to_string();
            let mut cells = vec![
                (acc.name.as_str(), name_w),
                (roles.as_str(), roles_w),
                (staff.as_str(), staff_w),
                (person.as_str(), person_w),
            ];
            if wide {
                cells.push((created.as_str(), day_w));
            }
            let style = line_style(i == s.cursor.at, theme);
            Line::from(Span::styled(row(&cells, w, mark), style))
        })
        .collect();
    f.render_widget(Paragraph::new(lines), list);
    let hint = Span::styled(fit(tui("admin.accounts.hint", lang), w, mark), theme.dim());
    f.render_widget(Paragraph::new(hint), foot);
}

/// `2026-11-25 12:00`, Japan time.
fn minute(at: crate::domain::Timestamp) -> String {
    let iso = i18n::audit_time(at);
    let (day, time) = iso.split_once('T').unwrap_or((iso.as_str(), ""));
    format!("{day} {}", time.get(..5).unwrap_or(""))
}

fn entries(app: &App, s: &LogState, theme: &Theme, f: &mut Frame, area: Rect) {
    let lang = app.look.lang;
    let mark = theme.ellipsis();
    let [head, list, foot] = parts(area);
    if s.entries.is_empty() {
        let line = Span::styled(tui("admin.log.none", lang), theme.dim());
        f.render_widget(Paragraph::new(line), list);
        return;
    }
    let w = area.width as usize;
    let wide = w >= 110;
    let (seq_w, time_w, actor_w, action_w) = (6, 16, 12, 18);
    let hash_w = if wide { 12 } else { 0 };
    let fixed = seq_w + time_w + actor_w + action_w + 4 + if wide { hash_w + 1 } else { 0 };
    let ids_w = w.saturating_sub(fixed);
    let seq_head = pad_left(tui("admin.col.seq", lang), seq_w);
    let mut cells = vec![
        (seq_head.as_str(), seq_w),
        (tui("admin.col.time", lang), time_w),
        (tui("admin.col.account", lang), actor_w),
        (tui("admin.col.action", lang), action_w),
        (tui("admin.col.ids", lang), ids_w),
    ];
    if wide {
        cells.push((tui("admin.col.hash", lang), hash_w));
    }
    heading(&cells, w, theme, f, head);
    let rows = list.height as usize;
    let top = s.cursor.top_for(rows);
    let lines: Vec<Line> = s
        .entries
        .iter()
        .enumerate()
        .skip(top)
        .take(rows)
        .map(|(i, e)| {
            let seq = pad_left(&e.seq.to_string(), seq_w);
            let time = minute(e.at);
            let actor = if e.redacted {
                tui("admin.log.redacted", lang).to_string()
            } else {
                e.actor.clone()
            };
            let ids = e.ids.join(",");
            let hash = i18n::short_hash(&e.hash);
            let mut cells = vec![
                (seq.as_str(), seq_w),
                (time.as_str(), time_w),
                (actor.as_str(), actor_w),
                (e.action.as_str(), action_w),
                (ids.as_str(), ids_w),
            ];
            if wide {
                cells.push((hash.as_str(), hash_w));
            }
            let style = line_style(i == s.cursor.at, theme);
            Line::from(Span::styled(row(&cells, w, mark), style))
        })
        .collect();
    f.render_widget(Paragraph::new(lines), list);
    if let Some(e) = s.selected() {
        let text = fill(
            tui("admin.log.detail", lang),
            &[&e.seq.to_string(), &e.hash.to_string()],
        );
        f.render_widget(
            Paragraph::new(Span::styled(fit(&text, w, mark), theme.dim())),
            foot,
        );
    }
}

/// The verdict's lines, wrapped to the width: the result green or red, the first
/// problem red.
fn verdict(v: &AuditVerdict, lang: Lang, theme: &Theme, f: &mut Frame, area: Rect) {
    let text = i18n::audit_verdict(v, lang);
    let last = text.len().saturating_sub(1);
    let w = area.width as usize;
    let mut lines: Vec<Line> = Vec::new();
    for (i, t) in text.iter().enumerate() {
        let style = if i == last {
            if v.intact() {
                theme.good()
            } else {
                theme.error()
            }
        } else if i == 1 && v.first_fault.is_some() {
            theme.error()
        } else {
            Style::default()
        };
        for part in wrap(t, w) {
            lines.push(Line::from(Span::styled(part, style)));
        }
    }
    // The result must show: when the lines do not fit, the result takes the last row.
    let rows = area.height as usize;
    if lines.len() > rows && rows > 0 {
        let result = lines.split_off(lines.len() - wrap(&text[last], w).len());
        lines.truncate(rows.saturating_sub(result.len()));
        lines.extend(result);
    }
    f.render_widget(Paragraph::new(lines), area);
}
