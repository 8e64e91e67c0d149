//! The demo database's sealed cases: they open with the demo passphrase, both domains
//! have cases, health cases have dates in the coming weeks and the harassment log
//! covers the workflow's stages, with customer-harassment incidents after 2026-10-01.

use std::collections::BTreeSet;
use std::sync::Arc;

use kizuna::domain::cases::{
    CaseDomain, CaseItem, Complainant, HealthKind, Respondent, Stage, StepStatus,
};
use kizuna::domain::{Date, FixedClock};
use kizuna::service::{self, DEMO_PASSPHRASE, Principal, Service};

fn day(y: i32, m: u32, d: u32) -> Date {
    Date::new(y, m, d).unwrap()
}

fn demo(staff: usize, today: Date) -> (tempfile::TempDir, Service, Principal) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.redb");
    let clock = Arc::new(FixedClock::at_noon(today));
    let me = Principal::named("root", 0);
    service::create_demo(&path, &me, clock.clone(), staff, 3).unwrap();
    let service = Service::open(&path, clock).unwrap();
    (dir, service, me)
}

#[test]
fn the_demo_holds_cases_in_both_domains() {
    let today = day(2026, 11, 25);
    let (_dir, s, me) = demo(60, today);
    for status in s.case_domains().unwrap() {
        assert!(status.ready, "{:?}", status.domain);
        assert_eq!(status.holders, 1, "{:?}", status.domain);
    }
    let mut ring = s.unlock(&me, DEMO_PASSPHRASE.as_bytes()).unwrap();
    assert_eq!(ring.domains(), CaseDomain::ALL);

    let health = s.cases(&me, &mut ring, CaseDomain::Health).unwrap();
    assert_eq!(health.len(), 6);
    let cases: Vec<_> = health
        .iter()
        .map(|v| match &v.item {
            CaseItem::Health(c) => {
                assert!(v.names.contains_key(&c.subject), "a demo person");
                c
            }
            other => panic!("{other:?}"),
        })
        .collect();
    let kinds: BTreeSet<HealthKind> = cases.iter().map(|c| c.kind).collect();
    assert_eq!(kinds.len(), HealthKind::ALL.len());
    let soon = today.add_days(42);
    let ahead = cases
        .iter()
        .filter(|c| {
            let next = c.upcoming(today);
            next.iter().any(|u| u.on >= today && u.on <= soon)
        })
        .count();
    assert!(
        ahead >= 3,
        "{ahead} cases with something in the coming weeks"
    );
    assert!(cases.iter().any(|c| !c.is_open()), "an ended consultation");
    assert!(cases.iter().all(|c| !c.entries.is_empty()));
    let plan = cases
        .iter()
        .find(|c| c.plan.iter().any(|s| s.status == StepStatus::Underway))
        .expect("a plan under way");
    let steps: Vec<(&str, StepStatus)> = plan
        .plan
        .iter()
        .map(|s| (s.name.as_str(), s.status))
        .collect();
    assert_eq!(
        steps,
        [
            ("試し出勤", StepStatus::Done),
            ("短時間勤務", StepStatus::Underway),
            ("通常勤務", StepStatus::Planned),
        ]
    );
    assert!(
        cases.iter().any(|c| c
            .leaves
            .iter()
            .any(|l| l.actual_end.is_none() && l.planned_end > today)),
        "a leave ending in the coming weeks"
    );

    let log = s.cases(&me, &mut ring, CaseDomain::Harassment).unwrap();
    let mut stages = BTreeSet::new();
    let mut channels = BTreeSet::new();
    let mut incidents = Vec::new();
    let mut anonymous = 0;
    let mut outside = Vec::new();
    for v in &log {
        match &v.item {
            CaseItem::Harassment(c) => {
                stages.insert(c.stage);
                channels.insert(c.channel);
                anonymous += usize::from(c.complainant == Complainant::Anonymous);
                if c.respondents
                    .iter()
                    .any(|r| matches!(r, Respondent::Outside(_)))
                {
                    outside.push(c.id.clone());
                }
            }
            CaseItem::Incident(i) => incidents.push(i),
            CaseItem::Health(_) => panic!("a health case in the harassment log"),
        }
    }
    assert_eq!(log.len(), 7);
    assert_eq!(stages, Stage::ALL.iter().copied().collect());
    assert!(channels.len() >= 3, "{channels:?}");
    assert_eq!(anonymous, 1);
    assert_eq!(outside.len(), 1);
    assert_eq!(incidents.len(), 2);
    assert!(incidents.iter().all(|i| i.on > day(2026, 10, 1)));
    assert_eq!(
        incidents
            .iter()
            .filter_map(|i| i.case.clone())
            .collect::<Vec<_>>(),
        outside,
        "one incident linked to the customer-harassment case, one alone"
    );
}

#[test]
fn a_demo_of_two_people_has_cases_too() {
    let (_dir, s, me) = demo(2, day(2026, 4, 1));
    let mut ring = s.unlock(&me, DEMO_PASSPHRASE.as_bytes()).unwrap();
    assert_eq!(
        s.cases(&me, &mut ring, CaseDomain::Health).unwrap().len(),
        6
    );
    assert!(
        !s.cases(&me, &mut ring, CaseDomain::Harassment)
            .unwrap()
            .is_empty()
    );
}
