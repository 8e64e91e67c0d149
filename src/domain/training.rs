//! The training plan (研修計画, policy section 3-2): courses of the catalogue, whom they
//! are for, and the sessions held in a fiscal year.

use super::employee::terms;
use super::{Band, Date, DigitalTier, FiscalYear};

/// What kind of training a course is.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum CourseKind {
    Tiered,
    Special,
    SelfStudy,
    Digital,
    MentalHealth,
    Harassment,
    Counselor,
    Management,
    Senior,
}

terms!(CourseKind {
    Tiered => "階層別研修", "tiered";
    Special => "特別研修", "special";
    SelfStudy => "自主研修", "self-study";
    Digital => "デジタル研修", "digital";
    MentalHealth => "メンタルヘルス研修", "mental-health";
    Harassment => "ハラスメント防止研修", "harassment";
    Counselor => "相談員研修", "counselor";
    Management => "マネジメント研修", "management";
    Senior => "高齢期キャリア研修", "senior";
});

/// How strongly a course is meant for those it targets.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum CourseClass {
    Mandatory,
    Recommended,
    Selected,
}

terms!(CourseClass {
    Mandatory => "必修", "mandatory";
    Recommended => "推奨", "recommended";
    Selected => "選抜", "selected";
});

/// Whom a course is for. A person qualifies through any one of the lists; empty lists
/// and no flag mean everyone.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Audience {
    pub bands: Vec<Band>,
    pub titles: Vec<String>,
    pub tiers: Vec<DigitalTier>,
    /// Staff hired in the session's fiscal year (新規採用職員).
    pub new_hires: bool,
    /// Staff aged 55 or over on the session's first day (高齢期を見据えた研修).
    pub senior: bool,
}

/// What the audience rules look at in a person, on a session's first day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Candidate<'a> {
    pub band: Option<Band>,
    pub title: Option<&'a str>,
    pub tier: DigitalTier,
    pub hired: Date,
    pub birth: Date,
}

/// The age from which a person is in the audience of a senior career course.
pub const SENIOR_COURSE_AGE: i32 = 55;

impl Audience {
    pub fn is_everyone(&self) -> bool {
        self.bands.is_empty()
            && self.titles.is_empty()
            && self.tiers.is_empty()
            && !self.new_hires
            && !self.senior
    }

    /// Whether a person is in the audience of a session that starts on `day`.
    pub fn includes(&self, c: &Candidate<'_>, day: Date) -> bool {
        self.is_everyone()
            || c.band.is_some_and(|b| self.bands.contains(&b))
            || c.title.is_some_and(|t| self.titles.iter().any(|x| x == t))
            || self.tiers.contains(&c.tier)
            || (self.new_hires && FiscalYear::of(c.hired) == FiscalYear::of(day))
            || (self.senior && c.birth.age_on(day) >= SENIOR_COURSE_AGE)
    }
}

/// A course of the catalogue.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Course {
    pub key: String,
    pub name: String,
    pub kind: CourseKind,
    pub class: CourseClass,
    /// Skills of the skill map it develops (their keys).
    pub skills: Vec<String>,
    pub audience: Audience,
    /// A course to complete first.
    pub prerequisite: Option<String>,
    pub order: u32,
}

/// Where a session stands.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum SessionStatus {
    Planned,
    Open,
    Closed,
    Held,
}

terms!(SessionStatus {
    Planned => "計画", "planned";
    Open => "募集中", "open";
    Closed => "締切", "closed";
    Held => "実施済", "held";
});

/// One holding of a course in a fiscal year.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Session {
    /// `R8-001`: the fiscal year and a number.
    pub id: String,
    pub course: String,
    pub year: FiscalYear,
    /// Every day it meets, ascending; at least one.
    pub days: Vec<Date>,
    pub place: String,
    pub instructor: String,
    pub capacity: u32,
    pub status: SessionStatus,
    /// Staff numbers waiting for a place, first in line first.
    pub waiting: Vec<String>,
}

/// Why a session is not acceptable.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error, serde::Serialize, serde::Deserialize)]
pub enum SessionError {
    #[error("a session meets on at least one day")]
    NoDays,
    #[error("day {0} is outside fiscal year {1}")]
    OutsideYear(Date, i32),
    #[error("capacity must be at least 1")]
    Capacity,
    #[error("the days must rise, each once")]
    Days,
}

impl Session {
    /// The number part of an id: `R8-001` for the first session of 令和8年度.
    pub fn id_for(year: FiscalYear, n: u32) -> String {
        format!("R{}-{n:03}", year.0 - 2018)
    }

    pub fn first_day(&self) -> Option<Date> {
        self.days.first().copied()
    }

    /// Whether it meets on any of these days.
    pub fn meets_on_any(&self, days: &[Date]) -> bool {
        self.days.iter().any(|d| days.contains(d))
    }

    pub fn validate(&self) -> Result<(), SessionError> {
        if self.days.is_empty() {
            return Err(SessionError::NoDays);
        }
        if self.capacity == 0 {
            return Err(SessionError::Capacity);
        }
        if !self.days.windows(2).all(|w| w[0] < w[1]) {
            return Err(SessionError::Days);
        }
        match self.days.iter().find(|d| FiscalYear::of(**d) != self.year) {
            Some(d) => Err(SessionError::OutsideYear(*d, self.year.0)),
            None => Ok(()),
        }
    }

    /// The same session a year later, as a plan: new id, days moved a year (29 Feb to
    /// 28 Feb), nobody waiting.
    pub fn next_year(&self, id: String) -> Session {
        let year = FiscalYear(self.year.0 + 1);
        let days = self
            .days
            .iter()
            .map(|d| {
                Date::new(d.year() + 1, d.month(), d.day())
                    .or_else(|_| Date::new(d.year() + 1, d.month(), 28))
                    .unwrap_or(*d)
            })
            .collect::<Vec<Date>>();
        // 28 and 29 February both land on the 28th: one day, once.
        let mut days = days;
        days.dedup();
        Session {
            id,
            course: self.course.clone(),
            year,
            days,
            place: self.place.clone(),
            instructor: self.instructor.clone(),
            capacity: self.capacity,
            status: SessionStatus::Planned,
            waiting: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::new(y, m, day).unwrap()
    }

    fn person(band: u8, title: &str, hired: Date) -> Candidate<'_> {
        Candidate {
            band: Band::new(band),
            title: Some(title),
            tier: DigitalTier::Starter,
            hired,
            birth: d(1980, 5, 1),
        }
    }

    #[test]
    fn audiences_take_any_of_their_lists() {
        let on = d(2026, 6, 1);
        let kakaricho = Audience {
            titles: vec!["係長".into()],
            ..Audience::default()
        };
        assert!(kakaricho.includes(&person(2, "係長", d(2005, 4, 1)), on));
        assert!(!kakaricho.includes(&person(1, "主任", d(2005, 4, 1)), on));
        let new_hires = Audience {
            new_hires: true,
            ..Audience::default()
        };
        assert!(new_hires.includes(&person(1, "主事", d(2026, 4, 1)), on));
        assert!(!new_hires.includes(&person(1, "主事", d(2025, 4, 1)), on));
        let leaders = Audience {
            tiers: vec![DigitalTier::Leader],
            bands: vec![Band::new(4).unwrap()],
            ..Audience::default()
        };
        let mut p = person(1, "主事", d(2010, 4, 1));
        assert!(!leaders.includes(&p, on));
        p.tier = DigitalTier::Leader;
        assert!(leaders.includes(&p, on));
        assert!(Audience::default().includes(&person(3, "主査", d(1999, 4, 1)), on));
        let senior = Audience {
            senior: true,
            ..Audience::default()
        };
        let mut older = person(3, "主査", d(1990, 4, 1));
        older.birth = d(1971, 6, 1);
        assert!(senior.includes(&older, on));
        older.birth = d(1971, 6, 2);
        assert!(!senior.includes(&older, on));
    }

    #[test]
    fn sessions_stay_in_their_year_and_copy_to_the_next() {
        let s = Session {
            id: Session::id_for(FiscalYear(2026), 1),
            course: "shunin".into(),
            year: FiscalYear(2026),
            days: vec![d(2026, 6, 10), d(2026, 6, 11)],
            place: "本庁舎 大会議室".into(),
            instructor: "人事課".into(),
            capacity: 40,
            status: SessionStatus::Held,
            waiting: vec!["000123".into()],
        };
        assert_eq!(s.id, "R8-001");
        s.validate().unwrap();
        let next = s.next_year(Session::id_for(FiscalYear(2027), 1));
        assert_eq!(next.id, "R9-001");
        assert_eq!(next.days, [d(2027, 6, 10), d(2027, 6, 11)]);
        assert_eq!(next.status, SessionStatus::Planned);
        assert!(next.waiting.is_empty());
        next.validate().unwrap();
        let march = Session {
            days: vec![d(2027, 4, 1)],
            ..s.clone()
        };
        assert_eq!(
            march.validate(),
            Err(SessionError::OutsideYear(d(2027, 4, 1), 2026))
        );
        assert!(s.meets_on_any(&[d(2026, 6, 11)]));
        assert!(!s.meets_on_any(&[d(2026, 6, 12)]));
        let leap = Session {
            days: vec![d(2028, 2, 29)],
            year: FiscalYear(2027),
            ..s
        };
        assert_eq!(leap.next_year("R10-001".into()).days, [d(2029, 2, 28)]);
    }
}
