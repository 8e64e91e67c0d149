//! Pane 5 ロードマップ through the real keymap: the timeline against the catalogue on
//! the drawn screen (1-2 empty after R10, 1-3 arrows to R12, today's marker), moving
//! between initiatives and years, setting a status, adding a note and revising a plan
//! from the keys, the detail view, help, a reader without HR's role, and snapshots of
//! the timeline at 80x24, 120x40 and 160x50 and of the detail.

mod common;

use std::sync::Arc;

use common::screens::{keys, screen};
use kizuna::domain::progress::PlanCell;
use kizuna::domain::{Date, FiscalYear, FixedClock, Progress, Role};
use kizuna::i18n::Lang;
use kizuna::service::{self, Principal};
use kizuna::tui::action::Action;
use kizuna::tui::app::{App, Look, Notice, Pane};
use kizuna::tui::keymap::Layer;
use kizuna::tui::widgets::text::width;
use kizuna::tui::{runtime, update};
use ratatui::crossterm::event::Event;

struct World {
    _dir: tempfile::TempDir,
    service: kizuna::remote::Api,
    hr: Principal,
}

fn r(n: i32) -> FiscalYear {
    FiscalYear::reiwa(n)
}

/// A new database with a little progress: 1-4 done, 3-4 delayed, a note and an owner.
fn world() -> World {
    let dir = tempfile::tempdir().unwrap();
    let hr = Principal::named("hr.test", 5000);
    let clock = Arc::new(FixedClock::at_noon(Date::new(2026, 11, 25).unwrap()));
    let service = service::init(&dir.path().join("k.redb"), &hr, clock).unwrap();
    service
        .set_progress(&hr, "1-4", r(8), Progress::Done)
        .unwrap();
    service
        .set_progress(&hr, "2-1", r(8), Progress::InProgress)
        .unwrap();
    service
        .set_progress(&hr, "3-4", r(8), Progress::Delayed)
        .unwrap();
    service
        .add_progress_note(&hr, "3-4", Some(r(8)), "マニュアル策定が遅れている")
        .unwrap();
    World {
        _dir: dir,
        service: kizuna::remote::Api::local(service),
        hr,
    }
}

fn app(w: &World, p: &Principal, lang: Lang, size: (u16, u16)) -> App {
    let look = Look {
        lang,
        ascii: false,
        plain: true,
    };
    let mut app = runtime::load(&w.service, p, look).unwrap();
    app.status.database = "/srv/kizuna/kizuna.redb".into();
    update::update(&mut app, Action::Resize(size.0, size.1));
    app
}

fn press(w: &World, p: &Principal, app: &mut App, text: &str) {
    for ev in keys(text) {
        if let Some(action) = runtime::action_of(app, &Event::Key(ev)) {
            for effect in update::update(app, action) {
                runtime::perform(&w.service, p, app, effect);
            }
        }
    }
}

fn notice(a: &App) -> String {
    match &a.notice {
        Some(Notice::Info(t) | Notice::Error(t)) => t.clone(),
        None => String::new(),
    }
}

fn focused(a: &App) -> (String, FiscalYear) {
    (
        a.roadmap.focused_id().unwrap(),
        a.roadmap.focused_year().unwrap(),
    )
}

/// The drawn line of an initiative.
fn row_line(text: &str, id: &str) -> String {
    text.lines()
        .find(|l| l.starts_with(&format!("{id} ")))
        .unwrap_or_else(|| panic!("no line for {id}:\n{text}"))
        .to_string()
}

/// Display cells before the first `part` of a line.
fn cells_before(line: &str, part: &str) -> usize {
    width(&line[..line.find(part).unwrap()])
}

fn snapshot(name: &str, text: String) {
    insta::with_settings!({ snapshot_path => "snapshots", prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!(name, text);
    });
}

#[test]
fn f5_opens_the_timeline_as_the_catalogue_draws_it() {
    let w = world();
    let mut a = app(&w, &w.hr, Lang::Ja, (80, 24));
    press(&w, &w.hr, &mut a, "<F5>");
    assert_eq!((a.pane, a.layer()), (Pane::Roadmap, Layer::RoadmapTimeline));
    assert_eq!(
        focused(&a),
        ("1-1a".to_string(), r(8)),
        "on this fiscal year"
    );
    let t = a.roadmap.timeline.ready().unwrap();
    assert_eq!(
        *t,
        w.service.roadmap(&w.hr).unwrap(),
        "what the service says"
    );
    let cells = |id: &str| -> Vec<PlanCell> {
        t.row(id)
            .unwrap()
            .cells
            .iter()
            .map(|c| c.plan.clone())
            .collect()
    };
    assert_eq!(cells("1-2")[3..], [PlanCell::Empty, PlanCell::Empty]);
    assert_eq!(cells("1-3")[3..], [PlanCell::Arrow, PlanCell::Arrow]);

    for (cols, height) in [(80, 24), (160, 50)] {
        let text = screen(&a, cols, height);
        let heading = text.lines().nth(2).unwrap();
        for y in ["R8", "R9", "R10", "R11", "R12"] {
            assert!(heading.contains(y), "{heading}");
        }
        assert!(text.contains("▲11月"), "today's month marked:\n{text}");
        assert!(text.contains("[1] 人事管理からのアプローチ"));
        // 1-2: nothing under R11 and R12; 1-3: an arrow under each.
        let r11 = cells_before(heading, "R11") - 1;
        let r12 = cells_before(heading, "R12") - 1;
        let one_two = row_line(&text, "1-2");
        assert!(width(&one_two) <= r11, "nothing after R10: {one_two}");
        assert!(!one_two.contains('→'), "{one_two}");
        let one_three = row_line(&text, "1-3");
        assert_eq!(one_three.matches('→').count(), 2, "{one_three}");
        let arrows: Vec<usize> = one_three
            .match_indices('→')
            .map(|(at, _)| width(&one_three[..at]))
            .collect();
        assert!(arrows[0] > r11 && arrows[0] < r12, "{arrows:?} {r11} {r12}");
        assert!(arrows[1] > r12, "{arrows:?}");
        // Statuses read without colour.
        assert!(row_line(&text, "1-4").contains("+カムバッ"), "{text}");
        assert!(row_line(&text, "2-1").contains(">計画的"));
        if height == 50 {
            assert!(row_line(&text, "3-4").contains("!各取り組みの実践"));
        }
    }
}

#[test]
fn a_narrow_terminal_scrolls_the_years_sideways() {
    let w = world();
    let mut a = app(&w, &w.hr, Lang::Ja, (60, 16));
    press(&w, &w.hr, &mut a, "<F5>");
    let text = screen(&a, 60, 16);
    let heading = text.lines().nth(2).unwrap();
    assert!(
        heading.contains("R8") && !heading.contains("R12"),
        "{heading}"
    );
    press(&w, &w.hr, &mut a, "llll");
    let text = screen(&a, 60, 16);
    let heading = text.lines().nth(2).unwrap();
    assert!(
        heading.contains("R12") && !heading.contains("R8 "),
        "{heading}"
    );
    assert!(
        text.contains("1-1a R12 [未着手] → 前年度から継続"),
        "{text}"
    );
}

#[test]
fn keys_move_set_the_status_add_a_note_and_revise_a_plan() {
    let w = world();
    let me = w.hr.clone();
    let mut a = app(&w, &me, Lang::Ja, (80, 24));
    press(&w, &me, &mut a, "<F5>jjj");
    assert_eq!(focused(&a), ("1-3".to_string(), r(8)));
    press(&w, &me, &mut a, "d");
    assert_eq!(notice(&a), "1-3 R8 を遅延にしました");
    let t = w.service.roadmap(&me).unwrap();
    assert_eq!(t.row("1-3").unwrap().cells[0].status, Progress::Delayed);
    assert_eq!(
        a.roadmap
            .timeline
            .ready()
            .unwrap()
            .row("1-3")
            .unwrap()
            .cells[0]
            .status,
        Progress::Delayed,
        "the pane read it again"
    );
    assert!(screen(&a, 80, 24).contains("1-3 R8 [遅延] 情報収集・制度設計・予算要求"));
    // Same again: refused, nothing written.
    press(&w, &me, &mut a, "d");
    assert_eq!(notice(&a), "既に遅延です");

    // A note on the focused year, through the question.
    press(&w, &me, &mut a, "a");
    assert_eq!(a.layer(), Layer::RoadmapText);
    press(&w, &me, &mut a, "<Enter>");
    assert!(
        screen(&a, 80, 24).contains("文が空です"),
        "an empty note is refused"
    );
    press(&w, &me, &mut a, "予算要求は次年度?<Enter>");
    assert_eq!(a.layer(), Layer::RoadmapTimeline);
    let d = w.service.roadmap_detail(&me, "1-3").unwrap();
    let note = d.progress.notes.last().unwrap();
    assert_eq!(
        (note.text.as_str(), note.fy),
        ("予算要求は次年度?", Some(r(8)))
    );

    // The plan of R9, starting from its text.
    press(&w, &me, &mut a, "le");
    let prompt = a.roadmap.prompt.as_ref().unwrap();
    assert_eq!(prompt.input.text(), "システム導入");
    press(&w, &me, &mut a, "<End>（一部）<Enter>");
    assert_eq!(notice(&a), "1-3 R9 の計画を改訂しました");
    let d = w.service.roadmap_detail(&me, "1-3").unwrap();
    assert_eq!(d.cell(r(9)), PlanCell::Plan("システム導入（一部）".into()));
    assert_eq!(d.versions(r(9)).len(), 2);
    // Esc closes the question unsaved.
    press(&w, &me, &mut a, "exyz<Esc>");
    assert_eq!(a.layer(), Layer::RoadmapTimeline);
    assert_eq!(
        w.service
            .roadmap_detail(&me, "1-3")
            .unwrap()
            .versions(r(9))
            .len(),
        2
    );

    // Years stop at the ends; initiatives too.
    press(&w, &me, &mut a, "llllll");
    assert_eq!(focused(&a).1, r(12));
    press(&w, &me, &mut a, "hhhhhhh");
    assert_eq!(focused(&a).1, r(8));
    press(&w, &me, &mut a, "G");
    assert_eq!(focused(&a).0, "5-3");
    let text = screen(&a, 80, 24);
    assert!(text.contains("5-3 "), "scrolled to the last:\n{text}");
    assert!(!text.contains("1-1a "), "the first is out of view at 80x24");
    press(&w, &me, &mut a, "g");
    assert_eq!(focused(&a).0, "1-1a");
    press(&w, &me, &mut a, "<PgDn>");
    assert!(a.roadmap.row > 5);
}

#[test]
fn enter_shows_the_initiative_whole_and_its_history() {
    let w = world();
    let me = w.hr.clone();
    let mut a = app(&w, &me, Lang::Ja, (80, 24));
    w.service
        .edit_plan(&me, "3-4", r(9), "マニュアルの運用")
        .unwrap();
    press(&w, &me, &mut a, "<F5>G");
    press(&w, &me, &mut a, "kkkk");
    assert_eq!(focused(&a).0, "3-4");
    press(&w, &me, &mut a, "<Enter>");
    assert_eq!(a.layer(), Layer::RoadmapDetail);
    let text = screen(&a, 80, 24);
    assert!(text.contains("3-4 ハラスメント対策"), "{text}");
    assert!(text.contains("R8 [遅延] 各取り組みの実践"));
    assert!(text.contains("R9 [未着手] マニュアルの運用"));
    assert!(text.contains("方針の計画: 計画 → 前年度から継続"), "{text}");
    // Status keys work on the detail's initiative and the focused year.
    press(&w, &me, &mut a, "p");
    assert_eq!(notice(&a), "3-4 R8 を進行中にしました");
    assert!(screen(&a, 80, 24).contains("R8 [進行中]"));
    // Scrolling reaches the notes, the actions word for word and the problem statement.
    press(&w, &me, &mut a, "<PgDn><PgDn><PgDn>");
    let all: String = (0..6)
        .map(|_| {
            press(&w, &me, &mut a, "<PgUp>");
            screen(&a, 80, 24)
        })
        .collect();
    let whole = {
        let mut s = String::new();
        let mut b = app(&w, &me, Lang::Ja, (160, 50));
        press(&w, &me, &mut b, "<F5>G");
        press(&w, &me, &mut b, "kkkk<Enter>");
        s.push_str(&screen(&b, 160, 50));
        s.push_str(&all);
        s
    };
    for part in [
        "ハラスメント防止研修、ハラスメント相談員研修の実施",
        "マニュアル策定が遅れている",
        "状況 遅延",
        "状況 進行中",
        "本市では、令和元年7月に",
    ] {
        assert!(whole.contains(part), "{part}");
    }
    press(&w, &me, &mut a, "<Esc>");
    assert_eq!(a.layer(), Layer::RoadmapTimeline);
    assert_eq!(focused(&a).0, "3-4", "back where it was");
}

#[test]
fn help_lists_the_pane_keys_and_a_question_mark_types_in_a_note() {
    let w = world();
    let me = w.hr.clone();
    let mut a = app(&w, &me, Lang::Ja, (80, 24));
    press(&w, &me, &mut a, "<F5>?");
    assert_eq!(a.layer(), Layer::Help);
    let text = screen(&a, 80, 24);
    for part in [
        "遅延にする",
        "記録を追加",
        "計画を改訂",
        "取組の詳細",
        "次の年度",
    ] {
        assert!(text.contains(part), "{part}:\n{text}");
    }
    press(&w, &me, &mut a, "<Esc>a?");
    assert_eq!(a.layer(), Layer::Help, "? in an empty field is help");
    press(&w, &me, &mut a, "<Esc>x?");
    assert_eq!(a.roadmap.prompt.as_ref().unwrap().input.text(), "x?");
}

#[test]
fn a_reader_without_hr_sees_the_timeline_and_is_told_why_it_cannot_change() {
    let w = world();
    w.service.add_account(&w.hr, "view.only", None).unwrap();
    w.service.grant(&w.hr, "view.only", Role::Viewer).unwrap();
    let viewer = Principal::named("view.only", 6000);
    let mut a = app(&w, &viewer, Lang::Ja, (80, 24));
    press(&w, &viewer, &mut a, "<F5>jjjd");
    assert!(a.roadmap.timeline.ready().is_some());
    assert!(notice(&a).contains("staff.write"), "{}", notice(&a));
    assert_eq!(
        w.service.roadmap_detail(&w.hr, "1-3").unwrap().status(r(8)),
        Progress::NotStarted
    );
}

#[test]
fn snapshots_of_the_timeline_and_the_detail() {
    let w = world();
    let me = w.hr.clone();
    for (lang, tag) in [(Lang::Ja, "ja"), (Lang::En, "en")] {
        for (width, height) in [(80, 24), (120, 40), (160, 50)] {
            if lang == Lang::En && width == 120 {
                continue;
            }
            let mut a = app(&w, &me, lang, (width, height));
            press(&w, &me, &mut a, "<F5>jjj");
            snapshot(
                &format!("roadmap_timeline_{tag}_{width}x{height}"),
                screen(&a, width, height),
            );
        }
    }
    for (width, height) in [(80, 24), (160, 50)] {
        let mut a = app(&w, &me, Lang::Ja, (width, height));
        press(&w, &me, &mut a, "<F5>Gkkkk<Enter>");
        snapshot(
            &format!("roadmap_detail_ja_{width}x{height}"),
            screen(&a, width, height),
        );
    }
}

#[test]
fn revising_an_arrow_proposes_the_arrow_and_enter_keeps_it() {
    let w = world();
    let me = w.hr.clone();
    let mut a = app(&w, &me, Lang::Ja, (80, 24));
    // 1-3 in R11: the policy's arrow.
    press(&w, &me, &mut a, "<F5>jjjlll");
    assert_eq!(focused(&a), ("1-3".to_string(), r(11)));
    press(&w, &me, &mut a, "e");
    assert_eq!(a.roadmap.prompt.as_ref().unwrap().input.text(), "→");
    press(&w, &me, &mut a, "<Enter>");
    let d = w.service.roadmap_detail(&me, "1-3").unwrap();
    assert_eq!(d.cell(r(11)), PlanCell::Arrow, "the arrow stays");
    assert_eq!(d.versions(r(11)).len(), 1, "nothing was revised");
    // Emptied on purpose, the year has nothing planned; an arrow typed brings it back.
    press(&w, &me, &mut a, "e<C-u><Enter>");
    let d = w.service.roadmap_detail(&me, "1-3").unwrap();
    assert_eq!(d.cell(r(11)), PlanCell::Empty);
    press(&w, &me, &mut a, "e->");
    press(&w, &me, &mut a, "<Enter>");
    let d = w.service.roadmap_detail(&me, "1-3").unwrap();
    assert_eq!(d.cell(r(11)), PlanCell::Arrow);
    assert_eq!(d.versions(r(11)).len(), 3);
}
