//! A session's roster on the day of a training: one cursor move, and one attendance
//! mark, each from the key event through the keymap, `update`, the service (for a
//! mark) and a whole frame, on a roster of 300 people and more at 80x24 and 120x40.
//! Run with `cargo bench --bench roster`.

use std::sync::Arc;

use divan::Bencher;
use kizuna::domain::{Date, FiscalYear, FixedClock, Session, SessionStatus};
use kizuna::i18n::Lang;
use kizuna::service::{self, BulkFilter, Principal};
use kizuna::tui::action::Action;
use kizuna::tui::app::{App, Look};
use kizuna::tui::effect::Effect;
use kizuna::tui::panes::training;
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

/// Staff in the demo: 328 of them are in post on the bench's date, all on the roster.
const STAFF: usize = 330;

/// The session: the harassment course (for everyone), on a day nothing else meets.
const SESSION: &str = "R8-901";

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

fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn ch(c: char) -> Event {
    key(KeyCode::Char(c))
}

/// Runs one event the way the runtime does.
fn handle(s: &mut Setup, ev: &Event) {
    if let Some(action) = runtime::action_of(&s.app, ev) {
        for effect in update::update(&mut s.app, action) {
            runtime::perform(&s.service, &s.p, &mut s.app, effect);
        }
    }
}

/// Everyone in post enrolled in one session, its roster open in pane 3 on a terminal
/// of `name`, the cursor on the first person.
fn setup(name: &str) -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.redb");
    let day = Date::new(2027, 2, 10).unwrap();
    let clock = Arc::new(FixedClock::at_noon(Date::new(2026, 11, 25).unwrap()));
    let p = Principal::current();
    service::create_demo(&path, &p, clock.clone(), STAFF, 7).unwrap();
    let service = kizuna::remote::Api::local(kizuna::service::Service::open(&path, clock).unwrap());
    let session = Session {
        id: SESSION.into(),
        course: "harassment".into(),
        year: FiscalYear::of(day),
        days: vec![day],
        place: "本庁舎 大会議室".into(),
        instructor: "人事課".into(),
        capacity: 400,
        status: SessionStatus::Open,
        waiting: Vec::new(),
    };
    service.save_session(&p, &session).unwrap();
    service
        .bulk_enroll(&p, SESSION, &BulkFilter::default())
        .unwrap();
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
    // F3, then r in the roster asks for the session by its number.
    handle(&mut s, &key(KeyCode::F(3)));
    handle(&mut s, &ch('r'));
    handle(&mut s, &ch('r'));
    for c in SESSION.chars() {
        handle(&mut s, &ch(c));
    }
    handle(&mut s, &key(KeyCode::Enter));
    let rows = s
        .app
        .training
        .roster
        .ready()
        .map_or(0, |r| r.roster.rows.len());
    assert!(rows >= 300, "a roster of {rows}");
    s
}

fn frame(s: &mut Setup) {
    let app = &s.app;
    s.term.draw(|f| ui::render(app, f)).unwrap();
}

/// A move of the cursor: forty down and forty back, from the middle of the roster, so
/// the list scrolls both ways. One sample is one key to its frame.
#[divan::bench(args = SIZES, sample_count = 2000, sample_size = 1)]
fn cursor_move(bencher: Bencher, name: &str) {
    let mut s = setup(name);
    for _ in 0..150 {
        handle(&mut s, &ch('j'));
    }
    let mut keys = Vec::new();
    for c in ['j', 'k'] {
        keys.extend(std::iter::repeat_n(ch(c), 40));
    }
    let mut i = 0;
    bencher.bench_local(|| {
        let ev = &keys[i % keys.len()];
        i += 1;
        handle(&mut s, ev);
        frame(&mut s);
    });
}

/// An attendance mark: the keymap, `update`, the service storing it (one write
/// transaction), the row changed in place, the cursor moved on, and the frame.
/// 出席 and 欠席 alternate, so every key is a change (at the last row too).
#[divan::bench(args = SIZES, sample_count = 1000, sample_size = 1)]
fn attendance_mark(bencher: Bencher, name: &str) {
    let mut s = setup(name);
    let mut i = 0u32;
    bencher.bench_local(|| {
        let c = if i.is_multiple_of(2) { 'a' } else { 'x' };
        i += 1;
        handle(&mut s, &ch(c));
        frame(&mut s);
    });
}

/// The same without the store: what the screen itself costs for a mark (the
/// service's answer applied to the row, the cursor moved on, the frame).
#[divan::bench(args = SIZES, sample_count = 2000, sample_size = 1)]
fn attendance_mark_screen_only(bencher: Bencher, name: &str) {
    let mut s = setup(name);
    let today = Date::new(2026, 11, 25).unwrap();
    let mut i = 0u32;
    bencher.bench_local(|| {
        let c = if i.is_multiple_of(2) { 'a' } else { 'x' };
        i += 1;
        let action = runtime::action_of(&s.app, &ch(c)).unwrap();
        for effect in update::update(&mut s.app, action) {
            if let Effect::SetAttendance {
                session,
                staff_no,
                status,
                row,
            } = effect
            {
                training::attendance_stored(
                    &mut s.app, &session, &staff_no, status, row, today, None,
                );
            }
        }
        frame(&mut s);
    });
}
