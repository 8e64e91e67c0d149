//! The skill map: each target staff image with its categories' skills, the four bands
//! across with ○ where a skill is particularly required, and the foundation skills
//! below, required of every band.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::domain::Band;
use crate::i18n::tui;
use crate::tui::app::App;
use crate::tui::panes::skills::map::{MapLine, MapState};
use crate::tui::panes::skills::matrix::{WIDE, first_visible};
use crate::tui::theme::Theme;
use crate::tui::widgets::text::{fill, fit, pad, width};

/// Column widths at a terminal width: category, skill name, one band.
fn widths(w: usize) -> (usize, usize, usize) {
    let (category, band) = if w >= WIDE { (20, 14) } else { (20, 7) };
    let name = w.saturating_sub(category + 4 * band + 1);
    (category, name, band)
}

/// `text` centred in `cells`.
fn centre(text: &str, cells: usize) -> String {
    let t = fit(text, cells, "");
    let room = cells.saturating_sub(width(&t));
    let before = room / 2;
    format!("{}{t}{}", " ".repeat(before), " ".repeat(room - before))
}

fn band_head(band: Band, wide: bool, lang: crate::i18n::Lang) -> String {
    if wide {
        band.policy_label().to_string()
    } else {
        format!("{}{band}", tui("field.band", lang))
    }
}

pub fn draw(app: &App, m: &MapState, theme: &Theme, f: &mut Frame, area: Rect) {
    let lang = app.look.lang;
    let mark = theme.ellipsis();
    let [detail, head, list, foot] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(1),
    ])
    .areas(area);
    let w = area.width as usize;
    let wide = w >= WIDE;
    let (cat_w, name_w, band_w) = widths(w);
    detail_line(app, m, theme, f, detail);
    let mut spans = vec![
        Span::styled(pad(tui("map.category", lang), cat_w, mark), theme.heading()),
        Span::styled(pad(tui("map.skill", lang), name_w, mark), theme.heading()),
        Span::raw(" "),
    ];
    for (i, band) in Band::ALL.into_iter().enumerate() {
        let style = if i == m.band {
            theme.selected()
        } else {
            theme.heading()
        };
        spans.push(Span::styled(
            centre(&band_head(band, wide, lang), band_w),
            style,
        ));
    }
    f.render_widget(Paragraph::new(Line::from(spans)), head);

    let rows = list.height as usize;
    let top = first_visible(m.top, m.cursor, rows);
    let mut lines = Vec::with_capacity(rows);
    for (i, line) in m.lines.iter().enumerate().skip(top).take(rows) {
        lines.push(match *line {
            MapLine::Image(at) => {
                let name = m.map.images.get(at).map_or("", |x| x.name.as_str());
                Line::from(Span::styled(fit(name, w, mark), theme.heading()))
            }
            MapLine::Foundation => Line::from(Span::styled(
                fit(tui("map.foundation", lang), w, mark),
                theme.heading(),
            )),
            MapLine::Skill { skill, first } => {
                let s = &m.map.skills[skill];
                let category = if first {
                    s.category
                        .as_deref()
                        .and_then(|k| m.map.categories.iter().find(|c| c.key == k))
                        .map_or("", |c| c.name.as_str())
                } else {
                    ""
                };
                let focused = i == m.cursor;
                let name_style = if focused {
                    theme.selected()
                } else {
                    Style::default()
                };
                let mut spans = vec![
                    Span::styled(pad(category, cat_w, mark), theme.dim()),
                    Span::styled(pad(&s.name, name_w, mark), name_style),
                    Span::raw(" "),
                ];
                for (b, band) in Band::ALL.into_iter().enumerate() {
                    let on = s.required_at(band);
                    let text = if on { theme.required_mark() } else { " " };
                    let style = if focused && b == m.band {
                        theme.selected()
                    } else if s.is_foundation() {
                        theme.dim()
                    } else {
                        theme.good()
                    };
                    // The mark centred in its column; the cursor covers two cells so an
                    // empty band still shows where it is.
                    let before = band_w.saturating_sub(2) / 2;
                    let after = band_w.saturating_sub(before + 2);
                    spans.push(Span::raw(" ".repeat(before)));
                    spans.push(Span::styled(pad(text, 2, ""), style));
                    spans.push(Span::raw(" ".repeat(after)));
                }
                Line::from(spans)
            }
        });
    }
    f.render_widget(Paragraph::new(lines), list);
    let legend = fill(tui("map.legend", lang), &[theme.required_mark()]);
    f.render_widget(
        Paragraph::new(Span::styled(fit(&legend, w, mark), theme.dim())),
        foot,
    );
}

/// The focused skill in full: its name, category and image, and the focused band.
fn detail_line(app: &App, m: &MapState, theme: &Theme, f: &mut Frame, area: Rect) {
    let lang = app.look.lang;
    let Some(s) = m.skill() else {
        return;
    };
    let band = Band::ALL[m.band.min(3)];
    let place = match &s.category {
        None => tui("map.foundation_short", lang).to_string(),
        Some(k) => {
            let category = m.map.categories.iter().find(|c| c.key == *k);
            let image = category.and_then(|c| m.map.images.iter().find(|i| i.key == c.image));
            format!(
                "{} / {}",
                category.map_or("", |c| c.name.as_str()),
                image.map_or("", |i| i.name.as_str())
            )
        }
    };
    let state = if s.required_at(band) {
        tui("map.required_here", lang)
    } else {
        tui("map.not_required_here", lang)
    };
    let band_text = format!(
        "{}{band} {}: {state}",
        tui("field.band", lang),
        band.policy_label()
    );
    let w = area.width as usize;
    let mark = theme.ellipsis();
    let name = fit(&s.name, w / 2, mark);
    let band_text = fit(&band_text, w.saturating_sub(width(&name) + 3), mark);
    let room = w.saturating_sub(width(&name) + width(&band_text) + 6);
    let rule = if theme.ascii { " | " } else { " │ " };
    let spans = vec![
        Span::styled(name, theme.heading()),
        Span::styled(rule, theme.dim()),
        Span::raw(band_text),
        Span::styled(rule, theme.dim()),
        Span::styled(fit(&place, room, mark), theme.dim()),
    ];
    f.render_widget(Paragraph::new(Line::from(spans)), area);
}
