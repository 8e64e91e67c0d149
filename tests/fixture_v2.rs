//! A database written by schema 2 (skill levels, the dated skill map, the settings),
//! committed and never regenerated, must keep opening and reading in every later
//! kizuna.

mod common;

use kizuna::domain::*;
use kizuna::store::check;
use kizuna::store::{SETTINGS_KEY, Store};

const FIXTURE: &str = "tests/fixtures/schema-v2/demo-40.redb";

fn fixture_copy() -> (tempfile::TempDir, std::path::PathBuf) {
    common::fixture_copy(FIXTURE)
}

fn d(y: i32, m: u32, day: u32) -> Date {
    Date::new(y, m, day).unwrap()
}

#[test]
fn schema_two_database_opens_and_every_record_reads() {
    let (_dir, path) = fixture_copy();
    let store = Store::open(&path).unwrap();
    let r = store.read().unwrap();
    assert_eq!(r.all::<Employee>().unwrap().len(), 40);
    assert_eq!(r.all::<SkillSheet>().unwrap().len(), 39);
    assert_eq!(r.all::<Skill>().unwrap().len(), 21);

    // The map's dated states.
    let coaching = r.get::<Skill>("coaching").unwrap().unwrap();
    assert_eq!(coaching.name, "部下育成");
    assert_eq!(coaching.since, d(2026, 11, 25));
    assert_eq!(coaching.required, [true; 4]);
    let earlier: Vec<(Date, &str, [bool; 4])> = coaching
        .earlier
        .iter()
        .map(|v| (v.from, v.name.as_str(), v.required))
        .collect();
    assert_eq!(
        earlier,
        [
            (
                d(2026, 4, 1),
                "部下育成・コーチング",
                [false, true, true, true]
            ),
            (d(2026, 11, 24), "部下育成・コーチング", [true; 4]),
        ]
    );
    let added = r.get::<Skill>("skill-1").unwrap().unwrap();
    assert_eq!(
        (added.name.as_str(), added.category.as_deref()),
        ("生成AI活用", Some("data"))
    );
    assert_eq!(added.since, d(2026, 11, 24));
    assert!(r.get::<Skill>("outreach").unwrap().unwrap().retired);

    // The settings as an admin left them.
    let settings = r.get::<Settings>(SETTINGS_KEY).unwrap().unwrap();
    assert_eq!(settings.level_names[1], "基礎知識");
    assert_eq!(settings.targets.map(|l| l.number()), [3, 3, 3, 4]);

    // One person's levels, with the rows the demo gave and the ones added after.
    let sheet = r.get::<SkillSheet>("260001").unwrap().unwrap();
    let coaching_rows = sheet.history("coaching");
    let last = coaching_rows.last().unwrap().entry;
    assert_eq!(
        (
            last.level.number(),
            last.from,
            last.source,
            last.assessor.as_str()
        ),
        (2, d(2026, 11, 25), Source::Supervisor, "root")
    );
    assert_eq!(
        sheet
            .level_on("dx:mind", d(2026, 11, 25))
            .unwrap()
            .level
            .number(),
        3
    );
    assert_eq!(
        sheet
            .level_on("skill-1", d(2026, 11, 25))
            .unwrap()
            .level
            .number(),
        1
    );
    assert!(sheet.skills.values().all(|rows| !rows.is_empty()));

    let report = check::check(&r).unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    assert_eq!(report.audit_entries, 9);
    assert_eq!(
        report.audit_head.to_string(),
        "c5087da61c8ed46eef1577b667923d610ca3a300a7822760d39316eeaa08cc05"
    );
    assert_eq!(report.index_entries, 149);
}
