//! Japanese eras (元号) and fiscal years (年度): 令和, 平成 and 昭和 to and from the
//! Gregorian calendar.

use std::fmt;

use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

use super::date::{Date, DateError};

/// An era the staff records reach back to: the oldest staff were born in 昭和.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Era {
    Showa,
    Heisei,
    Reiwa,
}

impl Era {
    pub const ALL: [Era; 3] = [Era::Reiwa, Era::Heisei, Era::Showa];

    /// The first day of the era.
    pub fn start(self) -> Date {
        let (y, m, d) = match self {
            Era::Showa => (1926, 12, 25),
            Era::Heisei => (1989, 1, 8),
            Era::Reiwa => (2019, 5, 1),
        };
        Date::new(y, m, d).unwrap_or_else(|_| Date::from_days(0))
    }

    pub fn kanji(self) -> &'static str {
        match self {
            Era::Showa => "昭和",
            Era::Heisei => "平成",
            Era::Reiwa => "令和",
        }
    }

    pub fn letter(self) -> char {
        match self {
            Era::Showa => 'S',
            Era::Heisei => 'H',
            Era::Reiwa => 'R',
        }
    }

    pub fn english(self) -> &'static str {
        match self {
            Era::Showa => "Showa",
            Era::Heisei => "Heisei",
            Era::Reiwa => "Reiwa",
        }
    }

    /// The era that followed this one, if any.
    pub fn next(self) -> Option<Era> {
        match self {
            Era::Showa => Some(Era::Heisei),
            Era::Heisei => Some(Era::Reiwa),
            Era::Reiwa => None,
        }
    }

    /// The last year number this era reached (昭和64, 平成31); none while it lasts.
    pub fn last_year(self) -> Option<i32> {
        self.next()
            .map(|n| n.start().year() - self.start().year() + 1)
    }

    /// Gregorian year of this era's year `n` (元年 = 1), if `n` is a year the era had
    /// (昭和100年 and 平成40年 never happened) and the result is a calendar year.
    pub fn gregorian(self, n: i32) -> Option<i32> {
        if n < 1 || self.last_year().is_some_and(|last| n > last) {
            return None;
        }
        self.start()
            .year()
            .checked_add(n - 1)
            .filter(|y| *y <= 9999)
    }

    /// The era a date falls in, if any (dates before 昭和 have none).
    pub fn of(date: Date) -> Option<Era> {
        Era::ALL.into_iter().find(|e| date >= e.start())
    }
}

/// The era and year of a date, e.g. (令和, 8) for 2026-04-01.
pub fn era_year(date: Date) -> Option<(Era, i32)> {
    Era::of(date).map(|e| (e, date.year() - e.start().year() + 1))
}

/// `令和8年4月1日`, with 元年 for the first year; dates before 昭和 fall back to ISO.
pub fn wareki(date: Date) -> String {
    match era_year(date) {
        Some((era, n)) => format!(
            "{}{}年{}月{}日",
            era.kanji(),
            year_word(n),
            date.month(),
            date.day()
        ),
        None => date.to_string(),
    }
}

/// Both calendars, as the screens and reports show a date: `令和8年4月1日 (2026-04-01)`.
pub fn both_calendars(date: Date) -> String {
    format!("{} ({})", wareki(date), date)
}

fn year_word(n: i32) -> String {
    if n == 1 {
        "元".to_string()
    } else {
        n.to_string()
    }
}

/// Reads a Japanese-calendar date: `令和8年4月1日`, `令和元年5月1日`, `R8.4.1`, `H30/4/1`,
/// `S55-1-1`, full-width digits included. `Ok(None)` when the text is not in this form.
pub fn parse_wareki(text: &str) -> Result<Option<Date>, DateError> {
    let t: String = text.nfkc().filter(|c| !c.is_whitespace()).collect();
    let bad = || DateError::Unreadable(text.to_string());
    let (era, rest) = match split_era(&t) {
        Some(x) => x,
        None => return Ok(None),
    };
    let fields: Vec<&str> = rest
        .split(['年', '月', '日', '.', '/', '-'])
        .filter(|s| !s.is_empty())
        .collect();
    let [y, m, d] = fields.as_slice() else {
        return Err(bad());
    };
    let n: i32 = if *y == "元" {
        1
    } else {
        y.parse().map_err(|_| bad())?
    };
    let m: u32 = m.parse().map_err(|_| bad())?;
    let d: u32 = d.parse().map_err(|_| bad())?;
    let year = era.gregorian(n).ok_or_else(bad)?;
    let date = Date::new(year, m, d)?;
    if date < era.start() || era.next().is_some_and(|next| date >= next.start()) {
        return Err(DateError::OutsideEra(text.to_string()));
    }
    Ok(Some(date))
}

fn split_era(t: &str) -> Option<(Era, &str)> {
    for era in Era::ALL {
        if let Some(rest) = t.strip_prefix(era.kanji()) {
            return Some((era, rest));
        }
        let mut chars = t.chars();
        if let (Some(c), Some(next)) = (chars.next(), chars.next())
            && c.eq_ignore_ascii_case(&era.letter())
            && (next.is_ascii_digit() || next == '元')
        {
            return Some((era, &t[1..]));
        }
    }
    None
}

/// A fiscal year (年度), named by the Gregorian year in which it starts on 1 April.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct FiscalYear(pub i32);

impl FiscalYear {
    /// The fiscal year a date falls in: January to March belong to the year before.
    pub fn of(date: Date) -> FiscalYear {
        if date.month() >= 4 {
            FiscalYear(date.year())
        } else {
            FiscalYear(date.year() - 1)
        }
    }

    /// 令和 year N's fiscal year, e.g. `FiscalYear::reiwa(8)` = FY2026.
    pub fn reiwa(n: i32) -> FiscalYear {
        FiscalYear(2018 + n)
    }

    pub fn first_day(self) -> Date {
        Date::new(self.0, 4, 1).unwrap_or_else(|_| Date::from_days(0))
    }

    pub fn last_day(self) -> Date {
        Date::new(self.0 + 1, 3, 31).unwrap_or_else(|_| Date::from_days(0))
    }

    pub fn next(self) -> FiscalYear {
        FiscalYear(self.0 + 1)
    }

    /// The era and era year this fiscal year is named by (the era in force on 1 April;
    /// FY2019 began in 平成31年 but is called 令和元年度, as the policy's R1 shows).
    pub fn era_year(self) -> (Era, i32) {
        let era = if self.0 >= 2019 {
            Era::Reiwa
        } else if self.0 >= 1989 {
            Era::Heisei
        } else {
            Era::Showa
        };
        (era, self.0 - era.start().year() + 1)
    }

    /// `R8`, the short form the policy's tables use.
    pub fn short(self) -> String {
        let (era, n) = self.era_year();
        format!("{}{}", era.letter(), n)
    }

    /// `令和8年度`.
    pub fn wareki(self) -> String {
        let (era, n) = self.era_year();
        format!("{}{}年度", era.kanji(), year_word(n))
    }

    /// Reads `R8`, `r8`, `令和8年度`, `令和8`, `H30`, `2026` or `FY2026`.
    pub fn parse(text: &str) -> Result<FiscalYear, DateError> {
        let t: String = text.nfkc().filter(|c| !c.is_whitespace()).collect();
        let bad = || DateError::Unreadable(text.to_string());
        let t = t.strip_suffix("年度").unwrap_or(&t);
        let digits = t
            .strip_prefix("FY")
            .or_else(|| t.strip_prefix("fy"))
            .unwrap_or(t);
        if digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_digit()) {
            return digits.parse().map(FiscalYear).map_err(|_| bad());
        }
        let (era, rest) = split_era(t).ok_or_else(bad)?;
        let n: i32 = if rest == "元" {
            1
        } else {
            rest.parse().map_err(|_| bad())?
        };
        era.gregorian(n).map(FiscalYear).ok_or_else(bad)
    }
}

impl fmt::Display for FiscalYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.short())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::new(y, m, day).unwrap()
    }

    #[test]
    fn reiwa_is_year_plus_2018() {
        assert_eq!(Era::Reiwa.gregorian(8), Some(2026));
        assert_eq!(Era::Heisei.last_year(), Some(31));
        assert_eq!(Era::Showa.last_year(), Some(64));
        assert_eq!(era_year(d(2026, 4, 1)), Some((Era::Reiwa, 8)));
        assert_eq!(wareki(d(2019, 5, 1)), "令和元年5月1日");
        assert_eq!(wareki(d(2019, 4, 30)), "平成31年4月30日");
        assert_eq!(wareki(d(1989, 1, 7)), "昭和64年1月7日");
        assert_eq!(wareki(d(1989, 1, 8)), "平成元年1月8日");
    }

    #[test]
    fn parses_japanese_dates() {
        assert_eq!(parse_wareki("令和8年4月1日").unwrap(), Some(d(2026, 4, 1)));
        assert_eq!(parse_wareki("令和元年5月1日").unwrap(), Some(d(2019, 5, 1)));
        assert_eq!(parse_wareki("R8.4.1").unwrap(), Some(d(2026, 4, 1)));
        assert_eq!(parse_wareki("h30/4/1").unwrap(), Some(d(2018, 4, 1)));
        assert_eq!(parse_wareki("Ｓ５５．１．１").unwrap(), Some(d(1980, 1, 1)));
        assert_eq!(parse_wareki("2026-04-01").unwrap(), None);
        assert!(parse_wareki("令和元年4月1日").is_err(), "before 令和 began");
        assert!(parse_wareki("令和8年2月30日").is_err());
        assert!(parse_wareki("平成31年5月1日").is_err(), "平成 had ended");
        assert!(parse_wareki("平成40年1月1日").is_err());
        assert!(parse_wareki("昭和100年1月1日").is_err());
        assert!(parse_wareki("R2147483647.1.1").is_err(), "no overflow");
        assert_eq!(
            parse_wareki("平成31年4月30日").unwrap(),
            Some(d(2019, 4, 30))
        );
        assert_eq!(parse_wareki("昭和64年1月7日").unwrap(), Some(d(1989, 1, 7)));
    }

    #[test]
    fn fiscal_year_starts_in_april() {
        assert_eq!(FiscalYear::of(d(2026, 4, 1)), FiscalYear(2026));
        assert_eq!(FiscalYear::of(d(2027, 3, 31)), FiscalYear(2026));
        assert_eq!(FiscalYear::of(d(2026, 3, 31)), FiscalYear(2025));
        assert_eq!(FiscalYear(2026).wareki(), "令和8年度");
        assert_eq!(FiscalYear(2026).short(), "R8");
        assert_eq!(FiscalYear(2019).short(), "R1");
        assert_eq!(FiscalYear(2019).wareki(), "令和元年度");
        assert_eq!(FiscalYear(2018).short(), "H30");
    }

    #[test]
    fn parses_fiscal_years() {
        for text in ["R8", "r8", "令和8年度", "令和8", "2026", "FY2026", "Ｒ８"] {
            assert_eq!(FiscalYear::parse(text).unwrap(), FiscalYear(2026), "{text}");
        }
        assert_eq!(FiscalYear::parse("令和元年度").unwrap(), FiscalYear(2019));
        assert!(FiscalYear::parse("R0").is_err());
        assert!(
            FiscalYear::parse("H32").is_err(),
            "平成 ended in its 31st year"
        );
        assert_eq!(FiscalYear::parse("H31").unwrap(), FiscalYear(2019));
        assert!(FiscalYear::parse("R2147483647").is_err());
        assert!(FiscalYear::parse("next year").is_err());
    }

    #[test]
    fn round_trips_every_day_of_reiwa_so_far() {
        let mut day = d(2019, 5, 1);
        while day < d(2031, 1, 1) {
            assert_eq!(parse_wareki(&wareki(day)).unwrap(), Some(day));
            day = day.add_days(1);
        }
    }
}
