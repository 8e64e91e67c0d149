//! Training through the service on a demo database: every enrollment rule with its
//! refusal, the waiting list, bulk enrollment in one transaction, attendance and the
//! level proposals of a completed course, obligations, the plan copied to the next
//! year, and the subsidy's budget.

use std::sync::Arc;

use kizuna::domain::{
    Date, EnrollStatus, FiscalYear, FixedClock, ProposalState, Session, SessionStatus, Source,
    SubsidyStatus,
};
use kizuna::service::{
    self, BulkFilter, EnrollFault, Outcome, PlanFault, Principal, Scope, Service, ServiceError,
    SubsidyFault,
};

struct World {
    _dir: tempfile::TempDir,
    service: Service,
    p: Principal,
}

fn d(y: i32, m: u32, day: u32) -> Date {
    Date::new(y, m, day).unwrap()
}

fn world(staff: usize) -> World {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.redb");
    let clock = Arc::new(FixedClock::at_noon(d(2026, 11, 25)));
    let p = Principal::named("root", 0);
    service::create_demo(&path, &p, clock.clone(), staff, 3).unwrap();
    World {
        _dir: dir,
        service: Service::open(&path, clock).unwrap(),
        p,
    }
}

/// Staff in post now whose title is `title`.
fn with_title(w: &World, title: &str) -> Vec<String> {
    w.service
        .matrix(&w.p, &Scope::default(), d(2026, 11, 25))
        .unwrap()
        .rows
        .into_iter()
        .filter(|r| r.title == title)
        .map(|r| r.staff_no)
        .collect()
}

fn session(id: &str, course: &str, day: Date, capacity: u32) -> Session {
    Session {
        id: id.into(),
        course: course.into(),
        year: FiscalYear::of(day),
        days: vec![day],
        place: "本庁舎 研修室".into(),
        instructor: "人事課".into(),
        capacity,
        status: SessionStatus::Open,
        waiting: Vec::new(),
    }
}

fn fault<T: std::fmt::Debug>(r: Result<T, ServiceError>) -> EnrollFault {
    match r {
        Err(ServiceError::Enroll(f)) => f,
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_full_session_queues_and_a_cancellation_promotes_the_first_in_line() {
    let w = world(2000);
    let s = &w.service;
    s.save_session(&w.p, &session("R8-901", "kakaricho", d(2027, 2, 10), 2))
        .unwrap();
    let people = with_title(&w, "係長");
    let [a, b, c, e] = [&people[0], &people[1], &people[2], &people[3]];
    assert_eq!(
        s.enroll(&w.p, "R8-901", a, None).unwrap(),
        EnrollStatus::Booked
    );
    assert_eq!(
        s.enroll(&w.p, "R8-901", b, None).unwrap(),
        EnrollStatus::Booked
    );
    assert_eq!(
        s.enroll(&w.p, "R8-901", c, None).unwrap(),
        EnrollStatus::Waiting
    );
    assert_eq!(
        s.enroll(&w.p, "R8-901", e, None).unwrap(),
        EnrollStatus::Waiting
    );
    let roster = s.roster(&w.p, "R8-901").unwrap();
    let waiting: Vec<(String, Option<usize>)> = roster
        .rows
        .iter()
        .filter(|r| r.status == EnrollStatus::Waiting)
        .map(|r| (r.staff_no.clone(), r.waiting))
        .collect();
    assert_eq!(waiting, [(c.clone(), Some(1)), (e.clone(), Some(2))]);
    assert_eq!(
        fault(s.enroll(&w.p, "R8-901", a, None)),
        EnrollFault::Already(EnrollStatus::Booked)
    );
    // A cancellation gives the place to the first in line, and says so.
    s.set_attendance(&w.p, "R8-901", a, EnrollStatus::Cancelled, None)
        .unwrap();
    let roster = s.roster(&w.p, "R8-901").unwrap();
    let status = |n: &str| roster.rows.iter().find(|r| r.staff_no == n).unwrap().status;
    assert_eq!(status(a), EnrollStatus::Cancelled);
    assert_eq!(status(c), EnrollStatus::Booked);
    assert_eq!(status(e), EnrollStatus::Waiting);
    assert_eq!(roster.session.waiting, std::slice::from_ref(e));
    // A roster marks attendance; places follow from enrolling and cancelling.
    assert_eq!(
        fault(s.set_attendance(&w.p, "R8-901", e, EnrollStatus::Booked, None)),
        EnrollFault::NotAttendance(EnrollStatus::Booked)
    );
    assert_eq!(
        fault(s.set_attendance(&w.p, "R8-901", &people[9], EnrollStatus::Attended, None)),
        EnrollFault::NotEnrolled {
            session: "R8-901".into(),
            staff_no: people[9].clone()
        }
    );
    assert!(matches!(
        s.bulk_preview(
            &w.p,
            "R8-901",
            &BulkFilter {
                unit: Some("nowhere".into()),
                ..BulkFilter::default()
            }
        ),
        Err(ServiceError::NotFound { kind: "unit", .. })
    ));
    // Cancelling someone who waits promotes nobody.
    s.set_attendance(&w.p, "R8-901", e, EnrollStatus::Cancelled, None)
        .unwrap();
    assert!(s.roster(&w.p, "R8-901").unwrap().session.waiting.is_empty());
    // The waiting list and the enrollments agree after all of it.
    assert_eq!(s.check(&w.p).unwrap().problems, []);
}

#[test]
fn each_rule_refuses_with_its_reason() {
    let w = world(2000);
    let s = &w.service;
    let day = d(2027, 2, 10);
    s.save_session(&w.p, &session("R8-901", "kakaricho", day, 30))
        .unwrap();
    s.save_session(&w.p, &session("R8-902", "harassment", day, 30))
        .unwrap();
    let kakaricho = with_title(&w, "係長");
    let shuji = with_title(&w, "主事");
    // Outside the audience, unless a reason is given.
    assert_eq!(
        fault(s.enroll(&w.p, "R8-901", &shuji[0], None)),
        EnrollFault::NotEligible {
            course: "kakaricho".into(),
            name: "係長研修".into()
        }
    );
    assert_eq!(
        fault(s.enroll(&w.p, "R8-901", &shuji[0], Some("  "))),
        EnrollFault::EmptyReason
    );
    assert_eq!(
        s.enroll(&w.p, "R8-901", &shuji[0], Some("係長昇任予定"))
            .unwrap(),
        EnrollStatus::Booked
    );
    // One session a day.
    s.enroll(&w.p, "R8-901", &kakaricho[0], None).unwrap();
    assert_eq!(
        fault(s.enroll(&w.p, "R8-902", &kakaricho[0], None)),
        EnrollFault::SameDay {
            session: "R8-901".into(),
            day
        }
    );
    // A prerequisite not completed.
    s.save_session(&w.p, &session("R8-903", "dx-leader", d(2027, 2, 12), 30))
        .unwrap();
    let preview = s
        .bulk_preview(&w.p, "R8-903", &BulkFilter::default())
        .unwrap();
    assert!(preview.rows.iter().any(|r| r.outcome
        == Outcome::Refused(EnrollFault::Prerequisite {
            course: "dx-basic".into()
        })));
    // A closed session takes nobody.
    let mut closed = session("R8-904", "kakaricho", d(2027, 2, 15), 30);
    closed.status = SessionStatus::Closed;
    s.save_session(&w.p, &closed).unwrap();
    assert!(matches!(
        fault(s.enroll(&w.p, "R8-904", &kakaricho[1], None)),
        EnrollFault::Closed { .. }
    ));
    assert!(matches!(
        s.enroll(&w.p, "R8-999", &kakaricho[1], None),
        Err(ServiceError::Plan(PlanFault::NoSuchSession(_)))
    ));
    // The refusals speak the user's language.
    let text = kizuna::i18n::enroll_fault(
        &EnrollFault::SameDay {
            session: "R8-901".into(),
            day,
        },
        kizuna::i18n::Lang::Ja,
    );
    assert!(
        text.contains("令和9年2月10日") && text.contains("R8-901"),
        "{text}"
    );
}

#[test]
fn bulk_enrollment_previews_then_writes_once() {
    let w = world(2000);
    let s = &w.service;
    s.save_session(&w.p, &session("R8-901", "kakaricho", d(2027, 3, 2), 40))
        .unwrap();
    let filter = BulkFilter {
        title: Some("係長".into()),
        ..BulkFilter::default()
    };
    let preview = s.bulk_preview(&w.p, "R8-901", &filter).unwrap();
    let book = preview.count(|o| *o == Outcome::Book);
    let wait = preview.count(|o| matches!(o, Outcome::Wait(_)));
    let refused = preview.count(|o| matches!(o, Outcome::Refused(_)));
    assert_eq!(book, 40, "the capacity");
    assert!(wait > 0 && book + wait + refused == preview.rows.len());
    assert_eq!(with_title(&w, "係長").len(), preview.rows.len());
    let audit = s.check(&w.p).unwrap().audit_entries;
    let done = s.bulk_enroll(&w.p, "R8-901", &filter).unwrap();
    assert_eq!(done, preview, "what the preview showed is what was done");
    assert_eq!(
        s.check(&w.p).unwrap().audit_entries,
        audit + 1,
        "one transaction"
    );
    let roster = s.roster(&w.p, "R8-901").unwrap();
    assert_eq!(
        roster
            .rows
            .iter()
            .filter(|r| r.status == EnrollStatus::Booked)
            .count(),
        40
    );
    assert_eq!(roster.session.waiting.len(), wait);
    assert_eq!(s.check(&w.p).unwrap().problems, []);
    // Again: everyone is already in.
    let again = s.bulk_preview(&w.p, "R8-901", &filter).unwrap();
    assert!(
        again
            .rows
            .iter()
            .all(|r| matches!(r.outcome, Outcome::Refused(EnrollFault::Already(_))))
    );
    // New hires of the session's year.
    let hires = s
        .bulk_preview(
            &w.p,
            "R8-901",
            &BulkFilter {
                new_hires: true,
                ..BulkFilter::default()
            },
        )
        .unwrap();
    assert!(!hires.rows.is_empty());
}

#[test]
fn completing_a_course_proposes_levels_that_an_assessor_decides() {
    let w = world(2000);
    let s = &w.service;
    s.save_session(&w.p, &session("R8-901", "kakaricho", d(2026, 11, 24), 30))
        .unwrap();
    let who = &with_title(&w, "係長")[0];
    s.enroll(&w.p, "R8-901", who, None).unwrap();
    s.set_attendance(&w.p, "R8-901", who, EnrollStatus::Attended, None)
        .unwrap();
    assert!(s.proposals(&w.p, Some(who)).unwrap().is_empty());
    s.set_attendance(&w.p, "R8-901", who, EnrollStatus::Completed, None)
        .unwrap();
    let proposals = s.proposals(&w.p, Some(who)).unwrap();
    let skills: Vec<&str> = proposals.iter().map(|p| p.skill.as_str()).collect();
    assert!(
        !skills.is_empty()
            && skills
                .iter()
                .all(|k| ["leadership", "coaching"].contains(k))
    );
    assert!(proposals.iter().all(|p| p.state == ProposalState::Pending));
    // Nothing changed silently: the levels are as they were until decided.
    let before = s.sheet(&w.p, who).unwrap();
    let first = &proposals[0];
    s.decide_proposal(&w.p, &first.key(), true).unwrap();
    let sheet = s.sheet(&w.p, who).unwrap();
    let now = sheet.level_on(&first.skill, d(2026, 11, 25)).unwrap();
    assert_eq!((now.level, now.source), (first.level, Source::Training));
    assert_ne!(sheet, before);
    if let Some(second) = proposals.get(1) {
        s.decide_proposal(&w.p, &second.key(), false).unwrap();
        assert_eq!(
            s.sheet(&w.p, who).unwrap().history(&second.skill),
            before.history(&second.skill)
        );
    }
    assert!(matches!(
        s.decide_proposal(&w.p, &first.key(), false),
        Err(ServiceError::Plan(PlanFault::Decided(_)))
    ));
    // Every change of the enrollment is kept.
    let roster = s.roster(&w.p, "R8-901").unwrap();
    assert_eq!(roster.rows[0].status, EnrollStatus::Completed);
}

#[test]
fn the_plan_copies_to_the_next_year_once() {
    let w = world(200);
    let s = &w.service;
    let r8 = s.sessions(&w.p, FiscalYear(2026)).unwrap();
    let copied = s.copy_plan(&w.p, FiscalYear(2026)).unwrap();
    assert_eq!(copied.len(), r8.len());
    assert!(
        copied
            .iter()
            .all(|x| x.status == SessionStatus::Planned && x.waiting.is_empty())
    );
    assert!(copied.iter().all(|x| x.id.starts_with("R9-")));
    let r9 = s.sessions(&w.p, FiscalYear(2027)).unwrap();
    assert_eq!(r9.len(), r8.len());
    assert!(r9.iter().all(|v| v.booked == 0));
    assert!(matches!(
        s.copy_plan(&w.p, FiscalYear(2026)),
        Err(ServiceError::Plan(PlanFault::YearPlanned(_)))
    ));
    assert!(matches!(
        s.copy_plan(&w.p, FiscalYear(2030)),
        Err(ServiceError::Plan(PlanFault::NothingToCopy(_)))
    ));
}

#[test]
fn obligations_list_who_owes_a_mandatory_course_and_the_duties_of_the_year() {
    let w = world(2000);
    let s = &w.service;
    let out = s.outstanding(&w.p, FiscalYear(2026), None).unwrap();
    assert!(!out.owed.is_empty());
    let courses = s.courses(&w.p).unwrap();
    for o in &out.owed {
        let c = courses.iter().find(|c| c.key == o.course).unwrap();
        assert_eq!(c.class, kizuna::domain::training::CourseClass::Mandatory);
    }
    // Someone who completed the 係長研修 does not owe it.
    s.save_session(&w.p, &session("R8-901", "kakaricho", d(2026, 11, 24), 30))
        .unwrap();
    let who = with_title(&w, "係長")
        .into_iter()
        .find(|n| {
            out.owed
                .iter()
                .any(|o| &o.staff_no == n && o.course == "kakaricho")
        })
        .unwrap();
    s.enroll(&w.p, "R8-901", &who, None).unwrap();
    s.set_attendance(&w.p, "R8-901", &who, EnrollStatus::Completed, None)
        .unwrap();
    let after = s.outstanding(&w.p, FiscalYear(2026), None).unwrap();
    assert!(
        !after
            .owed
            .iter()
            .any(|o| o.staff_no == who && o.course == "kakaricho")
    );
    assert!(after.owed.windows(2).all(|p| p[0].section <= p[1].section));
    // The demo held its mental-health training in 令和7年度.
    let r7 = s.outstanding(&w.p, FiscalYear(2025), None).unwrap();
    assert!(r7.duties[0].met(), "{:?}", r7.duties);
    let r9 = s.outstanding(&w.p, FiscalYear(2027), None).unwrap();
    assert!(!r9.duties[0].met());
}

#[test]
fn the_subsidy_asks_for_a_skill_and_never_exceeds_the_budget() {
    let w = world(200);
    let s = &w.service;
    let who = &with_title(&w, "主事")[0];
    assert!(matches!(
        s.apply_subsidy(&w.p, who, "宅地建物取引士", 20_000, None, None),
        Err(ServiceError::Subsidy(SubsidyFault::NoSkill))
    ));
    let a = s
        .apply_subsidy(
            &w.p,
            who,
            "宅地建物取引士",
            20_000,
            None,
            Some("窓口業務に必要"),
        )
        .unwrap();
    assert_eq!(a.status(), SubsidyStatus::Applied);
    let view = s.subsidies(&w.p, FiscalYear(2026)).unwrap();
    let committed = view.budget.committed;
    // A budget just short of this approval refuses it, and nothing is committed.
    s.change_settings(&w.p, |x| x.subsidy.budget = committed + 9_999)
        .unwrap();
    assert!(matches!(
        s.decide_subsidy(&w.p, &a.id, SubsidyStatus::Approved, None),
        Err(ServiceError::Subsidy(SubsidyFault::OverBudget {
            amount: 10_000,
            remaining: 9_999
        }))
    ));
    s.change_settings(&w.p, |x| x.subsidy.budget = committed + 10_000)
        .unwrap();
    let approved = s
        .decide_subsidy(&w.p, &a.id, SubsidyStatus::Approved, None)
        .unwrap();
    assert_eq!((approved.rate, approved.amount), (50, 10_000));
    let view = s.subsidies(&w.p, FiscalYear(2026)).unwrap();
    assert_eq!(view.budget.remaining(), 0);
    // Next year's budget leaves this year's as it was.
    s.change_settings(&w.p, |x| {
        x.subsidy.budgets.insert(2027, 500_000);
    })
    .unwrap();
    assert_eq!(
        s.subsidies(&w.p, FiscalYear(2027)).unwrap().budget.total,
        500_000
    );
    assert_eq!(
        s.subsidies(&w.p, FiscalYear(2026))
            .unwrap()
            .budget
            .remaining(),
        0
    );
    assert!(matches!(
        s.decide_subsidy(&w.p, &a.id, SubsidyStatus::Paid, None),
        Err(ServiceError::Subsidy(SubsidyFault::Step { .. }))
    ));
    s.decide_subsidy(&w.p, &a.id, SubsidyStatus::Reported, None)
        .unwrap();
    s.decide_subsidy(&w.p, &a.id, SubsidyStatus::Paid, None)
        .unwrap();
    assert_eq!(s.check(&w.p).unwrap().problems, []);
}

#[test]
fn a_persons_trainings_come_newest_first() {
    let w = world(2000);
    let s = &w.service;
    s.save_session(&w.p, &session("R8-901", "kakaricho", d(2027, 2, 10), 30))
        .unwrap();
    let who = &with_title(&w, "係長")[0];
    let before = s.trainings_of(&w.p, who).unwrap();
    s.enroll(&w.p, "R8-901", who, None).unwrap();
    let after = s.trainings_of(&w.p, who).unwrap();
    assert_eq!(after.len(), before.len() + 1);
    assert_eq!(after[0].session, "R8-901");
    assert_eq!(after[0].course_name, "係長研修");
    assert_eq!(after[0].status, EnrollStatus::Booked);
    assert!(after.windows(2).all(|p| p[0].first_day >= p[1].first_day));
}

#[test]
fn attendance_needs_a_place_and_a_begun_session_and_nobody_jumps_the_line() {
    let w = world(2000);
    let s = &w.service;
    let people = with_title(&w, "係長");
    let [a, b, c, e] = [&people[0], &people[1], &people[2], &people[3]];
    // A session next February: too early to mark anyone.
    s.save_session(&w.p, &session("R8-901", "kakaricho", d(2027, 2, 10), 1))
        .unwrap();
    s.enroll(&w.p, "R8-901", a, None).unwrap();
    s.enroll(&w.p, "R8-901", b, None).unwrap();
    assert_eq!(
        fault(s.set_attendance(&w.p, "R8-901", a, EnrollStatus::Attended, None)),
        EnrollFault::NotYet(d(2027, 2, 10))
    );
    // Two more places: those waiting take them first, in order.
    let mut bigger = session("R8-901", "kakaricho", d(2027, 2, 10), 3);
    bigger.waiting = vec!["caller's list is ignored".into()];
    s.save_session(&w.p, &bigger).unwrap();
    let roster = s.roster(&w.p, "R8-901").unwrap();
    assert!(roster.session.waiting.is_empty());
    assert!(roster.rows.iter().all(|r| r.status == EnrollStatus::Booked));
    assert_eq!(
        s.enroll(&w.p, "R8-901", c, None).unwrap(),
        EnrollStatus::Booked
    );
    assert_eq!(
        s.enroll(&w.p, "R8-901", e, None).unwrap(),
        EnrollStatus::Waiting
    );

    // A session that ran yesterday: someone waiting is not marked present.
    s.save_session(&w.p, &session("R8-902", "hosa", d(2026, 11, 24), 1))
        .unwrap();
    let hosa = with_title(&w, "課長補佐");
    s.enroll(&w.p, "R8-902", &hosa[0], None).unwrap();
    s.enroll(&w.p, "R8-902", &hosa[1], None).unwrap();
    assert_eq!(
        fault(s.set_attendance(&w.p, "R8-902", &hosa[1], EnrollStatus::Attended, None)),
        EnrollFault::NoPlace(EnrollStatus::Waiting)
    );
    // The session has been held: a cancellation no longer promotes anyone.
    let mut held = session("R8-902", "hosa", d(2026, 11, 24), 1);
    held.status = SessionStatus::Held;
    s.save_session(&w.p, &held).unwrap();
    let up = s
        .set_attendance(&w.p, "R8-902", &hosa[0], EnrollStatus::Cancelled, None)
        .unwrap();
    assert_eq!(up, None);
    // Completion recorded, then taken back: its undecided proposals go too.
    s.save_session(&w.p, &session("R8-903", "kakaricho", d(2026, 11, 23), 5))
        .unwrap();
    let who = &people[5];
    s.enroll(&w.p, "R8-903", who, None).unwrap();
    s.set_attendance(&w.p, "R8-903", who, EnrollStatus::Completed, None)
        .unwrap();
    let made = s.proposals(&w.p, Some(who)).unwrap();
    assert!(!made.is_empty());
    s.set_attendance(&w.p, "R8-903", who, EnrollStatus::Absent, None)
        .unwrap();
    assert!(s.proposals(&w.p, Some(who)).unwrap().is_empty());
    let roster = s.roster(&w.p, "R8-903").unwrap();
    assert_eq!(roster.rows[0].status, EnrollStatus::Absent);
    assert_eq!(s.check(&w.p).unwrap().problems, []);
}
