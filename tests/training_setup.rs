//! Training on a database made by `kizuna init`: the standard course catalogue is
//! there, HR adds a session, opens it, enrolls, holds it and marks attendance.

mod common;

use std::path::Path;

use common::{Home, stderr};

fn fixture(path: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(path)
        .to_str()
        .unwrap()
        .to_string()
}

#[test]
fn a_new_database_plans_and_runs_a_session() {
    let home = Home::new();
    home.ok(&["init"]);
    for (what, file) in [
        ("orgs", "csv/orgs.csv"),
        ("titles", "csv/titles.csv"),
        ("employees", "csv/employees.csv"),
    ] {
        home.ok(&["import", what, &fixture(file)]);
    }
    let courses = home.ok(&["training", "courses"]);
    for name in [
        "新規採用職員研修",
        "主任研修",
        "係長研修",
        "課長補佐研修",
        "新任課長研修",
    ] {
        assert!(courses.contains(name), "{name} in\n{courses}");
    }
    let added = home.ok(&[
        "training",
        "add-session",
        "kakaricho",
        "--day",
        "2026-11-25",
        "--day",
        "R8.11.26",
        "--capacity",
        "20",
        "--place",
        "本庁舎 研修室",
    ]);
    assert_eq!(added, "R8-001\tkakaricho\t計画\n");
    let sessions = home.ok(&["training", "sessions"]);
    assert!(
        sessions.contains("R8-001") && sessions.contains("2026-11-26"),
        "{sessions}"
    );
    home.ok(&["training", "session-status", "R8-001", "募集中"]);
    // 000123 is a 係長 in the sample staff.
    let out = home.ok(&["training", "enroll", "R8-001", "000123"]);
    assert!(out.contains("000123") && out.contains("受講予定"), "{out}");
    home.ok(&["training", "attend", "R8-001", "000123", "出席"]);
    home.ok(&["training", "session-status", "R8-001", "held"]);
    // A held session takes nobody more.
    let out = home.run(&["training", "enroll", "R8-001", "000456", "--reason", "補充"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("実施済"), "{}", stderr(&out));
    let bad = home.run(&["training", "session-status", "R8-001", "終了"]);
    assert_eq!(bad.status.code(), Some(2));
    let roster = home.ok(&["training", "roster", "R8-001"]);
    assert!(roster.contains("出席"), "{roster}");
}
