//! What is coming up in a health case: plan steps, leave ends and follow-up talks, for
//! the nurse's list of things to do.

use super::health::HealthCase;
use super::plan::StepStatus;
use crate::domain::Date;

/// Something coming up in a health case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Upcoming {
    /// The day it is due.
    pub on: Date,
    /// What is due.
    pub what: UpcomingKind,
}

/// What is due in a health case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UpcomingKind {
    /// A plan step starts or, once started, is due to end; carries the step's name.
    Step(String),
    /// A leave is planned to end and no return has been recorded.
    LeaveEnd,
    /// A follow-up talk.
    FollowUp,
}

impl HealthCase {
    /// What is coming up in an open case, by date: plan steps not done or stopped whose
    /// start (or, once under way, planned end) is today or later; follow-ups today or
    /// later; and the planned end of every leave with no recorded return, even past.
    ///
    /// An overdue leave end stays on the list, dated in the past, because it always
    /// needs the nurse: either the person came back and the return was not recorded,
    /// or the leave goes on without a decision to extend it. A closed case has nothing
    /// coming up.
    pub fn upcoming(&self, today: Date) -> Vec<Upcoming> {
        if !self.is_open() {
            return Vec::new();
        }
        let leaves = self
            .leaves
            .iter()
            .filter(|l| l.actual_end.is_none())
            .map(|l| Upcoming {
                on: l.planned_end,
                what: UpcomingKind::LeaveEnd,
            });
        let steps = self.plan.iter().filter_map(|s| {
            let on = match s.status {
                StepStatus::Planned => Some(s.start),
                StepStatus::Underway => s.end,
                StepStatus::Done | StepStatus::Stopped => None,
            }?;
            (on >= today).then(|| Upcoming {
                on,
                what: UpcomingKind::Step(s.name.clone()),
            })
        });
        let follow_ups = self
            .follow_ups
            .iter()
            .filter(|d| **d >= today)
            .map(|d| Upcoming {
                on: *d,
                what: UpcomingKind::FollowUp,
            });
        let mut all: Vec<Upcoming> = leaves.chain(steps).chain(follow_ups).collect();
        all.sort_by_key(|u| u.on);
        all
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::cases::{CaseId, HealthKind};

    fn d(month: u32, day: u32) -> Date {
        Date::new(2026, month, day).unwrap()
    }

    fn case() -> HealthCase {
        HealthCase::new(
            CaseId::from_bytes([1; 8]),
            "000123",
            HealthKind::Leave,
            d(4, 10),
            vec!["hs.ito".into()],
        )
        .unwrap()
    }

    #[test]
    fn upcoming_in_date_order() {
        let mut c = case();
        let leave = c.add_leave(d(5, 1), d(7, 31)).unwrap();
        let trial = c.add_step("試し出勤", d(8, 1), Some(d(8, 14))).unwrap();
        let short = c.add_step("短時間勤務", d(8, 15), Some(d(9, 15))).unwrap();
        c.add_step("通常勤務", d(9, 16), None).unwrap();
        let past = c.add_step("面談準備", d(4, 20), None).unwrap();
        c.add_follow_up(d(4, 25)).unwrap();
        c.add_follow_up(d(7, 20)).unwrap();
        c.set_step_status(trial, StepStatus::Underway, d(8, 1), "hs.ito")
            .unwrap();
        c.set_step_status(past, StepStatus::Stopped, d(4, 21), "hs.ito")
            .unwrap();

        let step = |name: &str| UpcomingKind::Step(name.into());
        let at = |c: &HealthCase, today| -> Vec<(Date, UpcomingKind)> {
            c.upcoming(today)
                .into_iter()
                .map(|u| (u.on, u.what))
                .collect()
        };
        assert_eq!(
            at(&c, d(5, 1)),
            [
                (d(7, 20), UpcomingKind::FollowUp),
                (d(7, 31), UpcomingKind::LeaveEnd),
                (d(8, 14), step("試し出勤")),
                (d(8, 15), step("短時間勤務")),
                (d(9, 16), step("通常勤務")),
            ]
        );
        // The leave end is overdue and still shown; the past follow-up is not.
        assert_eq!(
            at(&c, d(8, 15)),
            [
                (d(7, 31), UpcomingKind::LeaveEnd),
                (d(8, 15), step("短時間勤務")),
                (d(9, 16), step("通常勤務")),
            ]
        );
        c.end_leave(leave, d(7, 31)).unwrap();
        c.set_step_status(short, StepStatus::Done, d(9, 15), "hs.ito")
            .unwrap();
        assert_eq!(at(&c, d(9, 16)), [(d(9, 16), step("通常勤務"))]);
    }
}
