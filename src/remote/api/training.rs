//! Training: courses, sessions and the plan, rosters and enrollment, level proposals,
//! mandatory courses owed, and subsidies.

use crate::domain::{
    Application, Course, Date, EnrollStatus, FiscalYear, Proposal, Session, SessionStatus,
    SubsidyStatus,
};
use crate::service::{
    BulkFilter, BulkPreview, Outstanding, Roster, ServiceError, SessionView, SubsidyView,
    TrainingLine,
};

use super::super::calls::calls;

calls! {
    Training: TrainingRequest => TrainingReply;

    /// The course catalogue, in its order.
    fn courses() -> Vec<Course> | ServiceError = |s, p, _c| s.courses(p);
    /// The sessions of a fiscal year, by first day, with how full each is.
    fn sessions(year: FiscalYear => FiscalYear) -> Vec<SessionView> | ServiceError
        = |s, p, _c| s.sessions(p, year);
    /// Adds or changes a session of the plan.
    fn save_session(session: &Session => Session) -> () | ServiceError
        = |s, p, _c| s.save_session(p, &session);
    /// Changes a session read at revision `opened`; refused with the stored one if
    /// someone else saved it since.
    fn update_session(session: &Session => Session, opened: u64 => u64) -> () | ServiceError
        = |s, p, _c| s.update_session(p, &session, opened);
    /// Copies a fiscal year's sessions into the next one as its plan.
    fn copy_plan(from: FiscalYear => FiscalYear) -> Vec<Session> | ServiceError
        = |s, p, _c| s.copy_plan(p, from);
    /// A session's roster with names and posts.
    fn roster(session: &str => String) -> Roster | ServiceError
        = |s, p, _c| s.roster(p, &session);
    /// Enrolls one person: a place if there is one, else the waiting list.
    fn enroll(session: &str => String, staff_no: &str => String, reason: Option<&str> => Option<String>)
        -> EnrollStatus | ServiceError
        = |s, p, _c| s.enroll(p, &session, &staff_no, reason.as_deref());
    /// Changes a person's status in a session; returns who moved up from the waiting
    /// list, if anyone.
    fn set_attendance(
        session: &str => String,
        staff_no: &str => String,
        status: EnrollStatus => EnrollStatus,
        note: Option<&str> => Option<String>,
    ) -> Option<String> | ServiceError
        = |s, p, _c| s.set_attendance(p, &session, &staff_no, status, note.as_deref());
    /// What a bulk enrollment would do, without writing anything.
    fn bulk_preview(session: &str => String, filter: &BulkFilter => BulkFilter)
        -> BulkPreview | ServiceError
        = |s, p, _c| s.bulk_preview(p, &session, &filter);
    /// Enrolls everyone the preview would, in one transaction.
    fn bulk_enroll(session: &str => String, filter: &BulkFilter => BulkFilter)
        -> BulkPreview | ServiceError
        = |s, p, _c| s.bulk_enroll(p, &session, &filter);
    /// A person's trainings, newest first.
    fn trainings_of(staff_no: &str => String) -> Vec<TrainingLine> | ServiceError
        = |s, p, _c| s.trainings_of(p, &staff_no);
    /// Level proposals of completed courses, for a person or for everyone.
    fn proposals(staff_no: Option<&str> => Option<String>) -> Vec<Proposal> | ServiceError
        = |s, p, _c| s.proposals(p, staff_no.as_deref());
    /// Accepts or rejects a level proposal.
    fn decide_proposal(key: &str => String, accept: bool => bool) -> () | ServiceError
        = |s, p, _c| s.decide_proposal(p, &key, accept);
    /// Adds a session of a course meeting on `days`, as 計画.
    fn add_session(
        course: &str => String,
        days: Vec<Date> => Vec<Date>,
        place: &str => String,
        instructor: &str => String,
        capacity: u32 => u32,
    ) -> Session | ServiceError
        = |s, p, _c| s.add_session(p, &course, days, &place, &instructor, capacity);
    /// Moves a session to another status.
    fn set_session_status(id: &str => String, status: SessionStatus => SessionStatus)
        -> Session | ServiceError
        = |s, p, _c| s.set_session_status(p, &id, status);
    /// Who still owes which mandatory course in a fiscal year, and the duties met.
    fn outstanding(year: FiscalYear => FiscalYear, unit: Option<&str> => Option<String>)
        -> Outstanding | ServiceError
        = |s, p, _c| s.outstanding(p, year, unit.as_deref());
    /// A fiscal year's subsidy applications with the budget.
    fn subsidies(year: FiscalYear => FiscalYear) -> SubsidyView | ServiceError
        = |s, p, _c| s.subsidies(p, year);
    /// Records a subsidy application in the current fiscal year.
    fn apply_subsidy(
        staff_no: &str => String,
        title: &str => String,
        cost: u64 => u64,
        skill: Option<&str> => Option<String>,
        override_reason: Option<&str> => Option<String>,
    ) -> Application | ServiceError
        = |s, p, _c| s.apply_subsidy(
            p,
            &staff_no,
            &title,
            cost,
            skill.as_deref(),
            override_reason.as_deref(),
        );
    /// Moves a subsidy application on.
    fn decide_subsidy(id: &str => String, to: SubsidyStatus => SubsidyStatus, note: Option<&str> => Option<String>)
        -> Application | ServiceError
        = |s, p, _c| s.decide_subsidy(p, &id, to, note.as_deref());
}
