//! KPI series (chapter 1-2) and the digital-talent targets (section 3-5).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::era::FiscalYear;

/// A yearly figure the policy tracks, such as total overtime hours.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KpiSeries {
    pub key: String,
    pub name: String,
    pub unit: String,
    pub values: BTreeMap<FiscalYear, i64>,
    pub order: u32,
}

/// A digital-talent tier as the policy describes it, with its targets.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TierTarget {
    pub tier: super::employee::DigitalTier,
    /// 人材像.
    pub image: String,
    /// The long-term target as the policy words it.
    pub long_term: String,
    /// Numeric long-term target (lower and upper bound; equal when one figure).
    pub long_term_count: Option<(u32, u32)>,
    /// At least this many in every 所属, in the long run.
    pub per_section: Option<u32>,
    /// The target for the target year, if numeric.
    pub target_count: Option<u32>,
    pub target_year: i32,
}

/// A digital skill domain (マインド, デザイン, デジタル, ベーシック).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DigitalDomain {
    pub key: String,
    pub name: String,
    pub order: u32,
}

/// A class of digital course and whom it is for (必修 / 推奨 / 選抜).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CourseClass {
    pub key: String,
    pub name: String,
    pub audience: String,
}

/// The key of the policy's series of resignations of staff aged 40 or under.
pub const YOUNG_RESIGNATIONS: &str = "young-resignations";

/// The key of the policy's series of total overtime hours.
pub const OVERTIME_HOURS: &str = "overtime-hours";

/// The oldest age at leaving that the resignation KPI counts (40歳以下).
pub const YOUNG_AGE: i32 = 40;

/// A KPI figure HR entered for a fiscal year the policy has no figure for. The policy's
/// own figures (R1-R6) stay in [`KpiSeries::values`] and are never replaced.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KpiEntry {
    /// The series' key (`young-resignations`, `overtime-hours`).
    pub series: String,
    pub year: FiscalYear,
    pub value: i64,
    /// The day it was entered (Japan time).
    pub entered_on: super::Date,
    /// The account that entered it.
    pub by: String,
}

impl KpiEntry {
    /// The stored key: series, then the year, so a series' entries sort by year.
    pub fn key_of(series: &str, year: FiscalYear) -> String {
        format!("{series}/{:04}", year.0)
    }
}

/// Where a year's figure of a series comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
pub enum KpiSource {
    /// The policy document's table (R1-R6).
    Policy,
    /// Entered by HR afterwards.
    Entered,
}

impl KpiSource {
    /// A stable ASCII code, for files and scripts.
    pub fn code(self) -> &'static str {
        match self {
            KpiSource::Policy => "policy",
            KpiSource::Entered => "entered",
        }
    }
}

/// Why a KPI figure is not accepted.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum KpiFault {
    /// No series with this key.
    UnknownSeries(String),
    /// The policy's figure for the year is fixed; figures are entered for later years.
    PolicyYear { series: String, year: FiscalYear },
    /// A year that has not begun yet.
    FutureYear(FiscalYear),
    /// Counts and hours are never negative.
    Negative(i64),
}

/// Checks a figure to be entered against its series and today's fiscal year.
pub fn check_entry(
    series: Option<&KpiSeries>,
    key: &str,
    year: FiscalYear,
    value: i64,
    current: FiscalYear,
) -> Result<(), KpiFault> {
    let series = series.ok_or_else(|| KpiFault::UnknownSeries(key.to_string()))?;
    if series.values.contains_key(&year) {
        return Err(KpiFault::PolicyYear {
            series: key.to_string(),
            year,
        });
    }
    if year > current {
        return Err(KpiFault::FutureYear(year));
    }
    if value < 0 {
        return Err(KpiFault::Negative(value));
    }
    Ok(())
}

/// Age at leaving: the completed years of age during the leaving date, which is the
/// person's last day in post. Someone whose 41st birthday is the day after their last
/// day leaves at 40: Japanese law adds the year only at the very end of the day before
/// the birthday, when the last day is over.
pub fn age_at_leaving(birth: super::Date, last_day: super::Date) -> i32 {
    birth.age_on(last_day)
}

/// The fiscal year in which a person counts as a resignation aged 40 or under: a
/// regular employee (正規) with status 退職 and a leaving date, aged [`YOUNG_AGE`] or
/// under on that date. The year is the one the leaving date falls in, so a last day
/// of 31 March counts in the year that ends then. Fixed-term and fiscal-year
/// appointments end by their terms and are not resignations; none counts.
pub fn young_resignation(e: &super::Employee) -> Option<FiscalYear> {
    let leaving = e.leaving.as_ref()?;
    let counted = e.status == super::Status::Left
        && e.employment == super::EmploymentType::Regular
        && age_at_leaving(e.birth, leaving.date) <= YOUNG_AGE;
    counted.then(|| FiscalYear::of(leaving.date))
}

/// Resignations aged 40 or under per fiscal year, from staff records.
pub fn young_resignations<'a>(
    staff: impl IntoIterator<Item = &'a super::Employee>,
) -> BTreeMap<FiscalYear, u32> {
    let mut out = BTreeMap::new();
    for year in staff.into_iter().filter_map(young_resignation) {
        *out.entry(year).or_insert(0) += 1;
    }
    out
}

/// How far a count is below a target (0 when it is met).
pub fn shortfall(count: u32, target: u32) -> u32 {
    target.saturating_sub(count)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{
        Assignment, AssignmentKind, CareerTrack, Date, DigitalTier, Employee, EmploymentType,
        Leaving, Status,
    };

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::new(y, m, day).unwrap()
    }

    fn leaver(no: &str, birth: Date, last: Date) -> Employee {
        Employee {
            staff_no: no.into(),
            name: "試験 太郎".into(),
            reading: "しけん たろう".into(),
            former_name: None,
            alias: None,
            employment: EmploymentType::Regular,
            birth,
            hired: d(2010, 4, 1),
            leaving: Some(Leaving {
                date: last,
                reason: "自己都合".into(),
            }),
            track: CareerTrack::Unset,
            digital: DigitalTier::Starter,
            status: Status::Left,
            comeback: false,
            history: vec![Assignment {
                effective: d(2010, 4, 1),
                unit: "0101".into(),
                title: "主事".into(),
                kind: AssignmentKind::Hire,
            }],
        }
    }

    #[test]
    fn age_at_leaving_turns_on_the_birthday_not_the_day_before() {
        // Born 1 April 1986: 40 on 1 April 2026, still 39 during 31 March 2026.
        assert_eq!(age_at_leaving(d(1986, 4, 1), d(2026, 3, 31)), 39);
        assert_eq!(age_at_leaving(d(1986, 4, 1), d(2026, 4, 1)), 40);
        assert_eq!(age_at_leaving(d(1985, 4, 1), d(2026, 3, 31)), 40);
        assert_eq!(age_at_leaving(d(1985, 4, 1), d(2026, 4, 1)), 41);
    }

    #[test]
    fn the_boundaries_of_age_and_year() {
        let staff = [
            // 40 on the last day, 31 March: counts in the year that ends then.
            leaver("1", d(1985, 4, 1), d(2026, 3, 31)),
            // 41 on 1 April: not counted.
            leaver("2", d(1985, 4, 1), d(2026, 4, 1)),
            // 40 on 1 April: counts in the year that begins then.
            leaver("3", d(1986, 4, 1), d(2026, 4, 1)),
            // 41 since the day before leaving.
            leaver("4", d(1985, 3, 31), d(2026, 3, 31)),
        ];
        let got = young_resignations(&staff);
        assert_eq!(got.get(&FiscalYear(2025)), Some(&1));
        assert_eq!(got.get(&FiscalYear(2026)), Some(&1));
        assert_eq!(got.len(), 2);
        let mut temp = leaver("5", d(1990, 1, 1), d(2026, 3, 31));
        temp.employment = EmploymentType::FiscalYearAppointed;
        assert_eq!(young_resignation(&temp), None, "a term that ends");
        let mut active = leaver("6", d(1990, 1, 1), d(2026, 3, 31));
        active.status = Status::Active;
        assert_eq!(young_resignation(&active), None);
    }

    #[test]
    fn entries_are_checked_against_the_policy_and_today() {
        let mut values = BTreeMap::new();
        values.insert(FiscalYear(2024), 13);
        let s = KpiSeries {
            key: YOUNG_RESIGNATIONS.into(),
            name: "x".into(),
            unit: "人".into(),
            values,
            order: 1,
        };
        let now = FiscalYear(2026);
        let check = |year, value| check_entry(Some(&s), &s.key, FiscalYear(year), value, now);
        assert_eq!(check(2025, 9), Ok(()));
        assert_eq!(check(2026, 0), Ok(()));
        assert!(matches!(check(2024, 9), Err(KpiFault::PolicyYear { .. })));
        assert_eq!(check(2027, 9), Err(KpiFault::FutureYear(FiscalYear(2027))));
        assert_eq!(check(2025, -1), Err(KpiFault::Negative(-1)));
        assert_eq!(
            check_entry(None, "nope", FiscalYear(2025), 1, now),
            Err(KpiFault::UnknownSeries("nope".into()))
        );
        assert_eq!(shortfall(60, 100), 40);
        assert_eq!(shortfall(120, 100), 0);
    }
}
