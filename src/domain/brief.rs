//! A person as lists and the staff search see them: the names as entered and the post
//! held on one date, borrowed from the stored record rather than copied out of it.

use super::{Date, DigitalTier, EmploymentType, Status};

/// Where a person works on the date a [`Brief`] was taken for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Post<'a> {
    pub unit: &'a str,
    pub title: &'a str,
}

/// The part of an employee that the staff search indexes. Opening the search on
/// 50,000 people reads only this, which spares a copy of every name and post.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Brief<'a> {
    pub staff_no: &'a str,
    pub name: &'a str,
    /// フリガナ, as hiragana.
    pub reading: &'a str,
    pub former_name: Option<&'a str>,
    pub alias: Option<&'a str>,
    pub employment: EmploymentType,
    pub status: Status,
    pub digital: DigitalTier,
    /// None only for a record without any assignment.
    pub post: Option<Post<'a>>,
    pub hired: Date,
    /// The last day in post, for someone who has left.
    pub left_on: Option<Date>,
}

impl<'a> Brief<'a> {
    /// The brief of an employee on a date, as the store would read it.
    pub fn of(e: &'a super::Employee, on: super::Date) -> Brief<'a> {
        Brief {
            staff_no: &e.staff_no,
            name: &e.name,
            reading: &e.reading,
            former_name: e.former_name.as_deref(),
            alias: e.alias.as_deref(),
            employment: e.employment,
            status: e.status,
            digital: e.digital,
            post: e.assignment_on(on).map(|a| Post {
                unit: &a.unit,
                title: &a.title,
            }),
            hired: e.hired,
            left_on: e.leaving.as_ref().map(|l| l.date),
        }
    }

    /// Whether the person was on the staff on a date: hired by then and not yet gone
    /// (the leaving date is their last day). 休職 counts as on the staff.
    pub fn in_post_on(&self, on: Date) -> bool {
        self.hired <= on && self.left_on.is_none_or(|last| on <= last)
    }
}
