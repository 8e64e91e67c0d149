//! The roadmap through the service: the timeline against the policy's catalogue, the
//! status, note and plan histories, who may change what, one audit entry per change,
//! and the progress report's contents and its "since the last report".

use std::sync::Arc;

use kizuna::domain::progress::PlanCell;
use kizuna::domain::progress::ProgressError;
use kizuna::domain::{Date, FiscalYear, FixedClock, Progress, Role};
use kizuna::service::{self, Principal, RoadmapChange, RoadmapFault, Service, ServiceError};

fn r(n: i32) -> FiscalYear {
    FiscalYear::reiwa(n)
}

fn world() -> (tempfile::TempDir, Service, Principal) {
    let dir = tempfile::tempdir().unwrap();
    let p = Principal::named("hr.test", 5000);
    let clock = Arc::new(FixedClock::at_noon(Date::new(2026, 11, 25).unwrap()));
    let s = service::init(&dir.path().join("k.redb"), &p, clock).unwrap();
    (dir, s, p)
}

fn audit_len(s: &Service, p: &Principal) -> usize {
    s.audit_list(p, None).unwrap().len()
}

#[test]
fn the_timeline_follows_the_catalogue() {
    let (_d, s, p) = world();
    let t = s.roadmap(&p).unwrap();
    assert_eq!(
        t.years,
        (8..=12).map(r).collect::<Vec<_>>(),
        "from the stored plan period"
    );
    assert_eq!(t.this_year(), r(8));
    assert_eq!(t.today.month(), 11);
    let approaches: Vec<&str> = t.groups.iter().map(|g| g.approach.short.as_str()).collect();
    assert_eq!(
        approaches,
        [
            "人事管理",
            "職員研修",
            "職場環境",
            "地域活動",
            "デジタル人材"
        ]
    );
    assert_eq!(t.rows().count(), 18);
    assert_eq!(t.groups[0].rows.len(), 7, "1-1a … 1-6");
    let plans = |id: &str| -> Vec<PlanCell> {
        t.row(id)
            .unwrap()
            .cells
            .iter()
            .map(|c| c.plan.clone())
            .collect()
    };
    // 1-2 has a plan up to R10 and nothing after it.
    assert_eq!(
        plans("1-2"),
        [
            PlanCell::Plan("情報収集・制度設計".into()),
            PlanCell::Plan("実装".into()),
            PlanCell::Plan("導入後評価・改善".into()),
            PlanCell::Empty,
            PlanCell::Empty,
        ]
    );
    // 1-3 continues with an arrow to R12.
    assert_eq!(&plans("1-3")[3..], [PlanCell::Arrow, PlanCell::Arrow]);
    assert_eq!(plans("1-3")[1], PlanCell::Plan("システム導入".into()));
    assert_eq!(
        plans("5-3")[2..],
        [PlanCell::Empty, PlanCell::Empty, PlanCell::Empty]
    );
    assert!(
        t.rows()
            .all(|row| row.cells.iter().all(|c| c.status == Progress::NotStarted))
    );
}

#[test]
fn statuses_are_dated_kept_and_refused_when_they_change_nothing() {
    let (_d, s, p) = world();
    s.grant(&p, "hr.test", Role::Auditor).unwrap();
    let before = audit_len(&s, &p);
    s.set_progress(&p, "1-3", r(8), Progress::InProgress)
        .unwrap();
    s.set_progress(&p, "1-3", r(8), Progress::Delayed).unwrap();
    s.set_progress(&p, "1-3", r(9), Progress::NotStarted)
        .expect_err("R9 is already 未着手");
    let d = s.roadmap_detail(&p, "1-3").unwrap();
    let history: Vec<(Progress, &str, Date)> = d
        .statuses(r(8))
        .iter()
        .map(|c| (c.status, c.signed.by.as_str(), c.signed.day()))
        .collect();
    let day = Date::new(2026, 11, 25).unwrap();
    assert_eq!(
        history,
        [
            (Progress::InProgress, "hr.test", day),
            (Progress::Delayed, "hr.test", day)
        ]
    );
    assert_eq!(d.status(r(8)), Progress::Delayed);
    let t = s.roadmap(&p).unwrap();
    assert_eq!(t.row("1-3").unwrap().cells[0].status, Progress::Delayed);
    assert_eq!(
        audit_len(&s, &p),
        before + 2,
        "one entry per change, none for a refusal"
    );
    let log = s.audit_list(&p, None).unwrap();
    let last = log.last().unwrap();
    assert_eq!(last.action, "roadmap.status");
    assert_eq!(last.ids, ["1-3", "R8", "delayed"]);
    match s.set_progress(&p, "1-3", r(8), Progress::Delayed) {
        Err(ServiceError::Roadmap(RoadmapFault::Refused(ProgressError::SameStatus(
            Progress::Delayed,
        )))) => {}
        other => panic!("{other:?}"),
    }
    match s.set_progress(&p, "1-3", r(13), Progress::Done) {
        Err(ServiceError::Roadmap(RoadmapFault::OutsidePeriod { fy, .. })) => assert_eq!(fy, r(13)),
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        s.set_progress(&p, "9-9", r(8), Progress::Done),
        Err(ServiceError::NotFound { .. })
    ));
}

#[test]
fn notes_plans_owners_and_links_keep_their_history() {
    let (_d, s, p) = world();
    s.add_progress_note(&p, "1-3", Some(r(8)), "予算要求を提出した")
        .unwrap();
    s.add_progress_note(&p, "1-3", None, "ベンダー説明会に参加")
        .unwrap();
    assert!(s.add_progress_note(&p, "1-3", None, "   ").is_err());
    s.edit_plan(&p, "1-3", r(9), "システム選定").unwrap();
    s.edit_plan(&p, "1-3", r(9), "システム導入（一部）")
        .unwrap();
    s.edit_plan(&p, "1-3", r(12), "").unwrap();
    assert!(
        s.edit_plan(&p, "1-3", r(9), "システム導入（一部）")
            .is_err()
    );
    let owner = |section: &str| RoadmapChange::Owner {
        section: section.into(),
    };
    s.roadmap_change(&p, "1-3", owner("職員課")).unwrap();
    s.roadmap_change(&p, "1-3", owner("人事課")).unwrap();
    let link = |key: &str, linked| RoadmapChange::Link {
        key: key.into(),
        linked,
    };
    s.roadmap_change(&p, "1-3", link("overtime-hours", true))
        .unwrap();
    match s.roadmap_change(&p, "1-3", link("no-such-kpi", true)) {
        Err(ServiceError::Roadmap(RoadmapFault::UnknownKpi(k))) => assert_eq!(k, "no-such-kpi"),
        other => panic!("{other:?}"),
    }

    let d = s.roadmap_detail(&p, "1-3").unwrap();
    let notes: Vec<(&str, Option<FiscalYear>)> = d
        .progress
        .notes
        .iter()
        .map(|n| (n.text.as_str(), n.fy))
        .collect();
    assert_eq!(
        notes,
        [
            ("予算要求を提出した", Some(r(8))),
            ("ベンダー説明会に参加", None)
        ]
    );
    let versions: Vec<(PlanCell, Option<String>)> = d
        .versions(r(9))
        .into_iter()
        .map(|v| (v.cell, v.signed.map(|x| x.by)))
        .collect();
    assert_eq!(
        versions,
        [
            (PlanCell::Plan("システム導入".into()), None),
            (
                PlanCell::Plan("システム選定".into()),
                Some("hr.test".into())
            ),
            (
                PlanCell::Plan("システム導入（一部）".into()),
                Some("hr.test".into())
            ),
        ]
    );
    assert_eq!(d.cell(r(12)), PlanCell::Empty, "the arrow is gone from R12");
    assert_eq!(d.cell(r(11)), PlanCell::Arrow);
    assert_eq!(d.progress.owner(), Some("人事課"));
    assert_eq!(d.progress.owners.len(), 2);
    assert_eq!(
        d.kpis,
        [(
            "overtime-hours".to_string(),
            "年度別総時間外勤務時間".to_string()
        )]
    );
    // The policy's own text stays the baseline.
    let baseline = s.initiative(&p, "1-3").unwrap();
    assert_eq!(baseline.plans[&r(9)], "システム導入");
    assert_eq!(d.initiative, baseline);
    let t = s.roadmap(&p).unwrap();
    let cell = &t.row("1-3").unwrap().cells[1];
    assert!(cell.revised);
    assert_eq!(cell.plan, PlanCell::Plan("システム導入（一部）".into()));
    assert_eq!(t.row("1-3").unwrap().owner.as_deref(), Some("人事課"));
}

#[test]
fn reading_is_for_the_catalogue_readers_and_changing_for_hr() {
    let (_d, s, p) = world();
    for (name, role) in [("view.only", Role::Viewer), ("admin.only", Role::Admin)] {
        s.add_account(&p, name, None).unwrap();
        s.grant(&p, name, role).unwrap();
        let who = Principal::named(name, 6000);
        assert_eq!(s.roadmap(&who).unwrap().rows().count(), 18, "{name} reads");
        assert!(s.roadmap_detail(&who, "1-3").is_ok());
        assert!(matches!(
            s.set_progress(&who, "1-3", r(8), Progress::Done),
            Err(ServiceError::Denied { .. })
        ));
        assert!(matches!(
            s.roadmap_report(&who, r(8)),
            Err(ServiceError::Denied { .. })
        ));
        assert!(s.roadmap_report_preview(&who, r(8)).is_ok());
    }
    let stranger = Principal::named("nobody", 7000);
    assert!(matches!(
        s.roadmap(&stranger),
        Err(ServiceError::Denied { .. })
    ));
    assert_eq!(
        s.roadmap_detail(&p, "1-3").unwrap().status(r(8)),
        Progress::NotStarted,
        "nothing was written"
    );
}

#[test]
fn the_report_lists_delayed_first_and_only_notes_since_the_last_report() {
    let (_d, s, p) = world();
    s.set_progress(&p, "1-4", r(8), Progress::Done).unwrap();
    s.set_progress(&p, "3-4", r(8), Progress::Delayed).unwrap();
    s.set_progress(&p, "1-3", r(8), Progress::Delayed).unwrap();
    s.add_progress_note(&p, "1-3", Some(r(8)), "一回目の記録")
        .unwrap();
    s.add_progress_note(&p, "1-3", Some(r(9)), "来年度の記録")
        .unwrap();
    s.add_progress_note(&p, "1-4", None, "今年度に書いた年度なしの記録")
        .unwrap();

    let preview = s.roadmap_report_preview(&p, r(8)).unwrap();
    assert!(!preview.recorded);
    let first = s.roadmap_report(&p, r(8)).unwrap();
    assert_eq!(
        preview.items, first.items,
        "a preview is the same report, unremembered"
    );
    assert!(first.recorded && first.previous.is_none());
    assert_eq!(first.no, 1);
    let delayed: Vec<&str> = first.delayed().map(|i| i.id.as_str()).collect();
    assert_eq!(delayed, ["1-3", "3-4"], "in the policy's order");
    assert!(first.of_approach(1).all(|i| i.id != "1-3"));
    assert_eq!(first.of_approach(1).count(), 6);
    let item = |rep: &kizuna::service::ProgressReport, id: &str| {
        rep.items.iter().find(|i| i.id == id).unwrap().clone()
    };
    let notes = |rep: &kizuna::service::ProgressReport, id: &str| -> Vec<String> {
        item(rep, id).notes.into_iter().map(|n| n.text).collect()
    };
    assert_eq!(
        notes(&first, "1-3"),
        ["一回目の記録"],
        "R9's note is not this year's"
    );
    assert_eq!(notes(&first, "1-4"), ["今年度に書いた年度なしの記録"]);
    assert_eq!(item(&first, "1-4").status, Progress::Done);
    assert_eq!(
        item(&first, "1-3").plan,
        PlanCell::Plan("情報収集・制度設計・予算要求".into())
    );
    let counts = first.counts();
    assert!(counts.contains(&(Progress::Delayed, 2)) && counts.contains(&(Progress::Done, 1)));
    assert!(counts.contains(&(Progress::NotStarted, 15)));

    s.add_progress_note(&p, "1-3", Some(r(8)), "二回目の記録")
        .unwrap();
    let second = s.roadmap_report(&p, r(8)).unwrap();
    assert_eq!(second.no, 2);
    assert_eq!(second.previous.as_ref().map(|m| m.no), Some(1));
    assert_eq!(notes(&second, "1-3"), ["二回目の記録"]);
    assert!(notes(&second, "1-4").is_empty());
    // Another year's reports keep their own count.
    let other = s.roadmap_report_preview(&p, r(9)).unwrap();
    assert_eq!((other.no, other.previous.is_none()), (1, true));
    assert_eq!(notes(&other, "1-3"), ["来年度の記録"]);
    let log = s
        .audit_list(
            &{
                s.grant(&p, "hr.test", Role::Auditor).unwrap();
                p.clone()
            },
            None,
        )
        .unwrap();
    let reports: Vec<&Vec<String>> = log
        .iter()
        .filter(|e| e.action == "roadmap.report")
        .map(|e| &e.ids)
        .collect();
    assert_eq!(
        reports,
        [
            &vec!["R8".to_string(), "1".into()],
            &vec!["R8".to_string(), "2".into()]
        ]
    );
}

#[test]
fn the_demo_has_progress_to_show() {
    let dir = tempfile::tempdir().unwrap();
    let p = Principal::named("demo.user", 5000);
    let clock = Arc::new(FixedClock::at_noon(Date::new(2026, 11, 25).unwrap()));
    let path = dir.path().join("demo.redb");
    service::create_demo(&path, &p, clock.clone(), 30, 7).unwrap();
    let s = Service::open(&path, clock).unwrap();
    let t = s.roadmap(&p).unwrap();
    let status = |id: &str| t.row(id).unwrap().cells[0].status;
    assert_eq!(status("1-3"), Progress::Delayed);
    assert_eq!(status("1-4"), Progress::Done);
    assert_eq!(status("2-1"), Progress::InProgress);
    let d = s.roadmap_detail(&p, "1-3").unwrap();
    assert_eq!(d.statuses(r(8)).len(), 2);
    assert!(!d.progress.notes.is_empty());
    assert!(d.progress.revised(r(9)));
}
