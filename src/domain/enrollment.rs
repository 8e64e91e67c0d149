//! Enrollment in a training session: a person's place, every change of it dated and
//! kept, and the level proposals a completed course makes.

use super::employee::terms;
use super::{Date, Level};

/// Where a person stands in a session.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum EnrollStatus {
    Applied,
    Waiting,
    Booked,
    Attended,
    Completed,
    Absent,
    Cancelled,
}

terms!(EnrollStatus {
    Applied => "申込", "applied";
    Waiting => "待機", "waiting";
    Booked => "受講予定", "booked";
    Attended => "出席", "attended";
    Completed => "修了", "completed";
    Absent => "欠席", "absent";
    Cancelled => "取消", "cancelled";
});

impl EnrollStatus {
    /// Whether the person holds one of the session's places.
    pub fn holds_place(self) -> bool {
        !matches!(self, EnrollStatus::Waiting | EnrollStatus::Cancelled)
    }

    /// Whether the person still counts as taking part (for the same-day rule).
    pub fn is_live(self) -> bool {
        !matches!(self, EnrollStatus::Cancelled | EnrollStatus::Absent)
    }
}

/// One change of an enrollment: to what, on which day, by whom, and why if said.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    pub status: EnrollStatus,
    pub on: Date,
    pub by: String,
    pub note: Option<String>,
}

/// A person's enrollment in a session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Enrollment {
    pub session: String,
    pub staff_no: String,
    /// Oldest first; never empty.
    pub steps: Vec<Step>,
    /// Why HR enrolled someone outside the course's audience.
    pub override_reason: Option<String>,
}

/// Why an enrollment cannot change as asked.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error, serde::Serialize, serde::Deserialize)]
pub enum EnrollError {
    #[error("a cancelled enrollment does not change again")]
    Cancelled,
    #[error("already {0:?}")]
    Same(EnrollStatus),
    #[error("an enrollment does not go back to applied")]
    BackToApplied,
}

impl Enrollment {
    /// The key of an enrollment: session, then staff number.
    pub fn key_of(session: &str, staff_no: &str) -> String {
        format!("{session}/{staff_no}")
    }

    pub fn key(&self) -> String {
        Enrollment::key_of(&self.session, &self.staff_no)
    }

    pub fn status(&self) -> EnrollStatus {
        self.steps
            .last()
            .map_or(EnrollStatus::Cancelled, |s| s.status)
    }

    /// Moves to a new status from a day; the earlier steps stay.
    pub fn move_to(&mut self, step: Step) -> Result<(), EnrollError> {
        let now = self.status();
        if now == EnrollStatus::Cancelled {
            return Err(EnrollError::Cancelled);
        }
        if step.status == now {
            return Err(EnrollError::Same(now));
        }
        if step.status == EnrollStatus::Applied {
            return Err(EnrollError::BackToApplied);
        }
        self.steps.push(step);
        Ok(())
    }
}

/// What a completed course proposes for one skill of one person, until an assessor
/// accepts it (it becomes a level, source 研修修了) or rejects it.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum ProposalState {
    Pending,
    Accepted,
    Rejected,
}

terms!(ProposalState {
    Pending => "未確認", "pending";
    Accepted => "採用", "accepted";
    Rejected => "不採用", "rejected";
});

/// A level a completed course proposes.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Proposal {
    pub staff_no: String,
    pub skill: String,
    pub session: String,
    /// One step above the person's level when the course was completed.
    pub level: Level,
    /// The day the course was completed: the level's date if accepted.
    pub on: Date,
    pub state: ProposalState,
    /// Who accepted or rejected it.
    pub decided_by: Option<String>,
}

impl Proposal {
    pub fn key_of(staff_no: &str, skill: &str, session: &str) -> String {
        format!("{staff_no}/{skill}/{session}")
    }

    pub fn key(&self) -> String {
        Proposal::key_of(&self.staff_no, &self.skill, &self.session)
    }

    /// The level proposed after `current`: one step up, at least 1, at most the top.
    pub fn next_level(current: Option<Level>) -> Level {
        let n = current.map_or(1, |l| (l.number() + 1).min(Level::MAX));
        Level::new(n.max(1)).unwrap_or(Level::ALL[1])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn step(status: EnrollStatus, day: u32) -> Step {
        Step {
            status,
            on: Date::new(2026, 4, day).unwrap(),
            by: "hr.sato".into(),
            note: None,
        }
    }

    #[test]
    fn every_change_is_kept_and_cancelled_is_final() {
        let mut e = Enrollment {
            session: "R8-001".into(),
            staff_no: "000123".into(),
            steps: vec![step(EnrollStatus::Waiting, 1)],
            override_reason: None,
        };
        assert_eq!(e.key(), "R8-001/000123");
        e.move_to(step(EnrollStatus::Booked, 2)).unwrap();
        e.move_to(step(EnrollStatus::Attended, 3)).unwrap();
        assert_eq!(
            e.move_to(step(EnrollStatus::Attended, 4)),
            Err(EnrollError::Same(EnrollStatus::Attended))
        );
        assert_eq!(
            e.move_to(step(EnrollStatus::Applied, 4)),
            Err(EnrollError::BackToApplied)
        );
        e.move_to(step(EnrollStatus::Cancelled, 5)).unwrap();
        assert_eq!(
            e.move_to(step(EnrollStatus::Booked, 6)),
            Err(EnrollError::Cancelled)
        );
        let statuses: Vec<EnrollStatus> = e.steps.iter().map(|s| s.status).collect();
        assert_eq!(
            statuses,
            [
                EnrollStatus::Waiting,
                EnrollStatus::Booked,
                EnrollStatus::Attended,
                EnrollStatus::Cancelled
            ]
        );
        assert!(!EnrollStatus::Waiting.holds_place());
        assert!(EnrollStatus::Booked.holds_place());
        assert!(!EnrollStatus::Absent.is_live());
    }

    #[test]
    fn a_proposal_is_one_step_up() {
        assert_eq!(Proposal::next_level(None).number(), 1);
        assert_eq!(Proposal::next_level(Level::new(0)).number(), 1);
        assert_eq!(Proposal::next_level(Level::new(2)).number(), 3);
        assert_eq!(Proposal::next_level(Level::new(4)).number(), 4);
    }
}
