//! Writing staff records: new people, corrections, and transfers or promotions that
//! go into the history. The same checks serve the form and the CSV import.

use std::collections::{BTreeMap, BTreeSet};

use super::{Permission, Principal, Service, ServiceError, Theirs, expect_revision};
use crate::domain::employee::EmployeeError;
use crate::domain::{Assignment, Date, Employee, OrgUnit, TitleBand};
use crate::store::{Reader, StoreError, Writer};

/// What is wrong with an employee record, tied to the field a form shows it beside.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum EmployeeFault {
    /// The staff number is already taken.
    DuplicateStaffNo(String),
    /// The organisation code is not in the organisation table.
    UnknownUnit(String),
    /// The title is not in the title table.
    UnknownTitle(String),
    /// The unit did not exist on the post's date.
    UnitClosed(String, Date),
    /// A rule of the record itself.
    Rule(EmployeeError),
    /// The record to change does not exist.
    NoSuchEmployee(String),
}

impl EmployeeFault {
    /// The form field the fault belongs to.
    pub fn field(&self) -> &'static str {
        match self {
            EmployeeFault::DuplicateStaffNo(_) | EmployeeFault::NoSuchEmployee(_) => "staff_no",
            EmployeeFault::UnknownUnit(_) | EmployeeFault::UnitClosed(..) => "unit",
            EmployeeFault::UnknownTitle(_) => "title",
            EmployeeFault::Rule(rule) => match rule {
                EmployeeError::StaffNo => "staff_no",
                EmployeeError::Name => "name",
                EmployeeError::Reading(_) => "reading",
                EmployeeError::HiredBeforeBorn(..) => "hired",
                EmployeeError::NoAssignment
                | EmployeeError::AssignmentBeforeHire(..)
                | EmployeeError::SameDay(_) => "effective",
                EmployeeError::Leaving => "leaving",
            },
        }
    }
}

/// The organisation codes and titles records may refer to, loaded once per command so
/// that a 50,000-row import checks each row without a lookup per row.
pub struct References {
    units: BTreeMap<String, (Option<Date>, Option<Date>)>,
    titles: BTreeSet<String>,
}

impl References {
    pub fn load_reader(r: &Reader) -> Result<References, StoreError> {
        Ok(References::of(r.all()?, r.all()?))
    }

    pub fn load(w: &Writer) -> Result<References, StoreError> {
        Ok(References::of(w.all()?, w.all()?))
    }

    fn of(units: Vec<OrgUnit>, titles: Vec<TitleBand>) -> References {
        References {
            units: units
                .into_iter()
                .map(|u| (u.code, (u.valid_from, u.valid_to)))
                .collect(),
            titles: titles.into_iter().map(|t| t.title).collect(),
        }
    }

    pub fn has_unit(&self, code: &str) -> bool {
        self.units.contains_key(code)
    }

    /// Whether a unit exists on a date (a 機構改革 dates units in and out).
    pub fn unit_open_on(&self, code: &str, on: Date) -> bool {
        self.units
            .get(code)
            .is_some_and(|(from, to)| from.is_none_or(|f| f <= on) && to.is_none_or(|t| on <= t))
    }

    pub fn has_title(&self, title: &str) -> bool {
        self.titles.contains(title)
    }

    /// Every fault of the record's own rules and references (not uniqueness).
    pub fn faults(&self, e: &Employee) -> Vec<EmployeeFault> {
        let mut out = Vec::new();
        if let Err(rule) = e.validate() {
            out.push(EmployeeFault::Rule(rule));
        }
        for a in &e.history {
            if !self.has_unit(&a.unit) {
                if !out.contains(&EmployeeFault::UnknownUnit(a.unit.clone())) {
                    out.push(EmployeeFault::UnknownUnit(a.unit.clone()));
                }
            } else if !self.unit_open_on(&a.unit, a.effective) {
                out.push(EmployeeFault::UnitClosed(a.unit.clone(), a.effective));
            }
            if !self.has_title(&a.title)
                && !out.contains(&EmployeeFault::UnknownTitle(a.title.clone()))
            {
                out.push(EmployeeFault::UnknownTitle(a.title.clone()));
            }
        }
        out
    }
}

fn rejected(faults: Vec<EmployeeFault>) -> Result<(), ServiceError> {
    if faults.is_empty() {
        Ok(())
    } else {
        Err(ServiceError::Employee(faults))
    }
}

impl Service {
    /// Adds a new person. Refused, with every fault, if the staff number is taken or
    /// the record breaks a rule or names an unknown unit or title.
    pub fn add_employee(&self, p: &Principal, e: &Employee) -> Result<(), ServiceError> {
        self.write_as(p, Permission::StaffWrite, "employee.add", |w| {
            let mut faults = References::load(w)?.faults(e);
            if w.get::<Employee>(&e.staff_no)?.is_some() {
                faults.insert(0, EmployeeFault::DuplicateStaffNo(e.staff_no.clone()));
            }
            rejected(faults)?;
            w.put(e)?;
            Ok(((), vec![e.staff_no.clone()]))
        })
    }

    /// Corrects a person's record (name, reading, dates, types). The history is
    /// replaced only by what the caller passes, which the form builds from the stored
    /// one; posts change through [`Service::assign`]. `opened` is the revision the edit
    /// started from ([`EmployeeView::revision`](super::EmployeeView)): if someone else
    /// saved the record since, nothing is written and [`ServiceError::Conflict`]
    /// carries their version.
    pub fn update_employee(
        &self,
        p: &Principal,
        e: &Employee,
        opened: u64,
    ) -> Result<(), ServiceError> {
        self.write_as(p, Permission::StaffWrite, "employee.update", |w| {
            let mut faults = References::load(w)?.faults(e);
            if w.get::<Employee>(&e.staff_no)?.is_none() {
                faults.insert(0, EmployeeFault::NoSuchEmployee(e.staff_no.clone()));
            }
            // A stale edit is refused first: its faults may be moot over theirs.
            expect_revision::<Employee>(w, "employee", &e.staff_no, opened, |theirs| {
                Theirs::Employee(Box::new(theirs))
            })?;
            rejected(faults)?;
            w.put(e)?;
            Ok(((), vec![e.staff_no.clone()]))
        })
    }

    /// A transfer or promotion from its effective date: a new history entry, never an
    /// overwrite. Returns the updated record.
    pub fn assign(
        &self,
        p: &Principal,
        staff_no: &str,
        assignment: Assignment,
    ) -> Result<Employee, ServiceError> {
        self.write_as(p, Permission::StaffWrite, "employee.assign", |w| {
            let mut e = w.get::<Employee>(staff_no)?.ok_or_else(|| {
                ServiceError::Employee(vec![EmployeeFault::NoSuchEmployee(staff_no.to_string())])
            })?;
            e.assign(assignment)
                .map_err(|rule| ServiceError::Employee(vec![EmployeeFault::Rule(rule)]))?;
            rejected(References::load(w)?.faults(&e))?;
            w.put(&e)?;
            Ok((e, vec![staff_no.to_string()]))
        })
    }
}
