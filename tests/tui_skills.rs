//! Pane 2 スキル through the real keymap: the skill map and its edits, the matrix
//! entered with digits (and undone), the gap and tier reports, and the gaps on the
//! staff pane's card; snapshots at 80x24 and 120x40.

mod common;

use common::screens::{keys, screen};
use std::sync::Arc;

use kizuna::domain::{Date, FixedClock, Level, Role};
use kizuna::i18n::Lang;
use kizuna::service::{self, Principal, Scope};
use kizuna::tui::action::Action;
use kizuna::tui::app::{App, Look, Pane};
use kizuna::tui::keymap::Layer;
use kizuna::tui::panes::staff::Focus;
use kizuna::tui::{runtime, update};
use ratatui::crossterm::event::Event;

struct World {
    _dir: tempfile::TempDir,
    service: kizuna::remote::Api,
    p: Principal,
}

fn today() -> Date {
    Date::new(2026, 11, 25).unwrap()
}

fn world(staff: usize) -> World {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.redb");
    let clock = Arc::new(FixedClock::at_noon(today()));
    let p = Principal::named("hr.test", 5000);
    service::create_demo(&path, &p, clock.clone(), staff, 7).unwrap();
    World {
        _dir: dir,
        service: kizuna::remote::Api::local(kizuna::service::Service::open(&path, clock).unwrap()),
        p,
    }
}

fn app_as(w: &World, p: &Principal, lang: Lang) -> App {
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

fn app(w: &World, lang: Lang) -> App {
    app_as(w, &w.p, lang)
}

fn press_as(w: &World, p: &Principal, app: &mut App, text: &str) {
    for ev in keys(text) {
        if let Some(action) = runtime::action_of(app, &Event::Key(ev)) {
            for effect in update::update(app, action) {
                runtime::perform(&w.service, p, app, effect);
            }
        }
    }
}

fn press(w: &World, app: &mut App, text: &str) {
    press_as(w, &w.p, app, text);
}

/// The terminal the app believes it has, as the runtime tells it.
fn resize(app: &mut App, width: u16, height: u16) {
    update::update(app, Action::Resize(width, height));
}

/// The matrix of 0102 総務部 職員課 (34 people in the demo at this seed).
fn matrix_of_0102(w: &World, lang: Lang) -> App {
    let mut a = app(w, lang);
    press(w, &mut a, "<F2>");
    assert_eq!(
        a.layer(),
        Layer::Prompt,
        "no card yet: the pane asks for a unit"
    );
    press(w, &mut a, "0102<Enter>");
    assert_eq!(a.layer(), Layer::Grid);
    a
}

fn matrix(a: &App) -> &kizuna::tui::panes::skills::matrix::MatrixState {
    a.skills.matrix.ready().expect("a matrix")
}

fn level_of(w: &World, staff_no: &str, key: &str) -> Option<Level> {
    w.service
        .sheet(&w.p, staff_no)
        .unwrap()
        .level_on(key, today())
        .map(|e| e.level)
}

#[test]
fn a_whole_section_is_entered_with_digits_only() {
    let w = world(2000);
    let mut a = matrix_of_0102(&w, Lang::Ja);
    let (rows, cols) = {
        let m = matrix(&a);
        (m.matrix.rows.len(), m.matrix.columns())
    };
    assert!(rows >= 30, "a section of {rows}");
    assert_eq!(
        cols, 24,
        "18 skills, 2 foundation skills, 4 digital domains"
    );
    let want = |r: usize, c: usize| ((r * 7 + c * 3) % 5) as u8;
    let mut digits = String::new();
    for r in 0..rows {
        for c in 0..cols {
            digits.push(char::from(b'0' + want(r, c)));
        }
    }
    press(&w, &mut a, &digits);
    assert_eq!(a.pane, Pane::Skills, "digits never left the matrix");
    assert_eq!(a.notice, None);
    let m = matrix(&a);
    assert_eq!(
        (m.row, m.col),
        (rows - 1, cols - 1),
        "the cursor ends on the last cell"
    );
    assert_eq!(a.skills.undo.len(), rows * cols);
    for (r, row) in m.matrix.rows.iter().enumerate() {
        let sheet = w.service.sheet(&w.p, &row.staff_no).unwrap();
        for c in 0..cols {
            let key = m.matrix.column_key(c).unwrap();
            let stored = sheet.level_on(&key, today()).unwrap();
            assert_eq!(stored.level.number(), want(r, c), "{} {key}", row.name);
            assert_eq!(stored.from, today());
            assert_eq!(stored.source, kizuna::domain::Source::Supervisor);
            assert_eq!(stored.assessor, "hr.test");
            assert_eq!(row.levels[c].map(Level::number), Some(want(r, c)), "shown");
        }
    }
    // What the matrix shows is what a fresh read says.
    let fresh = w
        .service
        .matrix(
            &w.p,
            &Scope {
                unit: Some("0102".into()),
                ..Scope::default()
            },
            today(),
        )
        .unwrap();
    assert_eq!(fresh.rows, m.matrix.rows);
}

#[test]
fn u_takes_back_levels_one_by_one() {
    let w = world(2000);
    let mut a = matrix_of_0102(&w, Lang::Ja);
    let (staff_no, k0, k1) = {
        let m = matrix(&a);
        let r = &m.matrix.rows[0];
        (
            r.staff_no.clone(),
            m.matrix.column_key(0).unwrap(),
            m.matrix.column_key(1).unwrap(),
        )
    };
    let before = w.service.sheet(&w.p, &staff_no).unwrap();
    let shown: Vec<Option<Level>> = matrix(&a).matrix.rows[0].levels[..2].to_vec();
    press(&w, &mut a, "42");
    assert_eq!(level_of(&w, &staff_no, &k0).map(Level::number), Some(4));
    assert_eq!(level_of(&w, &staff_no, &k1).map(Level::number), Some(2));
    assert_eq!((matrix(&a).row, matrix(&a).col), (0, 2));
    press(&w, &mut a, "u");
    assert_eq!(
        (matrix(&a).row, matrix(&a).col),
        (0, 1),
        "back on the cell undone"
    );
    assert_eq!(matrix(&a).matrix.rows[0].levels[1], shown[1]);
    assert_eq!(
        w.service.sheet(&w.p, &staff_no).unwrap().skills.get(&k1),
        before.skills.get(&k1),
        "the rows exactly as they were"
    );
    assert_eq!(level_of(&w, &staff_no, &k0).map(Level::number), Some(4));
    press(&w, &mut a, "u");
    assert_eq!(matrix(&a).matrix.rows[0].levels[0], shown[0]);
    assert_eq!(w.service.sheet(&w.p, &staff_no).unwrap(), before);
    press(&w, &mut a, "u");
    assert!(
        matches!(&a.notice, Some(kizuna::tui::app::Notice::Info(t)) if t.contains("取り消す入力はありません")),
        "{:?}",
        a.notice
    );
    // Undo then a digit re-enters the same cell.
    press(&w, &mut a, "3u1");
    assert_eq!(level_of(&w, &staff_no, &k0).map(Level::number), Some(1));
}

#[test]
fn digits_in_the_matrix_do_not_switch_panes() {
    let w = world(300);
    let mut a = app(&w, Lang::Ja);
    press(&w, &mut a, "<F2><Enter>");
    assert_eq!(a.layer(), Layer::Grid, "an empty unit is the whole city");
    for digit in ["1", "3", "5", "6", "7", "9"] {
        press(&w, &mut a, digit);
        assert_eq!(a.pane, Pane::Skills, "{digit}");
    }
    // 5-9 are not levels: said so, nothing stored, the cursor stays.
    let at = (matrix(&a).row, matrix(&a).col);
    press(&w, &mut a, "8");
    assert!(matches!(&a.notice, Some(kizuna::tui::app::Notice::Error(t)) if t.contains("0〜4")));
    assert_eq!((matrix(&a).row, matrix(&a).col), at);
    press(&w, &mut a, "<F1>");
    assert_eq!(a.pane, Pane::Staff);
    press(&w, &mut a, "<F2>m");
    assert_eq!(a.layer(), Layer::Map);
    press(&w, &mut a, "1");
    assert_eq!(
        a.pane,
        Pane::Staff,
        "the map does not use digits: they switch panes"
    );
    press(&w, &mut a, "<F2>x");
    assert_eq!(a.layer(), Layer::Grid);
    press(&w, &mut a, "<Tab>");
    assert_eq!(a.pane, Pane::Training, "Tab still moves on");
}

#[test]
fn arrows_and_hjkl_move_and_the_view_follows_the_cursor() {
    let w = world(2000);
    let mut a = matrix_of_0102(&w, Lang::Ja);
    press(&w, &mut a, "lll<Right>j<Down>");
    assert_eq!((matrix(&a).row, matrix(&a).col), (2, 4));
    press(&w, &mut a, "hk<Left><Up>");
    assert_eq!((matrix(&a).row, matrix(&a).col), (0, 2));
    press(&w, &mut a, "<End><PgDn><PgDn>");
    let m = matrix(&a);
    assert_eq!(m.col, 23);
    let person = m.matrix.rows[m.row].name.clone();
    let domain = m.matrix.digital.last().unwrap().name.clone();
    let text = screen(&a, 80, 24);
    assert!(text.contains(&person), "the focused person shows: {text}");
    assert!(
        text.contains(&domain),
        "the focused column is named in full: {text}"
    );
    // A smaller terminal keeps the cursor in view too.
    resize(&mut a, 60, 16);
    let small = screen(&a, 60, 16);
    assert!(
        small.lines().skip(5).any(|l| l.contains(&person)),
        "{small}"
    );
    press(&w, &mut a, "<Home>");
    assert_eq!(matrix(&a).col, 0);
}

#[test]
fn the_source_cycles_and_is_recorded() {
    let w = world(2000);
    let mut a = matrix_of_0102(&w, Lang::Ja);
    assert!(screen(&a, 80, 24).contains("評価: 上司評価"));
    press(&w, &mut a, "s");
    assert!(screen(&a, 80, 24).contains("評価: 本人申告"));
    let (staff_no, key) = {
        let m = matrix(&a);
        (
            m.matrix.rows[0].staff_no.clone(),
            m.matrix.column_key(0).unwrap(),
        )
    };
    press(&w, &mut a, "2");
    let sheet = w.service.sheet(&w.p, &staff_no).unwrap();
    assert_eq!(
        sheet.level_on(&key, today()).unwrap().source,
        kizuna::domain::Source::SelfReport
    );
    press(&w, &mut a, "ss");
    assert_eq!(a.skills.source, kizuna::domain::Source::Supervisor);
}

#[test]
fn enter_opens_the_card_and_f2_comes_back_to_the_same_person() {
    let w = world(2000);
    let mut a = matrix_of_0102(&w, Lang::Ja);
    press(&w, &mut a, "jjjll");
    let staff_no = matrix(&a).matrix.rows[3].staff_no.clone();
    press(&w, &mut a, "<Enter>");
    assert_eq!(a.pane, Pane::Staff);
    assert_eq!(a.staff.focus, Focus::Card);
    assert_eq!(a.staff.card.as_ref().unwrap().employee.staff_no, staff_no);
    press(&w, &mut a, "<F2>");
    assert_eq!(a.layer(), Layer::Grid);
    assert_eq!((matrix(&a).row, matrix(&a).col), (3, 2));
}

#[test]
fn a_card_opened_in_the_staff_pane_brings_the_matrix_to_its_section() {
    let w = world(2000);
    let mut a = app(&w, Lang::Ja);
    press(&w, &mut a, "たかはし<Enter>");
    let card = a.staff.card.clone().unwrap();
    press(&w, &mut a, "<F2>");
    assert_eq!(
        a.layer(),
        Layer::Grid,
        "no question: the card's unit is used"
    );
    let m = matrix(&a);
    let section = a
        .staff
        .org
        .tree
        .section_of(card.unit.as_deref().unwrap())
        .unwrap()
        .code
        .clone();
    assert_eq!(m.matrix.scope.unit.as_deref(), Some(section.as_str()));
    assert_eq!(m.matrix.rows[m.row].staff_no, card.employee.staff_no);
    // c asks again, proposing the unit in use; typing replaces it.
    press(&w, &mut a, "c");
    assert_eq!(a.skills.prompt.as_ref().unwrap().input.text(), section);
    press(&w, &mut a, "職員課<Enter>");
    assert_eq!(matrix(&a).matrix.scope.unit.as_deref(), Some("0102"));
    press(&w, &mut a, "c存在しない課<Enter>");
    let prompt = a.skills.prompt.as_ref().expect("still asking");
    assert!(prompt.error.as_deref().unwrap().contains("存在しない課"));
    press(&w, &mut a, "<Esc>");
    assert_eq!(a.layer(), Layer::Grid);
    assert_eq!(matrix(&a).matrix.scope.unit.as_deref(), Some("0102"));
}

#[test]
fn the_map_is_edited_by_keyboard() {
    let w = world(100);
    let mut a = app(&w, Lang::Ja);
    press(&w, &mut a, "<F2><Esc>m");
    assert_eq!(a.layer(), Layer::Map);
    let skill = |a: &App| a.skills.map.ready().unwrap().skill().unwrap().clone();
    assert_eq!(skill(&a).key, "logical-thinking");
    // ○ at band 1 off, then band 3 on.
    press(&w, &mut a, "<Space>ll<Enter>");
    let map = w.service.skill_map(&w.p, today()).unwrap();
    let lt = map
        .skills
        .iter()
        .find(|s| s.key == "logical-thinking")
        .unwrap();
    assert_eq!(lt.required, [false, true, true, false]);
    assert_eq!(
        skill(&a).required,
        [false, true, true, false],
        "the map was read again"
    );
    // Rename: the old name is proposed; typing replaces it.
    press(&w, &mut a, "r論理的思考<Enter>");
    let map = w.service.skill_map(&w.p, today()).unwrap();
    assert_eq!(map.skills[0].name, "論理的思考");
    // Add under the focused skill's category; the cursor goes to the new skill.
    press(&w, &mut a, "aEBPM<Enter>");
    let added = skill(&a);
    assert_eq!(added.name, "EBPM");
    assert_eq!(added.category.as_deref(), Some("thinking"));
    assert_eq!(added.required, [false; 4]);
    press(&w, &mut a, "hh<Space>");
    assert_eq!(skill(&a).required, [true, false, false, false]);
    // Retire asks first.
    press(&w, &mut a, "D");
    assert_eq!(a.confirm, Some(kizuna::tui::app::Confirm::Retire));
    assert!(screen(&a, 80, 24).contains("EBPM"));
    press(&w, &mut a, "y");
    let map = w.service.skill_map(&w.p, today()).unwrap();
    assert!(
        map.skills.iter().all(|s| s.name != "EBPM"),
        "retired from today"
    );
    assert_ne!(skill(&a).name, "EBPM");
    // A foundation skill keeps its marks: the service says why.
    press(&w, &mut a, "<PgDn><PgDn><Space>");
    assert!(skill(&a).category.is_none());
    assert!(
        matches!(&a.notice, Some(kizuna::tui::app::Notice::Error(t)) if t.contains("基盤スキル")),
        "{:?}",
        a.notice
    );
    // An empty name is refused before the service.
    press(&w, &mut a, "<Up>r<BS><Enter>");
    assert!(a.skills.prompt.as_ref().unwrap().error.is_some());
}

#[test]
fn the_map_of_an_earlier_year_comes_back_and_stays_as_it_was() {
    use kizuna::service::MapEdit;
    let World { _dir, service, p } = world(40);
    service
        .edit_map(
            &p,
            &MapEdit::Toggle {
                skill: "logical-thinking".into(),
                band: kizuna::domain::Band::new(1).unwrap(),
            },
        )
        .unwrap();
    drop(service);
    // Half a year on, in 令和9年度, the skill is renamed.
    let may = Date::new(2027, 5, 1).unwrap();
    let path = _dir.path().join("demo.redb");
    let service = kizuna::remote::Api::local(
        kizuna::service::Service::open(&path, Arc::new(FixedClock::at_noon(may))).unwrap(),
    );
    service
        .edit_map(
            &p,
            &MapEdit::Rename {
                skill: "logical-thinking".into(),
                name: "論理的思考".into(),
            },
        )
        .unwrap();
    let w = World { _dir, service, p };
    let mut a = app(&w, Lang::Ja);
    press(&w, &mut a, "<F2><Esc>m");
    let shown = |a: &App| {
        let m = a.skills.map.ready().unwrap();
        let s = m
            .map
            .skills
            .iter()
            .find(|s| s.key == "logical-thinking")
            .unwrap();
        (m.map.on, s.name.clone(), s.required[0])
    };
    assert_eq!(shown(&a), (may, "論理的思考".to_string(), false));
    // 令和8年度 as it stood on its last day: the old name, band 1 already unmarked.
    press(&w, &mut a, "[");
    let r8_end = Date::new(2027, 3, 31).unwrap();
    assert_eq!(shown(&a), (r8_end, "ロジカルシンキング".to_string(), false));
    assert!(screen(&a, 80, 24).contains("令和9年3月31日"));
    // No map before 令和8年度, and a past map is not edited.
    press(&w, &mut a, "[");
    assert_eq!(shown(&a).0, r8_end);
    assert!(a.notice.is_some());
    press(&w, &mut a, "<Space>");
    let today_map = w.service.skill_map(&w.p, may).unwrap();
    let lt = today_map
        .skills
        .iter()
        .find(|s| s.key == "logical-thinking")
        .unwrap();
    assert!(!lt.required[0], "the space on a past map changed nothing");
    press(&w, &mut a, "]");
    assert_eq!(shown(&a), (may, "論理的思考".to_string(), false));
}

#[test]
fn the_matrix_and_the_gap_report_read_as_of_an_earlier_day_and_stay_read_only() {
    let w = world(300);
    let mut a = matrix_of_0102(&w, Lang::Ja);
    let now: Vec<String> = matrix(&a)
        .matrix
        .rows
        .iter()
        .map(|r| r.staff_no.clone())
        .collect();
    let cell = |a: &App| {
        let m = matrix(a);
        (
            m.matrix.rows[m.row].staff_no.clone(),
            m.matrix.column_key(m.col).unwrap(),
        )
    };
    press(&w, &mut a, "dR7.10.1<Enter>");
    let then = Date::new(2025, 10, 1).unwrap();
    assert_eq!(matrix(&a).matrix.on, then);
    let expected = w
        .service
        .matrix(
            &w.p,
            &Scope {
                unit: Some("0102".into()),
                ..Scope::default()
            },
            then,
        )
        .unwrap();
    assert_eq!(matrix(&a).matrix.rows, expected.rows);
    assert_ne!(
        now,
        expected
            .rows
            .iter()
            .map(|r| r.staff_no.clone())
            .collect::<Vec<_>>(),
        "new hires and leavers make the two days differ"
    );
    assert!(screen(&a, 80, 24).contains("令和7年10月1日時点"));
    // Digits change nothing on an earlier day.
    let (who, skill) = cell(&a);
    let before = level_of(&w, &who, &skill);
    press(&w, &mut a, "4");
    assert_eq!(level_of(&w, &who, &skill), before);
    assert!(a.notice.is_some());
    // The gap report follows the day.
    press(&w, &mut a, "g");
    assert_eq!(a.skills.gaps.ready().unwrap().report.on, then);
    // A bad or later day is refused in the box; empty returns to today.
    press(&w, &mut a, "x");
    press(&w, &mut a, "d<C-u>R99.1.1<Enter>");
    assert!(a.skills.prompt.as_ref().unwrap().error.is_some());
    press(&w, &mut a, "<C-u><Enter>");
    assert!(a.skills.prompt.is_none());
    assert_eq!(matrix(&a).matrix.on, today());
    // Back on today, a digit is recorded again.
    let (who, skill) = cell(&a);
    press(&w, &mut a, "4");
    assert_eq!(level_of(&w, &who, &skill), Level::new(4));
}

#[test]
fn someone_who_is_not_an_admin_gets_the_services_refusal() {
    let w = world(100);
    w.service.add_account(&w.p, "hr.only", None).unwrap();
    w.service.grant(&w.p, "hr.only", Role::Hr).unwrap();
    let hr = Principal::named("hr.only", 5001);
    let mut a = app_as(&w, &hr, Lang::Ja);
    press_as(&w, &hr, &mut a, "<F2><Esc>m<Space>");
    let notice = match &a.notice {
        Some(kizuna::tui::app::Notice::Error(t)) => t.clone(),
        other => panic!("{other:?}"),
    };
    assert!(
        notice.contains("hr.only") && notice.contains("権限"),
        "{notice}"
    );
    let text = screen(&a, 80, 24);
    assert!(
        text.contains("kizuna user grant"),
        "the whole refusal shows: {text}"
    );
    let map = w.service.skill_map(&w.p, today()).unwrap();
    assert_eq!(map.skills[0].required, [true, true, false, false]);
    // The same account records levels: that is HR's work.
    press_as(&w, &hr, &mut a, "x0102<Enter>3");
    assert_eq!(a.notice, None);
}

#[test]
fn the_gap_report_covers_the_unit_or_the_city_and_leads_to_the_matrix() {
    let w = world(2000);
    let mut a = matrix_of_0102(&w, Lang::Ja);
    press(&w, &mut a, "g");
    assert_eq!(a.layer(), Layer::Gaps);
    let unit = a.skills.gaps.ready().unwrap().report.clone();
    assert_eq!(unit.scope.unit.as_deref(), Some("0102"));
    assert!(
        unit.shares.windows(2).all(|p| p[0].ratio() <= p[1].ratio()),
        "worst first"
    );
    press(&w, &mut a, "a");
    let city = a.skills.gaps.ready().unwrap().report.clone();
    assert_eq!(city.scope.unit, None);
    assert!(city.people > unit.people);
    assert!(screen(&a, 80, 24).contains("市全体"));
    press(&w, &mut a, "a");
    assert_eq!(
        a.skills.gaps.ready().unwrap().report.scope.unit.as_deref(),
        Some("0102")
    );
    // Enter on a skill: its column in the matrix.
    press(&w, &mut a, "jj");
    let key = a.skills.gaps.ready().unwrap().skill().unwrap().to_string();
    press(&w, &mut a, "<Enter>");
    assert_eq!(a.layer(), Layer::Grid);
    let m = matrix(&a);
    assert_eq!(m.matrix.column_key(m.col).as_deref(), Some(key.as_str()));
    // A level entered makes the report read again when next shown.
    press(&w, &mut a, "4");
    assert!(a.skills.gaps.ready().unwrap().stale);
    press(&w, &mut a, "g");
    assert!(!a.skills.gaps.ready().unwrap().stale);
}

#[test]
fn the_tier_report_lists_the_sections_short_of_leaders() {
    let w = world(2000);
    let mut a = app(&w, Lang::Ja);
    press(&w, &mut a, "<F2><Esc>t");
    assert_eq!(a.layer(), Layer::Tiers);
    let r = a.skills.tiers.ready().unwrap().report.clone();
    let below = r.sections_below();
    assert!(!below.is_empty());
    let text = screen(&a, 80, 24);
    assert!(text.contains(&below[0].name), "{text}");
    assert!(text.contains(&format!(
        "リーダーが2人未満の所属: {} / {}",
        below.len(),
        r.sections.len()
    )));
    press(&w, &mut a, "jjj");
    assert!(screen(&a, 80, 24).contains(&below[3].name));
}

#[test]
fn the_card_shows_the_top_five_gaps_and_g_lists_them_all() {
    let w = world(2000);
    let mut a = app(&w, Lang::Ja);
    press(&w, &mut a, "たかはし<Enter>");
    let no = a.staff.card.as_ref().unwrap().employee.staff_no.clone();
    let gaps = w.service.gaps(&w.p, &no, today()).unwrap();
    assert!(gaps.gaps.len() > 5, "{}", gaps.gaps.len());
    assert_eq!(a.staff.gaps.as_ref(), Some(&gaps));
    let text = screen(&a, 80, 24);
    for g in &gaps.gaps[..5] {
        assert!(text.contains(&g.name), "{}: {text}", g.name);
    }
    assert!(!text.contains(&gaps.gaps[5].name));
    assert!(
        text.contains(&format!("+{} 件 (g で全体)", gaps.gaps.len() - 5)),
        "{text}"
    );
    press(&w, &mut a, "g");
    assert_eq!(a.staff.focus, Focus::Gaps);
    let all = screen(&a, 80, 24);
    assert!(gaps.gaps.iter().all(|g| all.contains(&g.name)), "{all}");
    press(&w, &mut a, "<Esc>");
    assert_eq!(a.staff.focus, Focus::Card);
    // Levels entered in the matrix change the card's gaps.
    let first = gaps.gaps[0].skill.clone();
    press(&w, &mut a, "<F2>");
    let col = {
        let m = matrix(&a);
        (0..m.matrix.columns())
            .find(|c| m.matrix.column_key(*c).as_deref() == Some(first.as_str()))
            .unwrap()
    };
    press(&w, &mut a, &format!("<Home>{}4", "l".repeat(col)));
    let now = a.staff.gaps.as_ref().unwrap();
    assert!(now.gaps.iter().all(|g| g.skill != first), "{now:?}");
}

#[test]
fn help_in_the_matrix_lists_its_keys() {
    let w = world(300);
    let mut a = app(&w, Lang::Ja);
    press(&w, &mut a, "<F2><Enter>?");
    assert_eq!(a.help, Some(Layer::Grid));
    let text = screen(&a, 120, 40);
    for e in kizuna::tui::keymap::entries(Layer::Grid) {
        assert!(
            text.contains(kizuna::i18n::tui(e.help, Lang::Ja)),
            "{}",
            e.help
        );
    }
    assert!(text.contains("0-4"), "{text}");
    press(&w, &mut a, "<Esc>");
    assert_eq!(a.help, None);
    assert_eq!(a.layer(), Layer::Grid);
}

fn snapshot(name: &str, text: String) {
    insta::with_settings!({ snapshot_path => "snapshots", prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!(name, text);
    });
}

#[test]
fn snapshots_of_the_skills_pane() {
    let w = world(2000);
    for (width, height) in [(80, 24), (120, 40)] {
        let size = format!("{width}x{height}");
        for (lang, tag) in [(Lang::Ja, "ja"), (Lang::En, "en")] {
            let mut a = app(&w, lang);
            resize(&mut a, width, height);
            press(&w, &mut a, "<F2>0102<Enter>jjjlll");
            snapshot(
                &format!("skills_matrix_{tag}_{size}"),
                screen(&a, width, height),
            );
        }
        let mut a = app(&w, Lang::Ja);
        resize(&mut a, width, height);
        press(&w, &mut a, "<F2>0102<Enter><End><PgDn>j");
        snapshot(
            &format!("skills_matrix_scrolled_ja_{size}"),
            screen(&a, width, height),
        );
        press(&w, &mut a, "m");
        snapshot(&format!("skills_map_ja_{size}"), screen(&a, width, height));
        press(&w, &mut a, "g");
        snapshot(&format!("skills_gaps_ja_{size}"), screen(&a, width, height));
        press(&w, &mut a, "t");
        snapshot(
            &format!("skills_tiers_ja_{size}"),
            screen(&a, width, height),
        );
        let mut c = app(&w, Lang::Ja);
        resize(&mut c, width, height);
        press(&w, &mut c, "たかはし<Enter>");
        snapshot(&format!("skills_card_ja_{size}"), screen(&c, width, height));
        press(&w, &mut c, "g");
        snapshot(
            &format!("skills_card_gaps_ja_{size}"),
            screen(&c, width, height),
        );
    }
    let mut p = app(&w, Lang::Ja);
    press(&w, &mut p, "<F2>");
    snapshot("skills_unit_prompt_ja_80x24", screen(&p, 80, 24));
}

#[test]
fn plain_and_ascii_terminals_still_see_the_gaps() {
    let w = world(2000);
    let mut a = matrix_of_0102(&w, Lang::Ja);
    a.look.ascii = true;
    let text = screen(&a, 80, 24);
    assert!(text.contains("!"), "ASCII mark of a gap: {text}");
    assert!(!text.contains('×') && !text.contains('│'), "{text}");
    a.look.ascii = false;
    assert!(screen(&a, 80, 24).contains('×'));
}
