//! Bulk enrollment: the form of whom to take, then the preview of what would happen to
//! each person (a place, the waiting list, already in, or refused and why) with the
//! counts, before one confirmation.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{line_style, parts, row};
use crate::i18n::{Lang, Term, enroll_fault, tui};
use crate::service::{EnrollFault, Outcome};
use crate::tui::app::App;
use crate::tui::panes::training::bulk::{BulkState, Counts, Field, PreviewState};
use crate::tui::theme::Theme;
use crate::tui::widgets::text::{fill, fit, pad, width};

/// `R8-012 係長研修`: the session with its course, from whichever view has read it.
pub fn session_title(app: &App, id: &str) -> String {
    let t = &app.training;
    let from_roster = t
        .roster
        .ready()
        .filter(|r| r.roster.session.id == id)
        .map(|r| r.roster.course.name.clone());
    let from_list = || {
        t.sessions
            .ready()
            .and_then(|s| s.rows.iter().find(|v| v.session.id == id))
            .map(|v| v.course.clone())
    };
    match from_roster.or_else(from_list) {
        Some(course) => format!("{id} {course}"),
        None => id.to_string(),
    }
}

/// A course's name by key, where the catalogue has been read.
fn course_name(app: &App, key: &str) -> String {
    app.training
        .courses
        .ready()
        .map_or(key, |c| c.name_of(key))
        .to_string()
}

/// What would happen to a person, in a word or two, and how it is shown.
fn outcome_text(app: &App, o: &Outcome, lang: Lang, theme: &Theme) -> (String, Style) {
    match o {
        Outcome::Book => (
            crate::domain::EnrollStatus::Booked.term(lang).to_string(),
            theme.good(),
        ),
        Outcome::Wait(n) => (
            format!("{} {n}", crate::domain::EnrollStatus::Waiting.term(lang)),
            Style::default(),
        ),
        Outcome::Refused(EnrollFault::Already(s)) => (
            fill(tui("bulk.already", lang), &[s.term(lang)]),
            theme.dim(),
        ),
        Outcome::Refused(f) => {
            let why = match f {
                EnrollFault::NotEligible { .. } => tui("bulk.not_eligible", lang).to_string(),
                EnrollFault::SameDay { session, .. } => {
                    fill(tui("bulk.same_day", lang), &[session])
                }
                EnrollFault::Prerequisite { course } => {
                    fill(tui("bulk.prerequisite", lang), &[&course_name(app, course)])
                }
                EnrollFault::Left(_) => tui("bulk.left", lang).to_string(),
                EnrollFault::Closed { status, .. } => status.term(lang).to_string(),
                other => enroll_fault(other, lang),
            };
            (fill(tui("bulk.refused", lang), &[&why]), theme.error())
        }
    }
}

pub fn draw(app: &App, b: &BulkState, theme: &Theme, f: &mut Frame, area: Rect) {
    match &b.preview {
        Some(p) => preview(app, b, p, theme, f, area),
        None => form(app, b, theme, f, area),
    }
}

fn form(app: &App, b: &BulkState, theme: &Theme, f: &mut Frame, area: Rect) {
    let lang = app.look.lang;
    let mark = theme.ellipsis();
    let title = fill(
        tui("bulk.form_title", lang),
        &[&session_title(app, &b.session)],
    );
    let block = theme.block(format!(" {title} "));
    let inner = block.inner(area);
    f.render_widget(block, area);
    let form = &b.form;
    let (label_w, value_w) = (16, 24);
    let note_w = (inner.width as usize).saturating_sub(label_w + value_w + 2);
    let mut lines = Vec::new();
    for (i, field) in Field::ALL.iter().enumerate() {
        let focused = i == form.focused;
        let value = match field {
            Field::NewHires => {
                let on = if form.new_hires { "x" } else { " " };
                format!(
                    "[{on}] {}",
                    tui(if form.new_hires { "key.yes" } else { "key.no" }, lang)
                )
            }
            _ => form.values[i].text().to_string(),
        };
        let mut spans = vec![
            Span::styled(
                pad(tui(field.label_key(), lang), label_w, mark),
                if focused {
                    theme.selected()
                } else {
                    theme.heading()
                },
            ),
            Span::raw(" "),
            Span::raw(pad(&value, value_w, mark)),
            Span::raw(" "),
        ];
        match &form.error {
            Some((at, err)) if at == field => {
                spans.push(Span::styled(fit(err, note_w, mark), theme.error()));
            }
            _ => spans.push(Span::styled(
                fit(tui(field.hint_key(), lang), note_w, mark),
                theme.dim(),
            )),
        }
        lines.push(Line::from(spans));
    }
    lines.push(Line::from(""));
    for text in [tui("bulk.form_about", lang), tui("bulk.form_keys", lang)] {
        lines.push(Line::from(Span::styled(
            fit(text, inner.width as usize, mark),
            theme.dim(),
        )));
    }
    f.render_widget(Paragraph::new(lines), inner);
    if app.help.is_none() && app.confirm.is_none() {
        let before = form
            .current()
            .map_or(1, |t| width(t.before_cursor()))
            .min(value_w);
        f.set_cursor_position(Position::new(
            inner.x + (label_w + 1 + before) as u16,
            inner.y + form.focused as u16,
        ));
    }
}

fn preview(app: &App, b: &BulkState, p: &PreviewState, theme: &Theme, f: &mut Frame, area: Rect) {
    let lang = app.look.lang;
    let mark = theme.ellipsis();
    let [focus, head, list, foot] = parts(area, 1);
    let w = area.width as usize;
    let counts = Counts::of(&p.preview);
    let about = format!(
        "{}: {}  {}",
        session_title(app, &b.session),
        counts.text(lang),
        fill(
            tui("bulk.total", lang),
            &[&p.preview.rows.len().to_string()]
        ),
    );
    f.render_widget(
        Paragraph::new(Span::styled(fit(&about, w, mark), theme.heading())),
        focus,
    );
    let (no_w, name_w, title_w) = (6, 12, 8);
    let outcome_w = if w >= 110 { 40 } else { 22 };
    let unit_w = w.saturating_sub(no_w + name_w + title_w + outcome_w + 4);
    let heading = [
        (tui("col.staff_no", lang), no_w),
        (tui("col.name", lang), name_w),
        (tui("col.unit", lang), unit_w),
        (tui("col.title", lang), title_w),
        (tui("col.outcome", lang), outcome_w),
    ];
    // The post as the staff index has it today, to tell people apart.
    let index = &app.staff.index;
    let post = |staff_no: &str| {
        index
            .position(staff_no)
            .map_or((String::new(), String::new()), |i| {
                let e = index.entry(i);
                (e.unit_name.clone(), e.title.clone().unwrap_or_default())
            })
    };
    f.render_widget(
        Paragraph::new(Span::styled(row(&heading, w, mark), theme.heading())),
        head,
    );
    let rows = list.height as usize;
    let top = p.cursor.top_for(rows);
    let lines: Vec<Line> = p
        .preview
        .rows
        .iter()
        .enumerate()
        .skip(top)
        .take(rows)
        .map(|(i, r)| {
            let (unit, title) = post(&r.staff_no);
            let person = row(
                &[
                    (&r.staff_no, no_w),
                    (&r.name, name_w),
                    (&unit, unit_w),
                    (&title, title_w),
                ],
                w,
                mark,
            );
            let (text, style) = outcome_text(app, &r.outcome, lang, theme);
            let style = if i == p.cursor.at {
                line_style(true, theme)
            } else {
                style
            };
            Line::from(vec![
                Span::styled(person, line_style(i == p.cursor.at, theme)),
                Span::raw(" "),
                Span::styled(fit(&text, outcome_w, mark), style),
            ])
        })
        .collect();
    if lines.is_empty() {
        f.render_widget(
            Paragraph::new(Span::styled(tui("bulk.none_match", lang), theme.dim())),
            list,
        );
    } else {
        f.render_widget(Paragraph::new(lines), list);
    }
    // The whole reason of the focused refusal, else what confirming does.
    let focused = p.preview.rows.get(p.cursor.at);
    let (text, style) = match focused.map(|r| &r.outcome) {
        Some(Outcome::Refused(fault)) if !matches!(fault, EnrollFault::Already(_)) => {
            (enroll_fault(fault, lang), theme.error())
        }
        _ => (
            fill(
                tui("bulk.confirm_hint", lang),
                &[&(counts.book + counts.wait).to_string()],
            ),
            theme.dim(),
        ),
    };
    f.render_widget(
        Paragraph::new(Span::styled(fit(&text, w, mark), style)),
        foot,
    );
}
