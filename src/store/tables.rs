//! Every table of the schema, in one list, so that creation, copying and checking cannot
//! forget one.

use redb::TableDefinition;

use super::keys::{CaseWrap, DomainKeys, DomainWrap, HolderKey, SealedItem, UnlockFailures};
use super::records::{BandLabel, Record};
use crate::domain::{
    Account, Application, Approach, Category, Course, CourseClass, DigitalDomain, Employee,
    Enrollment, Image, Initiative, KpiSeries, Mindset, OrgUnit, Proposal, Session, Settings, Skill,
    SkillSheet, TierTarget, TitleBand,
};

/// Schema facts: version, plan period, demo flag, audit head.
pub const META: TableDefinition<&str, &[u8]> = TableDefinition::new("meta");
/// The audit log, by sequence number.
pub const AUDIT: TableDefinition<u64, &[u8]> = TableDefinition::new("audit");
/// Every assignment by unit and date: `(unit, YYYYMMDD, staff number)`.
pub const UNIT_HISTORY: TableDefinition<(&str, u32, &str), ()> =
    TableDefinition::new("idx_unit_history");
/// Records about a person by staff number: `(staff number, table, key)`.
pub const PERSON_INDEX: TableDefinition<(&str, &str, &str), ()> =
    TableDefinition::new("idx_person");

pub fn records<T: Record>() -> TableDefinition<'static, &'static str, &'static [u8]> {
    TableDefinition::new(T::TABLE)
}

/// Something done for each record type of the schema.
pub trait Visitor {
    type Error;
    fn visit<T: Record>(&mut self) -> Result<(), Self::Error>;
}

/// Visits every record type of the schema, in a fixed order.
pub fn visit_all<V: Visitor>(v: &mut V) -> Result<(), V::Error> {
    v.visit::<OrgUnit>()?;
    v.visit::<TitleBand>()?;
    v.visit::<BandLabel>()?;
    v.visit::<Employee>()?;
    v.visit::<Account>()?;
    v.visit::<Image>()?;
    v.visit::<Category>()?;
    v.visit::<Skill>()?;
    v.visit::<Mindset>()?;
    v.visit::<Approach>()?;
    v.visit::<Initiative>()?;
    v.visit::<KpiSeries>()?;
    v.visit::<TierTarget>()?;
    v.visit::<DigitalDomain>()?;
    v.visit::<CourseClass>()?;
    v.visit::<SkillSheet>()?;
    v.visit::<Settings>()?;
    v.visit::<Course>()?;
    v.visit::<Session>()?;
    v.visit::<Enrollment>()?;
    v.visit::<Proposal>()?;
    v.visit::<Application>()?;
    v.visit::<crate::domain::survey::SurveyYear>()?;
    v.visit::<crate::domain::survey::GroupResult>()?;
    v.visit::<crate::domain::InitiativeProgress>()?;
    v.visit::<crate::domain::ReportMark>()?;
    v.visit::<crate::domain::KpiEntry>()?;
    v.visit::<HolderKey>()?;
    v.visit::<DomainKeys>()?;
    v.visit::<DomainWrap>()?;
    v.visit::<SealedItem>()?;
    v.visit::<CaseWrap>()?;
    v.visit::<UnlockFailures>()
}

/// The names of the record tables.
pub fn record_tables() -> Vec<&'static str> {
    struct Names(Vec<&'static str>);
    impl Visitor for Names {
        type Error = std::convert::Infallible;
        fn visit<T: Record>(&mut self) -> Result<(), Self::Error> {
            self.0.push(T::TABLE);
            Ok(())
        }
    }
    let mut names = Names(Vec::new());
    let Ok(()) = visit_all(&mut names);
    names.0
}
