//! Drawing pane 1: the search line and results, the interview card, the whole post
//! history, and the form. Reads the state only.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::form::{FieldId, FormMode};
use super::{Focus, StaffState};
use crate::domain::Status;
use crate::domain::era::both_calendars;
use crate::i18n::{Lang, Msg, Term, tui};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::{self, Layer};
use crate::tui::theme::Theme;
use crate::tui::widgets::text::{fill, fit, pad, pad_left, width};

/// Gaps the card lists before counting the rest.
const CARD_GAPS: usize = 5;
/// Trainings the card lists, newest first, before counting the rest.
const CARD_TRAININGS: usize = 3;

pub fn draw(app: &App, theme: &Theme, f: &mut Frame, area: Rect) {
    let s = &app.staff;
    match s.focus {
        Focus::Search | Focus::Results => search(app, theme, f, area),
        Focus::Card => card(app, theme, f, area),
        Focus::History => history(app, theme, f, area),
        Focus::Gaps => gap_list(app, theme, f, area),
        Focus::Trainings => training_list(app, theme, f, area),
        Focus::Form => form(app, theme, f, area),
        Focus::Filter => filter_form(app, theme, f, area),
    }
    if let Some(d) = &s.conflict {
        super::conflict_draw::draw(app, d, theme, f, area);
    }
}

fn search(app: &App, theme: &Theme, f: &mut Frame, area: Rect) {
    let lang = app.look.lang;
    let s = &app.staff;
    let [line, list] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
    let prompt = format!("{}: ", tui("search.prompt", lang));
    let mut count = format!("  {} {}", s.hits.len(), tui("search.count", lang));
    if s.hits.len() >= super::LIMIT {
        count = format!("  {}+ {}", super::LIMIT, tui("search.count", lang));
    }
    if s.filter.include_left {
        count.push_str(&format!("  [{}]", tui("search.leavers", lang)));
    }
    let active = super::filter::summary(&s.filter, lang);
    if !active.is_empty() {
        count.push_str(&format!("  [{active}]"));
    }
    let spans = vec![
        Span::styled(prompt.clone(), theme.heading()),
        Span::raw(s.query.text().to_string()),
        Span::styled(count, theme.dim()),
    ];
    f.render_widget(Paragraph::new(Line::from(spans)), line);
    if s.focus == Focus::Search && app.help.is_none() && app.confirm.is_none() {
        let x = line.x + (width(&prompt) + width(s.query.before_cursor())) as u16;
        f.set_cursor_position(Position::new(x.min(line.right().saturating_sub(1)), line.y));
    }
    results(app, theme, f, list);
}

/// Column widths for the results at a given width: number, name, reading, title, unit.
fn columns(total: usize) -> [usize; 5] {
    let number = 6;
    let name = 12;
    let reading = if total >= 100 { 20 } else { 16 };
    let title = 10;
    let unit = total.saturating_sub(number + name + reading + title + 4);
    [number, name, reading, title, unit]
}

fn results(app: &App, theme: &Theme, f: &mut Frame, area: Rect) {
    let lang = app.look.lang;
    let s = &app.staff;
    let rows = area.height as usize;
    if s.hits.is_empty() {
        f.render_widget(
            Paragraph::new(Span::styled(tui("search.none", lang), theme.dim())),
            area,
        );
        return;
    }
    let top = s.selected.saturating_sub(rows.saturating_sub(1));
    let [wn, wname, wread, wtitle, wunit] = columns(area.width as usize);
    let mark = theme.ellipsis();
    let mut lines = Vec::with_capacity(rows);
    for (i, hit) in s.hits.iter().enumerate().skip(top).take(rows) {
        let e = s.index.entry(hit.index);
        let left = if e.status == Status::Left {
            format!("[{}]", Status::Left.term(lang))
        } else {
            String::new()
        };
        let text = format!(
            "{} {} {} {} {}",
            pad(&e.staff_no, wn, mark),
            pad(&e.name, wname, mark),
            pad(&e.reading, wread, mark),
            pad(
                &format!("{}{left}", e.title.as_deref().unwrap_or("")),
                wtitle,
                mark
            ),
            fit(&e.unit_name, wunit, mark),
        );
        let style = if i == s.selected {
            theme.selected()
        } else {
            ratatui::style::Style::default()
        };
        lines.push(Line::from(Span::styled(text, style)));
    }
    f.render_widget(Paragraph::new(lines), area);
}

fn years(n: i32, lang: Lang) -> String {
    format!("{n}{}", tui("field.years", lang))
}

fn card(app: &App, theme: &Theme, f: &mut Frame, area: Rect) {
    let lang = app.look.lang;
    let Some(v) = &app.staff.card else {
        return;
    };
    let e = &v.employee;
    let block = theme.block(format!(" {} ", tui("card.title", lang)));
    let inner = block.inner(area);
    f.render_widget(block, area);
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(54), Constraint::Percentage(46)]).areas(inner);
    let lw = left.width as usize;
    let mark = theme.ellipsis();
    let row = |label: &str, value: String| {
        Line::from(vec![
            Span::styled(pad(tui(label, lang), 13, mark), theme.heading()),
            Span::raw(fit(&value, lw.saturating_sub(14), mark)),
        ])
    };
    let mut details = vec![
        Line::from(Span::styled(
            fit(&format!("{}  {}", e.name, e.staff_no), lw, mark),
            theme.heading(),
        )),
        Line::from(fit(&format!("{}  {}", e.reading, v.romaji), lw, mark)),
    ];
    if let Some(former) = &e.former_name {
        details.push(row("field.former_name", former.clone()));
    }
    if let Some(alias) = &e.alias {
        details.push(row("field.alias", alias.clone()));
    }
    let senior = if v.senior {
        format!(" {}", tui("field.senior", lang))
    } else {
        String::new()
    };
    details.push(row(
        "field.age",
        format!("{}{senior}", Msg::Age(v.age).text(lang)),
    ));
    details.push(row("field.birth", both_calendars(e.birth)));
    details.push(row("field.unit_name", v.unit_name.clone()));
    let band = v
        .band
        .map(|b| format!("  {} {}", tui("field.band", lang), b))
        .unwrap_or_default();
    details.push(row(
        "field.title",
        format!("{}{band}", v.title.as_deref().unwrap_or("")),
    ));
    details.push(row(
        "field.service",
        format!(
            "{}  ({} {})",
            years(v.years_of_service, lang),
            tui("field.in_post", lang),
            years(v.years_in_post, lang)
        ),
    ));
    details.push(row("field.employment", e.employment.term(lang).to_string()));
    details.push(row("field.track", e.track.term(lang).to_string()));
    details.push(row("field.digital", e.digital.term(lang).to_string()));
    let mut status = e.status.term(lang).to_string();
    if let Some(l) = &e.leaving {
        status = format!("{status} {}", l.date);
    }
    details.push(row("field.status", status));
    f.render_widget(Paragraph::new(details), left);

    let rw = right.width as usize;
    let mut side = gap_lines(app, theme, rw);
    side.push(Line::from(""));
    side.extend(training_lines(app, theme, rw));
    side.extend([
        Line::from(""),
        Line::from(Span::styled(tui("card.posts", lang), theme.heading())),
    ]);
    for p in v.posts.iter().take(3) {
        side.push(Line::from(fit(
            &format!("{} {} {}", p.effective, p.title, p.unit_name),
            rw,
            mark,
        )));
    }
    if v.posts.len() > 3 {
        side.push(Line::from(Span::styled(
            format!("+{} {}", v.posts.len() - 3, tui("card.more", lang)),
            theme.dim(),
        )));
    }
    f.render_widget(Paragraph::new(side), right);
}

/// One training as the card shows it: the first day, the course, where the person
/// stands; the whole list adds the session.
fn training_text(t: &crate::service::TrainingLine, lang: Lang, session: bool) -> String {
    let day = t.first_day.map(|d| d.to_string()).unwrap_or_default();
    let status = t.status.term(lang);
    if session {
        format!("{day}  {}  {}  {status}", t.session, t.course_name)
    } else {
        format!("{day} {} {status}", t.course_name)
    }
}

/// The card's training lines: the heading with the key to enroll, the newest three,
/// `+N` for the rest.
fn training_lines(app: &App, theme: &Theme, rw: usize) -> Vec<Line<'static>> {
    let lang = app.look.lang;
    let mark = theme.ellipsis();
    let heading = fill(
        tui("card.trainings", lang),
        &[&card_key(app, &Action::Enroll)],
    );
    let mut lines = vec![Line::from(Span::styled(
        fit(&heading, rw, mark),
        theme.heading(),
    ))];
    let note = match &app.staff.trainings {
        None => Some("card.trainings_unread"),
        Some(list) if list.is_empty() => Some("card.trainings_none"),
        Some(_) => None,
    };
    if let Some(note) = note {
        lines.push(Line::from(Span::styled(
            fit(tui(note, lang), rw, mark),
            theme.dim(),
        )));
        return lines;
    }
    let list = app.staff.trainings.as_deref().unwrap_or_default();
    for t in list.iter().take(CARD_TRAININGS) {
        lines.push(Line::from(fit(&training_text(t, lang, false), rw, mark)));
    }
    if list.len() > CARD_TRAININGS {
        let more = fill(
            tui("card.trainings_more", lang),
            &[
                &(list.len() - CARD_TRAININGS).to_string(),
                &card_key(app, &Action::ShowTrainings),
            ],
        );
        lines.push(Line::from(Span::styled(fit(&more, rw, mark), theme.dim())));
    }
    lines
}

/// Every training of the card's person, newest first.
fn training_list(app: &App, theme: &Theme, f: &mut Frame, area: Rect) {
    let lang = app.look.lang;
    let Some(v) = &app.staff.card else {
        return;
    };
    let block = theme.block(format!(
        " {} {} ",
        v.employee.name,
        tui("card.trainings_all", lang)
    ));
    let inner = block.inner(area);
    f.render_widget(block, area);
    let mark = theme.ellipsis();
    let w = inner.width as usize;
    let list = match &app.staff.trainings {
        None => {
            f.render_widget(Paragraph::new(tui("card.trainings_unread", lang)), inner);
            return;
        }
        Some(list) if list.is_empty() => {
            f.render_widget(Paragraph::new(tui("card.trainings_none", lang)), inner);
            return;
        }
        Some(list) => list,
    };
    let start = app.staff.trainings_scroll.min(list.len().saturating_sub(1));
    let rows = (inner.height as usize).saturating_sub(1);
    let mut lines: Vec<Line> = list
        .iter()
        .skip(start)
        .take(rows)
        .map(|t| Line::from(fit(&training_text(t, lang, true), w, mark)))
        .collect();
    while lines.len() < rows {
        lines.push(Line::from(""));
    }
    let shown = list.len().min(rows);
    let foot = fill(
        tui("card.trainings_foot", lang),
        &[
            &(start + 1).to_string(),
            &(start + shown.min(list.len() - start)).to_string(),
            &list.len().to_string(),
            &card_key(app, &Action::Enroll),
        ],
    );
    lines.push(Line::from(Span::styled(fit(&foot, w, mark), theme.dim())));
    f.render_widget(Paragraph::new(lines), inner);
}

/// The key that opens a card's view, as the keymap has it.
fn card_key(app: &App, action: &Action) -> String {
    keymap::key_for(Layer::Card, action)
        .map(|k| keymap::key_name(&k, app.look.ascii))
        .unwrap_or_default()
}

/// A level as the gap lists show it: the number, `-` when never assessed.
fn level_text(level: Option<crate::domain::Level>) -> String {
    level.map_or("-".to_string(), |l| l.to_string())
}

/// The card's gap lines: the heading with the band, the widest gaps, `+N` for the rest.
fn gap_lines(app: &App, theme: &Theme, rw: usize) -> Vec<Line<'static>> {
    let lang = app.look.lang;
    let mark = theme.ellipsis();
    let Some(g) = &app.staff.gaps else {
        return vec![
            Line::from(Span::styled(
                fit(tui("card.gaps", lang), rw, mark),
                theme.heading(),
            )),
            Line::from(Span::styled(
                fit(tui("card.gaps_unread", lang), rw, mark),
                theme.dim(),
            )),
        ];
    };
    let Some(band) = g.band else {
        return vec![
            Line::from(Span::styled(
                fit(tui("card.gaps", lang), rw, mark),
                theme.heading(),
            )),
            Line::from(Span::styled(
                fit(tui("card.gaps_no_band", lang), rw, mark),
                theme.dim(),
            )),
        ];
    };
    let heading = match g.gaps.first() {
        Some(first) => fill(
            tui("card.gaps_target", lang),
            &[&band.to_string(), &first.target.to_string()],
        ),
        None => fill(tui("card.gaps_band", lang), &[&band.to_string()]),
    };
    let mut lines = vec![Line::from(Span::styled(
        fit(&heading, rw, mark),
        theme.heading(),
    ))];
    if g.gaps.is_empty() {
        lines.push(Line::from(Span::styled(
            fit(tui("card.gaps_met", lang), rw, mark),
            theme.good(),
        )));
        return lines;
    }
    // The level sits at the right edge, so the widest gaps read down one column.
    let name_w = rw.saturating_sub(5);
    for gap in g.gaps.iter().take(CARD_GAPS) {
        lines.push(Line::from(vec![
            Span::raw(pad(&gap.name, name_w, mark)),
            Span::styled(
                format!("{:>3}/{}", level_text(gap.level), gap.target),
                theme.error(),
            ),
        ]));
    }
    if g.gaps.len() > CARD_GAPS {
        let more = fill(
            tui("card.gaps_more", lang),
            &[
                &(g.gaps.len() - CARD_GAPS).to_string(),
                &card_key(app, &Action::ShowGaps),
            ],
        );
        lines.push(Line::from(Span::styled(fit(&more, rw, mark), theme.dim())));
    }
    lines
}

/// Every gap of the card's person, widest first.
fn gap_list(app: &App, theme: &Theme, f: &mut Frame, area: Rect) {
    let lang = app.look.lang;
    let Some(v) = &app.staff.card else {
        return;
    };
    let mark = theme.ellipsis();
    let g = app.staff.gaps.as_ref();
    let mut title = format!(" {} {} ", v.employee.name, tui("card.gaps", lang));
    if let Some(band) = g.and_then(|g| g.band) {
        title = format!(
            " {} {} ",
            v.employee.name,
            fill(tui("card.gaps_band", lang), &[&band.to_string()])
        );
    }
    let block = theme.block(title);
    let inner = block.inner(area);
    f.render_widget(block, area);
    let w = inner.width as usize;
    let note = match g {
        None => Some(tui("card.gaps_unread", lang)),
        Some(g) if g.band.is_none() => Some(tui("card.gaps_no_band", lang)),
        Some(g) if g.gaps.is_empty() => Some(tui("card.gaps_met", lang)),
        Some(_) => None,
    };
    if let Some(note) = note {
        f.render_widget(Paragraph::new(fit(note, w, mark)), inner);
        return;
    }
    let Some(g) = g else {
        return;
    };
    let name_w = w.saturating_sub(16);
    let cell = |t: &str| pad_left(t, 5);
    let mut lines = vec![Line::from(Span::styled(
        format!(
            "{} {}{}{}",
            pad(tui("gaps.col_skill", lang), name_w, mark),
            cell(tui("gaps.col_level", lang)),
            cell(tui("gaps.col_target", lang)),
            cell(tui("gaps.col_short", lang)),
        ),
        theme.heading(),
    ))];
    let rows = (inner.height as usize).saturating_sub(2);
    let start = app.staff.gaps_scroll.min(g.gaps.len().saturating_sub(1));
    for gap in g.gaps.iter().skip(start).take(rows) {
        lines.push(Line::from(format!(
            "{} {}{}{}",
            pad(&gap.name, name_w, mark),
            cell(&level_text(gap.level)),
            cell(&gap.target.to_string()),
            cell(&gap.distance().to_string()),
        )));
    }
    let shown = lines.len() - 1;
    let mut foot = tui("card.gaps_unassessed", lang).to_string();
    if g.gaps.len() > shown {
        foot = format!("{}-{} / {}  {foot}", start + 1, start + shown, g.gaps.len());
    }
    let mut all = lines;
    while all.len() + 1 < inner.height as usize {
        all.push(Line::from(""));
    }
    all.push(Line::from(Span::styled(fit(&foot, w, mark), theme.dim())));
    f.render_widget(Paragraph::new(all), inner);
}

fn history(app: &App, theme: &Theme, f: &mut Frame, area: Rect) {
    let lang = app.look.lang;
    let Some(v) = &app.staff.card else {
        return;
    };
    let block = theme.block(format!(
        " {} {} ",
        v.employee.name,
        tui("card.history", lang)
    ));
    let inner = block.inner(area);
    f.render_widget(block, area);
    let mark = theme.ellipsis();
    let lines: Vec<Line> = v
        .posts
        .iter()
        .skip(
            app.staff
                .history_scroll
                .min(v.posts.len().saturating_sub(1)),
        )
        .map(|p| {
            Line::from(fit(
                &format!(
                    "{}  {}  {}  {}",
                    both_calendars(p.effective),
                    p.kind.term(lang),
                    p.title,
                    p.unit_name
                ),
                inner.width as usize,
                mark,
            ))
        })
        .collect();
    f.render_widget(Paragraph::new(lines), inner);
}

fn form(app: &App, theme: &Theme, f: &mut Frame, area: Rect) {
    let lang = app.look.lang;
    let s: &StaffState = &app.staff;
    let Some(form) = &s.form else {
        return;
    };
    let mut title = match form.mode {
        FormMode::New => tui("form.new", lang).to_string(),
        FormMode::Edit(_) => tui("form.edit", lang).to_string(),
    };
    if form.continuous {
        title.push_str(&format!(" [{}]", tui("form.continuous", lang)));
    }
    let block = theme.block(format!(" {title} "));
    let inner = block.inner(area);
    f.render_widget(block, area);
    let mark = theme.ellipsis();
    let label_w = 14;
    let value_w = 28.min((inner.width as usize).saturating_sub(label_w + 2));
    let error_w = (inner.width as usize).saturating_sub(label_w + value_w + 2);
    let mut lines = Vec::new();
    for (i, id) in FieldId::ALL.iter().enumerate() {
        let focused = i == form.focused;
        let label_style = if focused {
            theme.selected()
        } else {
            theme.heading()
        };
        let mut spans = vec![
            Span::styled(pad(tui(id.label_key(), lang), label_w, mark), label_style),
            Span::raw(" "),
            Span::raw(pad(form.values[i].text(), value_w, mark)),
            Span::raw(" "),
        ];
        if let Some(err) = form.error(*id) {
            spans.push(Span::styled(fit(err, error_w, mark), theme.error()));
        } else if *id == FieldId::Effective {
            spans.push(Span::styled(
                fit(tui("form.effective_hint", lang), error_w, mark),
                theme.dim(),
            ));
        }
        lines.push(Line::from(spans));
    }
    // A short terminal shows the fields around the focused one.
    let rows = (inner.height as usize).max(1);
    let offset = form.focused.saturating_sub(rows - 1);
    let lines: Vec<Line> = lines.into_iter().skip(offset).collect();
    f.render_widget(Paragraph::new(lines), inner);
    if app.help.is_none() && app.confirm.is_none() && s.conflict.is_none() {
        let before = width(form.current().before_cursor()).min(value_w);
        f.set_cursor_position(Position::new(
            inner.x + (label_w + 1 + before) as u16,
            inner.y + (form.focused - offset) as u16,
        ));
    }
}

fn filter_form(app: &App, theme: &Theme, f: &mut Frame, area: Rect) {
    let lang = app.look.lang;
    let Some(form) = &app.staff.filter_form else {
        return;
    };
    let block = theme.block(format!(" {} ", tui("filter.title", lang)));
    let inner = block.inner(area);
    f.render_widget(block, area);
    let mark = theme.ellipsis();
    let label_w = 14;
    let value_w = 24;
    let mut lines = Vec::new();
    for (i, label) in super::filter::LABELS.iter().enumerate() {
        let style = if i == form.focused {
            theme.selected()
        } else {
            theme.heading()
        };
        let mut spans = vec![
            Span::styled(pad(tui(label, lang), label_w, mark), style),
            Span::raw(" "),
            Span::raw(pad(form.values[i].text(), value_w, mark)),
            Span::raw(" "),
        ];
        if let Some((at, err)) = &form.error
            && *at == i
        {
            let room = (inner.width as usize).saturating_sub(label_w + value_w + 2);
            spans.push(Span::styled(fit(err, room, mark), theme.error()));
        }
        lines.push(Line::from(spans));
    }
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(
        tui("filter.hint", lang),
        theme.dim(),
    )));
    f.render_widget(Paragraph::new(lines), inner);
    if app.help.is_none() {
        let before = width(form.current().before_cursor()).min(value_w);
        f.set_cursor_position(Position::new(
            inner.x + (label_w + 1 + before) as u16,
            inner.y + form.focused as u16,
        ));
    }
}
