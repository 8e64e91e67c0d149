//! Planning sessions: a new session of a course with the next number of its fiscal
//! year, and a session moved through 計画, 募集中, 締切 and 実施済.

use super::training::PlanFault;
use super::{Permission, Principal, Service, ServiceError};
use crate::domain::{Course, Date, FiscalYear, Session, SessionStatus};

impl Service {
    /// Adds a session of a course meeting on `days` (one fiscal year), as 計画, with the
    /// next free number of that year (`R8-016`). Returns it.
    pub fn add_session(
        &self,
        p: &Principal,
        course: &str,
        days: Vec<Date>,
        place: &str,
        instructor: &str,
        capacity: u32,
    ) -> Result<Session, ServiceError> {
        let mut days = days;
        days.sort();
        days.dedup();
        let year = days
            .first()
            .map_or(FiscalYear::of(self.clock.today()), |d| FiscalYear::of(*d));
        self.write_as(p, Permission::StaffWrite, "training.session", |w| {
            if w.get::<Course>(course)?.is_none() {
                return Err(PlanFault::UnknownCourse(course.to_string()).into());
            }
            let taken: Vec<String> = w.all::<Session>()?.into_iter().map(|s| s.id).collect();
            let id = (1..)
                .map(|n| Session::id_for(year, n))
                .find(|id| !taken.contains(id))
                .unwrap_or_else(|| Session::id_for(year, 9_999));
            let s = Session {
                id,
                course: course.to_string(),
                year,
                days,
                place: place.trim().to_string(),
                instructor: instructor.trim().to_string(),
                capacity,
                status: SessionStatus::Planned,
                waiting: Vec::new(),
            };
            s.validate().map_err(PlanFault::Session)?;
            w.put(&s)?;
            Ok((s.clone(), vec![s.id.clone()]))
        })
    }

    /// Moves a session to another status (募集中 opens it, 締切 and 実施済 close it).
    pub fn set_session_status(
        &self,
        p: &Principal,
        id: &str,
        status: SessionStatus,
    ) -> Result<Session, ServiceError> {
        self.write_as(p, Permission::StaffWrite, "training.session_status", |w| {
            let mut s = w
                .get::<Session>(id)?
                .ok_or_else(|| PlanFault::NoSuchSession(id.to_string()))?;
            s.status = status;
            w.put(&s)?;
            Ok((s, vec![id.to_string()]))
        })
    }
}
