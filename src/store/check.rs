//! `kizuna check`: decodes every record, verifies every index and reference, and walks
//! the audit chain. Problems are reported by table and key; nothing is changed.

use std::collections::{BTreeMap, BTreeSet};

use super::audit::{self, Hash};
use super::keys::SEALED_TABLES;
use super::records::Record;
use super::tables::{self, Visitor};
use super::{Reader, StoreError};
use crate::domain::level::DIGITAL_PREFIX;
use crate::domain::{
    Account, Approach, Category, Course, DigitalDomain, Employee, Enrollment, Image, Initiative,
    OrgTree, OrgUnit, Session, Skill, SkillSheet, TitleBand,
};

/// What is wrong with one record.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Fault {
    /// The bytes do not decode.
    Decode(String),
    /// The record's own key differs from the key it is stored under.
    KeyMismatch(String),
    /// An index entry the record implies is missing.
    IndexMissing(String),
    /// An index entry points at nothing.
    IndexStray,
    /// A reference to another table that does not resolve: (table, key).
    Dangling(
        #[serde(deserialize_with = "crate::domain::interned::name")] crate::domain::interned::Name,
        String,
    ),
    /// The record breaks a rule of its own.
    Invalid(String),
    /// The audit chain is broken here.
    Chain(String),
}

/// One problem: where, and what.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Problem {
    pub table: String,
    pub key: String,
    pub fault: Fault,
}

/// The result of a check.
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct Report {
    /// Records read per table.
    pub counts: BTreeMap<String, u64>,
    pub index_entries: u64,
    pub audit_entries: u64,
    pub audit_head: Hash,
    pub problems: Vec<Problem>,
}

impl Report {
    fn problem(&mut self, table: &str, key: &str, fault: Fault) {
        self.problems.push(Problem {
            table: table.to_string(),
            key: key.to_string(),
            fault,
        });
    }
}

/// Decodes every record of every table, noting the ones that fail.
struct Decode<'r> {
    reader: &'r Reader,
    report: Report,
    /// The person index the records imply: `(staff number, table, key)`.
    people: BTreeSet<(String, String, String)>,
}

impl Visitor for Decode<'_> {
    type Error = StoreError;

    fn visit<T: Record>(&mut self) -> Result<(), StoreError> {
        let rows = self.reader.all_raw::<T>()?;
        // How many cases exist is itself restricted: sealed tables are not counted.
        if !SEALED_TABLES.contains(&T::TABLE) {
            self.report
                .counts
                .insert(T::TABLE.to_string(), rows.len() as u64);
        }
        for (key, decoded) in rows {
            match decoded {
                Ok(record) if record.key() != key => {
                    self.report
                        .problem(T::TABLE, &key, Fault::KeyMismatch(record.key()));
                }
                Ok(record) => {
                    for staff in record.people() {
                        self.people
                            .insert((staff, T::TABLE.to_string(), key.clone()));
                    }
                }
                Err(StoreError::Record { source, .. }) => {
                    self.report
                        .problem(T::TABLE, &key, Fault::Decode(source.to_string()));
                }
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }
}

/// The records of a type that decode; the others are already reported.
fn decodable<T: Record>(reader: &Reader) -> Result<Vec<T>, StoreError> {
    Ok(reader
        .all_raw::<T>()?
        .into_iter()
        .filter_map(|(_, r)| r.ok())
        .collect())
}

/// Checks the whole database as one consistent view.
pub fn check(reader: &Reader) -> Result<Report, StoreError> {
    let mut decode = Decode {
        reader,
        report: Report::default(),
        people: BTreeSet::new(),
    };
    tables::visit_all(&mut decode)?;
    let mut report = decode.report;
    person_index(reader, &decode.people, &mut report)?;
    training(reader, &mut report)?;
    let employees = decodable::<Employee>(reader)?;
    references(reader, &employees, &mut report)?;
    sheets(reader, &employees, &mut report)?;
    index(reader, &employees, &mut report)?;
    chain(reader, &mut report)?;
    if let Err(StoreError::Record { key, source, .. }) = reader.plan_period() {
        report.problem("meta", &key, Fault::Decode(source.to_string()));
    }
    Ok(report)
}

fn references(reader: &Reader, employees: &[Employee], r: &mut Report) -> Result<(), StoreError> {
    let org = decodable::<OrgUnit>(reader)?;
    let units: BTreeSet<String> = org.iter().map(|u| u.code.clone()).collect();
    if let Err(e) = OrgTree::new(org) {
        r.problem(OrgUnit::TABLE, "", Fault::Invalid(e.to_string()));
    }
    let titles: BTreeSet<String> = decodable::<TitleBand>(reader)?
        .into_iter()
        .map(|t| t.title)
        .collect();
    let staff: BTreeSet<&str> = employees.iter().map(|e| e.staff_no.as_str()).collect();
    for e in employees {
        if let Err(err) = e.validate() {
            r.problem(
                Employee::TABLE,
                &e.staff_no,
                Fault::Invalid(err.to_string()),
            );
        }
        for a in &e.history {
            if !units.contains(&a.unit) {
                r.problem(
                    Employee::TABLE,
                    &e.staff_no,
                    Fault::Dangling(OrgUnit::TABLE, a.unit.clone()),
                );
            }
            if !titles.contains(&a.title) {
                r.problem(
                    Employee::TABLE,
                    &e.staff_no,
                    Fault::Dangling(TitleBand::TABLE, a.title.clone()),
                );
            }
        }
    }
    for a in &decodable::<Account>(reader)? {
        if let Some(no) = a.employee.as_deref().filter(|no| !staff.contains(no)) {
            r.problem(
                Account::TABLE,
                &a.name,
                Fault::Dangling(Employee::TABLE, no.to_string()),
            );
        }
    }
    let images: BTreeSet<String> = decodable::<Image>(reader)?
        .into_iter()
        .map(|i| i.key)
        .collect();
    let categories = decodable::<Category>(reader)?;
    for c in &categories {
        if !images.contains(&c.image) {
            r.problem(
                Category::TABLE,
                &c.key,
                Fault::Dangling("skill_images", c.image.clone()),
            );
        }
    }
    let categories: BTreeSet<&str> = categories.iter().map(|c| c.key.as_str()).collect();
    for s in &decodable::<Skill>(reader)? {
        if let Some(c) = s.category.as_deref().filter(|c| !categories.contains(c)) {
            r.problem(
                Skill::TABLE,
                &s.key,
                Fault::Dangling(Category::TABLE, c.to_string()),
            );
        }
    }
    let approaches: BTreeSet<u32> = decodable::<Approach>(reader)?
        .into_iter()
        .map(|a| a.no)
        .collect();
    for i in &decodable::<Initiative>(reader)? {
        if !approaches.contains(&i.approach) {
            r.problem(
                Initiative::TABLE,
                &i.id,
                Fault::Dangling(Approach::TABLE, i.approach.to_string()),
            );
        }
    }
    Ok(())
}

/// Every sheet belongs to an employee, and every level to a skill of the map or a
/// digital domain.
fn sheets(reader: &Reader, employees: &[Employee], r: &mut Report) -> Result<(), StoreError> {
    let staff: BTreeSet<&str> = employees.iter().map(|e| e.staff_no.as_str()).collect();
    let skills: BTreeSet<String> = decodable::<Skill>(reader)?
        .into_iter()
        .map(|s| s.key)
        .collect();
    let domains: BTreeSet<String> = decodable::<DigitalDomain>(reader)?
        .into_iter()
        .map(|d| d.key)
        .collect();
    for sheet in decodable::<SkillSheet>(reader)? {
        if !staff.contains(sheet.staff_no.as_str()) {
            r.problem(
                SkillSheet::TABLE,
                &sheet.staff_no,
                Fault::Dangling(Employee::TABLE, sheet.staff_no.clone()),
            );
        }
        for key in sheet.skills.keys() {
            let known = match key.strip_prefix(DIGITAL_PREFIX) {
                Some(domain) => domains.contains(domain),
                None => skills.contains(key),
            };
            if !known {
                r.problem(
                    SkillSheet::TABLE,
                    &sheet.staff_no,
                    Fault::Dangling(Skill::TABLE, key.clone()),
                );
            }
        }
    }
    Ok(())
}

/// The person index holds exactly what the records imply.
fn person_index(
    reader: &Reader,
    expected: &BTreeSet<(String, String, String)>,
    report: &mut Report,
) -> Result<(), StoreError> {
    let stored: BTreeSet<(String, String, String)> = reader.person_index()?.into_iter().collect();
    report.index_entries += stored.len() as u64;
    for (staff, table, key) in expected.difference(&stored) {
        report.problem(table, key, Fault::IndexMissing(staff.clone()));
    }
    for (staff, _, key) in stored.difference(expected) {
        report.problem("idx_person", &format!("{staff} {key}"), Fault::IndexStray);
    }
    Ok(())
}

/// Sessions name a course, enrollments a session and an employee.
fn training(reader: &Reader, r: &mut Report) -> Result<(), StoreError> {
    let courses: BTreeSet<String> = decodable::<Course>(reader)?
        .into_iter()
        .map(|c| c.key)
        .collect();
    let sessions = decodable::<Session>(reader)?;
    for s in &sessions {
        if !courses.contains(&s.course) {
            r.problem(
                Session::TABLE,
                &s.id,
                Fault::Dangling(Course::TABLE, s.course.clone()),
            );
        }
    }
    let ids: BTreeSet<&str> = sessions.iter().map(|s| s.id.as_str()).collect();
    let enrollments = decodable::<Enrollment>(reader)?;
    // A session's waiting list and its enrollments marked 待機 name the same people.
    let waiting: BTreeSet<(&str, &str)> = enrollments
        .iter()
        .filter(|e| e.status() == crate::domain::EnrollStatus::Waiting)
        .map(|e| (e.session.as_str(), e.staff_no.as_str()))
        .collect();
    let listed: BTreeSet<(&str, &str)> = sessions
        .iter()
        .flat_map(|s| s.waiting.iter().map(|n| (s.id.as_str(), n.as_str())))
        .collect();
    for (session, staff) in waiting.symmetric_difference(&listed) {
        r.problem(
            Session::TABLE,
            session,
            Fault::Invalid(format!("waiting list and enrollments disagree on {staff}")),
        );
    }
    for e in enrollments {
        if !ids.contains(e.session.as_str()) {
            r.problem(
                Enrollment::TABLE,
                &e.key(),
                Fault::Dangling(Session::TABLE, e.session.clone()),
            );
        }
        if reader.get::<Employee>(&e.staff_no)?.is_none() {
            r.problem(
                Enrollment::TABLE,
                &e.key(),
                Fault::Dangling(Employee::TABLE, e.staff_no.clone()),
            );
        }
    }
    Ok(())
}

fn index(reader: &Reader, employees: &[Employee], report: &mut Report) -> Result<(), StoreError> {
    let stored: BTreeSet<(String, u32, String)> = reader.unit_history()?.into_iter().collect();
    report.index_entries += stored.len() as u64;
    let expected: BTreeSet<(String, u32, String)> =
        employees.iter().flat_map(|e| e.unit_index()).collect();
    for (unit, date, staff) in expected.difference(&stored) {
        report.problem(
            Employee::TABLE,
            staff,
            Fault::IndexMissing(format!("{unit} {date}")),
        );
    }
    for (unit, date, staff) in stored.difference(&expected) {
        report.problem(
            "idx_unit_history",
            &format!("{unit}/{date}/{staff}"),
            Fault::IndexStray,
        );
    }
    Ok(())
}

fn chain(reader: &Reader, report: &mut Report) -> Result<(), StoreError> {
    let mut entries = Vec::new();
    for entry in reader.audit()? {
        match entry {
            Ok(e) => entries.push(e),
            Err(StoreError::Record { key, source, .. }) => {
                report.problem("audit", &key, Fault::Decode(source.to_string()));
            }
            Err(e) => return Err(e),
        }
    }
    let (head, faults) = audit::verify(&entries);
    report.audit_entries = entries.len() as u64;
    report.audit_head = head;
    for fault in faults {
        let seq = match &fault {
            audit::ChainFault::Gap { found, .. } => *found,
            audit::ChainFault::Body(s) | audit::ChainFault::Link(s) => *s,
        };
        report.problem("audit", &seq.to_string(), Fault::Chain(fault.to_string()));
    }
    Ok(())
}
