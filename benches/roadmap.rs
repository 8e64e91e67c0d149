//! The roadmap pane: one redraw of the timeline (the demo's progress in it) into a
//! test backend at 80x24 and 160x50, and one keystroke (moving the focus) through the
//! keymap, `update` and a redraw. Goal: a redraw within 5 ms. Run with
//! `cargo bench --bench roadmap`.

use std::sync::Arc;

use divan::Bencher;
use kizuna::catalogue::demo;
use kizuna::domain::{Date, FixedClock};
use kizuna::i18n::Lang;
use kizuna::service::{self, Principal};
use kizuna::tui::action::Action;
use kizuna::tui::app::{App, Look, Pane};
use kizuna::tui::{runtime, ui, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

fn main() {
    divan::main();
}

const LOOK: Look = Look {
    lang: Lang::Ja,
    ascii: false,
    plain: false,
};

/// A small demo database (the staff do not touch the timeline) opened on pane 5.
fn pane(size: (u16, u16)) -> (tempfile::TempDir, kizuna::remote::Api, Principal, App) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.redb");
    let clock = Arc::new(FixedClock::at_noon(Date::new(2026, 11, 25).unwrap()));
    let p = Principal::current();
    service::create_demo(&path, &p, clock.clone(), 200, demo::DEFAULT_SEED).unwrap();
    let s = kizuna::remote::Api::local(kizuna::service::Service::open(&path, clock).unwrap());
    let mut app = runtime::load(&s, &p, LOOK).unwrap();
    update::update(&mut app, Action::Resize(size.0, size.1));
    for effect in update::update(&mut app, Action::Pane(Pane::Roadmap)) {
        runtime::perform(&s, &p, &mut app, effect);
    }
    (dir, s, p, app)
}

const SIZES: [(u16, u16); 2] = [(80, 24), (160, 50)];

/// One full frame of the timeline.
#[divan::bench(args = SIZES, sample_count = 500)]
fn timeline_redraw(bencher: Bencher, size: (u16, u16)) {
    let (_dir, _s, _p, app) = pane(size);
    let mut term = Terminal::new(TestBackend::new(size.0, size.1)).unwrap();
    bencher.bench_local(|| {
        term.draw(|f| ui::render(&app, f)).unwrap();
    });
}

/// A key (j, then k back) through the keymap and `update`, then a full frame.
#[divan::bench(args = SIZES, sample_count = 500)]
fn keystroke_to_frame(bencher: Bencher, size: (u16, u16)) {
    let (_dir, s, p, mut app) = pane(size);
    let mut term = Terminal::new(TestBackend::new(size.0, size.1)).unwrap();
    let keys = [KeyCode::Char('j'), KeyCode::Char('k')];
    let mut i = 0;
    bencher.bench_local(|| {
        let ev = Event::Key(KeyEvent::new(keys[i % 2], KeyModifiers::NONE));
        i += 1;
        if let Some(action) = runtime::action_of(&app, &ev) {
            for effect in update::update(&mut app, action) {
                runtime::perform(&s, &p, &mut app, effect);
            }
        }
        term.draw(|f| ui::render(&app, f)).unwrap();
    });
}
