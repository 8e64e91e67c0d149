//! Steps of a return-to-work plan (職場復帰支援プラン): 試し出勤, 短時間勤務, 通常勤務 and the
//! like, each with its status changes dated and kept.

use super::{CaseError, non_empty};
use crate::domain::Date;
use crate::domain::employee::terms;

/// Where a plan step stands.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum StepStatus {
    /// Not begun.
    Planned,
    /// Begun, not finished.
    Underway,
    /// Finished as planned.
    Done,
    /// Given up or called off.
    Stopped,
}

terms!(StepStatus {
    Planned => "予定", "planned";
    Underway => "実施中", "underway";
    Done => "完了", "done";
    Stopped => "中止", "stopped";
});

/// One change of a step's status: to what, on which day, by which account.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct StepChange {
    /// The status from that day.
    pub status: StepStatus,
    /// The day of the change.
    pub on: Date,
    /// The account that recorded it.
    pub by: String,
}

/// A step of a return-to-work plan.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PlanStep {
    /// What the step is, as written (試し出勤, 短時間勤務, 通常勤務 …).
    pub name: String,
    /// The day it starts (or is planned to).
    pub start: Date,
    /// The day it is planned to end, if known.
    pub end: Option<Date>,
    /// The current status: the last change's, or planned before any.
    pub status: StepStatus,
    /// Every change of status, oldest first.
    pub changes: Vec<StepChange>,
}

impl PlanStep {
    /// A planned step with no changes yet.
    pub fn new(name: String, start: Date, end: Option<Date>) -> Result<PlanStep, CaseError> {
        if let Some(end) = end.filter(|e| *e < start) {
            return Err(CaseError::EndBeforeStart { start, end });
        }
        Ok(PlanStep {
            name: non_empty(name, "name")?,
            start,
            end,
            status: StepStatus::Planned,
            changes: Vec::new(),
        })
    }

    /// Moves to a new status from a day no earlier than the previous change.
    pub fn change(&mut self, status: StepStatus, on: Date, by: &str) -> Result<(), CaseError> {
        if status == self.status {
            return Err(CaseError::SameStatus(status));
        }
        if let Some(previous) = self.changes.last().map(|c| c.on).filter(|p| on < *p) {
            return Err(CaseError::BeforePrevious { on, previous });
        }
        self.changes.push(StepChange {
            status,
            on,
            by: by.to_owned(),
        });
        self.status = status;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(day: u32) -> Date {
        Date::new(2026, 8, day).unwrap()
    }

    #[test]
    fn a_step_may_stop_before_it_starts_and_resume() {
        let mut s = PlanStep::new("試し出勤".into(), d(10), None).unwrap();
        assert_eq!(s.status, StepStatus::Planned);
        assert!(s.changes.is_empty());
        s.change(StepStatus::Stopped, d(3), "hs.ito").unwrap();
        s.change(StepStatus::Planned, d(3), "hs.ito").unwrap();
        s.change(StepStatus::Underway, d(10), "hs.ito").unwrap();
        assert_eq!(s.changes.len(), 3);
        assert_eq!(s.status, StepStatus::Underway);
    }

    #[test]
    fn terms_read_back() {
        for s in StepStatus::ALL {
            assert_eq!(StepStatus::parse(s.ja()), Some(*s));
            assert_eq!(StepStatus::parse(s.code()), Some(*s));
        }
    }
}
