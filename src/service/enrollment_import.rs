//! `kizuna import enrollments`: people into training sessions from a CSV file, under the
//! same rules as enrolling them one by one (`Rules::judge`). The file is one write
//! transaction: rows are judged in file order, each counting the places and the days
//! the earlier rows took, and if any row is refused or malformed nothing is written and
//! every problem comes back by line and column.

use std::collections::hash_map::Entry;
use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::enroll_rules::{EnrollFault, Outcome, Rules, Tables};
use super::training::place;
use super::{Permission, Principal, Service, ServiceError};
use crate::domain::{Date, Employee, EnrollStatus, Enrollment, Session, Step};
use crate::io::csv::{
    self as files, Detected, Encoding, EnrollmentField as F, EnrollmentFile, Located, Problem,
};
use crate::store::{Reader, StoreError, Writer};

/// How to read an enrollment file.
#[derive(Clone, Copy, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct EnrollmentImport {
    pub encoding: Encoding,
    /// Check everything, write nothing.
    pub dry_run: bool,
}

/// What is wrong with a row: a problem of the file, or a refusal by the rules.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum RowFault {
    File(Problem),
    Refused(EnrollFault),
}

/// A fault at a line (0: the file as a whole) and a column, named as the file names it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct EnrollmentIssue {
    pub line: u64,
    pub column: Option<String>,
    pub fault: RowFault,
}

impl From<Located> for EnrollmentIssue {
    fn from(l: Located) -> EnrollmentIssue {
        EnrollmentIssue {
            line: l.line,
            column: l.column,
            fault: RowFault::File(l.problem),
        }
    }
}

/// Why an enrollment file was not taken.
#[derive(Debug, thiserror::Error, serde::Serialize, serde::Deserialize)]
pub enum EnrollmentImportError {
    #[error(transparent)]
    Service(#[from] ServiceError),
    /// Nothing was imported; here is everything to fix.
    #[error("{} problems in the file", .0.len())]
    Rejected(Vec<EnrollmentIssue>),
}

impl From<StoreError> for EnrollmentImportError {
    fn from(e: StoreError) -> EnrollmentImportError {
        EnrollmentImportError::Service(e.into())
    }
}

/// Where one row put its person.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Placed {
    pub line: u64,
    pub session: String,
    pub staff_no: String,
    /// 受講予定 or 待機.
    pub status: EnrollStatus,
    /// The place in line (1 first) when waiting.
    pub waiting: Option<usize>,
}

/// What an import did, or (dry run) would do.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct EnrollmentSummary {
    pub dry_run: bool,
    pub detected: Option<Detected>,
    /// Header cells that name no column kizuna reads.
    pub ignored: Vec<String>,
    /// Every row, in file order.
    pub placed: Vec<Placed>,
}

impl EnrollmentSummary {
    pub fn count(&self, status: EnrollStatus) -> usize {
        self.placed.iter().filter(|p| p.status == status).count()
    }

    /// The sessions the file enrolled people in.
    pub fn sessions(&self) -> BTreeSet<&str> {
        self.placed.iter().map(|p| p.session.as_str()).collect()
    }
}

/// Reading a person from a read or a write transaction alike.
trait People {
    fn employee(&self, staff_no: &str) -> Result<Option<Employee>, StoreError>;
}

macro_rules! people {
    ($t:ty) => {
        impl People for $t {
            fn employee(&self, staff_no: &str) -> Result<Option<Employee>, StoreError> {
                self.get::<Employee>(staff_no)
            }
        }
    };
}
people!(Reader);
people!(Writer);

/// A row the rules accept, and what it does.
struct Planned {
    line: u64,
    session: String,
    staff_no: String,
    outcome: Outcome,
    reason: Option<String>,
}

/// The column a refusal belongs to: the session's state, or the person's.
fn column_of(f: &EnrollFault) -> F {
    match f {
        EnrollFault::NoSuchSession(_) | EnrollFault::Closed { .. } => F::Session,
        EnrollFault::EmptyReason => F::Reason,
        _ => F::StaffNo,
    }
}

/// Judges every row in file order against what is stored and what the earlier rows
/// did; the rows to write, or every issue in line order.
fn plan(
    t: &(impl Tables + People),
    file: &EnrollmentFile,
    p: &Principal,
    today: Date,
) -> Result<Result<Vec<Planned>, Vec<EnrollmentIssue>>, StoreError> {
    let mut rules = Rules::load(t)?;
    let mut issues: Vec<EnrollmentIssue> = file.issues.iter().cloned().map(Into::into).collect();
    let mut booked: HashMap<String, usize> = HashMap::new();
    let mut first_line: HashMap<(String, String), u64> = HashMap::new();
    let mut people: HashMap<String, Option<Employee>> = HashMap::new();
    let mut planned = Vec::with_capacity(file.rows.len());
    for row in &file.rows {
        let at = |field: F, fault: RowFault| EnrollmentIssue {
            line: row.line,
            column: Some(file.column(field)),
            fault,
        };
        let session = match rules.sessions.get(&row.session) {
            _ if row.session.is_empty() => None,
            Some(s) => Some(s.clone()),
            None => {
                let fault = EnrollFault::NoSuchSession(row.session.clone());
                issues.push(at(F::Session, RowFault::Refused(fault)));
                None
            }
        };
        let person = match people.entry(row.staff_no.clone()) {
            _ if row.staff_no.is_empty() => None,
            Entry::Occupied(o) => o.get().clone(),
            Entry::Vacant(v) => v.insert(t.employee(&row.staff_no)?).clone(),
        };
        if person.is_none() && !row.staff_no.is_empty() {
            let problem = Problem::UnknownStaff(row.staff_no.clone());
            issues.push(at(F::StaffNo, RowFault::File(problem)));
        }
        let (Some(session), Some(person), false) = (session, person, row.bad) else {
            continue;
        };
        match first_line.entry((session.id.clone(), person.staff_no.clone())) {
            Entry::Occupied(first) => {
                let problem = Problem::DuplicateKey {
                    key: format!("{} {}", session.id, person.staff_no),
                    first_line: *first.get(),
                };
                issues.push(at(F::StaffNo, RowFault::File(problem)));
                continue;
            }
            Entry::Vacant(v) => {
                v.insert(row.line);
            }
        }
        let taken = booked
            .entry(session.id.clone())
            .or_insert_with(|| rules.booked(&session.id));
        let in_line = session.waiting.len();
        let outcome = match rules.judge(&person, &session, row.reason.as_deref(), (*taken, in_line))
        {
            Outcome::Refused(f) => {
                issues.push(at(column_of(&f), RowFault::Refused(f)));
                continue;
            }
            // 待機 in the file asks for nothing special: a place if one is free (nobody
            // is held back while places stand empty), else the line.
            other => other,
        };
        // The later rows see this one: its place or its place in line, and its days.
        let status = match outcome {
            Outcome::Book => {
                *taken += 1;
                EnrollStatus::Booked
            }
            _ => {
                if let Some(s) = rules.sessions.get_mut(&session.id) {
                    s.waiting.push(person.staff_no.clone());
                }
                EnrollStatus::Waiting
            }
        };
        rules
            .by_person
            .entry(person.staff_no.clone())
            .or_default()
            .push(Enrollment {
                session: session.id.clone(),
                staff_no: person.staff_no.clone(),
                steps: vec![Step {
                    status,
                    on: today,
                    by: p.account.clone(),
                    note: None,
                }],
                override_reason: row.reason.clone(),
            });
        planned.push(Planned {
            line: row.line,
            session: session.id,
            staff_no: person.staff_no,
            outcome,
            reason: row.reason.clone(),
        });
    }
    if issues.is_empty() {
        Ok(Ok(planned))
    } else {
        issues.sort_by_key(|i| i.line);
        Ok(Err(issues))
    }
}

fn summary(base: &EnrollmentSummary, planned: &[Planned]) -> EnrollmentSummary {
    let placed = planned
        .iter()
        .map(|r| Placed {
            line: r.line,
            session: r.session.clone(),
            staff_no: r.staff_no.clone(),
            status: match r.outcome {
                Outcome::Book => EnrollStatus::Booked,
                _ => EnrollStatus::Waiting,
            },
            waiting: match r.outcome {
                Outcome::Wait(n) => Some(n),
                _ => None,
            },
        })
        .collect();
    EnrollmentSummary {
        placed,
        ..base.clone()
    }
}

/// Writes the planned rows in file order, each session's waiting list in step; returns
/// the ids for the audit entry.
fn write(
    w: &mut Writer,
    planned: &[Planned],
    today: Date,
    p: &Principal,
) -> Result<Vec<String>, ServiceError> {
    let mut sessions: BTreeMap<String, Session> = BTreeMap::new();
    let mut ids = Vec::with_capacity(planned.len());
    for row in planned {
        let session = match sessions.entry(row.session.clone()) {
            std::collections::btree_map::Entry::Occupied(o) => o.into_mut(),
            std::collections::btree_map::Entry::Vacant(v) => {
                let stored = w
                    .get::<Session>(&row.session)?
                    .ok_or_else(|| EnrollFault::NoSuchSession(row.session.clone()))?;
                v.insert(stored)
            }
        };
        place(
            w,
            session,
            &row.staff_no,
            &row.outcome,
            row.reason.as_deref(),
            today,
            p,
        )?;
        ids.push(row.staff_no.clone());
    }
    for s in sessions.values() {
        w.put(s)?;
    }
    let mut all: Vec<String> = sessions.into_keys().collect();
    all.extend(ids);
    Ok(all)
}

impl Service {
    /// `kizuna import enrollments`: people into sessions from a CSV file, all or
    /// nothing. A dry run only reads; otherwise one write transaction with one audit
    /// entry naming the sessions and the staff numbers.
    pub fn import_enrollments(
        &self,
        p: &Principal,
        bytes: &[u8],
        opts: &EnrollmentImport,
    ) -> Result<EnrollmentSummary, EnrollmentImportError> {
        let file = files::read_enrollments(bytes, opts.encoding);
        let Some(sheet) = &file.sheet else {
            return Err(EnrollmentImportError::Rejected(
                file.issues.into_iter().map(Into::into).collect(),
            ));
        };
        let today = self.clock.today();
        let base = EnrollmentSummary {
            dry_run: opts.dry_run,
            detected: file.detected,
            ignored: sheet.ignored.clone(),
            placed: Vec::new(),
        };
        if opts.dry_run {
            let r = self.read_as(p, Permission::StaffWrite)?;
            return match plan(&r, &file, p, today)? {
                Ok(planned) => Ok(summary(&base, &planned)),
                Err(issues) => Err(EnrollmentImportError::Rejected(issues)),
            };
        }
        let mut rejected = None;
        let result = self.write_as(p, Permission::StaffWrite, "training.import", |w| {
            match plan(&*w, &file, p, today)? {
                Err(issues) => {
                    rejected = Some(issues);
                    // Any error rolls the transaction back; the issues go out below.
                    Err(ServiceError::Enroll(EnrollFault::EmptyReason))
                }
                Ok(planned) => {
                    let ids = write(w, &planned, today, p)?;
                    Ok((summary(&base, &planned), ids))
                }
            }
        });
        match rejected {
            Some(issues) => Err(EnrollmentImportError::Rejected(issues)),
            None => Ok(result?),
        }
    }
}
