//! Lost updates refused for the records the screens change from what they show: a
//! training session, a skill of the skill map, an initiative's plan and status. A
//! save from a stale revision is refused with the stored version, in one transaction
//! that writes nothing and leaves no audit entry; a save from the current revision
//! goes through.

use std::sync::Arc;

use kizuna::domain::{Band, Date, FiscalYear, FixedClock, Progress, SessionStatus};
use kizuna::service::{self, MapEdit, Principal, RoadmapChange, Service, ServiceError, Theirs};

fn today() -> Date {
    Date::new(2026, 11, 25).unwrap()
}

fn demo() -> (tempfile::TempDir, Service, Principal) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.redb");
    let clock = Arc::new(FixedClock::at_noon(today()));
    let p = Principal::named("hr.test", 5000);
    service::create_demo(&path, &p, clock.clone(), 30, 7).unwrap();
    let s = Service::open(&path, clock).unwrap();
    (dir, s, p)
}

fn conflict(r: Result<impl std::fmt::Debug, ServiceError>) -> service::Conflict {
    match r {
        Err(ServiceError::Conflict(c)) => *c,
        other => panic!("expected a conflict, got {other:?}"),
    }
}

#[test]
fn a_stale_session_save_is_refused_with_theirs_and_a_fresh_one_passes() {
    let (_dir, s, p) = demo();
    let opened = s.sessions(&p, FiscalYear(2026)).unwrap().remove(0);
    let id = opened.session.id.clone();

    let mut theirs = opened.session.clone();
    theirs.place = "別館会議室".into();
    s.update_session(&p, &theirs, opened.revision).unwrap();
    let after = s.sessions(&p, FiscalYear(2026)).unwrap();
    let now = after.iter().find(|v| v.session.id == id).unwrap();
    assert_eq!(now.revision, opened.revision + 1);
    let audit = s.stats(&p).unwrap().counts;

    let mut mine = opened.session.clone();
    mine.status = SessionStatus::Closed;
    let c = conflict(s.update_session(&p, &mine, opened.revision));
    assert_eq!((c.kind, c.id.as_str()), ("session", id.as_str()));
    assert_eq!((c.opened, c.current), (opened.revision, now.revision));
    assert_eq!(c.theirs, Theirs::Session(Box::new(now.session.clone())));
    let stored = s.roster(&p, &id).unwrap().session;
    assert_eq!(stored, now.session, "nothing written");
    assert_eq!(s.stats(&p).unwrap().counts, audit, "no audit entry");

    // From their revision, the change goes through.
    let mut again = now.session.clone();
    again.status = SessionStatus::Closed;
    s.update_session(&p, &again, now.revision).unwrap();
    let stored = s.roster(&p, &id).unwrap().session;
    assert_eq!(
        (stored.place.as_str(), stored.status),
        ("別館会議室", SessionStatus::Closed)
    );
    // The unchecked save of a new session (a script, an import) still works.
    let mut new = stored.clone();
    new.id = "R8-950".into();
    s.save_session(&p, &new).unwrap();
}

#[test]
fn a_stale_skill_edit_is_refused_with_theirs_and_a_fresh_one_passes() {
    let (_dir, s, p) = demo();
    let map = s.skill_map(&p, today()).unwrap();
    let skill = map.skills.iter().find(|k| !k.is_foundation()).unwrap();
    let key = skill.key.clone();
    let opened = map.revisions[&key];

    let rename = MapEdit::Rename {
        skill: key.clone(),
        name: "政策立案".into(),
    };
    let theirs = s.edit_skill(&p, &rename, opened).unwrap();
    let audit = s.stats(&p).unwrap().counts;

    let toggle = MapEdit::Toggle {
        skill: key.clone(),
        band: Band::new(2).unwrap(),
    };
    let c = conflict(s.edit_skill(&p, &toggle, opened));
    assert_eq!((c.kind, c.id.as_str()), ("skill", key.as_str()));
    assert_eq!((c.opened, c.current), (opened, opened + 1));
    assert_eq!(c.theirs, Theirs::Skill(Box::new(theirs.clone())));
    let now = s.skill_map(&p, today()).unwrap();
    let stored = now.skills.iter().find(|k| k.key == key).unwrap();
    assert_eq!(stored.required, skill.required, "nothing written");
    assert_eq!(s.stats(&p).unwrap().counts, audit, "no audit entry");

    let done = s.edit_skill(&p, &toggle, now.revisions[&key]).unwrap();
    assert_eq!(done.name, "政策立案");
    assert_ne!(done.required[1], skill.required[1]);
    // A new skill has no revision to check.
    let add = MapEdit::Add {
        category: skill.category.clone().unwrap(),
        name: "データ分析".into(),
    };
    assert!(s.edit_skill(&p, &add, 99).is_ok());
}

#[test]
fn a_stale_roadmap_change_is_refused_with_theirs_and_a_fresh_one_passes() {
    let (_dir, s, p) = demo();
    let r9 = FiscalYear(2027);
    let t = s.roadmap(&p).unwrap();
    let row = t.rows().next().unwrap().clone();
    let id = row.id.clone();
    assert_eq!(s.roadmap_detail(&p, &id).unwrap().revision, row.revision);

    let status = RoadmapChange::Status {
        fy: r9,
        status: Progress::Delayed,
    };
    s.change_initiative(&p, &id, status, row.revision).unwrap();
    let detail = s.roadmap_detail(&p, &id).unwrap();
    assert_eq!(detail.revision, row.revision + 1);
    let audit = s.stats(&p).unwrap().counts;

    let plan = RoadmapChange::Plan {
        fy: r9,
        text: "試行の拡大".into(),
    };
    let c = conflict(s.change_initiative(&p, &id, plan.clone(), row.revision));
    assert_eq!((c.kind, c.id.as_str()), ("initiative", id.as_str()));
    assert_eq!((c.opened, c.current), (row.revision, detail.revision));
    assert_eq!(
        c.theirs,
        Theirs::Progress {
            initiative: Box::new(detail.initiative.clone()),
            progress: Box::new(detail.progress.clone()),
        }
    );
    assert_eq!(
        s.roadmap_detail(&p, &id).unwrap(),
        detail,
        "nothing written"
    );
    assert_eq!(s.stats(&p).unwrap().counts, audit, "no audit entry");

    let now = s.change_initiative(&p, &id, plan, detail.revision).unwrap();
    assert_eq!(now.status(r9), Progress::Delayed, "their status stays");
    assert_eq!(
        now.cell(&detail.initiative, r9),
        kizuna::domain::progress::PlanCell::Plan("試行の拡大".into())
    );
    // A note stands on its own: no revision asked.
    s.add_progress_note(&p, &id, Some(r9), "会議で報告")
        .unwrap();
}
