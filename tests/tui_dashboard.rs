//! Pane 6 ダッシュボード through the real keymap: F6 and 6 reach it; `i`, `d`, `t` and `e`
//! switch views; `[` and `]` change the fiscal year; the KPI charts put the entered
//! figure beside the count from the staff records; the heatmap shows the city, the
//! year before and merged workplaces, never a group under 10 alone; `?` lists the
//! keys. Snapshots of the KPI charts at 80x24 (also with --ascii) and 120x40, and of
//! the heatmap.

mod common;
#[path = "tui_dashboard/world.rs"]
mod world;

use common::screens::screen;
use kizuna::domain::FiscalYear;
use kizuna::i18n::Lang;
use kizuna::tui::app::Pane;
use kizuna::tui::keymap::Layer;
use kizuna::tui::panes::Slot;
use kizuna::tui::panes::dashboard::{Survey, View};
use world::{app, press, resize, world, world_with};

fn snapshot(name: &str, text: String) {
    insta::with_settings!({ snapshot_path => "snapshots", prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!(name, text);
    });
}

/// The line of a chart for a year, after the series' heading.
fn year_line<'a>(text: &'a str, heading: &str, year: &str) -> &'a str {
    text.lines()
        .skip_while(|l| !l.contains(heading))
        .find(|l| l.starts_with(year))
        .unwrap_or_else(|| panic!("no {year} under {heading}: {text}"))
}

#[test]
fn f6_and_6_reach_the_pane_and_the_charts_read_at_80x24() {
    let w = world();
    let mut a = app(&w, Lang::Ja, false);
    press(&w, &mut a, "<F6>");
    assert_eq!((a.pane, a.layer()), (Pane::Dashboard, Layer::Dashboard));
    assert_eq!(a.dashboard.view, View::Kpi);
    let board = a.dashboard.board.ready().expect("read on entering");
    assert_eq!(board.year, FiscalYear(2026));
    let text = screen(&a, 80, 24);
    let young = "40歳以下職員の年度別退職者数";
    // The policy's 13 beside the one leaver of R6 in the records; R7 entered (9) beside
    // the two counted; R8 has no figure yet beside its two.
    let r6 = year_line(&text, young, "R6");
    assert!(r6.contains(" 13") && r6.trim_end().ends_with(" 1"), "{r6}");
    let r7 = year_line(&text, young, "R7");
    assert!(
        r7.contains("▓") && r7.contains(" 9") && r7.ends_with(" 2"),
        "{r7}"
    );
    let r8 = year_line(&text, young, "R8");
    assert!(r8.contains("未入力") && r8.ends_with(" 2"), "{r8}");
    let hours = year_line(&text, "年度別総時間外勤務時間", "R6");
    assert!(hours.contains("90,644"), "{hours}");
    let r7 = year_line(&text, "年度別総時間外勤務時間", "R7");
    assert!(r7.contains("88,001"), "{r7}");
    assert!(text.contains("R1〜R8"), "every year fits: {text}");
    // Digits switch panes here; 6 comes back (from pane 7, where digits switch too).
    press(&w, &mut a, "7");
    assert_eq!(a.pane, Pane::Admin);
    press(&w, &mut a, "6");
    assert_eq!(a.pane, Pane::Dashboard);
    snapshot("dashboard_kpi_ja_80x24", text);
}

#[test]
fn the_year_moves_with_brackets_and_stops_at_today() {
    let w = world();
    let mut a = app(&w, Lang::Ja, false);
    press(&w, &mut a, "<F6>]");
    assert_eq!(
        a.dashboard.year,
        FiscalYear(2026),
        "no later than today's year"
    );
    press(&w, &mut a, "[");
    assert_eq!(a.dashboard.year, FiscalYear(2025));
    let board = a.dashboard.board.ready().unwrap();
    assert_eq!(board.year, FiscalYear(2025));
    assert_eq!(board.kpis[0].years.last().unwrap().year, FiscalYear(2025));
    let text = screen(&a, 80, 24);
    assert!(
        text.contains("令和7年度") && text.contains("R1〜R7"),
        "{text}"
    );
    press(&w, &mut a, "[[[[[[[[[[");
    assert_eq!(a.dashboard.year, FiscalYear(2019), "R1 is the first year");
}

#[test]
fn digital_talent_shows_the_shortfall_and_the_sections_below_two() {
    let w = world();
    let mut a = app(&w, Lang::Ja, false);
    press(&w, &mut a, "<F6>d");
    assert_eq!(a.dashboard.view, View::Talent);
    let text = screen(&a, 80, 24);
    let leader = text.lines().find(|l| l.starts_with("リーダー")).unwrap();
    let cells: Vec<&str> = leader.split_whitespace().collect();
    // 2 leaders: 98 short of about 100 by 2030, 198 short of about 200.
    assert_eq!(&cells[1..6], ["2", "100", "98", "200", "198"], "{leader}");
    let architect = text
        .lines()
        .find(|l| l.starts_with("アーキテクト"))
        .unwrap();
    let cells: Vec<&str> = architect.split_whitespace().collect();
    assert_eq!(
        &cells[1..6],
        ["1", "25", "24", "40-50", "39"],
        "{architect}"
    );
    // 職員課 has its two leaders; the other 所属 are listed below two.
    let below: Vec<String> = a
        .dashboard
        .board
        .ready()
        .unwrap()
        .talent
        .sections_below()
        .iter()
        .map(|s| s.code.clone())
        .collect();
    assert!(!below.contains(&"0102".to_string()), "{below:?}");
    assert!(below.contains(&"0104".to_string()), "{below:?}");
    assert!(text.contains("DX推進室"), "{text}");
    assert!(!text.contains("  0102 "), "{text}");
}

#[test]
fn training_coverage_lists_sections_lowest_first() {
    let w = world();
    let mut a = app(&w, Lang::Ja, false);
    press(&w, &mut a, "<F6>t");
    assert_eq!(a.dashboard.view, View::Coverage);
    let c = &a.dashboard.board.ready().unwrap().coverage;
    let text = screen(&a, 80, 24);
    assert!(text.contains("令和8年度 必修研修の受講状況"), "{text}");
    assert!(text.contains("メンタルヘルス研修"), "{text}");
    let total = text.lines().find(|l| l.starts_with("全庁")).unwrap();
    assert!(
        total.contains(&format!("{}/{}", c.total.taken, c.total.due)),
        "{total}"
    );
    let shares: Vec<u32> = c.sections.iter().map(|s| s.per_mille()).collect();
    assert!(shares.windows(2).all(|p| p[0] <= p[1]), "{shares:?}");
}

#[test]
fn the_heatmap_merges_small_groups_and_says_so() {
    let w = world();
    let mut a = app(&w, Lang::Ja, false);
    press(&w, &mut a, "<F6>e");
    assert_eq!(a.dashboard.view, View::Engagement);
    let Some(Survey::Shown(s)) = a.dashboard.survey.ready() else {
        panic!("the survey is read");
    };
    assert!(s.rows.iter().all(|r| r.respondents >= 10));
    let text = screen(&a, 80, 24);
    let lines: Vec<&str> = text.lines().collect();
    let city = lines.iter().find(|l| l.starts_with("全庁 ")).unwrap();
    assert!(city.contains("111"), "111 respondents in all: {city}");
    assert!(text.contains("全庁 (前年度)"), "{text}");
    // 住民記録係 (9) merged into 市民課, named on its row; never a row of its own.
    let shimin = lines.iter().find(|l| l.contains("市民課")).unwrap();
    assert!(shimin.contains("＋住民記録係"), "{shimin}");
    assert!(shimin.contains(" 39 "), "30 and 9 respondents: {shimin}");
    assert!(
        !lines
            .iter()
            .any(|l| l.starts_with("市民部 市民課 住民記録係"))
    );
    assert!(
        text.contains("回答が10人未満の集団は単独で表示せず"),
        "{text}"
    );
    // Eight scales do not fit at 80 columns: → moves across them.
    assert!(text.contains("尺度 1〜"), "{text}");
    press(&w, &mut a, "<Right>");
    assert_eq!(a.dashboard.scale, 1);
    assert!(screen(&a, 80, 24).contains("尺度 2〜"));
    press(&w, &mut a, "<Left><Left>");
    assert_eq!(a.dashboard.scale, 0);
    snapshot("dashboard_heatmap_ja_80x24", text);
}

#[test]
fn a_year_without_results_says_how_to_import_them() {
    let w = world_with(false);
    let mut a = app(&w, Lang::Ja, false);
    press(&w, &mut a, "<F6>e");
    assert!(matches!(
        a.dashboard.survey.ready(),
        Some(Survey::NoResults)
    ));
    let text = screen(&a, 80, 24);
    assert!(text.contains("kizuna survey import"), "{text}");
    let mut en = app(&w, Lang::En, false);
    press(&w, &mut en, "<F6>e");
    assert!(screen(&en, 80, 24).contains("No work-engagement results for R8"));
}

#[test]
fn a_viewer_is_told_why_the_survey_is_not_shown() {
    let w = world();
    w.service.add_account(&w.hr, "view.only", None).unwrap();
    w.service
        .grant(&w.hr, "view.only", kizuna::domain::Role::Viewer)
        .unwrap();
    let viewer = kizuna::service::Principal::named("view.only", 6000);
    let look = kizuna::tui::app::Look {
        lang: Lang::Ja,
        ascii: false,
        plain: true,
    };
    let mut a = kizuna::tui::runtime::load(&w.service, &viewer, look).unwrap();
    for ev in common::screens::keys("<F6>e") {
        let ev = ratatui::crossterm::event::Event::Key(ev);
        if let Some(action) = kizuna::tui::runtime::action_of(&a, &ev) {
            for effect in kizuna::tui::update::update(&mut a, action) {
                kizuna::tui::runtime::perform(&w.service, &viewer, &mut a, effect);
            }
        }
    }
    assert!(matches!(a.dashboard.survey, Slot::Failed(_)));
    assert!(screen(&a, 80, 24).contains("stats"));
}

#[test]
fn help_lists_the_keys_of_the_pane() {
    let w = world();
    let mut a = app(&w, Lang::Ja, false);
    press(&w, &mut a, "<F6>?");
    assert_eq!(a.help, Some(Layer::Dashboard));
    let text = screen(&a, 120, 40);
    for words in [
        "前の年度",
        "次の年度",
        "KPI のグラフ",
        "デジタル人材と目標",
        "必修研修の受講状況",
        "ワーク・エンゲイジメント",
        "Home / g",
    ] {
        assert!(text.contains(words), "{words}: {text}");
    }
    press(&w, &mut a, "<Esc>");
    assert_eq!((a.help, a.layer()), (None, Layer::Dashboard));
}

#[test]
fn snapshots_of_the_dashboard() {
    let w = world();
    for (width, height) in [(80, 24), (120, 40)] {
        let size = format!("{width}x{height}");
        let mut a = app(&w, Lang::Ja, false);
        resize(&mut a, width, height);
        press(&w, &mut a, "<F6>");
        if width == 120 {
            snapshot(
                &format!("dashboard_kpi_ja_{size}"),
                screen(&a, width, height),
            );
        }
        press(&w, &mut a, "d");
        snapshot(
            &format!("dashboard_talent_ja_{size}"),
            screen(&a, width, height),
        );
        press(&w, &mut a, "t");
        snapshot(
            &format!("dashboard_coverage_ja_{size}"),
            screen(&a, width, height),
        );
        press(&w, &mut a, "e");
        if width == 120 {
            snapshot(
                &format!("dashboard_heatmap_ja_{size}"),
                screen(&a, width, height),
            );
        }
    }
    let mut ascii = app(&w, Lang::Ja, true);
    press(&w, &mut ascii, "<F6>");
    snapshot("dashboard_kpi_ascii_80x24", screen(&ascii, 80, 24));
    let mut en = app(&w, Lang::En, false);
    press(&w, &mut en, "<F6>e");
    snapshot("dashboard_heatmap_en_80x24", screen(&en, 80, 24));
}

#[test]
fn long_lists_scroll_with_the_list_keys() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.redb");
    let hr = kizuna::service::Principal::named("hr.test", 5000);
    kizuna::service::create_demo(&path, &hr, world::clock(), 2000, 7).unwrap();
    let w = world::World {
        service: kizuna::remote::Api::local(
            kizuna::service::Service::open(&path, world::clock()).unwrap(),
        ),
        dir,
        hr,
    };
    let mut a = app(&w, Lang::Ja, false);
    resize(&mut a, 80, 24);
    press(&w, &mut a, "<F6>d");
    let below = a
        .dashboard
        .board
        .ready()
        .unwrap()
        .talent
        .sections_below()
        .len();
    assert!(below > 20, "{below} sections below two leaders");
    let first = |a: &kizuna::tui::app::App| {
        let b = a.dashboard.board.ready().unwrap();
        let s = b.talent.sections_below()[a.dashboard.top_of(View::Talent)];
        format!("  {}", s.code)
    };
    let top = first(&a);
    press(&w, &mut a, "jj");
    assert_eq!(a.dashboard.top_of(View::Talent), 2);
    let text = screen(&a, 80, 24);
    assert!(
        text.contains(&first(&a)) && !text.contains(&format!("{top} ")),
        "{text}"
    );
    press(&w, &mut a, "G");
    let last = a.dashboard.top_of(View::Talent);
    assert!(last > 2);
    press(&w, &mut a, "j<PgDn>");
    assert_eq!(
        a.dashboard.top_of(View::Talent),
        last,
        "no further than the end"
    );
    press(&w, &mut a, "g");
    assert_eq!(a.dashboard.top_of(View::Talent), 0);
    // Each view keeps its own place.
    press(&w, &mut a, "t<PgDn>d");
    assert_eq!(a.dashboard.top_of(View::Talent), 0);
    assert!(a.dashboard.top_of(View::Coverage) > 0);
}
