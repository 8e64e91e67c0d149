//! The world of the pane-7 tests: a small database with accounts of every kind, and
//! the screens driven through the real keymap.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::common::screens::keys;
use kizuna::domain::{Date, FixedClock, Role};
use kizuna::i18n::Lang;
use kizuna::io::csv::{Encoding, Gaiji};
use kizuna::service::{self, EmployeeImport, Principal};
use kizuna::tui::action::Action;
use kizuna::tui::app::{App, Look, Notice};
use kizuna::tui::panes::admin::LogState;
use kizuna::tui::{runtime, update};
use ratatui::crossterm::event::Event;

pub struct World {
    pub dir: tempfile::TempDir,
    pub service: kizuna::remote::Api,
    pub admin: Principal,
}

pub fn clock() -> Arc<FixedClock> {
    Arc::new(FixedClock::at_noon(Date::new(2026, 11, 25).unwrap()))
}

pub fn path(dir: &tempfile::TempDir) -> PathBuf {
    dir.path().join("demo.redb")
}

/// A new database (a demo's log holds random case ids) with the sample units and
/// staff, its maker admin, HR and auditor; accounts for each other case (an auditor
/// alone, on the register; an admin alone; someone from HR with neither pane-7 role),
/// and enough more accounts (each one an audit entry) to scroll.
pub fn world() -> World {
    let dir = tempfile::tempdir().unwrap();
    let admin = Principal::named("hr.test", 5000);
    let service = service::init(&path(&dir), &admin, clock()).unwrap();
    service.grant(&admin, "hr.test", Role::Auditor).unwrap();
    let fixture = |name: &str| {
        std::fs::read(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("fixtures/csv")
                .join(name),
        )
        .unwrap()
    };
    service
        .import_orgs(&admin, &fixture("orgs.csv"), Encoding::Auto, false)
        .unwrap();
    service
        .import_titles(&admin, &fixture("titles.csv"), Encoding::Auto, false)
        .unwrap();
    let gaiji = Gaiji::empty();
    let opts = EmployeeImport {
        encoding: Encoding::Auto,
        effective: None,
        dry_run: false,
        gaiji: &gaiji,
    };
    service
        .import_employees(&admin, &fixture("employees.csv"), &opts, &mut |_, _, _| {})
        .unwrap();
    service
        .add_account(&admin, "audit.only", Some("000123"))
        .unwrap();
    service.grant(&admin, "audit.only", Role::Auditor).unwrap();
    for (name, role) in [("admin.only", Role::Admin), ("hr.only", Role::Hr)] {
        service.add_account(&admin, name, None).unwrap();
        service.grant(&admin, name, role).unwrap();
    }
    for i in 0..30 {
        service
            .add_account(&admin, &format!("staff{i:02}"), None)
            .unwrap();
    }
    World {
        dir,
        service: kizuna::remote::Api::local(service),
        admin,
    }
}

pub fn who(name: &str) -> Principal {
    Principal::named(name, 6000)
}

pub fn app(w: &World, p: &Principal, lang: Lang) -> App {
    let look = Look {
        lang,
        ascii: false,
        plain: true,
    };
    let mut app = runtime::load(&w.service, p, look).unwrap();
    // The temporary path would change every snapshot.
    app.status.database = "/srv/kizuna/demo.redb".into();
    app
}

pub fn press(w: &World, p: &Principal, app: &mut App, text: &str) {
    for ev in keys(text) {
        if let Some(action) = runtime::action_of(app, &Event::Key(ev)) {
            for effect in update::update(app, action) {
                runtime::perform(&w.service, p, app, effect);
            }
        }
    }
}

pub fn resize(app: &mut App, width: u16, height: u16) {
    update::update(app, Action::Resize(width, height));
}

pub fn log(a: &App) -> &LogState {
    a.admin.log.ready().expect("the log is read")
}

pub fn at(a: &App) -> u64 {
    log(a).selected().unwrap().seq
}

pub fn notice(a: &App) -> String {
    match &a.notice {
        Some(Notice::Info(t) | Notice::Error(t)) => t.clone(),
        None => String::new(),
    }
}
