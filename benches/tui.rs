//! The screens: opening to the first frame with search ready, and one keystroke in the
//! search field to the updated frame, at 2,000 and 50,000 staff. Run with
//! `cargo bench --bench tui`.

use std::sync::Arc;

use divan::Bencher;
use kizuna::catalogue::demo;
use kizuna::domain::{Date, FixedClock};
use kizuna::i18n::Lang;
use kizuna::service::{self, Principal};
use kizuna::tui::app::{App, Look};
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

fn database(staff: usize) -> (tempfile::TempDir, kizuna::remote::Api, Principal) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.redb");
    let clock = Arc::new(FixedClock::at_noon(Date::new(2026, 11, 25).unwrap()));
    let p = Principal::current();
    service::create_demo(&path, &p, clock.clone(), staff, demo::DEFAULT_SEED).unwrap();
    let s = kizuna::remote::Api::local(kizuna::service::Service::open(&path, clock).unwrap());
    (dir, s, p)
}

fn frame(app: &App, term: &mut Terminal<TestBackend>) {
    term.draw(|f| ui::render(app, f)).unwrap();
}

/// Opening the database, loading everyone into the search index, and the first frame.
#[divan::bench(args = [2_000, 50_000], sample_count = 10)]
fn open_to_first_frame(bencher: Bencher, staff: usize) {
    let (dir, _held, p) = database(staff);
    let path = dir.path().join("demo.redb");
    drop(_held);
    let clock = Arc::new(FixedClock::at_noon(Date::new(2026, 11, 25).unwrap()));
    bencher.bench_local(|| {
        let s = kizuna::remote::Api::local(
            kizuna::service::Service::open(&path, clock.clone()).unwrap(),
        );
        let app = runtime::load(&s, &p, LOOK).unwrap();
        let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
        frame(&app, &mut term);
    });
}

fn key(c: KeyCode) -> Event {
    Event::Key(KeyEvent::new(c, KeyModifiers::NONE))
}

/// Each query typed a character at a time and erased again; every keystroke goes
/// from the key event through the keymap, `update` and a full frame. One sample is one
/// keystroke; 1,300 samples cover the 42-key sequence about 30 times.
#[divan::bench(args = [2_000, 50_000], sample_count = 1300, sample_size = 1)]
fn keystroke_to_frame(bencher: Bencher, staff: usize) {
    let (_dir, s, p) = database(staff);
    let mut app = runtime::load(&s, &p, LOOK).unwrap();
    let number = app
        .staff
        .index
        .entry(app.staff.hits[7].index)
        .staff_no
        .clone();
    let mut keys = Vec::new();
    for query in ["y", "ya", "yamada", "やま", "山田", "総務", number.as_str()] {
        for c in query.chars() {
            keys.push(key(KeyCode::Char(c)));
        }
        for _ in query.chars() {
            keys.push(key(KeyCode::Backspace));
        }
    }
    let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let mut i = 0;
    bencher.bench_local(|| {
        let ev = &keys[i % keys.len()];
        i += 1;
        if let Some(action) = runtime::action_of(&app, ev) {
            for effect in update::update(&mut app, action) {
                runtime::perform(&s, &p, &mut app, effect);
            }
        }
        frame(&app, &mut term);
    });
}
