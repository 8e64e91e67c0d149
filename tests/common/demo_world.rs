//! A small demo database opened through the Api as an HR user, and the screens on it:
//! for the tests that drive the panes with keys.

use std::sync::Arc;

use kizuna::domain::{Date, FixedClock};
use kizuna::i18n::Lang;
use kizuna::remote::Api;
use kizuna::service::{self, Principal};
use kizuna::tui::app::{App, Look};
use kizuna::tui::{runtime, update};
use ratatui::crossterm::event::Event;

use super::screens::keys;

pub struct World {
    _dir: tempfile::TempDir,
    pub api: Api,
    pub p: Principal,
}

/// 50 demo staff, today fixed at noon on `today`.
pub fn world(today: Date) -> World {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.redb");
    let clock = Arc::new(FixedClock::at_noon(today));
    let p = Principal::named("hr.test", 5000);
    service::create_demo(&path, &p, clock.clone(), 50, 7).unwrap();
    let api = Api::local(service::Service::open(&path, clock).unwrap());
    World { _dir: dir, api, p }
}

/// The screens, with a fixed database name in the status line.
pub fn app(w: &World, lang: Lang) -> App {
    let look = Look {
        lang,
        ascii: false,
        plain: true,
    };
    let mut app = runtime::load(&w.api, &w.p, look).unwrap();
    app.status.database = "/srv/kizuna/demo.redb".into();
    app
}

/// Keys through the real keymap, each effect carried out.
pub fn press(w: &World, app: &mut App, text: &str) {
    for ev in keys(text) {
        if let Some(action) = runtime::action_of(app, &Event::Key(ev)) {
            for effect in update::update(app, action) {
                runtime::perform(&w.api, &w.p, app, effect);
            }
        }
    }
}

/// An insta snapshot under tests/snapshots, named without the module.
pub fn snapshot(name: &str, text: String) {
    insta::with_settings!({ snapshot_path => "../snapshots", prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!(name, text);
    });
}
