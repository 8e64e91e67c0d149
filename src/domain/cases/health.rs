//! Mental-health cases (メンタルヘルス): consultations, leaves of absence (休職) and the
//! return-to-work plan (職場復帰支援プラン) with every change of a step dated and kept.

pub use super::plan::{PlanStep, StepChange, StepStatus};
pub use super::upcoming::{Upcoming, UpcomingKind};
use super::{CaseError, CaseId, Entry, entry, non_empty};
use crate::domain::Date;
use crate::domain::employee::terms;

/// What a health case is mainly about at present.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum HealthKind {
    /// A consultation, with no leave (yet).
    Consultation,
    /// The person is on leave.
    Leave,
    /// The person is returning to work under a plan.
    ReturnSupport,
}

terms!(HealthKind {
    Consultation => "相談", "consultation";
    Leave => "休職", "leave";
    ReturnSupport => "復職支援", "return-support";
});

/// A leave of absence: from `start` to `planned_end`, both days included, ended on
/// `actual_end` once the person is back (or leaves the service).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Leave {
    /// The first day of leave.
    pub start: Date,
    /// The last day of leave as decided, moved when the leave is extended.
    pub planned_end: Date,
    /// The last day of leave as it happened.
    pub actual_end: Option<Date>,
}

impl Leave {
    /// The last day the leave covers: the actual end once known, else the planned one.
    pub fn last_day(&self) -> Date {
        self.actual_end.unwrap_or(self.planned_end)
    }

    fn overlaps(&self, start: Date, last: Date) -> bool {
        self.start <= last && start <= self.last_day()
    }
}

/// A mental-health case about one member of staff.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct HealthCase {
    /// The random case id.
    pub id: CaseId,
    /// The staff number of the person the case is about.
    pub subject: String,
    /// What the case is mainly about at present.
    pub kind: HealthKind,
    /// The day the case was opened.
    pub opened: Date,
    /// The day the case was closed, while it is.
    pub closed: Option<Date>,
    /// Leaves of absence, in the order entered.
    pub leaves: Vec<Leave>,
    /// The return-to-work plan, in the order entered.
    pub plan: Vec<PlanStep>,
    /// Consultation and progress entries, in the order written.
    pub entries: Vec<Entry>,
    /// Accounts in charge (産業医, 保健師, HR).
    pub assigned: Vec<String>,
    /// Days of planned follow-up talks, in date order.
    pub follow_ups: Vec<Date>,
    /// Accounts excluded by hand from holding the case's key.
    pub deny: Vec<String>,
}

impl HealthCase {
    /// Opens a case about the person with staff number `subject`.
    pub fn new(
        id: CaseId,
        subject: impl Into<String>,
        kind: HealthKind,
        opened: Date,
        assigned: Vec<String>,
    ) -> Result<HealthCase, CaseError> {
        Ok(HealthCase {
            id,
            subject: non_empty(subject.into(), "subject")?,
            kind,
            opened,
            closed: None,
            leaves: Vec::new(),
            plan: Vec::new(),
            entries: Vec::new(),
            assigned,
            follow_ups: Vec::new(),
            deny: Vec::new(),
        })
    }

    /// Whether the case is still open.
    pub fn is_open(&self) -> bool {
        self.closed.is_none()
    }

    /// Changes what the case is mainly about.
    pub fn set_kind(&mut self, kind: HealthKind) -> Result<(), CaseError> {
        self.check_open()?;
        self.kind = kind;
        Ok(())
    }

    /// Adds a leave from `start` to `planned_end`; returns its index. It may not start
    /// before the case opened nor overlap another leave.
    pub fn add_leave(&mut self, start: Date, planned_end: Date) -> Result<usize, CaseError> {
        self.check_open()?;
        self.check_from_opened(start)?;
        self.check_leave(None, start, planned_end)?;
        self.leaves.push(Leave {
            start,
            planned_end,
            actual_end: None,
        });
        Ok(self.leaves.len() - 1)
    }

    /// Moves the planned end of a leave (an extension, 休職期間の更新).
    pub fn extend_leave(&mut self, index: usize, planned_end: Date) -> Result<(), CaseError> {
        self.check_open()?;
        let leave = *self
            .leaves
            .get(index)
            .ok_or(CaseError::NoSuchLeave(index))?;
        if planned_end < leave.start {
            return Err(CaseError::EndBeforeStart {
                start: leave.start,
                end: planned_end,
            });
        }
        // Once the person is back, the planned end no longer holds any days.
        let last = leave.actual_end.unwrap_or(planned_end);
        self.check_leave(Some(index), leave.start, last)?;
        if let Some(l) = self.leaves.get_mut(index) {
            l.planned_end = planned_end;
        }
        Ok(())
    }

    /// Records the last day of a leave as it happened. Ending a leave again corrects
    /// the day.
    pub fn end_leave(&mut self, index: usize, on: Date) -> Result<(), CaseError> {
        self.check_open()?;
        let leave = *self
            .leaves
            .get(index)
            .ok_or(CaseError::NoSuchLeave(index))?;
        self.check_leave(Some(index), leave.start, on)?;
        if let Some(l) = self.leaves.get_mut(index) {
            l.actual_end = Some(on);
        }
        Ok(())
    }

    /// Adds a step to the plan, planned from `start` (to `end` if known); returns its
    /// index.
    pub fn add_step(
        &mut self,
        name: impl Into<String>,
        start: Date,
        end: Option<Date>,
    ) -> Result<usize, CaseError> {
        self.check_open()?;
        self.check_from_opened(start)?;
        let step = PlanStep::new(name.into(), start, end)?;
        self.plan.push(step);
        Ok(self.plan.len() - 1)
    }

    /// Changes the status of a plan step from a day, keeping the earlier changes.
    pub fn set_step_status(
        &mut self,
        index: usize,
        status: StepStatus,
        on: Date,
        by: &str,
    ) -> Result<(), CaseError> {
        self.check_open()?;
        self.check_from_opened(on)?;
        self.plan
            .get_mut(index)
            .ok_or(CaseError::NoSuchStep(index))?
            .change(status, on, by)
    }

    /// Adds a consultation or progress entry.
    pub fn add_entry(
        &mut self,
        on: Date,
        by: &str,
        text: impl Into<String>,
    ) -> Result<(), CaseError> {
        self.check_open()?;
        self.entries.push(entry(self.opened, on, by, text.into())?);
        Ok(())
    }

    /// Plans a follow-up talk; planning the same day twice keeps one.
    pub fn add_follow_up(&mut self, on: Date) -> Result<(), CaseError> {
        self.check_open()?;
        self.check_from_opened(on)?;
        if let Err(at) = self.follow_ups.binary_search(&on) {
            self.follow_ups.insert(at, on);
        }
        Ok(())
    }

    /// Closes the case on a day. A closed case refuses every change until reopened.
    pub fn close(&mut self, on: Date) -> Result<(), CaseError> {
        self.check_open()?;
        self.check_from_opened(on)?;
        self.closed = Some(on);
        Ok(())
    }

    /// Opens a closed case again (the person needs support again).
    pub fn reopen(&mut self) {
        self.closed = None;
    }

    fn check_open(&self) -> Result<(), CaseError> {
        if self.is_open() {
            Ok(())
        } else {
            Err(CaseError::Closed)
        }
    }

    fn check_from_opened(&self, on: Date) -> Result<(), CaseError> {
        if on < self.opened {
            Err(CaseError::BeforeOpened {
                on,
                opened: self.opened,
            })
        } else {
            Ok(())
        }
    }

    /// A leave from `start` to `last` is in order and overlaps no other leave.
    fn check_leave(&self, skip: Option<usize>, start: Date, last: Date) -> Result<(), CaseError> {
        if last < start {
            return Err(CaseError::EndBeforeStart { start, end: last });
        }
        match self
            .leaves
            .iter()
            .enumerate()
            .find(|(i, l)| Some(*i) != skip && l.overlaps(start, last))
        {
            Some((i, _)) => Err(CaseError::LeaveOverlap(i)),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(month: u32, day: u32) -> Date {
        Date::new(2026, month, day).unwrap()
    }

    fn case() -> HealthCase {
        HealthCase::new(
            CaseId::from_bytes([1; 8]),
            "000123",
            HealthKind::Consultation,
            d(4, 10),
            vec!["hs.ito".into()],
        )
        .unwrap()
    }

    #[test]
    fn a_case_needs_a_subject() {
        let e = HealthCase::new(
            CaseId::from_bytes([1; 8]),
            " ",
            HealthKind::Leave,
            d(4, 10),
            Vec::new(),
        );
        assert_eq!(e, Err(CaseError::EmptyText("subject")));
        assert!(case().is_open());
    }

    #[test]
    fn leaves_keep_date_order() {
        let mut c = case();
        assert_eq!(
            c.add_leave(d(4, 9), d(6, 30)),
            Err(CaseError::BeforeOpened {
                on: d(4, 9),
                opened: d(4, 10)
            })
        );
        assert_eq!(
            c.add_leave(d(5, 1), d(4, 30)),
            Err(CaseError::EndBeforeStart {
                start: d(5, 1),
                end: d(4, 30)
            })
        );
        assert_eq!(c.add_leave(d(5, 1), d(5, 1)), Ok(0), "one day is a leave");
        assert_eq!(
            c.end_leave(0, d(4, 30)),
            Err(CaseError::EndBeforeStart {
                start: d(5, 1),
                end: d(4, 30)
            })
        );
        assert_eq!(c.end_leave(1, d(5, 1)), Err(CaseError::NoSuchLeave(1)));
        c.end_leave(0, d(5, 1)).unwrap();
        assert_eq!(c.leaves[0].actual_end, Some(d(5, 1)));
    }

    #[test]
    fn leaves_do_not_overlap() {
        let mut c = case();
        assert_eq!(c.add_leave(d(5, 1), d(7, 31)), Ok(0));
        assert_eq!(
            c.add_leave(d(7, 31), d(9, 30)),
            Err(CaseError::LeaveOverlap(0))
        );
        assert_eq!(
            c.add_leave(d(4, 20), d(5, 1)),
            Err(CaseError::LeaveOverlap(0))
        );
        assert_eq!(
            c.add_leave(d(4, 20), d(9, 30)),
            Err(CaseError::LeaveOverlap(0))
        );
        // Back early: the days after the return are free again.
        c.end_leave(0, d(6, 30)).unwrap();
        assert_eq!(c.add_leave(d(7, 1), d(9, 30)), Ok(1));
        // Neither an extension nor a late return may run into the next leave.
        assert_eq!(c.end_leave(0, d(7, 1)), Err(CaseError::LeaveOverlap(1)));
        assert_eq!(
            c.extend_leave(1, d(6, 30)),
            Err(CaseError::EndBeforeStart {
                start: d(7, 1),
                end: d(6, 30)
            })
        );
        c.extend_leave(1, d(12, 31)).unwrap();
        assert_eq!(c.leaves[1].planned_end, d(12, 31));
        assert_eq!(
            c.extend_leave(0, d(7, 15)),
            Ok(()),
            "already ended: the return counts"
        );
        assert_eq!(c.extend_leave(2, d(7, 15)), Err(CaseError::NoSuchLeave(2)));
    }

    #[test]
    fn steps_keep_every_dated_change() {
        let mut c = case();
        assert_eq!(
            c.add_step("試し出勤", d(4, 1), None),
            Err(CaseError::BeforeOpened {
                on: d(4, 1),
                opened: d(4, 10)
            })
        );
        assert_eq!(
            c.add_step("試し出勤", d(6, 1), Some(d(5, 31))),
            Err(CaseError::EndBeforeStart {
                start: d(6, 1),
                end: d(5, 31)
            })
        );
        assert_eq!(
            c.add_step("", d(6, 1), None),
            Err(CaseError::EmptyText("name"))
        );
        assert_eq!(c.add_step("試し出勤", d(6, 1), Some(d(6, 14))), Ok(0));
        assert_eq!(
            c.set_step_status(1, StepStatus::Underway, d(6, 1), "hs.ito"),
            Err(CaseError::NoSuchStep(1))
        );
        c.set_step_status(0, StepStatus::Underway, d(6, 1), "hs.ito")
            .unwrap();
        assert_eq!(
            c.set_step_status(0, StepStatus::Underway, d(6, 2), "hs.ito"),
            Err(CaseError::SameStatus(StepStatus::Underway))
        );
        assert_eq!(
            c.set_step_status(0, StepStatus::Done, d(5, 31), "hs.ito"),
            Err(CaseError::BeforePrevious {
                on: d(5, 31),
                previous: d(6, 1)
            })
        );
        c.set_step_status(0, StepStatus::Done, d(6, 14), "hr.sato")
            .unwrap();
        let s = &c.plan[0];
        assert_eq!(s.status, StepStatus::Done);
        let kept: Vec<(StepStatus, Date, &str)> = s
            .changes
            .iter()
            .map(|c| (c.status, c.on, c.by.as_str()))
            .collect();
        assert_eq!(
            kept,
            [
                (StepStatus::Underway, d(6, 1), "hs.ito"),
                (StepStatus::Done, d(6, 14), "hr.sato")
            ]
        );
    }

    #[test]
    fn entries_and_follow_ups() {
        let mut c = case();
        assert_eq!(
            c.add_entry(d(4, 10), "hs.ito", ""),
            Err(CaseError::EmptyText("text"))
        );
        assert!(c.add_entry(d(4, 9), "hs.ito", "面談").is_err());
        c.add_entry(d(4, 10), "hs.ito", "初回面談").unwrap();
        assert_eq!(c.entries.len(), 1);
        assert!(c.add_follow_up(d(4, 9)).is_err());
        c.add_follow_up(d(5, 10)).unwrap();
        c.add_follow_up(d(4, 20)).unwrap();
        c.add_follow_up(d(5, 10)).unwrap();
        assert_eq!(c.follow_ups, [d(4, 20), d(5, 10)]);
    }

    #[test]
    fn a_closed_case_refuses_changes_until_reopened() {
        let mut c = case();
        c.add_leave(d(5, 1), d(7, 31)).unwrap();
        c.add_step("短時間勤務", d(8, 1), None).unwrap();
        assert_eq!(
            c.close(d(4, 9)),
            Err(CaseError::BeforeOpened {
                on: d(4, 9),
                opened: d(4, 10)
            })
        );
        c.close(d(9, 30)).unwrap();
        assert!(!c.is_open());
        assert_eq!(c.close(d(10, 1)), Err(CaseError::Closed));
        assert_eq!(c.add_entry(d(10, 1), "hs.ito", "x"), Err(CaseError::Closed));
        assert_eq!(c.add_leave(d(10, 1), d(10, 2)), Err(CaseError::Closed));
        assert_eq!(c.end_leave(0, d(7, 31)), Err(CaseError::Closed));
        assert_eq!(c.extend_leave(0, d(8, 31)), Err(CaseError::Closed));
        assert_eq!(c.add_step("x", d(10, 1), None), Err(CaseError::Closed));
        assert_eq!(
            c.set_step_status(0, StepStatus::Done, d(10, 1), "hs.ito"),
            Err(CaseError::Closed)
        );
        assert_eq!(c.add_follow_up(d(10, 1)), Err(CaseError::Closed));
        assert_eq!(c.set_kind(HealthKind::Leave), Err(CaseError::Closed));
        assert!(c.upcoming(d(4, 10)).is_empty());
        c.reopen();
        assert!(c.is_open());
        c.set_kind(HealthKind::ReturnSupport).unwrap();
        assert_eq!(c.kind, HealthKind::ReturnSupport);
    }
}
