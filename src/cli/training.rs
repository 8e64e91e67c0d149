//! `kizuna training …`: the course catalogue, the sessions of a year, a session's
//! roster, enrolling people one by one or in bulk, attendance, the plan copied into the
//! next year, who still owes a mandatory course, and the level proposals of completed
//! courses. Reports print TSV or JSON on stdout and what the table alone does not say
//! on stderr; actions print one line per person on stdout and refusals on stderr.

mod render;

use std::collections::BTreeSet;

use clap::{Subcommand, ValueEnum};

use super::args::TableFormat;
use super::import::{date_arg, tell};
use super::skills::fy_arg;
use super::table::json_text;
use super::{CliError, emit, say};
use crate::domain::training::CourseClass;
use crate::domain::{Date, EnrollStatus, FiscalYear, ProposalState, SessionStatus};
use crate::i18n::{self, Lang, Term};
use crate::remote::Api;
use crate::service::{BulkFilter, EnrollFault, Outcome, Principal, ServiceError};

/// The statuses `training attend` records; places and the waiting list follow from
/// enrolling and cancelling.
const ATTENDANCE: [EnrollStatus; 4] = [
    EnrollStatus::Attended,
    EnrollStatus::Absent,
    EnrollStatus::Completed,
    EnrollStatus::Cancelled,
];

fn session_status(text: &str) -> Result<SessionStatus, String> {
    SessionStatus::parse(text).ok_or_else(|| {
        SessionStatus::ALL
            .iter()
            .map(|s| format!("{} ({})", s.ja(), s.code()))
            .collect::<Vec<_>>()
            .join(", ")
    })
}

fn attend_status(text: &str) -> Result<EnrollStatus, String> {
    EnrollStatus::parse(text)
        .filter(|s| ATTENDANCE.contains(s))
        .ok_or_else(|| i18n::status_choices(&ATTENDANCE))
}

/// What an assessor does with a level proposal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Decision {
    #[value(alias = "採用")]
    Accept,
    #[value(alias = "不採用")]
    Reject,
}

#[derive(Debug, Subcommand)]
pub enum TrainingCommand {
    /// The course catalogue: key, name, kind, class (mandatory, recommended, selected),
    /// skills, audience, prerequisite
    Courses {
        /// Output format
        #[arg(long, value_enum, default_value_t = TableFormat::Tsv)]
        format: TableFormat,
    },
    /// The sessions of a fiscal year: id, course, days, place, instructor, capacity,
    /// booked, waiting, status
    Sessions {
        /// Fiscal year: R8, 令和8年度, 2026 or FY2026 (default: this year)
        #[arg(long, value_name = "YEAR", value_parser = fy_arg)]
        fy: Option<FiscalYear>,
        /// Output format
        #[arg(long, value_enum, default_value_t = TableFormat::Tsv)]
        format: TableFormat,
    },
    /// A session's people: staff number, name, unit, title, status, since, place in line
    Roster {
        /// The session (R8-012)
        session: String,
        /// Output format
        #[arg(long, value_enum, default_value_t = TableFormat::Tsv)]
        format: TableFormat,
    },
    /// Enroll people in a session, each on their own: a place, or the waiting list when
    /// full; a refusal names the person and why (exit code 1), the others stay enrolled
    Enroll {
        /// The session
        session: String,
        /// Staff numbers
        #[arg(required = true, value_name = "ID")]
        ids: Vec<String>,
        /// Why people outside the course's audience are enrolled anyway
        #[arg(long, value_name = "TEXT")]
        reason: Option<String>,
    },
    /// Enroll everyone a filter selects: shows who would get a place, wait, or be
    /// refused and why; only with --yes enrolls them, all in one transaction
    Bulk {
        /// The session
        session: String,
        /// Only this unit and the units under it (a unit code)
        #[arg(long, value_name = "CODE")]
        org: Option<String>,
        /// Only people with this title on the session's first day
        #[arg(long, value_name = "TITLE")]
        title: Option<String>,
        /// Only people with a post (promotion, transfer) taking effect on this day
        #[arg(long, value_name = "DATE", value_parser = date_arg)]
        posted_on: Option<Date>,
        /// Only people hired in the session's fiscal year
        #[arg(long)]
        new_hires: bool,
        /// Enroll them (without it, only the preview)
        #[arg(long)]
        yes: bool,
        /// Output format
        #[arg(long, value_enum, default_value_t = TableFormat::Tsv)]
        format: TableFormat,
    },
    /// Record attendance: attended, absent, completed or cancelled (a cancelled place
    /// goes to the first in line; a completion proposes skill levels)
    Attend {
        /// The session
        session: String,
        /// Staff number
        id: String,
        /// 出席, 欠席, 修了, 取消 (or attended, absent, completed, cancelled)
        #[arg(value_parser = attend_status)]
        status: EnrollStatus,
        /// A note kept with the change
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
    },
    /// Add a session of a course (as 計画, numbered within its fiscal year)
    AddSession {
        /// The course's key (see training courses)
        course: String,
        /// The days it meets: 2027-02-10, R9.2.10 …; repeat for several
        #[arg(long, value_name = "DATE", value_parser = date_arg, required = true)]
        day: Vec<Date>,
        /// How many places
        #[arg(long, value_parser = clap::value_parser!(u32).range(1..))]
        capacity: u32,
        /// Where
        #[arg(long, default_value = "")]
        place: String,
        /// Who teaches
        #[arg(long, default_value = "")]
        instructor: String,
    },
    /// Move a session to 計画, 募集中, 締切 or 実施済 (planned, open, closed, held)
    SessionStatus {
        /// The session's id (R8-001)
        session: String,
        /// The new status
        #[arg(value_parser = session_status)]
        status: SessionStatus,
    },
    /// Copy a fiscal year's sessions into the next year as its plan
    CopyPlan {
        /// The year to copy from (R8)
        #[arg(long, value_name = "YEAR", value_parser = fy_arg)]
        from: FiscalYear,
    },
    /// Who has not completed a mandatory course meant for them, by section; the
    /// organisation's duties (mental-health training at least once a year) go to stderr
    Outstanding {
        /// Fiscal year (default: this year)
        #[arg(long, value_name = "YEAR", value_parser = fy_arg)]
        fy: Option<FiscalYear>,
        /// Only this unit and the units under it (a unit code)
        #[arg(long, value_name = "CODE")]
        org: Option<String>,
        /// Output format
        #[arg(long, value_enum, default_value_t = TableFormat::Tsv)]
        format: TableFormat,
    },
    /// Skill level proposals of completed courses
    Proposals {
        /// Only this person's (a staff number)
        #[arg(long, value_name = "ID")]
        employee: Option<String>,
        /// Output format
        #[arg(long, value_enum, default_value_t = TableFormat::Tsv)]
        format: TableFormat,
    },
    /// Accept a level proposal (the level is recorded, source training) or reject it
    Decide {
        /// The proposal's key (the key column of `training proposals`)
        key: String,
        /// accept or reject
        #[arg(value_enum)]
        decision: Decision,
    },
}

/// Runs `kizuna training …`; returns the exit code.
pub fn run(
    service: &Api,
    p: &Principal,
    cmd: &TrainingCommand,
    lang: Lang,
) -> Result<u8, CliError> {
    match cmd {
        TrainingCommand::Courses { format } => {
            let courses = service.courses(p)?;
            let by_class: Vec<(&str, usize)> = CourseClass::ALL
                .iter()
                .map(|c| {
                    let n = courses.iter().filter(|x| x.class == *c).count();
                    (c.term(lang), n)
                })
                .collect();
            tell([i18n::courses_note(courses.len(), &by_class, lang)]);
            emit(&match format {
                TableFormat::Tsv => render::courses_tsv(&courses, lang),
                TableFormat::Json => json_text(&render::courses_json(&courses))?,
            })?;
        }
        TrainingCommand::Sessions { fy, format } => {
            let fy = fy.unwrap_or_else(|| service.clock().fiscal_year());
            let list = service.sessions(p, fy)?;
            let open = list
                .iter()
                .filter(|v| v.session.status == SessionStatus::Open)
                .count();
            tell([i18n::sessions_note(fy, list.len(), open, lang)]);
            emit(&match format {
                TableFormat::Tsv => render::sessions_tsv(&list, lang),
                TableFormat::Json => json_text(&render::sessions_json(fy, &list))?,
            })?;
        }
        TrainingCommand::Roster { session, format } => {
            let roster = service.roster(p, session)?;
            let booked = roster
                .rows
                .iter()
                .filter(|r| r.status.holds_place())
                .count();
            let note = i18n::roster_note(&roster.session, &roster.course.name, booked, lang);
            tell([note]);
            emit(&match format {
                TableFormat::Tsv => render::roster_tsv(&roster, lang),
                TableFormat::Json => json_text(&render::roster_json(&roster, booked))?,
            })?;
        }
        TrainingCommand::Enroll {
            session,
            ids,
            reason,
        } => return enroll(service, p, session, ids, reason.as_deref(), lang),
        TrainingCommand::Bulk {
            session,
            org,
            title,
            posted_on,
            new_hires,
            yes,
            format,
        } => {
            let filter = BulkFilter {
                unit: org.clone(),
                title: title.clone(),
                posted_on: *posted_on,
                new_hires: *new_hires,
            };
            bulk(service, p, session, &filter, *yes, *format, lang)?;
        }
        TrainingCommand::Attend {
            session,
            id,
            status,
            note,
        } => attend(service, p, session, id, *status, note.as_deref(), lang)?,
        TrainingCommand::AddSession {
            course,
            day,
            capacity,
            place,
            instructor,
        } => {
            let s = service.add_session(p, course, day.clone(), place, instructor, *capacity)?;
            say(format!("{}\t{}\t{}", s.id, s.course, s.status.term(lang)))?;
        }
        TrainingCommand::SessionStatus { session, status } => {
            let s = service.set_session_status(p, session, *status)?;
            say(format!("{}\t{}", s.id, s.status.term(lang)))?;
        }
        TrainingCommand::CopyPlan { from } => {
            let made = service.copy_plan(p, *from)?;
            say(i18n::plan_copied(*from, &made, lang))?;
        }
        TrainingCommand::Outstanding { fy, org, format } => {
            let fy = fy.unwrap_or_else(|| service.clock().fiscal_year());
            // An unknown unit is refused by the service, naming it.
            let out = service.outstanding(p, fy, org.as_deref())?;
            let on = out.on;
            let people: BTreeSet<&str> = out.owed.iter().map(|o| o.staff_no.as_str()).collect();
            let mut notes = vec![i18n::outstanding_note(
                fy,
                on,
                out.owed.len(),
                people.len(),
                org.as_deref(),
                lang,
            )];
            notes.extend(out.duties.iter().map(|d| i18n::duty_line(d, lang)));
            tell(notes);
            emit(&match format {
                TableFormat::Tsv => render::outstanding_tsv(&out, lang),
                TableFormat::Json => {
                    json_text(&render::outstanding_json(&out, on, org.as_deref()))?
                }
            })?;
        }
        TrainingCommand::Proposals { employee, format } => {
            let list = service.proposals(p, employee.as_deref())?;
            let pending = list
                .iter()
                .filter(|x| x.state == ProposalState::Pending)
                .count();
            tell([i18n::proposals_note(list.len(), pending, lang)]);
            emit(&match format {
                TableFormat::Tsv => render::proposals_tsv(&list, lang),
                TableFormat::Json => json_text(&render::proposals_json(&list))?,
            })?;
        }
        TrainingCommand::Decide { key, decision } => {
            service.decide_proposal(p, key, *decision == Decision::Accept)?;
            let staff_no = key.split('/').next().unwrap_or(key);
            if let Some(done) = service
                .proposals(p, Some(staff_no))?
                .into_iter()
                .find(|x| x.key() == *key)
            {
                say(i18n::proposal_decided(&done, lang))?;
            }
        }
    }
    Ok(0)
}

/// Each person is enrolled in a transaction of their own, as the screen enrolls them:
/// one refusal does not undo the others, and each line says what happened to whom.
fn enroll(
    service: &Api,
    p: &Principal,
    session: &str,
    ids: &[String],
    reason: Option<&str>,
    lang: Lang,
) -> Result<u8, CliError> {
    // An unknown session is one error, not one refusal per person.
    service.roster(p, session)?;
    let mut results: Vec<(&str, Result<EnrollStatus, EnrollFault>)> = Vec::new();
    let mut stopped = None;
    for id in ids {
        match service.enroll(p, session, id, reason) {
            Ok(status) => results.push((id, Ok(status))),
            Err(ServiceError::Enroll(f)) => results.push((id, Err(f))),
            Err(e) => {
                stopped = Some(e);
                break;
            }
        }
    }
    let roster = service.roster(p, session)?;
    let row = |id: &str| roster.rows.iter().find(|r| r.staff_no == id);
    let mut refused = 0;
    for (id, result) in &results {
        match result {
            Ok(status) => {
                let (name, place) = row(id).map_or(("", None), |r| (r.name.as_str(), r.waiting));
                say(i18n::enrolled_line(id, name, *status, place, lang))?;
            }
            Err(f) => {
                refused += 1;
                let name = match row(id) {
                    Some(r) => r.name.clone(),
                    None => service
                        .employee(p, id)
                        .map(|v| v.employee.name)
                        .unwrap_or_default(),
                };
                tell([i18n::enroll_refused_line(id, &name, f, lang)]);
            }
        }
    }
    let done = results.len() - refused;
    if let Some(e) = stopped {
        // Those before the failure stay enrolled; the rest were not tried.
        if done > 0 {
            let closing = i18n::enroll_closing(done, ids.len() - done, lang);
            tell([format!("kizuna: {closing}")]);
        }
        return Err(e.into());
    }
    if refused > 0 {
        tell([format!(
            "kizuna: {}",
            i18n::enroll_closing(done, refused, lang)
        )]);
        return Ok(1);
    }
    Ok(0)
}

fn bulk(
    service: &Api,
    p: &Principal,
    session: &str,
    filter: &BulkFilter,
    yes: bool,
    format: TableFormat,
    lang: Lang,
) -> Result<(), CliError> {
    let course_name = service.roster(p, session)?.course.name;
    let result = if yes {
        service.bulk_enroll(p, session, filter)?
    } else {
        service.bulk_preview(p, session, filter)?
    };
    let counts = i18n::BulkCounts {
        candidates: result.rows.len(),
        book: result.count(|o| *o == Outcome::Book),
        wait: result.count(|o| matches!(o, Outcome::Wait(_))),
        already: result.count(|o| matches!(o, Outcome::Refused(EnrollFault::Already(_)))),
        refused: result
            .count(|o| matches!(o, Outcome::Refused(f) if !matches!(f, EnrollFault::Already(_)))),
    };
    let mut notes = vec![i18n::bulk_note(session, &course_name, &counts, lang)];
    if result.rows.is_empty() {
        notes.push(i18n::bulk_nobody(lang).to_string());
    }
    notes.push(if yes {
        i18n::bulk_done(counts.book, counts.wait, lang)
    } else {
        i18n::bulk_hint(counts.book + counts.wait, lang)
    });
    emit(&match format {
        TableFormat::Tsv => render::bulk_tsv(&result, lang),
        TableFormat::Json => json_text(&render::bulk_json(&result, yes, lang))?,
    })?;
    tell(notes);
    Ok(())
}

fn attend(
    service: &Api,
    p: &Principal,
    session: &str,
    id: &str,
    status: EnrollStatus,
    note: Option<&str>,
    lang: Lang,
) -> Result<(), CliError> {
    let promoted = service.set_attendance(p, session, id, status, note)?;
    let after = service.roster(p, session)?;
    let name_of = |n: &str| {
        after
            .rows
            .iter()
            .find(|r| r.staff_no == n)
            .map_or(String::new(), |r| r.name.clone())
    };
    say(i18n::attendance_done(
        session,
        id,
        &name_of(id),
        status,
        lang,
    ))?;
    // A cancellation hands the freed place to the first in line; say who got it.
    if let Some(up) = promoted {
        say(i18n::promoted_line(&up, &name_of(&up), lang))?;
    }
    if status == EnrollStatus::Completed {
        let made = service
            .proposals(p, Some(id))?
            .iter()
            .filter(|x| x.session == session && x.state == ProposalState::Pending)
            .count();
        if made > 0 {
            say(i18n::proposals_made(made, id, lang))?;
        }
    }
    Ok(())
}
