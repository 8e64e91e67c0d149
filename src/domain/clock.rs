//! Time as the city hall keeps it: every "today" is Japan time (UTC+9, no daylight
//! saving) whatever the host's TZ, read through one injectable clock.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::date::Date;
use super::era::FiscalYear;

const JST_OFFSET_SECS: i64 = 9 * 3600;
const SECS_PER_DAY: i64 = 86_400;

/// A moment, as seconds since 1970-01-01T00:00:00Z.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Timestamp(pub i64);

impl Timestamp {
    /// The calendar date in Japan at this moment.
    pub fn jst_date(self) -> Date {
        Date::from_days((self.0 + JST_OFFSET_SECS).div_euclid(SECS_PER_DAY))
    }

    /// 00:00 Japan time on `date`.
    pub fn jst_midnight(date: Date) -> Timestamp {
        Timestamp(date.to_days() * SECS_PER_DAY - JST_OFFSET_SECS)
    }
}

impl fmt::Display for Timestamp {
    /// `2026-04-01 09:30:00 JST`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let local = self.0 + JST_OFFSET_SECS;
        let secs = local.rem_euclid(SECS_PER_DAY);
        write!(
            f,
            "{} {:02}:{:02}:{:02} JST",
            self.jst_date(),
            secs / 3600,
            secs / 60 % 60,
            secs % 60
        )
    }
}

/// The one source of "now". Tests fix it; the program reads the system clock.
pub trait Clock: Send + Sync {
    fn now(&self) -> Timestamp;

    /// Today in Japan.
    fn today(&self) -> Date {
        self.now().jst_date()
    }

    /// The fiscal year today falls in.
    fn fiscal_year(&self) -> FiscalYear {
        FiscalYear::of(self.today())
    }
}

/// A clock that always says the same moment.
#[derive(Clone, Copy, Debug)]
pub struct FixedClock(pub Timestamp);

impl FixedClock {
    /// Noon, Japan time, on `date`.
    pub fn at_noon(date: Date) -> FixedClock {
        FixedClock(Timestamp(Timestamp::jst_midnight(date).0 + 12 * 3600))
    }
}

impl Clock for FixedClock {
    fn now(&self) -> Timestamp {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn april_first_starts_at_midnight_in_japan_not_utc() {
        let april_first = Date::new(2026, 4, 1).unwrap();
        let midnight = Timestamp::jst_midnight(april_first);
        // 2026-03-31T15:00Z is already 令和8年度 in Japan.
        assert_eq!(midnight.jst_date(), april_first);
        assert_eq!(FixedClock(midnight).fiscal_year(), FiscalYear(2026));
        assert_eq!(
            FixedClock(Timestamp(midnight.0 - 1)).fiscal_year(),
            FiscalYear(2025)
        );
        assert_eq!(midnight.to_string(), "2026-04-01 00:00:00 JST");
    }

    #[test]
    fn noon_clock_reads_its_date() {
        let day = Date::new(2026, 11, 25).unwrap();
        assert_eq!(FixedClock::at_noon(day).today(), day);
    }
}
