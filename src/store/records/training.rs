//! Training on disk: courses, sessions, enrollments, the level proposals of completed
//! courses, and subsidy applications.

use serde::{Deserialize, Serialize};

use super::staff::{digital_tier_from, digital_tier_to};
use super::{date_from, date_to, enum_codes, person_record_v1, record_v1};
use crate::domain::training::CourseClass;
use crate::domain::{
    Application, Audience, Band, Course, CourseKind, EnrollStatus, Enrollment, FiscalYear, Level,
    Proposal, ProposalState, Session, SessionStatus, Step, SubsidyStatus, SubsidyStep,
};
use crate::store::codec::CodecError;

enum_codes!(CourseKind, kind_to, kind_from {
    Tiered = 0, Special = 1, SelfStudy = 2, Digital = 3, MentalHealth = 4, Harassment = 5,
    Counselor = 6, Management = 7, Senior = 8,
});
enum_codes!(CourseClass, class_to, class_from { Mandatory = 0, Recommended = 1, Selected = 2 });
enum_codes!(SessionStatus, session_to, session_from { Planned = 0, Open = 1, Closed = 2, Held = 3 });
enum_codes!(EnrollStatus, enroll_to, enroll_from {
    Applied = 0, Waiting = 1, Booked = 2, Attended = 3, Completed = 4, Absent = 5, Cancelled = 6,
});
enum_codes!(ProposalState, proposal_to, proposal_from { Pending = 0, Accepted = 1, Rejected = 2 });
enum_codes!(SubsidyStatus, subsidy_to, subsidy_from {
    Applied = 0, Approved = 1, Rejected = 2, Reported = 3, Paid = 4,
});

fn band_from(n: u8) -> Result<Band, CodecError> {
    Band::new(n).ok_or_else(|| CodecError::Corrupt(format!("band {n}")))
}

fn level_from(n: u8) -> Result<Level, CodecError> {
    Level::new(n).ok_or_else(|| CodecError::Corrupt(format!("level {n}")))
}

#[derive(Serialize, Deserialize)]
struct CourseV1 {
    key: String,
    name: String,
    kind: u8,
    class: u8,
    skills: Vec<String>,
    bands: Vec<u8>,
    titles: Vec<String>,
    tiers: Vec<u8>,
    new_hires: bool,
    senior: bool,
    prerequisite: Option<String>,
    order: u32,
}

impl From<&Course> for CourseV1 {
    fn from(c: &Course) -> Self {
        CourseV1 {
            key: c.key.clone(),
            name: c.name.clone(),
            kind: kind_to(c.kind),
            class: class_to(c.class),
            skills: c.skills.clone(),
            bands: c.audience.bands.iter().map(|b| b.number()).collect(),
            titles: c.audience.titles.clone(),
            tiers: c
                .audience
                .tiers
                .iter()
                .map(|t| digital_tier_to(*t))
                .collect(),
            new_hires: c.audience.new_hires,
            senior: c.audience.senior,
            prerequisite: c.prerequisite.clone(),
            order: c.order,
        }
    }
}

impl TryFrom<CourseV1> for Course {
    type Error = CodecError;
    fn try_from(v: CourseV1) -> Result<Self, CodecError> {
        Ok(Course {
            key: v.key,
            name: v.name,
            kind: kind_from(v.kind)?,
            class: class_from(v.class)?,
            skills: v.skills,
            audience: Audience {
                bands: v
                    .bands
                    .into_iter()
                    .map(band_from)
                    .collect::<Result<_, _>>()?,
                titles: v.titles,
                tiers: v
                    .tiers
                    .into_iter()
                    .map(digital_tier_from)
                    .collect::<Result<_, _>>()?,
                new_hires: v.new_hires,
                senior: v.senior,
            },
            prerequisite: v.prerequisite,
            order: v.order,
        })
    }
}

record_v1!(Course, "training_courses", CourseV1, |c| c.key.clone());

#[derive(Serialize, Deserialize)]
struct SessionV1 {
    id: String,
    course: String,
    year: i32,
    days: Vec<u32>,
    place: String,
    instructor: String,
    capacity: u32,
    status: u8,
    waiting: Vec<String>,
}

impl From<&Session> for SessionV1 {
    fn from(s: &Session) -> Self {
        SessionV1 {
            id: s.id.clone(),
            course: s.course.clone(),
            year: s.year.0,
            days: s.days.iter().map(|d| date_to(*d)).collect(),
            place: s.place.clone(),
            instructor: s.instructor.clone(),
            capacity: s.capacity,
            status: session_to(s.status),
            waiting: s.waiting.clone(),
        }
    }
}

impl TryFrom<SessionV1> for Session {
    type Error = CodecError;
    fn try_from(v: SessionV1) -> Result<Self, CodecError> {
        Ok(Session {
            id: v.id,
            course: v.course,
            year: FiscalYear(v.year),
            days: v
                .days
                .into_iter()
                .map(date_from)
                .collect::<Result<_, _>>()?,
            place: v.place,
            instructor: v.instructor,
            capacity: v.capacity,
            status: session_from(v.status)?,
            waiting: v.waiting,
        })
    }
}

record_v1!(Session, "training_sessions", SessionV1, |s| s.id.clone());

/// One step: status, day, account, note.
type StepV1 = (u8, u32, String, Option<String>);

#[derive(Serialize, Deserialize)]
struct EnrollmentV1 {
    session: String,
    staff_no: String,
    steps: Vec<StepV1>,
    override_reason: Option<String>,
}

impl From<&Enrollment> for EnrollmentV1 {
    fn from(e: &Enrollment) -> Self {
        EnrollmentV1 {
            session: e.session.clone(),
            staff_no: e.staff_no.clone(),
            steps: e
                .steps
                .iter()
                .map(|s| {
                    (
                        enroll_to(s.status),
                        date_to(s.on),
                        s.by.clone(),
                        s.note.clone(),
                    )
                })
                .collect(),
            override_reason: e.override_reason.clone(),
        }
    }
}

impl TryFrom<EnrollmentV1> for Enrollment {
    type Error = CodecError;
    fn try_from(v: EnrollmentV1) -> Result<Self, CodecError> {
        if v.steps.is_empty() {
            return Err(CodecError::Corrupt("an enrollment without steps".into()));
        }
        let steps = v
            .steps
            .into_iter()
            .map(|(status, on, by, note)| {
                Ok(Step {
                    status: enroll_from(status)?,
                    on: date_from(on)?,
                    by,
                    note,
                })
            })
            .collect::<Result<_, CodecError>>()?;
        Ok(Enrollment {
            session: v.session,
            staff_no: v.staff_no,
            steps,
            override_reason: v.override_reason,
        })
    }
}

person_record_v1!(
    Enrollment,
    "enrollments",
    EnrollmentV1,
    |e| e.key(),
    person = |e| e.staff_no.clone()
);

#[derive(Serialize, Deserialize)]
struct ProposalV1 {
    staff_no: String,
    skill: String,
    session: String,
    level: u8,
    on: u32,
    state: u8,
    decided_by: Option<String>,
}

impl From<&Proposal> for ProposalV1 {
    fn from(p: &Proposal) -> Self {
        ProposalV1 {
            staff_no: p.staff_no.clone(),
            skill: p.skill.clone(),
            session: p.session.clone(),
            level: p.level.number(),
            on: date_to(p.on),
            state: proposal_to(p.state),
            decided_by: p.decided_by.clone(),
        }
    }
}

impl TryFrom<ProposalV1> for Proposal {
    type Error = CodecError;
    fn try_from(v: ProposalV1) -> Result<Self, CodecError> {
        Ok(Proposal {
            staff_no: v.staff_no,
            skill: v.skill,
            session: v.session,
            level: level_from(v.level)?,
            on: date_from(v.on)?,
            state: proposal_from(v.state)?,
            decided_by: v.decided_by,
        })
    }
}

person_record_v1!(
    Proposal,
    "level_proposals",
    ProposalV1,
    |p| p.key(),
    person = |p| p.staff_no.clone()
);

#[derive(Serialize, Deserialize)]
struct ApplicationV1 {
    id: String,
    staff_no: String,
    year: i32,
    title: String,
    cost: u64,
    skill: Option<String>,
    override_reason: Option<String>,
    rate: u8,
    amount: u64,
    steps: Vec<StepV1>,
}

impl From<&Application> for ApplicationV1 {
    fn from(a: &Application) -> Self {
        ApplicationV1 {
            id: a.id.clone(),
            staff_no: a.staff_no.clone(),
            year: a.year.0,
            title: a.title.clone(),
            cost: a.cost,
            skill: a.skill.clone(),
            override_reason: a.override_reason.clone(),
            rate: a.rate,
            amount: a.amount,
            steps: a
                .steps
                .iter()
                .map(|s| {
                    (
                        subsidy_to(s.status),
                        date_to(s.on),
                        s.by.clone(),
                        s.note.clone(),
                    )
                })
                .collect(),
        }
    }
}

impl TryFrom<ApplicationV1> for Application {
    type Error = CodecError;
    fn try_from(v: ApplicationV1) -> Result<Self, CodecError> {
        if v.steps.is_empty() {
            return Err(CodecError::Corrupt("an application without steps".into()));
        }
        let steps = v
            .steps
            .into_iter()
            .map(|(status, on, by, note)| {
                Ok(SubsidyStep {
                    status: subsidy_from(status)?,
                    on: date_from(on)?,
                    by,
                    note,
                })
            })
            .collect::<Result<_, CodecError>>()?;
        Ok(Application {
            id: v.id,
            staff_no: v.staff_no,
            year: FiscalYear(v.year),
            title: v.title,
            cost: v.cost,
            skill: v.skill,
            override_reason: v.override_reason,
            rate: v.rate,
            amount: v.amount,
            steps,
        })
    }
}

person_record_v1!(
    Application,
    "subsidy_applications",
    ApplicationV1,
    |a| a.id.clone(),
    person = |a| a.staff_no.clone()
);
