//! The enrollment rules, worked out against one consistent view: whom a course is for,
//! a full session's waiting list, one session a day, prerequisites. A single enrollment
//! and a bulk enrollment of hundreds ask the same questions of the same `Rules`.

use std::collections::{BTreeMap, HashMap};

use crate::domain::{
    Candidate, Course, Date, Employee, EnrollStatus, Enrollment, FiscalYear, Session,
    SessionStatus, Status, TitleBand, TitleMap,
};
use crate::store::{Reader, Record, StoreError, Writer};

/// Reading from a read or a write transaction alike.
pub(super) trait Tables {
    fn every<T: Record>(&self) -> Result<Vec<T>, StoreError>;
}

impl Tables for Reader {
    fn every<T: Record>(&self) -> Result<Vec<T>, StoreError> {
        self.all()
    }
}

impl Tables for Writer {
    fn every<T: Record>(&self) -> Result<Vec<T>, StoreError> {
        self.all()
    }
}

/// Why a person cannot be enrolled in a session.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum EnrollFault {
    NoSuchSession(String),
    NoSuchEmployee(String),
    /// The person is not in the session.
    NotEnrolled {
        session: String,
        staff_no: String,
    },
    /// The person has left.
    Left(String),
    /// The session no longer takes enrollments (締切, 実施済).
    Closed {
        session: String,
        status: SessionStatus,
    },
    /// Outside the course's audience, and no reason given to enroll anyway.
    NotEligible {
        course: String,
        /// The course's name, for the message.
        name: String,
    },
    /// Already in the session.
    Already(EnrollStatus),
    /// In another session that meets on one of the same days.
    SameDay {
        session: String,
        day: Date,
    },
    /// The course's prerequisite is not completed.
    Prerequisite {
        course: String,
    },
    /// The status cannot change as asked.
    Step(crate::domain::EnrollError),
    /// A reason to enroll someone outside the audience must say something.
    EmptyReason,
    /// Places and the waiting list follow from enrolling and cancelling; a roster
    /// marks only 出席, 欠席, 修了 and 取消.
    NotAttendance(EnrollStatus),
    /// Attendance is marked only for someone holding a place (not 待機 or 取消).
    NoPlace(EnrollStatus),
    /// Attendance is marked from the session's first day on.
    NotYet(Date),
    /// Not on the staff on the session's first day (not yet hired, or left by then).
    NotInPost(Date),
}

/// What enrolling a person would do.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Outcome {
    /// A place: 受講予定.
    Book,
    /// The session is full: 待機, at this place in line (1 first).
    Wait(usize),
    Refused(EnrollFault),
}

/// Courses, sessions and everyone's enrollments, read once.
pub(super) struct Rules {
    pub courses: BTreeMap<String, Course>,
    pub sessions: BTreeMap<String, Session>,
    /// Every enrollment, by staff number.
    pub by_person: HashMap<String, Vec<Enrollment>>,
    pub titles: TitleMap,
}

impl Rules {
    pub fn load(t: &impl Tables) -> Result<Rules, StoreError> {
        let mut by_person: HashMap<String, Vec<Enrollment>> = HashMap::new();
        for e in t.every::<Enrollment>()? {
            by_person.entry(e.staff_no.clone()).or_default().push(e);
        }
        Ok(Rules {
            courses: t
                .every::<Course>()?
                .into_iter()
                .map(|c| (c.key.clone(), c))
                .collect(),
            sessions: t
                .every::<Session>()?
                .into_iter()
                .map(|s| (s.id.clone(), s))
                .collect(),
            by_person,
            titles: TitleMap::new(t.every::<TitleBand>()?),
        })
    }

    /// People holding a place in a session now.
    pub fn booked(&self, session: &str) -> usize {
        self.by_person
            .values()
            .flatten()
            .filter(|e| e.session == session && e.status().holds_place())
            .count()
    }

    fn enrollment(&self, session: &str, staff_no: &str) -> Option<&Enrollment> {
        self.by_person
            .get(staff_no)?
            .iter()
            .find(|e| e.session == session)
    }

    /// Whether the person is in the course's audience on a day (a session's first).
    pub fn eligible(&self, e: &Employee, course: &Course, day: Date) -> bool {
        let post = e.assignment_on(day);
        let candidate = Candidate {
            band: post.and_then(|a| self.titles.band_of(&a.title)),
            title: post.map(|a| a.title.as_str()),
            tier: e.digital,
            hired: e.hired,
            birth: e.birth,
        };
        course.audience.includes(&candidate, day)
    }

    /// Whether the person completed a session of a course by a day (the completion
    /// recorded on or before it).
    pub fn completed(&self, staff_no: &str, course: &str, by: Date) -> bool {
        self.by_person.get(staff_no).is_some_and(|list| {
            list.iter().any(|e| {
                e.status() == EnrollStatus::Completed
                    && e.steps.last().is_some_and(|s| s.on <= by)
                    && self
                        .sessions
                        .get(&e.session)
                        .is_some_and(|s| s.course == course)
            })
        })
    }

    /// What enrolling `e` in `session` would do; `booked` is how many places are
    /// taken and `waiting` how many wait (a bulk enrollment counts its own in).
    pub fn judge(
        &self,
        e: &Employee,
        session: &Session,
        override_reason: Option<&str>,
        (booked, waiting): (usize, usize),
    ) -> Outcome {
        let refuse = |f| Outcome::Refused(f);
        let day = session.first_day().unwrap_or(session.year.first_day());
        if e.status == Status::Left {
            return refuse(EnrollFault::Left(e.staff_no.clone()));
        }
        if matches!(session.status, SessionStatus::Closed | SessionStatus::Held) {
            return refuse(EnrollFault::Closed {
                session: session.id.clone(),
                status: session.status,
            });
        }
        if e.hired > day || e.leaving.as_ref().is_some_and(|l| l.date < day) {
            return refuse(EnrollFault::NotInPost(day));
        }
        if let Some(old) = self.enrollment(&session.id, &e.staff_no)
            && old.status() != EnrollStatus::Cancelled
        {
            return refuse(EnrollFault::Already(old.status()));
        }
        let Some(course) = self.courses.get(&session.course) else {
            return refuse(EnrollFault::NoSuchSession(session.id.clone()));
        };
        if override_reason.is_some_and(|r| r.trim().is_empty()) {
            return refuse(EnrollFault::EmptyReason);
        }
        if override_reason.is_none() && !self.eligible(e, course, day) {
            return refuse(EnrollFault::NotEligible {
                course: course.key.clone(),
                name: course.name.clone(),
            });
        }
        if let Some(pre) = &course.prerequisite
            && !self.completed(&e.staff_no, pre, day)
        {
            return refuse(EnrollFault::Prerequisite {
                course: pre.clone(),
            });
        }
        let clash = self.by_person.get(&e.staff_no).and_then(|list| {
            list.iter()
                .filter(|x| x.session != session.id && x.status().is_live())
                .filter_map(|x| self.sessions.get(&x.session))
                .find_map(|other| {
                    other
                        .days
                        .iter()
                        .find(|d| session.days.contains(d))
                        .map(|d| (other.id.clone(), *d))
                })
        });
        if let Some((other, day)) = clash {
            return refuse(EnrollFault::SameDay {
                session: other,
                day,
            });
        }
        // Nobody jumps the queue: while people wait, newcomers wait too.
        if booked < session.capacity as usize && waiting == 0 {
            Outcome::Book
        } else {
            Outcome::Wait(waiting + 1)
        }
    }

    /// Sessions of a fiscal year, in id order.
    pub fn sessions_of(&self, year: FiscalYear) -> impl Iterator<Item = &Session> {
        self.sessions.values().filter(move |s| s.year == year)
    }
}
