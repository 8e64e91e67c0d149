//! Drawing pane 2: the line of views, then the view (map, matrix, gaps, tiers), and a
//! one-line question over it when one is asked. Reads the state only.

mod map;
mod matrix;
mod proposals;
mod reports;

use crate::tui::panes::key_of;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};

use super::{Prompt, PromptKind, Slot, View};
use crate::i18n::{Lang, tui};
use crate::service::Scope;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::Layer;
use crate::tui::theme::Theme;
use crate::tui::widgets::tabs::Tab;
use crate::tui::widgets::text::fill;

pub fn draw(app: &App, theme: &Theme, f: &mut Frame, area: Rect) {
    let [tabs, rest] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
    view_line(app, theme, f, tabs);
    let s = &app.skills;
    match s.view {
        View::Map => match &s.map {
            Slot::Ready(m) => map::draw(app, m, theme, f, rest),
            other => absent(app, other, "map.empty", theme, f, rest),
        },
        View::Matrix => match &s.matrix {
            Slot::Ready(m) => matrix::draw(app, m, theme, f, rest),
            other => absent(app, other, "matrix.no_unit", theme, f, rest),
        },
        View::Gaps => match &s.gaps {
            Slot::Ready(g) => reports::gaps(app, g, theme, f, rest),
            other => absent(app, other, "gaps.empty", theme, f, rest),
        },
        View::Tiers => match &s.tiers {
            Slot::Ready(t) => reports::tiers(app, t, theme, f, rest),
            other => absent(app, other, "tiers.empty", theme, f, rest),
        },
        View::Proposals => match &s.proposals {
            Slot::Ready(p) => proposals::draw(app, p, theme, f, rest),
            other => absent(app, other, "proposals.empty", theme, f, rest),
        },
    }
    if let Some(prompt) = &s.prompt {
        prompt_box(app, prompt, theme, f, area);
    }
    if let Some(d) = &s.conflict {
        crate::tui::widgets::conflict::draw_view(app, &d.view, theme, f, area);
    }
}

/// A view with nothing to show: why (the service's refusal, or what to do).
fn absent<T>(app: &App, slot: &Slot<T>, empty_key: &str, theme: &Theme, f: &mut Frame, area: Rect) {
    let key = key_of(app, Layer::Grid, &Action::ChooseUnit);
    let hint = crate::tui::widgets::text::fill(tui(empty_key, app.look.lang), &[&key]);
    crate::tui::panes::draw_absent(slot, hint, theme, f, area);
}

/// The views with their keys, the current one marked, and what the view covers.
fn view_line(app: &App, theme: &Theme, f: &mut Frame, area: Rect) {
    let lang = app.look.lang;
    let s = &app.skills;
    let tabs: Vec<Tab> = View::ALL
        .iter()
        .map(|v| Tab {
            key: key_of(app, Layer::Map, &Action::SkillView(*v)),
            label: tui(v.label_key(), lang),
            current: *v == s.view,
        })
        .collect();
    let about: Vec<String> = match s.view {
        // An earlier day comes first, so that it shows even when the unit is cut.
        View::Matrix => s
            .matrix
            .ready()
            .map(|m| as_of(app, m.matrix.on) + &scope_text(app, &m.matrix.scope))
            .into_iter()
            .collect(),
        View::Gaps => s
            .gaps
            .ready()
            .map(|g| as_of(app, g.report.on) + &scope_text(app, &g.report.scope))
            .into_iter()
            .collect(),
        View::Proposals => s
            .proposals
            .ready()
            .map(|p| fill(tui("proposals.count", lang), &[&p.rows.len().to_string()]))
            .into_iter()
            .collect(),
        // The date the map and the counts are of, in both calendars where they fit.
        View::Map | View::Tiers => {
            let on = match (s.view, s.map.ready()) {
                (View::Map, Some(m)) => m.map.on,
                _ => s.today,
            };
            vec![
                crate::domain::era::both_calendars(on),
                lang.pick(&crate::domain::era::wareki(on), &on.to_string())
                    .to_string(),
            ]
        }
    };
    crate::tui::widgets::tabs::draw(&tabs, &about, theme, f, area);
}

/// `令和7年10月1日時点 ` for a day other than today; empty for today.
fn as_of(app: &App, on: crate::domain::Date) -> String {
    if on == app.skills.today {
        return String::new();
    }
    let lang = app.look.lang;
    let day = lang
        .pick(&crate::domain::era::wareki(on), &on.to_string())
        .to_string();
    format!("{day}{} ", tui("as_of.suffix", lang))
}

/// A scope as people say it: the unit's path and code, or the whole city.
pub fn scope_text(app: &App, scope: &Scope) -> String {
    match &scope.unit {
        None => tui("scope.city", app.look.lang).to_string(),
        Some(code) => {
            let name = app.staff.org.tree.path_name(code);
            if name.is_empty() {
                code.clone()
            } else {
                format!("{name} ({code})")
            }
        }
    }
}

/// A skill's name by key, from whichever view has read the map.
pub fn skill_name(app: &App, key: &str) -> String {
    let s = &app.skills;
    let from_map = s
        .map
        .ready()
        .and_then(|m| m.map.skills.iter().find(|k| k.key == key))
        .map(|k| k.name.clone());
    from_map.unwrap_or_else(|| key.to_string())
}

/// The level scale's word for a source, in the user's language.
pub fn source_text(source: crate::domain::Source, lang: Lang) -> &'static str {
    use crate::domain::Source;
    let key = match source {
        Source::Supervisor => "source.supervisor",
        Source::SelfReport => "source.self",
        Source::Training => "source.training",
    };
    tui(key, lang)
}

fn prompt_box(app: &App, prompt: &Prompt, theme: &Theme, f: &mut Frame, area: Rect) {
    let lang = app.look.lang;
    let hint = match prompt.kind {
        PromptKind::Unit => tui("prompt.unit_hint", lang),
        PromptKind::Rename { .. } | PromptKind::Add { .. } => tui("prompt.name_hint", lang),
        PromptKind::AsOf => tui("prompt.as_of_hint", lang),
    };
    let title = tui(prompt.kind.title_key(), lang);
    crate::tui::widgets::prompt::draw(app, prompt, title, hint, theme.dim(), theme, f, area);
}
