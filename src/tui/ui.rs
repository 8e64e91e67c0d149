//! `render(&App, &mut Frame)`: drawing only reads the state.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::app::{App, Confirm, Notice, Pane};
use super::keymap::{self, Layer};
use super::panes::{admin, skills, staff, training};
use super::theme::Theme;
use super::widgets::text::{fill, fit, width};
use crate::i18n::tui;

/// The smallest terminal the screens are laid out for (80x24 fits with room).
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

pub fn render(app: &App, f: &mut Frame) {
    let area = f.area();
    let theme = Theme::of(&app.look);
    let lang = app.look.lang;
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let text = vec![
            Line::from(Span::styled(tui("too_small", lang), theme.error())),
            Line::from(format!("{}x{}", area.width, area.height)),
            Line::from(format!(
                "{}: {MIN_WIDTH}x{MIN_HEIGHT}",
                tui("too_small.need", lang)
            )),
        ];
        f.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
        return;
    }
    // A notice longer than the line takes two: a refusal must be read whole.
    let notice_len = match &app.notice {
        Some(Notice::Error(t) | Notice::Info(t)) => width(t),
        None => 0,
    };
    let hint_rows = if notice_len > area.width as usize {
        2
    } else {
        1
    };
    let [status, tabs, body, hint] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(hint_rows),
    ])
    .areas(area);
    status_line(app, &theme, f, status);
    tab_line(app, &theme, f, tabs);
    match app.pane {
        Pane::Staff => staff::draw::draw(app, &theme, f, body),
        Pane::Skills => skills::draw::draw(app, &theme, f, body),
        Pane::Training => training::draw::draw(app, &theme, f, body),
        Pane::Admin => admin::draw::draw(app, &theme, f, body),
        Pane::Dashboard => super::panes::dashboard::draw::draw(app, &theme, f, body),
        Pane::Cases => crate::tui::panes::cases::draw::draw(app, &theme, f, body),
        Pane::Roadmap => super::panes::roadmap::draw::draw(app, &theme, f, body),
    }
    if let Some(ask) = &app.ask {
        training::draw::ask_box(app, ask, &theme, f, body);
    }
    hint_line(app, &theme, f, hint);
    if let Some(layer) = app.help {
        help(app, layer, &theme, f, body);
    }
    if let Some(question) = app.confirm {
        confirm(app, question, &theme, f, body);
    }
}

fn status_line(app: &App, theme: &Theme, f: &mut Frame, area: Rect) {
    let s = &app.status;
    let mut spans = Vec::new();
    if s.demo {
        spans.push(Span::styled(" DEMO ", theme.demo()));
        spans.push(Span::raw(" "));
        // On the case pane the demo's passphrase stands first, where it is needed.
        if let (Pane::Cases, Some(pass)) = (app.pane, app.cases.demo_passphrase) {
            let said =
                crate::tui::widgets::text::fill(tui("cases.demo_status", app.look.lang), &[pass]);
            spans.push(Span::styled(said, theme.demo()));
            spans.push(Span::raw(" "));
        }
    }
    // The path is the longest part and the least needed: it goes last, so a narrow
    // terminal cuts it rather than the year or the account.
    let text = format!(
        "kizuna  {}  {} [{}]  {}",
        s.fiscal_year, s.account, s.roles, s.database
    );
    let room = (area.width as usize).saturating_sub(spans.iter().map(|s| width(&s.content)).sum());
    spans.push(Span::raw(fit(&text, room, theme.ellipsis())));
    f.render_widget(Paragraph::new(Line::from(spans)).style(theme.bar()), area);
}

fn tab_line(app: &App, theme: &Theme, f: &mut Frame, area: Rect) {
    let lang = app.look.lang;
    let mut spans = Vec::new();
    for pane in Pane::ALL {
        let label = format!(" {} {} ", pane.number(), tui(pane.label_key(), lang));
        let style = if pane == app.pane {
            theme.selected()
        } else {
            theme.dim()
        };
        spans.push(Span::styled(label, style));
    }
    f.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The notice if there is one, else the hints of the current layer.
fn hint_line(app: &App, theme: &Theme, f: &mut Frame, area: Rect) {
    let lang = app.look.lang;
    let line = match &app.notice {
        Some(Notice::Error(text)) => Line::from(Span::styled(text.clone(), theme.error())),
        Some(Notice::Info(text)) => Line::from(Span::styled(text.clone(), theme.good())),
        None => {
            let mut parts = Vec::new();
            let layer = app.layer();
            // In a text field `?` and `q` type themselves: say how to get help and out.
            if layer.is_text() {
                parts.push(format!("?:{}", tui("key.help", lang)));
                parts.push(format!("Ctrl-C:{}", tui("key.quit", lang)));
            }
            for e in keymap::entries(layer).into_iter().filter(|e| e.hint) {
                let keys = keymap::hint_name(&e.keys, app.look.ascii);
                parts.push(format!("{keys}:{}", tui(e.help, lang)));
            }
            Line::from(Span::styled(parts.join("  "), theme.dim()))
        }
    };
    // A notice wraps onto its second line; hints are cut at the edge.
    let paragraph = Paragraph::new(line);
    if app.notice.is_some() {
        f.render_widget(paragraph.wrap(Wrap { trim: true }), area);
    } else {
        f.render_widget(paragraph, area);
    }
}

/// Clears an overlay's area and one column either side, so that no wide character is
/// left cut in half at its edges.
fn clear_under(f: &mut Frame, area: Rect) {
    let full = f.area();
    let x = area.x.saturating_sub(1).max(full.x);
    let right = (area.right() + 1).min(full.right());
    f.render_widget(
        Clear,
        Rect {
            x,
            y: area.y,
            width: right - x,
            height: area.height,
        },
    );
}

fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// The help overlay, generated from the keymap of the layer beneath.
fn help(app: &App, layer: Layer, theme: &Theme, f: &mut Frame, body: Rect) {
    let lang = app.look.lang;
    let mut lines = Vec::new();
    let mut seen = Vec::new();
    if layer.is_text() {
        lines.push(Line::from(vec![
            Span::styled(
                super::widgets::text::pad(tui("help.search_question", lang), 18, theme.ellipsis()),
                theme.heading(),
            ),
            Span::raw(format!(" {}", tui("key.help", lang))),
        ]));
    }
    for e in keymap::entries(layer) {
        let keys = keymap::keys_name(&e.keys, app.look.ascii, " / ");
        if seen.contains(&(keys.clone(), e.help)) {
            continue;
        }
        seen.push((keys.clone(), e.help));
        let pad = 18usize.saturating_sub(width(&keys));
        lines.push(Line::from(vec![
            Span::styled(keys, theme.heading()),
            Span::raw(" ".repeat(pad + 1)),
            Span::raw(tui(e.help, lang).to_string()),
        ]));
    }
    let area = centered(body, 64, body.height);
    clear_under(f, area);
    f.render_widget(
        Paragraph::new(lines)
            .block(theme.block(format!(" {} (Esc) ", tui("help.title", lang))))
            .scroll((app.help_scroll, 0)),
        area,
    );
}

fn confirm(app: &App, question: Confirm, theme: &Theme, f: &mut Frame, body: Rect) {
    let lang = app.look.lang;
    let question = match question {
        Confirm::Quit => tui("confirm.quit", lang).to_string(),
        Confirm::Discard => tui("confirm.discard", lang).to_string(),
        Confirm::Retire => {
            let name = app
                .skills
                .pending_retire
                .as_deref()
                .map(|k| skills::draw::skill_name(app, k))
                .unwrap_or_default();
            fill(tui("confirm.retire", lang), &[&name])
        }
        other => training::draw::confirm_text(app, other).unwrap_or_default(),
    };
    // The question wraps inside the box; the box grows with it.
    let inner = 54;
    let rows = width(&question).div_ceil(inner).max(1) as u16;
    let text = vec![
        Line::from(question),
        Line::from(""),
        Line::from(format!(
            "[y] {}   [n] {}",
            tui("key.yes", lang),
            tui("key.no", lang)
        )),
    ];
    let area = centered(body, 56, 4 + rows);
    clear_under(f, area);
    f.render_widget(
        Paragraph::new(text)
            .block(theme.block(""))
            .wrap(Wrap { trim: true }),
        area,
    );
}
