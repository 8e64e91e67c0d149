//! Training through the service: the catalogue and the plan of a fiscal year, a
//! session's roster, enrolling one person or many under the rules, attendance, and
//! the level proposals a completed course makes.

use std::collections::BTreeMap;

use super::enroll_rules::{EnrollFault, Outcome, Rules};
use super::{Permission, Principal, Service, ServiceError};
use crate::domain::{
    Course, Date, Employee, EnrollStatus, Enrollment, FiscalYear, OrgTree, Proposal, ProposalState,
    Session, SessionError, SessionStatus, SkillSheet, Source, Status, Step,
};
use crate::store::Writer;

impl From<EnrollFault> for ServiceError {
    fn from(f: EnrollFault) -> ServiceError {
        ServiceError::Enroll(f)
    }
}

/// Why a change of the plan was refused.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum PlanFault {
    Session(SessionError),
    UnknownCourse(String),
    /// The fiscal year to copy into already has sessions.
    YearPlanned(FiscalYear),
    /// The year to copy from has none.
    NothingToCopy(FiscalYear),
    NoSuchSession(String),
    /// The proposal was accepted or rejected already.
    Decided(String),
    /// The person's level is already as high as proposed.
    NotHigher(String),
}

impl From<PlanFault> for ServiceError {
    fn from(f: PlanFault) -> ServiceError {
        ServiceError::Plan(f)
    }
}

/// A session with its course's name and how full it is.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SessionView {
    pub session: Session,
    pub course: String,
    pub booked: usize,
    /// The session's revision when read, for a change made from this view.
    pub revision: u64,
}

/// One person on a session's roster.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RosterRow {
    pub staff_no: String,
    pub name: String,
    pub unit_name: String,
    pub title: String,
    pub status: EnrollStatus,
    /// The day of the last change.
    pub since: Date,
    /// In line for a place (1 first), when waiting.
    pub waiting: Option<usize>,
}

/// A session's people: those with a place first (by staff number), then the waiting
/// list in order, then those who cancelled.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Roster {
    pub session: Session,
    pub course: Course,
    pub rows: Vec<RosterRow>,
}

/// One training of a person, for the interview card.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TrainingLine {
    pub session: String,
    pub course: String,
    pub course_name: String,
    pub first_day: Option<Date>,
    pub status: EnrollStatus,
}

/// Who a bulk enrollment is for.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct BulkFilter {
    /// A unit and everything under it.
    pub unit: Option<String>,
    /// Whose post on `on` has this title.
    pub title: Option<String>,
    /// With a post (a promotion, a transfer) taking effect on this day.
    pub posted_on: Option<Date>,
    /// Hired in the session's fiscal year.
    pub new_hires: bool,
}

/// One candidate of a bulk enrollment and what would happen to them.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct BulkRow {
    pub staff_no: String,
    pub name: String,
    pub outcome: Outcome,
}

/// What a bulk enrollment would do, or did.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct BulkPreview {
    pub session: String,
    pub rows: Vec<BulkRow>,
}

impl BulkPreview {
    pub fn count(&self, f: impl Fn(&Outcome) -> bool) -> usize {
        self.rows.iter().filter(|r| f(&r.outcome)).count()
    }
}

/// A unit code the organisation has, or none.
pub(super) fn unit_exists(org: &OrgTree, unit: Option<&str>) -> Result<(), ServiceError> {
    match unit {
        Some(code) if org.get(code).is_none() => Err(ServiceError::NotFound {
            kind: "unit",
            id: code.to_string(),
        }),
        _ => Ok(()),
    }
}

fn session_of(rules: &Rules, id: &str) -> Result<Session, ServiceError> {
    rules
        .sessions
        .get(id)
        .cloned()
        .ok_or_else(|| PlanFault::NoSuchSession(id.to_string()).into())
}

fn step(status: EnrollStatus, on: Date, p: &Principal, note: Option<String>) -> Step {
    Step {
        status,
        on,
        by: p.account.clone(),
        note,
    }
}

/// Writes the enrollment `outcome` says for a person, keeping the session's waiting
/// list in step. Returns the status given.
pub(super) fn place(
    w: &mut Writer,
    session: &mut Session,
    staff_no: &str,
    outcome: &Outcome,
    reason: Option<&str>,
    on: Date,
    p: &Principal,
) -> Result<EnrollStatus, ServiceError> {
    let status = match outcome {
        Outcome::Book => EnrollStatus::Booked,
        Outcome::Wait(_) => EnrollStatus::Waiting,
        Outcome::Refused(f) => return Err(f.clone().into()),
    };
    if status == EnrollStatus::Waiting {
        session.waiting.push(staff_no.to_string());
    }
    let key = Enrollment::key_of(&session.id, staff_no);
    let enrollment = match w.get::<Enrollment>(&key)? {
        // Someone who cancelled and enrolls again keeps their history.
        Some(mut old) => {
            old.steps
                .push(step(status, on, p, reason.map(str::to_string)));
            old.override_reason = reason.map(str::to_string).or(old.override_reason);
            old
        }
        None => Enrollment {
            session: session.id.clone(),
            staff_no: staff_no.to_string(),
            steps: vec![step(status, on, p, None)],
            override_reason: reason.map(str::to_string),
        },
    };
    w.put(&enrollment)?;
    Ok(status)
}

/// Proposes a level one step up for each skill of a completed course.
fn propose(
    w: &mut Writer,
    course: &Course,
    session: &str,
    staff_no: &str,
    on: Date,
) -> Result<(), ServiceError> {
    let sheet = w
        .get::<SkillSheet>(staff_no)?
        .unwrap_or_else(|| SkillSheet::new(staff_no));
    // Another course may already propose a level for the skill: one at a time.
    let pending: Vec<String> = w
        .of_person::<Proposal>(staff_no)?
        .into_iter()
        .filter(|p| p.state == ProposalState::Pending)
        .map(|p| p.skill)
        .collect();
    for skill in &course.skills {
        let now = sheet.level_on(skill, on).map(|e| e.level);
        let level = Proposal::next_level(now);
        if Some(level) == now {
            continue;
        }
        let p = Proposal {
            staff_no: staff_no.to_string(),
            skill: skill.clone(),
            session: session.to_string(),
            level,
            on,
            state: ProposalState::Pending,
            decided_by: None,
        };
        if !pending.contains(&p.skill) && w.get::<Proposal>(&p.key())?.is_none() {
            w.put(&p)?;
        }
    }
    Ok(())
}

/// Gives a free place to the first in line who still waits and has not left, while
/// the session takes people (not 締切 or 実施済). Returns who moved up.
pub(super) fn promote(
    w: &mut Writer,
    s: &mut Session,
    today: Date,
    p: &Principal,
) -> Result<Option<String>, ServiceError> {
    if matches!(s.status, SessionStatus::Closed | SessionStatus::Held) {
        return Ok(None);
    }
    let booked = w
        .with_prefix::<Enrollment>(&format!("{}/", s.id))?
        .iter()
        .filter(|e| e.status().holds_place())
        .count();
    if booked >= s.capacity as usize {
        return Ok(None);
    }
    while !s.waiting.is_empty() {
        let next = s.waiting.remove(0);
        let Some(mut up) = w.get::<Enrollment>(&Enrollment::key_of(&s.id, &next))? else {
            continue;
        };
        let gone = w
            .get::<Employee>(&next)?
            .is_none_or(|e| e.status == Status::Left);
        if up.status() != EnrollStatus::Waiting || gone {
            continue;
        }
        up.move_to(step(EnrollStatus::Booked, today, p, None))
            .map_err(EnrollFault::Step)?;
        w.put(&up)?;
        return Ok(Some(next));
    }
    Ok(None)
}

/// Writes a session whose waiting list an enrollment changed. One that did not change
/// is left alone, so its revision moves only when the session does and a change
/// someone is making to it from a screen is not refused for nothing.
fn put_if_changed(w: &mut Writer, stored: &Session, now: &Session) -> Result<(), ServiceError> {
    if stored != now {
        w.put(now)?;
    }
    Ok(())
}

/// Withdraws a person's undecided proposals from a session whose completion was taken
/// back.
fn withdraw_proposals(w: &mut Writer, session: &str, staff_no: &str) -> Result<(), ServiceError> {
    for prop in w.of_person::<Proposal>(staff_no)? {
        if prop.session == session && prop.state == ProposalState::Pending {
            w.delete::<Proposal>(&prop.key())?;
        }
    }
    Ok(())
}

impl Service {
    /// The course catalogue, in its order.
    pub fn courses(&self, p: &Principal) -> Result<Vec<Course>, ServiceError> {
        let mut all = self.read_as(p, Permission::StaffRead)?.all::<Course>()?;
        all.sort_by_key(|c| c.order);
        Ok(all)
    }

    /// The sessions of a fiscal year, by first day, with how full each is.
    pub fn sessions(
        &self,
        p: &Principal,
        year: FiscalYear,
    ) -> Result<Vec<SessionView>, ServiceError> {
        let r = self.read_as(p, Permission::StaffRead)?;
        let rules = Rules::load(&r)?;
        let mut out = Vec::new();
        for s in rules.sessions_of(year) {
            out.push(SessionView {
                session: s.clone(),
                course: rules
                    .courses
                    .get(&s.course)
                    .map(|c| c.name.clone())
                    .unwrap_or_default(),
                booked: rules.booked(&s.id),
                revision: r.revision::<Session>(&s.id)?,
            });
        }
        out.sort_by_key(|v| (v.session.first_day(), v.session.id.clone()));
        Ok(out)
    }

    /// Adds or changes a session of the plan without asking which revision the change
    /// started from (a new session, an import, a script's whole record). The waiting
    /// list is the stored one, not the caller's; a larger capacity gives its new places
    /// to those waiting. A screen that changes a session it shows uses
    /// [`Service::update_session`].
    pub fn save_session(&self, p: &Principal, s: &Session) -> Result<(), ServiceError> {
        self.save_session_from(p, s, None)
    }

    /// Copies a fiscal year's sessions into the next one as its plan (計画), in one
    /// step. Refused if the next year already has sessions.
    pub fn copy_plan(&self, p: &Principal, from: FiscalYear) -> Result<Vec<Session>, ServiceError> {
        let to = FiscalYear(from.0 + 1);
        self.write_as(p, Permission::StaffWrite, "training.copy_plan", |w| {
            let all = w.all::<Session>()?;
            if all.iter().any(|s| s.year == to) {
                return Err(PlanFault::YearPlanned(to).into());
            }
            let mut source: Vec<&Session> = all.iter().filter(|s| s.year == from).collect();
            if source.is_empty() {
                return Err(PlanFault::NothingToCopy(from).into());
            }
            source.sort_by_key(|s| (s.first_day(), s.id.clone()));
            let mut made = Vec::with_capacity(source.len());
            for (n, s) in (1..).zip(source) {
                let copy = s.next_year(Session::id_for(to, n));
                copy.validate().map_err(PlanFault::Session)?;
                w.put(&copy)?;
                made.push(copy);
            }
            let ids = made.iter().map(|s| s.id.clone()).collect();
            Ok((made, ids))
        })
    }

    /// A session's roster with names and posts.
    pub fn roster(&self, p: &Principal, session: &str) -> Result<Roster, ServiceError> {
        let r = self.read_as(p, Permission::StaffRead)?;
        let s = r
            .get::<Session>(session)?
            .ok_or_else(|| PlanFault::NoSuchSession(session.to_string()))?;
        let course = r
            .get::<Course>(&s.course)?
            .ok_or_else(|| PlanFault::UnknownCourse(s.course.clone()))?;
        let org = super::staff::org_tree(&r)?;
        let day = s.first_day().unwrap_or(s.year.first_day());
        let mut rows = Vec::new();
        for e in r.with_prefix::<Enrollment>(&format!("{session}/"))? {
            let person = r.get::<Employee>(&e.staff_no)?;
            let post = person.as_ref().and_then(|x| x.assignment_on(day));
            rows.push(RosterRow {
                staff_no: e.staff_no.clone(),
                name: person.as_ref().map(|x| x.name.clone()).unwrap_or_default(),
                unit_name: post
                    .map(|a| org.path_name(&a.unit).to_string())
                    .unwrap_or_default(),
                title: post.map(|a| a.title.clone()).unwrap_or_default(),
                status: e.status(),
                since: e.steps.last().map_or(day, |st| st.on),
                waiting: s
                    .waiting
                    .iter()
                    .position(|n| *n == e.staff_no)
                    .map(|i| i + 1),
            });
        }
        rows.sort_by_key(|x| {
            let group = match x.status {
                EnrollStatus::Waiting => 1,
                EnrollStatus::Cancelled => 2,
                _ => 0,
            };
            (group, x.waiting, x.staff_no.clone())
        });
        Ok(Roster {
            session: s,
            course,
            rows,
        })
    }

    /// Enrolls one person: a place if there is one, else the waiting list. Someone
    /// outside the course's audience needs a reason.
    pub fn enroll(
        &self,
        p: &Principal,
        session: &str,
        staff_no: &str,
        reason: Option<&str>,
    ) -> Result<EnrollStatus, ServiceError> {
        let today = self.clock.today();
        self.write_as(p, Permission::StaffWrite, "training.enroll", |w| {
            let rules = Rules::load(&*w)?;
            let mut s = session_of(&rules, session)?;
            let e = w
                .get::<Employee>(staff_no)?
                .ok_or_else(|| EnrollFault::NoSuchEmployee(staff_no.to_string()))?;
            let outcome = rules.judge(&e, &s, reason, (rules.booked(session), s.waiting.len()));
            let before = s.clone();
            let status = place(w, &mut s, staff_no, &outcome, reason, today, p)?;
            put_if_changed(w, &before, &s)?;
            Ok((status, vec![session.to_string(), staff_no.to_string()]))
        })
    }

    /// Changes a person's status in a session (attendance, completion, cancellation).
    /// Attendance needs a place and the session to have begun. A cancellation frees
    /// the place for the first in line; a completion proposes levels for the course's
    /// skills, and a completion taken back withdraws the proposals not yet decided.
    /// Returns who moved up from the waiting list, if anyone.
    pub fn set_attendance(
        &self,
        p: &Principal,
        session: &str,
        staff_no: &str,
        status: EnrollStatus,
        note: Option<&str>,
    ) -> Result<Option<String>, ServiceError> {
        let today = self.clock.today();
        if !matches!(
            status,
            EnrollStatus::Attended
                | EnrollStatus::Absent
                | EnrollStatus::Completed
                | EnrollStatus::Cancelled
        ) {
            return Err(EnrollFault::NotAttendance(status).into());
        }
        self.write_as(p, Permission::StaffWrite, "training.status", |w| {
            let mut s = w
                .get::<Session>(session)?
                .ok_or_else(|| PlanFault::NoSuchSession(session.to_string()))?;
            let stored = s.clone();
            let key = Enrollment::key_of(session, staff_no);
            let mut e = w
                .get::<Enrollment>(&key)?
                .ok_or_else(|| EnrollFault::NotEnrolled {
                    session: session.to_string(),
                    staff_no: staff_no.to_string(),
                })?;
            let before = e.status();
            if status != EnrollStatus::Cancelled {
                if !before.holds_place() {
                    return Err(EnrollFault::NoPlace(before).into());
                }
                if let Some(first) = s.first_day().filter(|first| today < *first) {
                    return Err(EnrollFault::NotYet(first).into());
                }
            }
            e.move_to(step(status, today, p, note.map(str::to_string)))
                .map_err(EnrollFault::Step)?;
            w.put(&e)?;
            let mut ids = vec![session.to_string(), staff_no.to_string()];
            s.waiting.retain(|n| n != staff_no);
            let promoted = if status == EnrollStatus::Cancelled && before.holds_place() {
                promote(w, &mut s, today, p)?
            } else {
                None
            };
            ids.extend(promoted.clone());
            if before == EnrollStatus::Completed {
                withdraw_proposals(w, session, staff_no)?;
            }
            if status == EnrollStatus::Completed
                && let Some(course) = w.get::<Course>(&s.course)?
            {
                // Levels date from the session's last day, or today while it runs.
                let on = s.days.last().map_or(today, |last| (*last).min(today));
                propose(w, &course, session, staff_no, on)?;
            }
            put_if_changed(w, &stored, &s)?;
            Ok((promoted, ids))
        })
    }

    /// The people a bulk enrollment would take and what would happen to each, without
    /// writing anything.
    pub fn bulk_preview(
        &self,
        p: &Principal,
        session: &str,
        filter: &BulkFilter,
    ) -> Result<BulkPreview, ServiceError> {
        let r = self.read_as(p, Permission::StaffRead)?;
        let rules = Rules::load(&r)?;
        let org = super::staff::org_tree(&r)?;
        unit_exists(&org, filter.unit.as_deref())?;
        let s = session_of(&rules, session)?;
        let people = r.all::<Employee>()?;
        Ok(preview(&rules, &org, &s, &people, filter))
    }

    /// Enrolls everyone the preview would, in one transaction; the rules are applied
    /// again inside it, so what is written is what they allow at that moment.
    pub fn bulk_enroll(
        &self,
        p: &Principal,
        session: &str,
        filter: &BulkFilter,
    ) -> Result<BulkPreview, ServiceError> {
        let today = self.clock.today();
        self.write_as(p, Permission::StaffWrite, "training.bulk_enroll", |w| {
            let rules = Rules::load(&*w)?;
            let org = OrgTree::new(w.all()?)?;
            unit_exists(&org, filter.unit.as_deref())?;
            let mut s = session_of(&rules, session)?;
            let stored = s.clone();
            let people = w.all::<Employee>()?;
            let done = preview(&rules, &org, &s, &people, filter);
            let mut ids = vec![session.to_string()];
            for row in &done.rows {
                if matches!(row.outcome, Outcome::Book | Outcome::Wait(_)) {
                    place(w, &mut s, &row.staff_no, &row.outcome, None, today, p)?;
                    ids.push(row.staff_no.clone());
                }
            }
            put_if_changed(w, &stored, &s)?;
            Ok((done, ids))
        })
    }

    /// A person's trainings, newest first: every session they enrolled in, with its
    /// course and where they stand.
    pub fn trainings_of(
        &self,
        p: &Principal,
        staff_no: &str,
    ) -> Result<Vec<TrainingLine>, ServiceError> {
        let r = self.read_as(p, Permission::StaffRead)?;
        let mut out = Vec::new();
        for e in r.of_person::<Enrollment>(staff_no)? {
            let session = r.get::<Session>(&e.session)?;
            let course = match &session {
                Some(s) => r.get::<Course>(&s.course)?,
                None => None,
            };
            out.push(TrainingLine {
                session: e.session.clone(),
                course: course.as_ref().map(|c| c.key.clone()).unwrap_or_default(),
                course_name: course.map(|c| c.name).unwrap_or_default(),
                first_day: session.as_ref().and_then(Session::first_day),
                status: e.status(),
            });
        }
        out.sort_by(|a, b| (b.first_day, &b.session).cmp(&(a.first_day, &a.session)));
        Ok(out)
    }

    /// Level proposals of completed courses, for a person or for everyone.
    pub fn proposals(
        &self,
        p: &Principal,
        staff_no: Option<&str>,
    ) -> Result<Vec<Proposal>, ServiceError> {
        let r = self.read_as(p, Permission::StaffRead)?;
        Ok(match staff_no {
            Some(n) => r.of_person::<Proposal>(n)?,
            None => r.all::<Proposal>()?,
        })
    }

    /// Accepts a proposal (the level is recorded from the completion day, source
    /// 研修修了, assessed by the caller) or rejects it.
    pub fn decide_proposal(
        &self,
        p: &Principal,
        key: &str,
        accept: bool,
    ) -> Result<(), ServiceError> {
        self.write_as(p, Permission::StaffWrite, "training.proposal", |w| {
            let mut prop = w
                .get::<Proposal>(key)?
                .ok_or_else(|| ServiceError::NotFound {
                    kind: "proposal",
                    id: key.to_string(),
                })?;
            if prop.state != ProposalState::Pending {
                return Err(PlanFault::Decided(key.to_string()).into());
            }
            prop.state = if accept {
                ProposalState::Accepted
            } else {
                ProposalState::Rejected
            };
            prop.decided_by = Some(p.account.clone());
            if accept {
                let mut sheet = w
                    .get::<SkillSheet>(&prop.staff_no)?
                    .unwrap_or_else(|| SkillSheet::new(&prop.staff_no));
                if w.get::<crate::domain::Skill>(&prop.skill)?
                    .is_some_and(|s| s.retired)
                {
                    return Err(super::SkillFault::Retired(prop.skill.clone()).into());
                }
                // A level entered since, as high or higher, makes the proposal moot.
                if sheet
                    .level_on(&prop.skill, prop.on)
                    .is_some_and(|e| e.level >= prop.level)
                {
                    return Err(PlanFault::NotHigher(key.to_string()).into());
                }
                // Any level of that day stays: a proposal never replaces one.
                if let Some(same) = sheet
                    .skills
                    .get(&prop.skill)
                    .and_then(|rows| rows.iter().find(|e| e.from == prop.on))
                {
                    return Err(super::SkillFault::SameDay {
                        date: prop.on,
                        source: same.source,
                    }
                    .into());
                }
                let entry = crate::domain::LevelEntry {
                    level: prop.level,
                    from: prop.on,
                    source: Source::Training,
                    assessor: p.account.clone(),
                };
                sheet.set(&prop.skill, entry);
                w.put(&sheet)?;
            }
            w.put(&prop)?;
            Ok(((), vec![prop.staff_no.clone(), prop.skill.clone()]))
        })
    }
}

/// The candidates a filter selects, each judged by the rules, with the places the
/// earlier ones take counted in.
fn preview(
    rules: &Rules,
    org: &OrgTree,
    s: &Session,
    people: &[Employee],
    f: &BulkFilter,
) -> BulkPreview {
    let day = s.first_day().unwrap_or(s.year.first_day());
    let units = f.unit.as_deref().map(|u| org.subtree(u));
    let mut booked = rules.booked(&s.id);
    let mut waiting = s.waiting.len();
    let mut rows = Vec::new();
    let chosen: BTreeMap<&str, &Employee> = people
        .iter()
        .filter(|e| e.status != Status::Left)
        .filter(|e| {
            let post = e.assignment_on(day);
            units
                .as_ref()
                .is_none_or(|u| post.is_some_and(|a| u.contains(&a.unit)))
                && f.title
                    .as_deref()
                    .is_none_or(|t| post.is_some_and(|a| a.title == t))
                && f.posted_on
                    .is_none_or(|d| e.history.iter().any(|a| a.effective == d))
                && (!f.new_hires || FiscalYear::of(e.hired) == s.year)
        })
        .map(|e| (e.staff_no.as_str(), e))
        .collect();
    for e in chosen.into_values() {
        let outcome = rules.judge(e, s, None, (booked, waiting));
        match outcome {
            Outcome::Book => booked += 1,
            Outcome::Wait(_) => waiting += 1,
            Outcome::Refused(_) => {}
        }
        rows.push(BulkRow {
            staff_no: e.staff_no.clone(),
            name: e.name.clone(),
            outcome,
        });
    }
    BulkPreview {
        session: s.id.clone(),
        rows,
    }
}
