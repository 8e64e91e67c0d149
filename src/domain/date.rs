//! Calendar dates, proleptic Gregorian, with no time zone: a day as the city hall sees it.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A calendar date. Ordered chronologically.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// Why a date could not be made or read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("no such date: {0:04}-{1:02}-{2:02}")]
    NoSuchDate(i32, u32, u32),
    #[error("not a date: {0:?}")]
    Unreadable(String),
    #[error("not within its era: {0:?}")]
    OutsideEra(String),
}

pub(crate) fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub(crate) fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// A date, checked: month 1-12 and a day that exists in that month.
    pub fn new(year: i32, month: u32, day: u32) -> Result<Date, DateError> {
        if !(1..=9999).contains(&year) || day == 0 || day > days_in_month(year, month) {
            return Err(DateError::NoSuchDate(year, month, day));
        }
        Ok(Date {
            year,
            month: month as u8,
            day: day as u8,
        })
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn month(self) -> u32 {
        u32::from(self.month)
    }

    pub fn day(self) -> u32 {
        u32::from(self.day)
    }

    /// Days since 1970-01-01 (negative before). Howard Hinnant's days-from-civil.
    pub fn to_days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01. Out-of-range values clamp to years 1 and 9999.
    pub fn from_days(days: i64) -> Date {
        let days = days.clamp(-719_162, 2_932_896);
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    pub fn add_days(self, n: i64) -> Date {
        Date::from_days(self.to_days() + n)
    }

    /// The day before: a closed period ends the day before the next one starts.
    pub fn pred(self) -> Date {
        self.add_days(-1)
    }

    /// Completed years of age during the day `on`, for someone born on `self`. Under
    /// Japanese law (年齢計算ニ関スル法律) a year is gained at the very end of the day
    /// before the birthday, so during any whole day the law and this count agree; where
    /// the *moment* of reaching an age matters (which fiscal year someone reaches 60
    /// in), use [`Date::reaches_age`].
    pub fn age_on(self, on: Date) -> i32 {
        let mut age = on.year - self.year;
        if (on.month, on.day) < (self.month, self.day) {
            age -= 1;
        }
        age
    }

    /// The day at whose end someone born on `self` reaches `age` under Japanese law: the
    /// day before the birthday. Someone born on 1 April reaches 60 on 31 March, in the
    /// fiscal year before their birthday's.
    pub fn reaches_age(self, age: i32) -> Date {
        let year = self.year + age;
        let birthday = Date::new(year, self.month(), self.day()).unwrap_or_else(|_| {
            Date::from_days(
                Date {
                    year,
                    month: 3,
                    day: 1,
                }
                .to_days(),
            )
        });
        birthday.pred()
    }

    /// Whole years from `self` to `on`, e.g. years of service since the hire date.
    pub fn years_until(self, on: Date) -> i32 {
        self.age_on(on).max(0)
    }

    /// Reads `2026-04-01`, `2026/4/1`, `20260401`, or a Japanese-calendar date such as
    /// `令和8年4月1日`, `R8.4.1` or `H30/4/1` (see [`crate::domain::era`]).
    pub fn parse(text: &str) -> Result<Date, DateError> {
        let t = text.trim();
        if let Some(d) = crate::domain::era::parse_wareki(t)? {
            return Ok(d);
        }
        let bad = || DateError::Unreadable(text.to_string());
        let parts: Vec<&str> = t.split(['-', '/', '.']).collect();
        let (y, m, d) = match parts.as_slice() {
            [y, m, d] => (*y, *m, *d),
            [ymd] if ymd.len() == 8 && ymd.bytes().all(|b| b.is_ascii_digit()) => {
                (&ymd[0..4], &ymd[4..6], &ymd[6..8])
            }
            _ => return Err(bad()),
        };
        if y.len() != 4 {
            return Err(bad());
        }
        let y: i32 = y.parse().map_err(|_| bad())?;
        let m: u32 = m.parse().map_err(|_| bad())?;
        let d: u32 = d.parse().map_err(|_| bad())?;
        Date::new(y, m, d)
    }

    /// `YYYYMMDD` as a number: a compact, ordered form for keys.
    pub fn to_yyyymmdd(self) -> u32 {
        self.year as u32 * 10_000 + u32::from(self.month) * 100 + u32::from(self.day)
    }

    pub fn from_yyyymmdd(n: u32) -> Result<Date, DateError> {
        Date::new((n / 10_000) as i32, n / 100 % 100, n % 100)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl From<Date> for String {
    fn from(d: Date) -> String {
        d.to_string()
    }
}

impl TryFrom<String> for Date {
    type Error = DateError;
    fn try_from(s: String) -> Result<Date, DateError> {
        Date::parse(&s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::new(y, m, day).unwrap()
    }

    #[test]
    fn days_round_trip_known_points() {
        assert_eq!(d(1970, 1, 1).to_days(), 0);
        assert_eq!(d(2000, 3, 1).to_days(), 11_017);
        assert_eq!(Date::from_days(20_544), d(2026, 4, 1));
    }

    #[test]
    fn rejects_impossible_dates() {
        assert!(Date::new(2026, 2, 29).is_err());
        assert!(Date::new(2024, 2, 29).is_ok());
        assert!(Date::new(1900, 2, 29).is_err());
        assert!(Date::new(2026, 13, 1).is_err());
        assert!(Date::new(2026, 4, 31).is_err());
    }

    #[test]
    fn parses_common_forms() {
        assert_eq!(Date::parse("2026-04-01").unwrap(), d(2026, 4, 1));
        assert_eq!(Date::parse("2026/4/1").unwrap(), d(2026, 4, 1));
        assert_eq!(Date::parse("20260401").unwrap(), d(2026, 4, 1));
        assert_eq!(Date::parse("令和8年4月1日").unwrap(), d(2026, 4, 1));
        assert!(Date::parse("26-4-1").is_err());
        assert!(Date::parse("yesterday").is_err());
    }

    #[test]
    fn age_counts_completed_years() {
        let born = d(1966, 4, 2);
        assert_eq!(born.age_on(d(2026, 4, 1)), 59);
        assert_eq!(born.age_on(d(2026, 4, 2)), 60);
        let leapling = d(2000, 2, 29);
        assert_eq!(leapling.age_on(d(2026, 2, 28)), 25);
        assert_eq!(leapling.age_on(d(2026, 3, 1)), 26);
    }

    #[test]
    fn april_first_births_reach_an_age_in_the_fiscal_year_before() {
        use crate::domain::era::FiscalYear;
        let april_first = d(1966, 4, 1);
        assert_eq!(april_first.reaches_age(60), d(2026, 3, 31));
        assert_eq!(
            FiscalYear::of(april_first.reaches_age(60)),
            FiscalYear(2025)
        );
        let april_second = d(1966, 4, 2);
        assert_eq!(
            FiscalYear::of(april_second.reaches_age(60)),
            FiscalYear(2026)
        );
        // 29 February: the legal day in a common year is 28 February.
        assert_eq!(d(2000, 2, 29).reaches_age(26), d(2026, 2, 28));
    }

    #[test]
    fn pred_crosses_month_and_year() {
        assert_eq!(d(2026, 4, 1).pred(), d(2026, 3, 31));
        assert_eq!(d(2026, 1, 1).pred(), d(2025, 12, 31));
        assert_eq!(d(2024, 3, 1).pred(), d(2024, 2, 29));
    }

    proptest! {
        #[test]
        fn from_days_inverts_to_days(n in -700_000i64..2_900_000) {
            let date = Date::from_days(n);
            prop_assert_eq!(date.to_days(), n);
            prop_assert_eq!(Date::from_yyyymmdd(date.to_yyyymmdd()).unwrap(), date);
            prop_assert_eq!(Date::parse(&date.to_string()).unwrap(), date);
        }

        #[test]
        fn next_day_is_one_later(n in -700_000i64..2_900_000) {
            let date = Date::from_days(n);
            prop_assert!(date.add_days(1) > date);
            prop_assert_eq!(date.add_days(1).pred(), date);
        }
    }
}
