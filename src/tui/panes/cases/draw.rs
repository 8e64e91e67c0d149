//! Drawing pane 4: the domains the caller holds, then the lock, the passphrase
//! question, the list of cases (health: the upcoming dates first) or one case whole.
//! Reads the state only.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::{CaseAsk, CaseList, CasesState};
use crate::domain::cases::{CaseDomain, CaseItem, Complainant};
use crate::i18n::case_text::{next, upcoming_text, whole};
use crate::i18n::{self, CaseWord as W, Term, case_word, tui};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::Layer;
use crate::tui::panes::key_of;
use crate::tui::panes::training::draw::{line_style, row};
use crate::tui::theme::Theme;
use crate::tui::widgets::prompt::{self, Prompt};
use crate::tui::widgets::tabs::Tab;
use crate::tui::widgets::text::{fill, fit};

pub fn draw(app: &App, theme: &Theme, f: &mut Frame, area: Rect) {
    let lang = app.look.lang;
    let c = &app.cases;
    if c.domains.is_empty() {
        let line = Line::from(Span::styled(tui("cases.no_role", lang), theme.heading()));
        f.render_widget(Paragraph::new(line).wrap(Wrap { trim: true }), area);
        return;
    }
    let [tabs, rest] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
    let domain_tabs: Vec<Tab> = c
        .domains
        .iter()
        .map(|d| Tab {
            key: key_of(app, Layer::CaseLocked, &Action::NextDomain),
            label: d.term(lang),
            current: *d == c.domain,
        })
        .collect();
    let state = if c.locked() {
        tui("cases.state_locked", lang)
    } else {
        tui("cases.state_open", lang)
    };
    crate::tui::widgets::tabs::draw(&domain_tabs, &[state.to_string()], theme, f, tabs);
    let warning = c
        .status
        .iter()
        .find(|s| s.domain == c.domain)
        .and_then(|s| i18n::holder_warning(s, lang));
    let [warn, body] = Layout::vertical([
        Constraint::Length(if warning.is_some() { 2 } else { 0 }),
        Constraint::Min(0),
    ])
    .areas(rest);
    if let Some(w) = warning {
        f.render_widget(
            Paragraph::new(Span::styled(w, theme.error())).wrap(Wrap { trim: true }),
            warn,
        );
    }
    if c.locked() {
        locked(app, c, theme, f, body);
    } else if let Some(view) = &c.open {
        let text = whole(view, app.staff.org.today, lang);
        f.render_widget(
            Paragraph::new(text)
                .wrap(Wrap { trim: false })
                .scroll((c.scroll, 0)),
            body,
        );
    } else if let Some(list) = c.list.ready() {
        match c.domain {
            CaseDomain::Health => health(app, list, theme, f, body),
            CaseDomain::Harassment => harassment(app, list, theme, f, body),
        }
    } else {
        crate::tui::panes::draw_absent(&c.list, String::new(), theme, f, body);
    }
    if let Some(ask) = &c.ask {
        question(app, ask, theme, f, area);
    }
}

fn locked(app: &App, c: &CasesState, theme: &Theme, f: &mut Frame, area: Rect) {
    let lang = app.look.lang;
    let open = key_of(app, Layer::CaseLocked, &Action::Open);
    let mut lines = vec![
        Line::from(""),
        Line::from(Span::styled(tui("cases.locked", lang), theme.heading())),
        Line::from(""),
        Line::from(fill(tui("cases.unlock_hint", lang), &[&open])),
        Line::from(Span::styled(tui("cases.sealed_note", lang), theme.dim())),
    ];
    if let Some(s) = c.status.iter().find(|s| s.domain == c.domain && !s.ready) {
        lines.push(Line::from(""));
        lines.push(Line::from(Span::styled(
            i18n::case_fault(&crate::service::cases::CaseFault::NotReady(s.domain), lang),
            theme.error(),
        )));
    }
    if let Some(pass) = c.demo_passphrase {
        lines.push(Line::from(""));
        lines.push(Line::from(Span::styled(
            fill(tui("cases.demo_passphrase", lang), &[pass]),
            theme.demo(),
        )));
    }
    f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), area);
}

fn question(app: &App, ask: &Prompt<CaseAsk>, theme: &Theme, f: &mut Frame, area: Rect) {
    let lang = app.look.lang;
    let (title, hint) = match ask.kind {
        CaseAsk::Passphrase => (
            tui("cases.ask_passphrase", lang).to_string(),
            tui("cases.ask_passphrase_hint", lang).to_string(),
        ),
        CaseAsk::Note => (
            tui("cases.ask_note", lang).to_string(),
            tui("cases.ask_note_hint", lang).to_string(),
        ),
        CaseAsk::Field(field) => (
            field.term(lang).to_string(),
            tui("cases.ask_field_hint", lang).to_string(),
        ),
    };
    if ask.kind == CaseAsk::Passphrase {
        // The passphrase is drawn as one mark per character, never as itself.
        let mut masked = Prompt::new(ask.kind, &"*".repeat(ask.input.text().chars().count()));
        masked.fresh = false;
        masked.error.clone_from(&ask.error);
        prompt::draw(app, &masked, &title, &hint, theme.dim(), theme, f, area);
    } else {
        prompt::draw(app, ask, &title, &hint, theme.dim(), theme, f, area);
    }
}

fn health(app: &App, list: &CaseList, theme: &Theme, f: &mut Frame, area: Rect) {
    let lang = app.look.lang;
    let today = app.staff.org.today;
    let mark = theme.ellipsis();
    let total = usize::from(area.width);
    let mut soon: Vec<(crate::domain::Date, String)> = Vec::new();
    for v in &list.views {
        if let CaseItem::Health(c) = &v.item {
            for u in c.upcoming(today) {
                let name = v.names.get(&c.subject).cloned().unwrap_or_default();
                soon.push((
                    u.on,
                    format!("{}  {}  {name}", upcoming_text(&u, lang), c.id),
                ));
            }
        }
    }
    soon.sort_by_key(|(d, _)| *d);
    let shown = soon.len().min(6);
    let mut lines = vec![Line::from(Span::styled(
        format!("{} ({})", case_word(W::Upcoming, lang), soon.len()),
        theme.heading(),
    ))];
    for (d, text) in soon.iter().take(shown) {
        let style = if *d < today {
            theme.error()
        } else {
            Default::default()
        };
        lines.push(Line::from(Span::styled(
            fit(&format!(" {d}  {text}"), total, mark),
            style,
        )));
    }
    lines.push(Line::from(Span::styled(
        row(
            &[
                (case_word(W::Id, lang), 13),
                (case_word(W::Kind, lang), 8),
                (case_word(W::Name, lang), 14),
                (case_word(W::Opened, lang), 10),
                (case_word(W::Next, lang), 10),
            ],
            total,
            mark,
        ),
        theme.heading(),
    )));
    let rows = usize::from(area.height).saturating_sub(lines.len());
    let top = list.cursor.top_for(rows);
    for (i, v) in list.views.iter().enumerate().skip(top).take(rows) {
        if let CaseItem::Health(c) = &v.item {
            let name = v.names.get(&c.subject).cloned().unwrap_or_default();
            let nx = next(c, today).map(|u| u.on.to_string()).unwrap_or_default();
            let closed = c.closed.map(|_| case_word(W::Closed, lang)).unwrap_or("");
            let text = row(
                &[
                    (c.id.as_str(), 13),
                    (c.kind.term(lang), 8),
                    (&name, 14),
                    (&c.opened.to_string(), 10),
                    (if nx.is_empty() { closed } else { &nx }, 10),
                ],
                total,
                mark,
            );
            lines.push(Line::from(Span::styled(
                text,
                line_style(i == list.cursor.at, theme),
            )));
        }
    }
    f.render_widget(Paragraph::new(lines), area);
}

fn harassment(app: &App, list: &CaseList, theme: &Theme, f: &mut Frame, area: Rect) {
    let lang = app.look.lang;
    let mark = theme.ellipsis();
    let total = usize::from(area.width);
    let mut lines = vec![Line::from(Span::styled(
        row(
            &[
                (case_word(W::Id, lang), 13),
                (case_word(W::Received, lang), 10),
                (case_word(W::Stage, lang), 8),
                (case_word(W::Kind, lang), 12),
                (case_word(W::Complainant, lang), 14),
            ],
            total,
            mark,
        ),
        theme.heading(),
    ))];
    let rows = usize::from(area.height).saturating_sub(1);
    let top = list.cursor.top_for(rows);
    for (i, v) in list.views.iter().enumerate().skip(top).take(rows) {
        let cells: [String; 5] = match &v.item {
            CaseItem::Harassment(c) => [
                c.id.to_string(),
                c.received.to_string(),
                c.stage.term(lang).to_string(),
                c.kind.term(lang).to_string(),
                match &c.complainant {
                    Complainant::Employee(no) => v.names.get(no).cloned().unwrap_or(no.clone()),
                    Complainant::Anonymous => case_word(W::Anonymous, lang).to_string(),
                },
            ],
            CaseItem::Incident(x) => [
                x.id.to_string(),
                x.on.to_string(),
                String::new(),
                case_word(W::Incident, lang).to_string(),
                x.channel.term(lang).to_string(),
            ],
            CaseItem::Health(_) => continue,
        };
        let text = row(
            &[
                (&cells[0], 13),
                (&cells[1], 10),
                (&cells[2], 8),
                (&cells[3], 12),
                (&cells[4], 14),
            ],
            total,
            mark,
        );
        lines.push(Line::from(Span::styled(
            text,
            line_style(i == list.cursor.at, theme),
        )));
    }
    f.render_widget(Paragraph::new(lines), area);
}
