//! `update(&mut App, Action) -> Vec<Effect>`: every change of state happens here, and
//! nothing here does I/O.

use super::action::Action;
use super::app::{App, Confirm, Pane};
use super::effect::Effect;
use super::keymap::Layer;
use super::panes::staff;

pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    match app.layer() {
        Layer::Confirm => {
            confirm(app, action);
            return Vec::new();
        }
        Layer::Help => {
            match action {
                Action::Back | Action::Help => app.help = None,
                Action::Up => app.help_scroll = app.help_scroll.saturating_sub(1),
                Action::Down => app.help_scroll = app.help_scroll.saturating_add(1),
                Action::Pane(p) => {
                    app.help = None;
                    app.pane = p;
                }
                Action::Quit => quit(app),
                _ => {}
            }
            return Vec::new();
        }
        _ => {}
    }
    if !matches!(action, Action::Input(_) | Action::Paste(_)) {
        app.notice = None;
    }
    match action {
        Action::Quit => quit(app),
        Action::Pane(p) => app.pane = p,
        Action::NextPane => app.pane = app.pane.step(1),
        Action::PrevPane => app.pane = app.pane.step(-1),
        Action::Help => {
            app.help = Some(app.base_layer());
            app.help_scroll = 0;
        }
        action if app.pane == Pane::Staff => return staff::update(app, action),
        _ => {}
    }
    Vec::new()
}

fn quit(app: &mut App) {
    if app.unsaved() {
        app.confirm = Some(Confirm::Quit);
    } else {
        app.quit = true;
    }
}

fn confirm(app: &mut App, action: Action) {
    let Some(question) = app.confirm else {
        return;
    };
    match action {
        Action::Yes => {
            app.confirm = None;
            match question {
                Confirm::Quit => app.quit = true,
                Confirm::Discard => staff::close_form(&mut app.staff),
            }
        }
        Action::No => app.confirm = None,
        // Ctrl-C at the question itself: the user means it.
        Action::Quit => app.quit = true,
        _ => {}
    }
}
