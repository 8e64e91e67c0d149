//! The progress rules: statuses, plan versions, notes, owners and KPI links.

use super::*;
use std::collections::BTreeSet as Set;

fn signed(n: i64) -> Signed {
    Signed {
        at: Timestamp(1_780_000_000 + n),
        by: "hr.sato".into(),
    }
}

fn base() -> Initiative {
    let r = FiscalYear::reiwa;
    Initiative {
        id: "1-3".into(),
        approach: 1,
        section: String::new(),
        title: String::new(),
        description: String::new(),
        actions: vec![],
        plans: BTreeMap::from([(r(8), "情報収集".into()), (r(9), "システム導入".into())]),
        arrows: Set::from([r(11), r(12)]),
        order: 0,
    }
}

#[test]
fn statuses_are_kept_and_the_last_counts() {
    let r8 = FiscalYear::reiwa(8);
    let mut p = InitiativeProgress::new("1-3");
    assert_eq!(p.status(r8), Progress::NotStarted);
    assert_eq!(
        p.set_status(r8, Progress::NotStarted, signed(0)),
        Err(ProgressError::SameStatus(Progress::NotStarted))
    );
    p.set_status(r8, Progress::InProgress, signed(1)).unwrap();
    p.set_status(r8, Progress::Delayed, signed(2)).unwrap();
    p.set_status(FiscalYear::reiwa(9), Progress::Done, signed(3))
        .unwrap();
    assert_eq!(p.status(r8), Progress::Delayed);
    let history: Vec<Progress> = p.status_history(r8).iter().map(|s| s.status).collect();
    assert_eq!(history, [Progress::InProgress, Progress::Delayed]);
    assert_eq!(Progress::parse("遅延"), Some(Progress::Delayed));
    assert_eq!(Progress::parse("in-progress"), Some(Progress::InProgress));
}

#[test]
fn plan_revisions_keep_every_version() {
    let b = base();
    let (r9, r11) = (FiscalYear::reiwa(9), FiscalYear::reiwa(11));
    let mut p = InitiativeProgress::new("1-3");
    assert_eq!(p.cell(&b, r11), PlanCell::Arrow);
    assert_eq!(
        p.edit_plan(&b, r9, " システム導入 ", signed(0)),
        Err(ProgressError::SamePlan)
    );
    p.edit_plan(&b, r9, "システム選定", signed(1)).unwrap();
    p.edit_plan(&b, r9, "システム導入（一部）", signed(2))
        .unwrap();
    p.edit_plan(&b, r11, "", signed(3)).unwrap();
    assert_eq!(
        p.cell(&b, r9),
        PlanCell::Plan("システム導入（一部）".into())
    );
    assert_eq!(p.cell(&b, r11), PlanCell::Empty);
    let versions: Vec<PlanCell> = p
        .plan_versions(&b, r9)
        .into_iter()
        .map(|v| v.cell)
        .collect();
    assert_eq!(
        versions,
        [
            PlanCell::Plan("システム導入".into()),
            PlanCell::Plan("システム選定".into()),
            PlanCell::Plan("システム導入（一部）".into()),
        ]
    );
    assert!(p.revised(r9) && !p.revised(FiscalYear::reiwa(8)));
}

#[test]
fn notes_owner_and_links() {
    let mut p = InitiativeProgress::new("1-3");
    assert_eq!(
        p.add_note(None, "  ", signed(0)),
        Err(ProgressError::EmptyText)
    );
    p.add_note(Some(FiscalYear::reiwa(8)), " 予算要求済み ", signed(1))
        .unwrap();
    assert_eq!(p.notes[0].text, "予算要求済み");
    p.set_owner("職員課", signed(2)).unwrap();
    assert!(p.set_owner("職員課", signed(3)).is_err());
    p.set_owner("人事課", signed(4)).unwrap();
    assert_eq!(p.owner(), Some("人事課"));
    assert_eq!(p.owners.len(), 2);
    p.link("overtime-hours", true, signed(5)).unwrap();
    assert!(p.link("overtime-hours", true, signed(6)).is_err());
    p.link("young-resignations", true, signed(7)).unwrap();
    p.link("overtime-hours", false, signed(8)).unwrap();
    assert_eq!(p.kpis(), Set::from(["young-resignations".to_string()]));
    assert!(p.link("overtime-hours", false, signed(9)).is_err());
}

#[test]
fn a_note_without_a_year_belongs_to_the_year_it_was_written() {
    let r8 = FiscalYear::reiwa(8);
    let note = |fy, at| Note {
        fy,
        text: "x".into(),
        signed: Signed {
            at: Timestamp::jst_midnight(at),
            by: String::new(),
        },
    };
    let may = Date::new(2026, 5, 1).unwrap();
    let march = Date::new(2026, 3, 31).unwrap();
    assert!(InitiativeProgress::note_in_year(&note(None, may), r8));
    assert!(!InitiativeProgress::note_in_year(&note(None, march), r8));
    assert!(InitiativeProgress::note_in_year(&note(Some(r8), march), r8));
    assert_eq!(ReportMark::key_of(r8, 3), "2026-0003");
}
