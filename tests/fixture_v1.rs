//! A database written by schema 1, committed and never regenerated, must keep opening
//! and reading in every later kizuna.

mod common;

use kizuna::domain::*;
use kizuna::store::check;
use kizuna::store::records::BandLabel;
use kizuna::store::{Record, Store};

const FIXTURE: &str = "tests/fixtures/schema-v1/demo-40.redb";

fn fixture_copy() -> (tempfile::TempDir, std::path::PathBuf) {
    common::fixture_copy(FIXTURE)
}

fn count<T: Record>(store: &Store) -> usize {
    store.read().unwrap().all::<T>().unwrap().len()
}

#[test]
fn schema_one_database_opens_and_every_record_reads() {
    let (_dir, path) = fixture_copy();
    let store = Store::open(&path).unwrap();
    assert_eq!(count::<Employee>(&store), 40);
    assert_eq!(count::<OrgUnit>(&store), 259);
    assert_eq!(count::<TitleBand>(&store), 15);
    assert_eq!(count::<BandLabel>(&store), 4);
    assert_eq!(count::<Account>(&store), 3);
    assert_eq!(count::<Image>(&store), 3);
    assert_eq!(count::<Category>(&store), 5);
    assert_eq!(count::<Skill>(&store), 20);
    assert_eq!(count::<Mindset>(&store), 10);
    assert_eq!(count::<Approach>(&store), 5);
    assert_eq!(count::<Initiative>(&store), 18);
    assert_eq!(count::<KpiSeries>(&store), 2);
    assert_eq!(count::<TierTarget>(&store), 3);
    assert_eq!(count::<DigitalDomain>(&store), 4);
    assert_eq!(count::<CourseClass>(&store), 3);

    let r = store.read().unwrap();
    let e = r.get::<Employee>("260001").unwrap().unwrap();
    assert_eq!(e.name, "日野\u{3000}和人");
    assert_eq!(e.reading, "ひの\u{3000}かずと");
    assert_eq!(e.birth, Date::new(2002, 9, 15).unwrap());
    assert_eq!(e.history[0].unit, "040402");
    assert_eq!(e.history[0].title, "主任");
    let sato = r.get::<Account>("hr.sato").unwrap().unwrap();
    assert_eq!(sato.roles.iter().copied().collect::<Vec<_>>(), [Role::Hr]);
    let overtime = r.get::<KpiSeries>("overtime-hours").unwrap().unwrap();
    assert_eq!(overtime.values[&FiscalYear::reiwa(6)], 90_644);

    // Schema 2 came after: no levels yet, skills in effect since the policy's map.
    assert!(r.all::<SkillSheet>().unwrap().is_empty());
    assert!(r.all::<Settings>().unwrap().is_empty());
    let coaching = r.get::<Skill>("coaching").unwrap().unwrap();
    assert_eq!(coaching.since, Date::new(2026, 4, 1).unwrap());
    assert!(coaching.earlier.is_empty());

    let report = check::check(&r).unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    assert_eq!(report.audit_entries, 5);
    assert_eq!(
        report.audit_head.to_string(),
        "c3df1f78aaa1939ba03bc62ee32899fcd4f8f11ff4e222ccc8b8538931c5e958"
    );
    assert_eq!(report.index_entries, 157);
}
