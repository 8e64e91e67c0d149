//! A database written by schema 5 (sealed cases with their keys and slots, roadmap
//! progress, KPI figures entered, survey group results, settings of version 5),
//! committed and never regenerated, must keep opening and reading in every later
//! kizuna: its cases still open with the demo passphrase.

mod common;

use std::sync::Arc;

use kizuna::domain::cases::{CaseDomain, CaseItem};
use kizuna::domain::{Date, FiscalYear, FixedClock, Settings};
use kizuna::service::{DEMO_PASSPHRASE, Principal, Service};
use kizuna::store::check;
use kizuna::store::keys::{CaseWrap, DomainKeys, DomainWrap, HolderKey, SealedItem};
use kizuna::store::{SETTINGS_KEY, Store};

const FIXTURE: &str = "tests/fixtures/schema-v5/demo-40.redb";

fn service(path: &std::path::Path) -> Service {
    let clock = Arc::new(FixedClock::at_noon(Date::new(2026, 11, 25).unwrap()));
    Service::open(path, clock).unwrap()
}

#[test]
fn schema_five_database_opens_and_every_record_reads() {
    let (_dir, path) = common::fixture_copy(FIXTURE);
    {
        let store = Store::open(&path).unwrap();
        let r = store.read().unwrap();
        assert_eq!(r.all::<HolderKey>().unwrap().len(), 1);
        let domains = r.all::<DomainKeys>().unwrap();
        assert_eq!(domains.len(), 2);
        assert!(domains.iter().all(|d| d.generation == 1));
        // One holder and the recovery key per domain.
        assert_eq!(r.all::<DomainWrap>().unwrap().len(), 4);
        let sealed = r.all::<SealedItem>().unwrap();
        assert_eq!(
            sealed.len(),
            13,
            "6 health cases, 5 harassment cases, 2 incidents"
        );
        assert_eq!(
            r.all::<CaseWrap>().unwrap().len(),
            26,
            "the holder and recovery"
        );

        let settings = r.get::<Settings>(SETTINGS_KEY).unwrap().unwrap();
        assert_eq!((settings.lock_minutes, settings.survey_floor()), (7, 12));

        let report = check::check(&r).unwrap();
        assert!(report.problems.is_empty(), "{:?}", report.problems);
        assert_eq!(report.audit_entries, 58);
        assert_eq!(
            report.audit_head.to_string(),
            "16f6c1146df4cf624d319f749eeff77c922232dd49c7ef1e5723818081ff887a"
        );
    }

    let s = service(&path);
    let root = Principal::named("root", 0);
    let mut ring = s.unlock(&root, DEMO_PASSPHRASE.as_bytes()).unwrap();
    let health = s.cases(&root, &mut ring, CaseDomain::Health).unwrap();
    assert_eq!(health.len(), 6);
    assert!(
        health
            .iter()
            .all(|v| matches!(v.item, CaseItem::Health(_)) && !v.names.is_empty())
    );
    let harassment = s.cases(&root, &mut ring, CaseDomain::Harassment).unwrap();
    let incidents = harassment
        .iter()
        .filter(|v| matches!(v.item, CaseItem::Incident(_)))
        .count();
    assert_eq!((harassment.len(), incidents), (7, 2));

    let timeline = s.roadmap(&root).unwrap();
    assert_eq!(timeline.years.len(), 5);
    let rows = timeline.groups.iter().map(|g| g.rows.len()).sum::<usize>();
    assert_eq!(rows, 18);
    assert!(
        timeline
            .groups
            .iter()
            .flat_map(|g| &g.rows)
            .flat_map(|r| &r.cells)
            .any(|c| c.status != kizuna::domain::progress::Progress::NotStarted),
        "the demo's progress reads back"
    );

    let kpis = s.kpis(&root, Some(FiscalYear(2025))).unwrap();
    let r7 = |key: &str| {
        kpis.iter()
            .find(|k| k.key == key)
            .and_then(|k| k.years.iter().find(|y| y.year == FiscalYear(2025)))
            .and_then(|y| y.value)
    };
    assert_eq!(r7("young-resignations"), Some(11));
    assert_eq!(r7("overtime-hours"), Some(88_123));

    let survey = s.survey(&root, FiscalYear(2026)).unwrap();
    assert_eq!(survey.floor, 12);
    assert_eq!(survey.scales.len(), 3);
    assert_eq!(survey.city.as_ref().map(|c| c.respondents), Some(76));
}
