//! A database written by schema 3 (training: courses, sessions, enrollments, a level
//! proposal, subsidy applications, the person index, settings of version 2),
//! committed and never regenerated, must keep opening and reading in every later
//! kizuna.

mod common;

use kizuna::domain::*;
use kizuna::store::check;
use kizuna::store::{SETTINGS_KEY, Store};

const FIXTURE: &str = "tests/fixtures/schema-v3/demo-40.redb";

fn d(y: i32, m: u32, day: u32) -> Date {
    Date::new(y, m, day).unwrap()
}

#[test]
fn schema_three_database_opens_and_every_record_reads() {
    let (_dir, path) = common::fixture_copy(FIXTURE);
    let store = Store::open(&path).unwrap();
    let r = store.read().unwrap();
    assert_eq!(r.all::<Course>().unwrap().len(), 15);
    assert_eq!(r.all::<Session>().unwrap().len(), 39);
    assert_eq!(r.all::<Enrollment>().unwrap().len(), 196);
    assert_eq!(r.all::<Application>().unwrap().len(), 4);

    let session = r.get::<Session>("R8-900").unwrap().unwrap();
    assert_eq!(session.course, "dx-basic");
    assert_eq!(session.days, [d(2026, 11, 24)]);
    assert_eq!((session.capacity, session.status), (2, SessionStatus::Open));
    // 260002 cancelled: 260003, who waited, took the place.
    assert!(session.waiting.is_empty());
    let status = |n: &str| {
        r.get::<Enrollment>(&Enrollment::key_of("R8-900", n))
            .unwrap()
            .unwrap()
            .steps
            .iter()
            .map(|s| s.status)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        status("260001"),
        [EnrollStatus::Booked, EnrollStatus::Completed]
    );
    assert_eq!(
        status("260002"),
        [EnrollStatus::Booked, EnrollStatus::Cancelled]
    );
    assert_eq!(
        status("260003"),
        [EnrollStatus::Waiting, EnrollStatus::Booked]
    );
    let e = r
        .get::<Enrollment>(&Enrollment::key_of("R8-900", "260001"))
        .unwrap()
        .unwrap();
    assert_eq!(e.override_reason.as_deref(), Some("全職員対象"));

    let proposals = r.of_person::<Proposal>("260001").unwrap();
    assert_eq!(proposals.len(), 1);
    assert_eq!(
        (proposals[0].skill.as_str(), proposals[0].state),
        ("digital-literacy", ProposalState::Pending)
    );
    let apps = r.of_person::<Application>("260001").unwrap();
    // The one applied for on the day the fixture was made (the demo has its own).
    let approved = apps
        .iter()
        .find(|a| a.steps[0].on == d(2026, 11, 25))
        .unwrap();
    assert_eq!(approved.title, "統計検定2級");
    assert_eq!(approved.status(), SubsidyStatus::Approved);
    assert_eq!((approved.rate, approved.amount), (50, 3_500));

    let settings = r.get::<Settings>(SETTINGS_KEY).unwrap().unwrap();
    assert_eq!(settings.subsidy.rates, [50, 40, 30, 20]);
    assert_eq!(settings.subsidy.budget, 2_000_000);
    assert!(settings.subsidy.skill_rule);

    let report = check::check(&r).unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    assert_eq!(report.audit_entries, 10);
    assert_eq!(
        report.audit_head.to_string(),
        "091bbed3526d6d7cb33c3603be222069616ffc54aaa296fb85f7e8a561ef6b67"
    );
    assert_eq!(report.index_entries, 342);
}
