//! Planning sessions: a new session of a course with the next number of its fiscal
//! year, a session changed from the revision a screen read, and a session moved
//! through 計画, 募集中, 締切 and 実施済.

use super::training::{PlanFault, promote};
use super::{Permission, Principal, Service, ServiceError, Theirs, expect_revision};
use crate::domain::{Course, Date, FiscalYear, Session, SessionStatus};

impl Service {
    /// Changes a session of the plan that a screen read at revision `opened`
    /// ([`SessionView::revision`](super::SessionView)). If someone else saved the
    /// session since, nothing is written and [`ServiceError::Conflict`] carries theirs.
    /// Otherwise as [`Service::save_session`]: the stored waiting list stays, and a
    /// larger capacity gives its new places to those waiting.
    pub fn update_session(
        &self,
        p: &Principal,
        s: &Session,
        opened: u64,
    ) -> Result<(), ServiceError> {
        self.save_session_from(p, s, Some(opened))
    }

    /// Saves a session, first refusing a stale `opened` revision when one is given.
    pub(super) fn save_session_from(
        &self,
        p: &Principal,
        s: &Session,
        opened: Option<u64>,
    ) -> Result<(), ServiceError> {
        s.validate().map_err(PlanFault::Session)?;
        let today = self.clock.today();
        self.write_as(p, Permission::StaffWrite, "training.session", |w| {
            if let Some(opened) = opened {
                expect_revision::<Session>(w, "session", &s.id, opened, |t| {
                    Theirs::Session(Box::new(t))
                })?;
            }
            if w.get::<Course>(&s.course)?.is_none() {
                return Err(PlanFault::UnknownCourse(s.course.clone()).into());
            }
            let mut session = s.clone();
            session.waiting = w
                .get::<Session>(&s.id)?
                .map(|old| old.waiting)
                .unwrap_or_default();
            let mut ids = vec![s.id.clone()];
            while let Some(up) = promote(w, &mut session, today, p)? {
                ids.push(up);
            }
            w.put(&session)?;
            Ok(((), ids))
        })
    }

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
