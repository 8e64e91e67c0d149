//! The skill matrix during year-start entry: one cursor move, and one level typed,
//! each from the key event through the keymap, `update`, the service (for a level) and
//! a whole frame, on the matrix of a 210-person demo city at 80x24 and 120x40. Run with
//! `cargo bench --bench matrix`.

use std::sync::Arc;

use divan::Bencher;
use kizuna::domain::{Date, FixedClock};
use kizuna::i18n::Lang;
use kizuna::service::{self, Principal};
use kizuna::tui::action::Action;
use kizuna::tui::app::{App, Look};
use kizuna::tui::effect::Effect;
use kizuna::tui::panes::skills;
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

/// Staff in the demo: 210 of them are in post on the bench's date.
const STAFF: usize = 210;

const SIZES: [&str; 2] = ["80x24", "120x40"];

fn size(name: &str) -> (u16, u16) {
    let (w, h) = name.split_once('x').unwrap();
    (w.parse().unwrap(), h.parse().unwrap())
}

struct Setup {
    _dir: tempfile::TempDir,
    service: kizuna::remote::Api,
    p: Principal,
    app: App,
    term: Terminal<TestBackend>,
}

fn key(c: char) -> Event {
    Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

fn enter() -> Event {
    Event::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE))
}

/// Runs one event the way the runtime does.
fn handle(s: &mut Setup, ev: &Event) {
    if let Some(action) = runtime::action_of(&s.app, ev) {
        for effect in update::update(&mut s.app, action) {
            runtime::perform(&s.service, &s.p, &mut s.app, effect);
        }
    }
}

/// The whole city's matrix (an empty unit), open in pane 2 on a terminal of `name`.
fn setup(name: &str) -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.redb");
    let clock = Arc::new(FixedClock::at_noon(Date::new(2026, 11, 25).unwrap()));
    let p = Principal::current();
    service::create_demo(&path, &p, clock.clone(), STAFF, 7).unwrap();
    let service = kizuna::remote::Api::local(kizuna::service::Service::open(&path, clock).unwrap());
    let mut app = runtime::load(&service, &p, LOOK).unwrap();
    let (w, h) = size(name);
    update::update(&mut app, Action::Resize(w, h));
    let term = Terminal::new(TestBackend::new(w, h)).unwrap();
    let mut s = Setup {
        _dir: dir,
        service,
        p,
        app,
        term,
    };
    handle(
        &mut s,
        &Event::Key(KeyEvent::new(KeyCode::F(2), KeyModifiers::NONE)),
    );
    handle(&mut s, &enter());
    let rows = s
        .app
        .skills
        .matrix
        .ready()
        .map_or(0, |m| m.matrix.rows.len());
    assert!(rows >= 200, "a matrix of {rows}");
    s
}

fn frame(s: &mut Setup) {
    let app = &s.app;
    s.term.draw(|f| ui::render(app, f)).unwrap();
}

/// A move of the cursor: a square of ten steps each way, so the grid scrolls both
/// ways at 80x24. One sample is one key to its frame.
#[divan::bench(args = SIZES, sample_count = 2000, sample_size = 1)]
fn cursor_move(bencher: Bencher, name: &str) {
    let mut s = setup(name);
    let mut keys = Vec::new();
    for c in ['l', 'j', 'h', 'k'] {
        keys.extend(std::iter::repeat_n(key(c), 10));
    }
    // Start where moving right scrolls the columns at 80 wide.
    for _ in 0..15 {
        handle(&mut s, &key('l'));
    }
    let mut i = 0;
    bencher.bench_local(|| {
        let ev = &keys[i % keys.len()];
        i += 1;
        handle(&mut s, ev);
        frame(&mut s);
    });
}

/// A level typed: the keymap, `update`, the service storing it (one write
/// transaction), the cell changed in place, the cursor moved on, and the frame.
#[divan::bench(args = SIZES, sample_count = 1000, sample_size = 1)]
fn level_set(bencher: Bencher, name: &str) {
    let mut s = setup(name);
    let mut i = 0u32;
    bencher.bench_local(|| {
        let digit = char::from_digit(i % 5, 10).unwrap();
        i += 1;
        handle(&mut s, &key(digit));
        frame(&mut s);
    });
}

/// The same without the store: what the screen itself costs for a level typed (the
/// service's answer applied to the cell, undo kept, the cursor moved on, the frame).
#[divan::bench(args = SIZES, sample_count = 2000, sample_size = 1)]
fn level_set_screen_only(bencher: Bencher, name: &str) {
    let mut s = setup(name);
    let mut i = 0u32;
    bencher.bench_local(|| {
        let digit = char::from_digit(i % 5, 10).unwrap();
        i += 1;
        let action = runtime::action_of(&s.app, &key(digit)).unwrap();
        for effect in update::update(&mut s.app, action) {
            if let Effect::SetLevel {
                staff_no,
                skill,
                level,
                row,
                col,
                ..
            } = effect
            {
                let change = kizuna::service::LevelChange {
                    staff_no: staff_no.clone(),
                    skill: skill.clone(),
                    before: Vec::new(),
                    after: Vec::new(),
                };
                skills::level_stored(&mut s.app, &staff_no, &skill, level, (row, col), change);
            }
        }
        frame(&mut s);
    });
}
