//! Obligations of a fiscal year: the mandatory courses each person in their audience
//! has not completed, by 所属, and the organisation's own duties (mental-health
//! training at least once a year).

use std::collections::BTreeSet;

use super::enroll_rules::Rules;
use super::{Permission, Principal, Service, ServiceError};
use crate::domain::training::CourseClass;
use crate::domain::{CourseKind, Employee, FiscalYear, SessionStatus, Status};

/// A person who has not completed a mandatory course meant for them.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Owed {
    pub section: String,
    pub section_name: String,
    pub staff_no: String,
    pub name: String,
    pub course: String,
    pub course_name: String,
}

/// A duty of the organisation and whether the year meets it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Duty {
    pub kind: CourseKind,
    /// Held at least this many times in the year.
    pub times: u32,
    /// The sessions of the year that count (実施済).
    pub held: Vec<String>,
}

impl Duty {
    pub fn met(&self) -> bool {
        self.held.len() as u32 >= self.times
    }
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Outstanding {
    pub year: FiscalYear,
    /// The day it was read on: the year's last day, or today if that is sooner.
    pub on: crate::domain::Date,
    /// By 所属 code, then staff number, then course.
    pub owed: Vec<Owed>,
    pub duties: Vec<Duty>,
}

impl Service {
    /// Who still owes which mandatory course in a fiscal year (as of its last day, or
    /// today if that is later than today), within a unit's subtree or the whole city;
    /// and whether the year meets the organisation's duties.
    pub fn outstanding(
        &self,
        p: &Principal,
        year: FiscalYear,
        unit: Option<&str>,
    ) -> Result<Outstanding, ServiceError> {
        let r = self.read_as(p, Permission::StaffRead)?;
        let rules = Rules::load(&r)?;
        let org = super::staff::org_tree(&r)?;
        // The year's last day, or today while the year runs; a year still to come is
        // read on its first day.
        let on = year
            .last_day()
            .min(self.clock.today())
            .max(year.first_day());
        super::training::unit_exists(&org, unit)?;
        let units = unit.map(|u| org.subtree(u));
        let mandatory: Vec<_> = rules
            .courses
            .values()
            .filter(|c| c.class == CourseClass::Mandatory)
            .collect();
        let mut owed = Vec::new();
        for e in r.all::<Employee>()? {
            // 休職 staff cannot attend: they owe nothing while away.
            if e.status != Status::Active || e.hired > on {
                continue;
            }
            let Some(post) = e.assignment_on(on) else {
                continue;
            };
            if units.as_ref().is_some_and(|u| !u.contains(&post.unit)) {
                continue;
            }
            let section = org.section_of(&post.unit);
            for course in &mandatory {
                if rules.eligible(&e, course, on) && !rules.completed(&e.staff_no, &course.key, on)
                {
                    owed.push(Owed {
                        section: section.map(|s| s.code.clone()).unwrap_or_default(),
                        section_name: section
                            .map(|s| org.path_name(&s.code).to_string())
                            .unwrap_or_default(),
                        staff_no: e.staff_no.clone(),
                        name: e.name.clone(),
                        course: course.key.clone(),
                        course_name: course.name.clone(),
                    });
                }
            }
        }
        owed.sort_by(|a, b| {
            (&a.section, &a.staff_no, &a.course).cmp(&(&b.section, &b.staff_no, &b.course))
        });
        let held: BTreeSet<String> = rules
            .sessions_of(year)
            .filter(|s| s.status == SessionStatus::Held)
            .filter(|s| {
                rules
                    .courses
                    .get(&s.course)
                    .is_some_and(|c| c.kind == CourseKind::MentalHealth)
            })
            .map(|s| s.id.clone())
            .collect();
        Ok(Outstanding {
            year,
            on,
            owed,
            duties: vec![Duty {
                kind: CourseKind::MentalHealth,
                times: 1,
                held: held.into_iter().collect(),
            }],
        })
    }
}
