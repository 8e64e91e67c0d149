//! `update(&mut App, Action) -> Vec<Effect>`: every change of state happens here, and
//! nothing here does I/O.

use super::action::Action;
use super::app::{App, Confirm, Pane};
use super::effect::Effect;
use super::keymap::Layer;
use super::panes::dashboard;
use super::panes::roadmap;
use super::panes::{admin, cases, skills, staff, training};

pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    if let Action::Resize(width, height) = action {
        app.size = (width, height);
        skills::resized(app);
        training::resized(app);
        admin::resized(app);
        dashboard::resized(app);
        roadmap::resized(app);
        return Vec::new();
    }
    match app.layer() {
        Layer::Confirm => return confirm(app, action),
        Layer::Help => {
            match action {
                Action::Back | Action::Help => app.help = None,
                Action::Up => app.help_scroll = app.help_scroll.saturating_sub(1),
                Action::Down => app.help_scroll = app.help_scroll.saturating_add(1),
                Action::Pane(p) => {
                    app.help = None;
                    return show_pane(app, p);
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
        Action::Pane(p) => return show_pane(app, p),
        Action::NextPane => return show_pane(app, app.pane.step(1)),
        Action::PrevPane => return show_pane(app, app.pane.step(-1)),
        Action::Help => {
            app.help = Some(app.base_layer());
            app.help_scroll = 0;
        }
        action if app.ask.is_some() => return training::ask_update(app, action),
        action if app.pane == Pane::Staff => return staff::update(app, action),
        action if app.pane == Pane::Skills => return skills::update(app, action),
        action if app.pane == Pane::Training => return training::update(app, action),
        action if app.pane == Pane::Admin => return admin::update(app, action),
        action if app.pane == Pane::Dashboard => return dashboard::update(app, action),
        action if app.pane == Pane::Cases => return cases::update(app, action),
        action if app.pane == Pane::Roadmap => return roadmap::update(app, action),
        _ => {}
    }
    Vec::new()
}

/// Shows a pane, with what it needs read if it has not been. A question about
/// training belongs to the pane it was asked over, and is dropped on leaving it.
fn show_pane(app: &mut App, pane: Pane) -> Vec<Effect> {
    app.ask = None;
    app.pane = pane;
    match pane {
        Pane::Skills => skills::entered(app),
        Pane::Training => training::entered(app),
        Pane::Admin => admin::entered(app),
        Pane::Dashboard => dashboard::entered(app),
        Pane::Cases => cases::entered(app),
        Pane::Roadmap => roadmap::entered(app),
        _ => Vec::new(),
    }
}

fn quit(app: &mut App) {
    if app.unsaved() {
        app.confirm = Some(Confirm::Quit);
    } else {
        app.quit = true;
    }
}

fn confirm(app: &mut App, action: Action) -> Vec<Effect> {
    let Some(question) = app.confirm else {
        return Vec::new();
    };
    match action {
        Action::Yes => {
            app.confirm = None;
            match question {
                Confirm::Quit => app.quit = true,
                Confirm::Discard => staff::close_form(&mut app.staff),
                Confirm::Retire => return skills::retire_confirmed(app),
                Confirm::CancelEnrollment => return training::cancel_confirmed(app),
                Confirm::CopyPlan => return training::copy_confirmed(app),
                Confirm::RejectSubsidy => return training::reject_confirmed(app),
            }
        }
        Action::No => {
            app.confirm = None;
            app.skills.pending_retire = None;
            app.training.pending = None;
        }
        // Ctrl-C at the question itself: the user means it.
        Action::Quit => app.quit = true,
        _ => {}
    }
    Vec::new()
}
