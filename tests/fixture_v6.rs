//! A database written by schema 6 (a revision per record), committed and never
//! regenerated, must keep opening and reading in every later kizuna, revisions
//! included: a save from a revision it holds goes through, a stale one is refused.

mod common;

use std::sync::Arc;

use kizuna::domain::{Date, Employee, FixedClock, Settings};
use kizuna::service::{Principal, Service, ServiceError};
use kizuna::store::{Record, SETTINGS_KEY, Store, check};

const FIXTURE: &str = "tests/fixtures/schema-v6/demo-40.redb";

#[test]
fn schema_six_database_opens_with_its_revisions() {
    let (_dir, path) = common::fixture_copy(FIXTURE);
    let no = {
        let store = Store::open_read_only(&path).unwrap();
        let r = store.read().unwrap();
        let staff = r.all::<Employee>().unwrap();
        assert_eq!(staff.len(), 40);
        for e in &staff {
            assert_eq!(
                r.revision::<Employee>(&e.staff_no).unwrap(),
                1,
                "written once"
            );
        }
        // Written twice: `settings lock-minutes 7`, then `settings survey-floor 12`.
        assert_eq!(r.revision::<Settings>(SETTINGS_KEY).unwrap(), 2);
        let settings = r.get::<Settings>(SETTINGS_KEY).unwrap().unwrap();
        assert_eq!((settings.lock_minutes, settings.survey_floor()), (7, 12));
        let revisions = r.revisions().unwrap();
        assert!(
            revisions
                .iter()
                .all(|(table, _, rev)| *rev >= 1 && !table.is_empty())
        );
        assert!(revisions.iter().any(|(t, _, _)| t == Employee::TABLE));
        let report = check::check(&r).unwrap();
        assert!(report.problems.is_empty(), "{:?}", report.problems);
        assert_eq!(report.audit_entries, 59);
        staff[0].staff_no.clone()
    };

    let clock = Arc::new(FixedClock::at_noon(Date::new(2026, 11, 25).unwrap()));
    let s = Service::open(&path, clock).unwrap();
    let root = Principal::named("root", 0);
    let view = s.employee(&root, &no).unwrap();
    assert_eq!(view.revision, 1);
    let mut e = view.employee.clone();
    e.alias = Some("通称".into());
    assert!(matches!(
        s.update_employee(&root, &e, 0),
        Err(ServiceError::Conflict(c)) if (c.opened, c.current) == (0, 1)
    ));
    s.update_employee(&root, &e, 1).unwrap();
    assert_eq!(s.employee(&root, &no).unwrap().revision, 2);
}
