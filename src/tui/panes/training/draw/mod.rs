//! Drawing pane 3: the line of views, then the view (catalogue, sessions, roster, bulk
//! enrollment, obligations, subsidy). Also the question asked about training over any
//! pane, and the words of this pane's yes/no questions. Reads the state only.

mod bulk;
mod lists;
mod roster;
mod subsidy;

use crate::tui::panes::key_of;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;

use super::{Ask, Pending, Slot, View, year_name};
use crate::domain::Date;
use crate::domain::era::{both_calendars, wareki};
use crate::i18n::{Lang, tui};
use crate::tui::action::Action;
use crate::tui::app::{App, Confirm};
use crate::tui::keymap::Layer;
use crate::tui::theme::Theme;
use crate::tui::widgets::prompt::Prompt;
use crate::tui::widgets::tabs::Tab;
use crate::tui::widgets::text::{fill, fit, pad, width};

pub fn draw(app: &App, theme: &Theme, f: &mut Frame, area: Rect) {
    let [tabs, rest] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
    view_line(app, theme, f, tabs);
    let t = &app.training;
    match t.view {
        View::Catalogue => match &t.courses {
            Slot::Ready(c) => lists::catalogue(app, c, theme, f, rest),
            other => absent(app, other, "catalogue.empty", theme, f, rest),
        },
        View::Sessions => match &t.sessions {
            Slot::Ready(s) => lists::sessions(app, s, theme, f, rest),
            other => absent(app, other, "sessions.empty", theme, f, rest),
        },
        View::Roster => match &t.roster {
            Slot::Ready(r) => roster::draw(app, r, theme, f, rest),
            other => absent(app, other, "roster.empty", theme, f, rest),
        },
        View::Bulk => match &t.bulk {
            Some(b) => bulk::draw(app, b, theme, f, rest),
            None => absent::<()>(app, &Slot::Empty, "bulk.no_session", theme, f, rest),
        },
        View::Owed => match &t.owed {
            Slot::Ready(o) => lists::owed(app, o, theme, f, rest),
            other => absent(app, other, "owed.empty", theme, f, rest),
        },
        View::Subsidy => match &t.subsidy {
            Slot::Ready(s) => subsidy::draw(app, s, theme, f, rest),
            other => absent(app, other, "subsidy.empty", theme, f, rest),
        },
    }
    if let Some(d) = &t.conflict {
        crate::tui::widgets::conflict::draw_view(app, &d.view, theme, f, area);
    }
}

/// A view with nothing to show: why (the service's refusal, or what to do).
fn absent<T>(app: &App, slot: &Slot<T>, empty_key: &str, theme: &Theme, f: &mut Frame, area: Rect) {
    let keys = [
        key_of(app, Layer::Sessions, &Action::TrainingView(View::Sessions)),
        key_of(app, Layer::Sessions, &Action::TrainingView(View::Roster)),
    ];
    let hint = fill(tui(empty_key, app.look.lang), &[&keys[0], &keys[1]]);
    crate::tui::panes::draw_absent(slot, hint, theme, f, area);
}

/// The views with their keys, the current one marked, and what the view is of.
fn view_line(app: &App, theme: &Theme, f: &mut Frame, area: Rect) {
    let lang = app.look.lang;
    let t = &app.training;
    let tabs: Vec<Tab> = View::ALL
        .iter()
        .map(|v| Tab {
            key: key_of(app, Layer::Sessions, &Action::TrainingView(*v)),
            label: tui(v.label_key(), lang),
            current: *v == t.view,
        })
        .collect();
    let about = match t.view {
        View::Catalogue => t.courses.ready().map(|c| {
            fill(
                tui("catalogue.count", lang),
                &[&c.courses.len().to_string()],
            )
        }),
        View::Sessions => Some(year_name(t.year, lang)),
        View::Roster | View::Bulk => t.session.clone(),
        View::Owed => Some(year_name(t.owed_year, lang)),
        View::Subsidy => Some(year_name(t.subsidy_year, lang)),
    };
    let about: Vec<String> = about.into_iter().collect();
    crate::tui::widgets::tabs::draw(&tabs, &about, theme, f, area);
}

/// A day in a list column: the ISO date, ten cells, readable in both languages.
pub fn day(d: Date) -> String {
    d.to_string()
}

/// A day in a line about one item: both calendars in Japanese where they fit.
pub fn long_day(d: Date, lang: Lang) -> String {
    match lang {
        Lang::Ja => both_calendars(d),
        Lang::En => d.to_string(),
    }
}

/// A day as Japanese prose names it, or the ISO date in English.
pub fn short_day(d: Date, lang: Lang) -> String {
    lang.pick(&wareki(d), &d.to_string()).to_string()
}

/// One line of a table: cells padded to their widths, one space apart, cut at the
/// edge of `total` cells.
pub fn row(cells: &[(&str, usize)], total: usize, mark: &str) -> String {
    let mut out = String::new();
    for (i, (text, w)) in cells.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(&pad(text, *w, mark));
    }
    fit(&out, total, mark)
}

/// The widest word of a term in the user's language, at most `max` cells.
pub fn term_width<T: crate::i18n::Term>(all: &[T], lang: Lang, max: usize) -> usize {
    all.iter()
        .map(|t| width(t.term(lang)))
        .max()
        .unwrap_or(0)
        .min(max)
}

/// The style of a selected line, else none.
pub fn line_style(selected: bool, theme: &Theme) -> Style {
    if selected {
        theme.selected()
    } else {
        Style::default()
    }
}

/// Lines the pane's lists take in a view area: the line about the focus, the column
/// heading, the list, and `below` lines under it.
pub fn parts(area: Rect, below: u16) -> [Rect; 4] {
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(below),
    ])
    .areas(area)
}

/// The question about training open over a pane.
pub fn ask_box(app: &App, prompt: &Prompt<Ask>, theme: &Theme, f: &mut Frame, area: Rect) {
    let lang = app.look.lang;
    let (title, hint, style) = match &prompt.kind {
        Ask::Session => (
            tui("ask.session", lang).to_string(),
            tui("ask.session_hint", lang).to_string(),
            theme.dim(),
        ),
        Ask::SessionFor { staff_no, name } => (
            fill(tui("ask.session_for", lang), &[name, staff_no]),
            tui("ask.session_for_hint", lang).to_string(),
            theme.dim(),
        ),
        Ask::Person { session } => (
            fill(tui("ask.person", lang), &[session]),
            tui("ask.person_hint", lang).to_string(),
            theme.dim(),
        ),
        Ask::Reason {
            session,
            staff_no,
            name,
            refusal,
        } => (
            fill(tui("ask.reason", lang), &[name, staff_no, session]),
            format!("{refusal}\n{}", tui("ask.reason_hint", lang)),
            theme.error(),
        ),
        Ask::Unit => (
            tui("prompt.unit", lang).to_string(),
            tui("prompt.unit_hint", lang).to_string(),
            theme.dim(),
        ),
    };
    crate::tui::widgets::prompt::draw(app, prompt, &title, &hint, style, theme, f, area);
}

/// The words of this pane's yes/no questions.
pub fn confirm_text(app: &App, question: Confirm) -> Option<String> {
    let lang = app.look.lang;
    let pending = app.training.pending.as_ref()?;
    Some(match (question, pending) {
        (
            Confirm::CancelEnrollment,
            Pending::Cancel {
                session,
                staff_no,
                name,
                ..
            },
        ) => fill(tui("confirm.cancel", lang), &[name, staff_no, session]),
        (Confirm::CopyPlan, Pending::CopyPlan { from, count }) => {
            let count = if *count == 0 {
                String::new()
            } else {
                fill(tui("confirm.copy_count", lang), &[&count.to_string()])
            };
            fill(
                tui("confirm.copy_plan", lang),
                &[
                    &year_name(*from, lang),
                    &count,
                    &year_name(from.next(), lang),
                ],
            )
        }
        (Confirm::RejectSubsidy, Pending::Reject { id, name }) => {
            fill(tui("confirm.reject", lang), &[id, name])
        }
        _ => return None,
    })
}
