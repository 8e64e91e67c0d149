//! The dashboard's figures: resignations aged 40 or under computed from constructed
//! staff records (leaving at 40 and at 41, on 31 March and on 1 April), KPI figures
//! entered with `kizuna kpi set` beside the policy's (which stay as they are), digital
//! talent against the targets, the mandatory courses taken, and `kizuna dashboard` as
//! TSV and JSON.

mod common;
#[path = "tui_dashboard/world.rs"]
mod world;

use common::{Home, stderr};
use kizuna::domain::{FiscalYear, KpiSource};
use kizuna::service::{KpiError, KpiLine};
use world::{STAFF, world};

fn year(line: &KpiLine, fy: i32) -> &kizuna::service::KpiYear {
    line.years
        .iter()
        .find(|y| y.year == FiscalYear(fy))
        .unwrap()
}

#[test]
fn resignations_aged_40_or_under_are_counted_by_leaving_date_and_age() {
    let w = world();
    let kpis = w.service.kpis(&w.hr, None).unwrap();
    let young = &kpis[0];
    assert_eq!(young.key, "young-resignations");
    assert!(young.computable && !kpis[1].computable);
    // R6: 200009 (30 on 31 March 2025).
    assert_eq!(year(young, 2024).computed, Some(1));
    // R7: 200001 (40 on 31 March 2026, the day before turning 41) and 200005 (39).
    // Not 200006 (41 since 31 March), 200007 (a fiscal-year appointment) or
    // 200008 (retired at 65).
    assert_eq!(year(young, 2025).computed, Some(2));
    // R8: 200003 (40 on 1 April, their birthday) and 200004 (40 until 2 April).
    // Not 200002 (41 on 1 April).
    assert_eq!(year(young, 2026).computed, Some(2));
    assert_eq!(year(young, 2019).computed, Some(0));
    // The policy's figures stay, marked as the policy's; R7 as entered; R8 has none.
    assert_eq!(year(young, 2024).value, Some(13));
    assert_eq!(year(young, 2024).source, Some(KpiSource::Policy));
    assert_eq!(year(young, 2025).value, Some(9));
    assert_eq!(year(young, 2025).source, Some(KpiSource::Entered));
    assert_eq!(year(young, 2026).value, None);
    assert_eq!(young.years.first().unwrap().year, FiscalYear(2019));
    assert_eq!(young.years.last().unwrap().year, FiscalYear(2026));
    assert_eq!(year(&kpis[1], 2025).value, Some(88_001));
    assert_eq!(year(&kpis[1], 2025).computed, None);
}

#[test]
fn entering_a_figure_is_one_audited_change_and_refusals_write_nothing() {
    let w = world();
    w.service
        .grant(&w.hr, "hr.test", kizuna::domain::Role::Auditor)
        .unwrap();
    let before = w.service.audit_list(&w.hr, None).unwrap().len();
    let set = w
        .service
        .set_kpi(&w.hr, "young-resignations", FiscalYear(2026), 4)
        .unwrap();
    assert_eq!(set.previous, None);
    let set = w
        .service
        .set_kpi(&w.hr, "young-resignations", FiscalYear(2026), 5)
        .unwrap();
    assert_eq!(set.previous, Some(4));
    let log = w.service.audit_list(&w.hr, None).unwrap();
    assert_eq!(log.len(), before + 2);
    let last = log.last().unwrap();
    assert_eq!(last.action, "kpi.set");
    assert_eq!(last.ids, ["young-resignations:R8"]);
    for (key, fy, value) in [
        ("young-resignations", 2024, 1),
        ("young-resignations", 2027, 1),
        ("young-resignations", 2025, -1),
        ("no-such-series", 2025, 1),
    ] {
        let got = w.service.set_kpi(&w.hr, key, FiscalYear(fy), value);
        assert!(matches!(got, Err(KpiError::Fault(_))), "{key} {fy} {value}");
    }
    // A viewer reads the figures but may not enter one.
    w.service.add_account(&w.hr, "view.only", None).unwrap();
    w.service
        .grant(&w.hr, "view.only", kizuna::domain::Role::Viewer)
        .unwrap();
    let viewer = kizuna::service::Principal::named("view.only", 6000);
    assert!(w.service.kpis(&viewer, None).is_ok());
    let got = w
        .service
        .set_kpi(&viewer, "young-resignations", FiscalYear(2026), 1);
    assert!(matches!(
        got,
        Err(KpiError::Service(
            kizuna::service::ServiceError::Denied { .. }
        ))
    ));
    assert_eq!(w.service.audit_list(&w.hr, None).unwrap().len(), before + 4);
    let kpis = w.service.kpis(&w.hr, None).unwrap();
    assert_eq!(
        year(&kpis[0], 2024).value,
        Some(13),
        "the policy's R6 stays"
    );
    assert_eq!(year(&kpis[0], 2026).value, Some(5));
}

#[test]
fn the_dashboard_holds_talent_and_coverage_of_the_year() {
    let w = world();
    let d = w.service.dashboard(&w.hr, None).unwrap();
    assert_eq!(d.year, FiscalYear(2026));
    let leader = &d.talent.rows[0];
    assert_eq!(
        (
            leader.count,
            leader.target,
            leader.shortfall,
            leader.long_term_shortfall
        ),
        (2, Some(100), Some(98), Some(198))
    );
    let architect = &d.talent.rows[1];
    assert_eq!(
        (
            architect.count,
            architect.shortfall,
            architect.long_term_shortfall
        ),
        (1, Some(24), Some(39)),
        "25 by 2030, at least 40 in the long run"
    );
    // What is owed and what is taken add up to what falls due, section by section.
    let c = &d.coverage;
    let owed = w
        .service
        .outstanding(&w.hr, FiscalYear(2026), None)
        .unwrap();
    assert_eq!(c.total.due - c.total.taken, owed.owed.len() as u32);
    let jinji = c.sections.iter().find(|s| s.code == "0102").unwrap();
    assert_eq!(jinji.taken, 2, "two completed DXベーシック研修");
    // The year before: R7's staff on its last day, its KPIs up to R7.
    let r7 = w.service.dashboard(&w.hr, Some(FiscalYear(2025))).unwrap();
    assert_eq!(r7.on.to_string(), "2026-03-31");
    assert_eq!(r7.kpis[0].years.last().unwrap().year, FiscalYear(2025));
}

/// A database made through the CLI with the constructed staff.
fn home() -> Home {
    let home = Home::new();
    home.ok(&["init"]);
    let csv = home.path().join("staff.csv");
    std::fs::write(&csv, STAFF).unwrap();
    for (what, file) in [
        ("orgs", world::fixture("orgs.csv")),
        ("titles", world::fixture("titles.csv")),
        ("employees", csv),
    ] {
        home.ok(&["import", what, file.to_str().unwrap()]);
    }
    home
}

#[test]
fn kpi_set_from_the_shell() {
    let home = home();
    let out = home.ok(&["kpi", "set", "overtime-hours", "R7", "88,001"]);
    assert_eq!(out, "overtime-hours の R7 を 88001 で記録しました\n");
    let out = home.ok(&[
        "--lang",
        "en",
        "kpi",
        "set",
        "overtime-hours",
        "令和7年度",
        "88002",
    ]);
    assert_eq!(out, "overtime-hours R7: corrected from 88001 to 88002\n");
    let tsv = home.ok(&["kpi"]);
    let rows: Vec<Vec<&str>> = tsv.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(
        rows[0],
        ["系列", "名称", "単位", "年度", "値", "出典", "計算値"]
    );
    let find = |key: &str, fy: &str| {
        rows.iter()
            .find(|r| r[0] == key && r[3] == fy)
            .unwrap_or_else(|| panic!("{key} {fy}: {tsv}"))
            .clone()
    };
    assert_eq!(find("overtime-hours", "R7")[4..], ["88002", "入力", ""]);
    assert_eq!(find("overtime-hours", "R6")[4..], ["90644", "方針", ""]);
    assert_eq!(find("young-resignations", "R7")[4..], ["", "", "2"]);
    assert_eq!(find("young-resignations", "R8")[4..], ["", "", "2"]);
    // The policy's years and years to come are refused, with words; nothing changes.
    for (args, words) in [
        (
            ["kpi", "set", "overtime-hours", "R6", "1"],
            "方針の表の値で、変えられません",
        ),
        (
            ["kpi", "set", "overtime-hours", "R9", "1"],
            "まだ始まっていない年度",
        ),
        (
            ["kpi", "set", "overtime", "R7", "1"],
            "young-resignations, overtime-hours",
        ),
        (["kpi", "set", "overtime-hours", "R7", "-5"], "0以上"),
    ] {
        let out = home.run(&args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(stderr(&out).contains(words), "{args:?}: {}", stderr(&out));
    }
    let bad = home.run(&["kpi", "set", "overtime-hours", "R7", "many"]);
    assert_eq!(bad.status.code(), Some(2));
    assert_eq!(home.ok(&["kpi"]), tsv);
    let json: serde_json::Value =
        serde_json::from_str(&home.ok(&["kpi", "--format", "json", "--fy", "R7"])).unwrap();
    let years = json[1]["years"].as_array().unwrap();
    assert_eq!(years.last().unwrap()["year"], "R7");
    assert_eq!(years.last().unwrap()["value"], 88002);
    assert_eq!(years.last().unwrap()["source"], "entered");
}

#[test]
fn the_dashboard_from_the_shell() {
    let home = home();
    let out = home.run(&["dashboard"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("令和8年度 のダッシュボード"),
        "{}",
        stderr(&out)
    );
    let tsv = String::from_utf8(out.stdout).unwrap();
    let tables: Vec<&str> = tsv.split("\n\n").collect();
    assert_eq!(tables.len(), 4, "{tsv}");
    assert!(tables[1].starts_with("区分\t人数\t目標"), "{}", tables[1]);
    assert!(
        tables[1].contains("リーダー\t2\t100\t2030\t98\t200\t198"),
        "{}",
        tables[1]
    );
    assert!(
        tables[1].contains("アーキテクト\t1\t25\t2030\t24\t40-50\t39"),
        "{}",
        tables[1]
    );
    assert!(
        tables[2].contains("0104\t総務部 DX推進室\t0"),
        "{}",
        tables[2]
    );
    assert!(!tables[2].contains("0102\t"), "{}", tables[2]);
    let json: serde_json::Value =
        serde_json::from_str(&home.ok(&["dashboard", "--format", "json", "--fy", "R7"])).unwrap();
    assert_eq!(json["fiscal_year"], "R7");
    assert_eq!(json["on"], "2026-03-31");
    let young = &json["kpis"][0]["years"];
    assert_eq!(young.as_array().unwrap().len(), 7, "R1 to R7");
    assert_eq!(young[6]["computed"], 2);
    assert_eq!(json["digital_talent"]["tiers"][0]["tier"], "leader");
    let help = home.ok(&["dashboard", "--help"]);
    assert!(
        help.contains("必修研修の受講状況") && help.contains("--fy"),
        "{help}"
    );
    let help = home.ok(&["kpi", "set", "--help"]);
    assert!(
        help.contains("young-resignations") && help.contains("値"),
        "{help}"
    );
}
