//! The roster: the session in one line, its people (places first, then the waiting
//! list in order, then cancellations) with where each stands, and the counts. A status
//! is a word, so it reads under NO_COLOR too.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{day, long_day, parts, row};
use crate::domain::EnrollStatus;
use crate::i18n::{Lang, Term, tui};
use crate::service::RosterRow;
use crate::tui::app::App;
use crate::tui::panes::training::roster::RosterState;
use crate::tui::theme::Theme;
use crate::tui::widgets::text::{fill, fit, width};

/// Where a person stands: the status, and their place in line when waiting.
pub fn status_text(r: &RosterRow, lang: Lang) -> String {
    match (r.status, r.waiting) {
        (EnrollStatus::Waiting, Some(n)) => format!("{} {n}", r.status.term(lang)),
        (s, _) => s.term(lang).to_string(),
    }
}

fn status_style(status: EnrollStatus, theme: &Theme) -> Style {
    match status {
        EnrollStatus::Completed | EnrollStatus::Attended => theme.good(),
        EnrollStatus::Absent => theme.error(),
        EnrollStatus::Cancelled | EnrollStatus::Waiting => theme.dim(),
        EnrollStatus::Booked | EnrollStatus::Applied => Style::default(),
    }
}

pub fn draw(app: &App, r: &RosterState, theme: &Theme, f: &mut Frame, area: Rect) {
    let lang = app.look.lang;
    let mark = theme.ellipsis();
    let [focus, head, list, foot] = parts(area, 1);
    let w = area.width as usize;
    let x = &r.roster.session;
    let days = match (x.first_day(), x.days.len()) {
        (Some(d), 1) => long_day(d, lang),
        (Some(d), n) => fill(
            tui("sessions.days", lang),
            &[&long_day(d, lang), &n.to_string()],
        ),
        (None, _) => String::new(),
    };
    let about = format!(
        "{} {}  {days}  {}  {}",
        x.id,
        r.roster.course.name,
        x.place,
        x.status.term(lang)
    );
    f.render_widget(
        Paragraph::new(Span::styled(fit(&about, w, mark), theme.heading())),
        focus,
    );
    let counts = fill(
        tui("roster.counts", lang),
        &[
            &r.holding().to_string(),
            &x.capacity.to_string(),
            &r.count(EnrollStatus::Waiting).to_string(),
            &r.count(EnrollStatus::Attended).to_string(),
            &r.count(EnrollStatus::Completed).to_string(),
            &r.count(EnrollStatus::Absent).to_string(),
            &r.count(EnrollStatus::Cancelled).to_string(),
        ],
    );
    let position = if r.roster.rows.is_empty() {
        String::new()
    } else {
        format!("  {}/{}", r.cursor.at + 1, r.roster.rows.len())
    };
    f.render_widget(
        Paragraph::new(Span::styled(
            fit(&format!("{counts}{position}"), w, mark),
            theme.dim(),
        )),
        foot,
    );
    if r.roster.rows.is_empty() {
        f.render_widget(
            Paragraph::new(Span::styled(
                fit(tui("roster.nobody", lang), w, mark),
                theme.dim(),
            )),
            list,
        );
        return;
    }
    let wide = w >= 110;
    // Wide enough for every status, and for the waiting one with its place in line.
    let waiting = format!("{} 99", EnrollStatus::Waiting.term(lang));
    let status_w = super::term_width(EnrollStatus::ALL, lang, 12).max(width(&waiting));
    let (no_w, name_w, title_w, day_w) = (6, 12, if wide { 12 } else { 8 }, 10);
    let unit_w = w.saturating_sub(no_w + name_w + title_w + status_w + day_w + 5);
    let heading = [
        (tui("col.staff_no", lang), no_w),
        (tui("col.name", lang), name_w),
        (tui("col.unit", lang), unit_w),
        (tui("col.title", lang), title_w),
        (tui("col.status", lang), status_w),
        (tui("col.since", lang), day_w),
    ];
    f.render_widget(
        Paragraph::new(Span::styled(row(&heading, w, mark), theme.heading())),
        head,
    );
    let rows = list.height as usize;
    let top = r.cursor.top_for(rows);
    let lines: Vec<Line> = r
        .roster
        .rows
        .iter()
        .enumerate()
        .skip(top)
        .take(rows)
        .map(|(i, p)| {
            let person = row(
                &[
                    (&p.staff_no, no_w),
                    (&p.name, name_w),
                    (&p.unit_name, unit_w),
                    (&p.title, title_w),
                ],
                w,
                mark,
            );
            let status = crate::tui::widgets::text::pad(&status_text(p, lang), status_w, mark);
            let since = day(p.since);
            if i == r.cursor.at {
                return Line::from(Span::styled(
                    format!("{person} {status} {since}"),
                    theme.selected(),
                ));
            }
            Line::from(vec![
                Span::raw(person),
                Span::raw(" "),
                Span::styled(status, status_style(p.status, theme)),
                Span::raw(" "),
                Span::styled(since, theme.dim()),
            ])
        })
        .collect();
    f.render_widget(Paragraph::new(lines), list);
}
