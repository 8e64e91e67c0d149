//! The roadmap R8-R12: the timeline, one initiative with its history, the changes made
//! at and after the managers' meetings, and the progress report for them.

use crate::domain::{FiscalYear, InitiativeProgress, Progress};
use crate::service::{InitiativeDetail, ProgressReport, RoadmapChange, ServiceError, Timeline};

use super::super::calls::calls;

calls! {
    Roadmap: RoadmapRequest => RoadmapReply;

    /// The timeline: every approach with its initiatives, each year's plan and status.
    fn roadmap() -> Timeline | ServiceError = |s, p, _c| s.roadmap(p);
    /// One initiative with its whole history (boxed: unboxed it would be the largest reply of all).
    fn roadmap_detail(id: &str => String) -> Box<InitiativeDetail> | ServiceError
        = |s, p, _c| s.roadmap_detail(p, &id).map(Box::new);
    /// One change to an initiative's progress; the progress as it now stands.
    fn roadmap_change(id: &str => String, change: RoadmapChange => RoadmapChange)
        -> InitiativeProgress | ServiceError
        = |s, p, _c| s.roadmap_change(p, &id, change);
    /// One change to an initiative read at revision `opened`; refused with the stored
    /// progress if someone else changed it since.
    fn change_initiative(id: &str => String, change: RoadmapChange => RoadmapChange, opened: u64 => u64)
        -> InitiativeProgress | ServiceError
        = |s, p, _c| s.change_initiative(p, &id, change, opened);
    /// Sets the status of one fiscal year.
    fn set_progress(id: &str => String, fy: FiscalYear => FiscalYear, status: Progress => Progress)
        -> InitiativeProgress | ServiceError
        = |s, p, _c| s.set_progress(p, &id, fy, status);
    /// Adds a dated note, about one year or the initiative as a whole.
    fn add_progress_note(
        id: &str => String,
        fy: Option<FiscalYear> => Option<FiscalYear>,
        text: &str => String,
    ) -> InitiativeProgress | ServiceError
        = |s, p, _c| s.add_progress_note(p, &id, fy, &text);
    /// Revises the plan of one fiscal year.
    fn edit_plan(id: &str => String, fy: FiscalYear => FiscalYear, text: &str => String)
        -> InitiativeProgress | ServiceError
        = |s, p, _c| s.edit_plan(p, &id, fy, &text);
    /// The progress report of a fiscal year, as a preview: nothing is remembered.
    fn roadmap_report_preview(fy: FiscalYear => FiscalYear) -> ProgressReport | ServiceError
        = |s, p, _c| s.roadmap_report_preview(p, fy);
    /// The progress report of a fiscal year, remembered as the year's latest.
    fn roadmap_report(fy: FiscalYear => FiscalYear) -> ProgressReport | ServiceError
        = |s, p, _c| s.roadmap_report(p, fy);
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::RoadmapReply as A;
    use super::RoadmapRequest as R;
    use crate::domain::{Date, FiscalYear, FixedClock, Progress};
    use crate::remote::api::crossing::through;
    use crate::remote::{Reply, Request};
    use crate::service::{self, Principal, RoadmapChange, RoadmapFault, Service, ServiceError};

    fn wire(s: &Service, p: &Principal, r: R) -> A {
        match through(s, p, Request::Roadmap(r)) {
            Reply::Roadmap(a) => a,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn progress_changes_and_the_report_cross_the_socket() {
        let dir = tempfile::tempdir().unwrap();
        let p = Principal::named("hr.test", 5000);
        let clock = Arc::new(FixedClock::at_noon(Date::new(2026, 11, 25).unwrap()));
        let s = service::init(&dir.path().join("k.redb"), &p, clock).unwrap();
        let r8 = FiscalYear::reiwa(8);
        let id = "1-1a".to_string();
        let status = Progress::Delayed;
        let A::set_progress(Ok(now)) = wire(
            &s,
            &p,
            R::set_progress {
                id: id.clone(),
                fy: r8,
                status,
            },
        ) else {
            panic!("status refused")
        };
        assert_eq!(now.status(r8), Progress::Delayed);
        let note = R::add_progress_note {
            id: id.clone(),
            fy: Some(r8),
            text: "予算要求中".into(),
        };
        assert!(matches!(wire(&s, &p, note), A::add_progress_note(Ok(_))));
        let A::roadmap(Ok(t)) = wire(&s, &p, R::roadmap {}) else {
            panic!("no timeline")
        };
        assert_eq!(t, s.roadmap(&p).unwrap(), "the same timeline either side");
        let A::roadmap_detail(Ok(d)) = wire(&s, &p, R::roadmap_detail { id: id.clone() }) else {
            panic!("no detail")
        };
        assert_eq!(d.status(r8), Progress::Delayed);
        let A::roadmap_report_preview(Ok(report)) =
            wire(&s, &p, R::roadmap_report_preview { fy: r8 })
        else {
            panic!("no preview")
        };
        let delayed: Vec<&str> = report.delayed().map(|i| i.id.as_str()).collect();
        assert_eq!(delayed, ["1-1a"]);
        let item = report.items.iter().find(|i| i.id == "1-1a").unwrap();
        assert_eq!(item.notes[0].text, "予算要求中");
        assert!(!report.recorded);
        let outside = RoadmapChange::Status {
            fy: FiscalYear::reiwa(20),
            status,
        };
        match wire(
            &s,
            &p,
            R::roadmap_change {
                id,
                change: outside,
            },
        ) {
            A::roadmap_change(Err(ServiceError::Roadmap(RoadmapFault::OutsidePeriod {
                fy,
                ..
            }))) => {
                assert_eq!(fy, FiscalYear::reiwa(20))
            }
            other => panic!("{other:?}"),
        }
    }
}
