//! Employees and their assignment history.

use serde::{Deserialize, Serialize};

use super::date::Date;
use super::kana;

/// Age from which a regular employee counts as 高齢期職員 (READING.md: it follows from
/// age, not from the employment type).
pub const SENIOR_AGE: i32 = 60;

/// 任用形態.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EmploymentType {
    /// 正規
    Regular,
    /// 再任用
    Reappointed,
    /// 任期付
    FixedTerm,
    /// 会計年度任用
    FiscalYearAppointed,
}

/// キャリアトラック (複線型人事制度, from R10).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CareerTrack {
    /// 未設定: until a person is assigned a track.
    #[default]
    Unset,
    /// ゼネラリスト
    Generalist,
    /// エキスパート
    Expert,
}

/// デジタル人材の区分 (section 3-5).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum DigitalTier {
    /// スターター: everyone not a leader or architect.
    #[default]
    Starter,
    /// リーダー (推進人材)
    Leader,
    /// アーキテクト (専門人材)
    Architect,
}

/// 在職状況.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Status {
    /// 在職
    #[default]
    Active,
    /// 休職
    OnLeave,
    /// 退職
    Left,
}

macro_rules! terms {
    ($ty:ty { $($variant:ident => $ja:literal, $code:literal;)* }) => {
        impl $ty {
            pub const ALL: &'static [$ty] = &[$(<$ty>::$variant),*];

            /// The policy's term.
            pub fn ja(self) -> &'static str {
                match self { $(<$ty>::$variant => $ja),* }
            }

            /// A stable ASCII code, for files and scripts.
            pub fn code(self) -> &'static str {
                match self { $(<$ty>::$variant => $code),* }
            }

            /// Reads the Japanese term or the ASCII code.
            pub fn parse(text: &str) -> Option<$ty> {
                let t = text.trim();
                Self::ALL.iter().copied().find(|v| v.ja() == t || v.code().eq_ignore_ascii_case(t))
            }
        }
    };
}

pub(crate) use terms;

terms!(EmploymentType {
    Regular => "正規", "regular";
    Reappointed => "再任用", "reappointed";
    FixedTerm => "任期付", "fixed-term";
    FiscalYearAppointed => "会計年度任用", "fiscal-year";
});

terms!(CareerTrack {
    Unset => "未設定", "unset";
    Generalist => "ゼネラリスト", "generalist";
    Expert => "エキスパート", "expert";
});

terms!(DigitalTier {
    Starter => "スターター", "starter";
    Leader => "リーダー", "leader";
    Architect => "アーキテクト", "architect";
});

terms!(Status {
    Active => "在職", "active";
    OnLeave => "休職", "on-leave";
    Left => "退職", "left";
});

/// What an assignment records.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AssignmentKind {
    /// 採用
    Hire,
    /// 異動
    Transfer,
    /// 昇任
    Promotion,
    /// その他 (降任, 兼務の解除 …)
    Other,
}

terms!(AssignmentKind {
    Hire => "採用", "hire";
    Transfer => "異動", "transfer";
    Promotion => "昇任", "promotion";
    Other => "その他", "other";
});

/// One post held from a date: where and as what.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assignment {
    pub effective: Date,
    pub unit: String,
    pub title: String,
    pub kind: AssignmentKind,
}

/// Leaving: the date and the reason as entered (定年, 自己都合 …).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Leaving {
    pub date: Date,
    pub reason: String,
}

/// An employee. The staff number is text so that leading zeros survive; the name is
/// kept exactly as entered (never normalised: compatibility ideographs would change).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Employee {
    pub staff_no: String,
    pub name: String,
    /// フリガナ, as hiragana.
    pub reading: String,
    /// 旧姓.
    pub former_name: Option<String>,
    /// 通称.
    pub alias: Option<String>,
    pub employment: EmploymentType,
    pub birth: Date,
    pub hired: Date,
    pub leaving: Option<Leaving>,
    pub track: CareerTrack,
    pub digital: DigitalTier,
    pub status: Status,
    /// カムバック採用: hired again after leaving.
    pub comeback: bool,
    /// Every post, oldest first; a transfer adds one, none is ever overwritten.
    pub history: Vec<Assignment>,
}

/// The post of a history (oldest first) in effect on a date: the last one that has
/// taken effect, or the first for a date before any (a hire that takes effect later).
pub fn in_effect<T, D: PartialOrd>(
    history: &[T],
    on: D,
    effective: impl Fn(&T) -> D,
) -> Option<&T> {
    history
        .iter()
        .rev()
        .find(|a| effective(a) <= on)
        .or_else(|| history.first())
}

/// Why an employee record is not acceptable.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error, serde::Serialize, serde::Deserialize)]
pub enum EmployeeError {
    #[error("staff number is empty or has spaces")]
    StaffNo,
    #[error("name is empty")]
    Name,
    #[error("reading {0:?} is not kana")]
    Reading(String),
    #[error("hire date {0} is before birth {1}")]
    HiredBeforeBorn(Date, Date),
    #[error("no assignment")]
    NoAssignment,
    #[error("an assignment on {0} comes before the hire date {1}")]
    AssignmentBeforeHire(Date, Date),
    #[error("two assignments take effect on {0}")]
    SameDay(Date),
    #[error("status 退職 needs a leaving date, and a leaving date needs status 退職")]
    Leaving,
}

impl Employee {
    /// Checks the record's own rules; references to units and titles are checked by
    /// the service, which knows the organisation.
    pub fn validate(&self) -> Result<(), EmployeeError> {
        if !valid_staff_no(&self.staff_no) {
            return Err(EmployeeError::StaffNo);
        }
        if self.name.trim().is_empty() {
            return Err(EmployeeError::Name);
        }
        if !kana::is_reading(&self.reading) {
            return Err(EmployeeError::Reading(self.reading.clone()));
        }
        if self.hired < self.birth {
            return Err(EmployeeError::HiredBeforeBorn(self.hired, self.birth));
        }
        let first = self.history.first().ok_or(EmployeeError::NoAssignment)?;
        if first.effective < self.hired {
            return Err(EmployeeError::AssignmentBeforeHire(
                first.effective,
                self.hired,
            ));
        }
        for pair in self.history.windows(2) {
            if pair[0].effective >= pair[1].effective {
                return Err(EmployeeError::SameDay(pair[1].effective));
            }
        }
        if (self.status == Status::Left) != self.leaving.is_some() {
            return Err(EmployeeError::Leaving);
        }
        Ok(())
    }

    /// Romaji derived from the reading, for search and for English screens.
    pub fn romaji(&self) -> String {
        kana::romaji(&self.reading)
    }

    pub fn age_on(&self, on: Date) -> i32 {
        self.birth.age_on(on)
    }

    /// 高齢期職員: 60 or older on the date.
    pub fn is_senior_on(&self, on: Date) -> bool {
        self.age_on(on) >= SENIOR_AGE
    }

    /// The post held on a date: the last assignment in effect, or the first one for a
    /// date before it (a hire that takes effect later).
    pub fn assignment_on(&self, on: Date) -> Option<&Assignment> {
        in_effect(&self.history, on, |a| a.effective)
    }

    /// Whole years of service on a date.
    pub fn years_of_service(&self, on: Date) -> i32 {
        self.hired.years_until(on)
    }

    /// Whole years in the unit held on the date, counted from the first assignment of
    /// the unbroken run in that unit (a promotion in place does not reset it).
    pub fn years_in_post(&self, on: Date) -> i32 {
        let Some(current) = self.assignment_on(on) else {
            return 0;
        };
        let held: Vec<&Assignment> = self.history.iter().filter(|a| a.effective <= on).collect();
        let since = held
            .iter()
            .rev()
            .take_while(|a| a.unit == current.unit)
            .last()
            .map_or(current.effective, |a| a.effective);
        since.years_until(on)
    }

    /// Sets the post from a date: a new entry in date order, or, when a post already
    /// takes effect that day, a correction of that entry (the April fix-and-reimport:
    /// a wrong title entered for 4月1日 is put right, not stacked). Earlier posts are
    /// never touched. A correction keeps the entry's kind if it was the hire.
    pub fn set_post(&mut self, assignment: Assignment) -> Result<(), EmployeeError> {
        if let Some(existing) = self
            .history
            .iter_mut()
            .find(|a| a.effective == assignment.effective)
        {
            let kind = if existing.kind == AssignmentKind::Hire {
                AssignmentKind::Hire
            } else {
                assignment.kind
            };
            *existing = Assignment { kind, ..assignment };
            return Ok(());
        }
        self.assign(assignment)
    }

    /// Adds an assignment in date order; an assignment on a day that already has one is
    /// refused, so history is never silently replaced.
    pub fn assign(&mut self, assignment: Assignment) -> Result<(), EmployeeError> {
        if self
            .history
            .iter()
            .any(|a| a.effective == assignment.effective)
        {
            return Err(EmployeeError::SameDay(assignment.effective));
        }
        if assignment.effective < self.hired {
            return Err(EmployeeError::AssignmentBeforeHire(
                assignment.effective,
                self.hired,
            ));
        }
        let at = self
            .history
            .partition_point(|a| a.effective < assignment.effective);
        self.history.insert(at, assignment);
        Ok(())
    }
}

/// A staff number: digits and ASCII letters, no spaces, leading zeros kept.
pub fn valid_staff_no(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 20
        && text.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::new(y, m, day).unwrap()
    }

    fn post(date: Date, unit: &str, title: &str, kind: AssignmentKind) -> Assignment {
        Assignment {
            effective: date,
            unit: unit.into(),
            title: title.into(),
            kind,
        }
    }

    pub(crate) fn sample() -> Employee {
        Employee {
            staff_no: "000123".into(),
            name: "髙橋 誠".into(),
            reading: "たかはし まこと".into(),
            former_name: None,
            alias: None,
            employment: EmploymentType::Regular,
            birth: d(1966, 4, 2),
            hired: d(1989, 4, 1),
            leaving: None,
            track: CareerTrack::Unset,
            digital: DigitalTier::Starter,
            status: Status::Active,
            comeback: false,
            history: vec![
                post(d(1989, 4, 1), "010201", "主事", AssignmentKind::Hire),
                post(d(2020, 4, 1), "0301", "主任", AssignmentKind::Transfer),
                post(d(2024, 4, 1), "0301", "係長", AssignmentKind::Promotion),
            ],
        }
    }

    #[test]
    fn valid_sample_and_romaji() {
        let e = sample();
        e.validate().unwrap();
        assert_eq!(e.romaji(), "takahashi makoto");
        assert_eq!(e.name, "髙橋 誠", "names are kept as entered");
    }

    #[test]
    fn senior_follows_from_age() {
        let e = sample();
        assert!(!e.is_senior_on(d(2026, 4, 1)));
        assert!(e.is_senior_on(d(2026, 4, 2)));
    }

    #[test]
    fn history_answers_by_date() {
        let e = sample();
        assert_eq!(e.assignment_on(d(2021, 1, 1)).unwrap().title, "主任");
        assert_eq!(e.assignment_on(d(2026, 11, 25)).unwrap().title, "係長");
        assert_eq!(e.years_of_service(d(2026, 11, 25)), 37);
        assert_eq!(
            e.years_in_post(d(2026, 11, 25)),
            6,
            "the promotion in place keeps the run"
        );
    }

    #[test]
    fn assign_keeps_order_and_refuses_overwrite() {
        let mut e = sample();
        e.assign(post(
            d(2022, 4, 1),
            "0402",
            "主任",
            AssignmentKind::Transfer,
        ))
        .unwrap();
        let dates: Vec<Date> = e.history.iter().map(|a| a.effective).collect();
        assert!(dates.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(
            e.assign(post(
                d(2022, 4, 1),
                "0101",
                "主任",
                AssignmentKind::Transfer
            )),
            Err(EmployeeError::SameDay(d(2022, 4, 1)))
        );
        e.validate().unwrap();
    }

    #[test]
    fn a_post_on_the_same_day_is_corrected_not_stacked() {
        let mut e = sample();
        let before = e.history.clone();
        e.set_post(post(
            d(2024, 4, 1),
            "0301",
            "主査",
            AssignmentKind::Promotion,
        ))
        .unwrap();
        assert_eq!(e.history.len(), before.len());
        assert_eq!(e.history[..2], before[..2], "earlier posts untouched");
        assert_eq!(e.history[2].title, "主査");
        e.set_post(post(
            d(1989, 4, 1),
            "010201",
            "技師",
            AssignmentKind::Transfer,
        ))
        .unwrap();
        assert_eq!(
            e.history[0].kind,
            AssignmentKind::Hire,
            "the hire stays the hire"
        );
        e.set_post(post(
            d(2027, 4, 1),
            "0402",
            "主査",
            AssignmentKind::Transfer,
        ))
        .unwrap();
        assert_eq!(e.history.len(), before.len() + 1);
    }

    #[test]
    fn rules_catch_bad_records() {
        let mut e = sample();
        e.staff_no = "12 3".into();
        assert_eq!(e.validate(), Err(EmployeeError::StaffNo));
        let mut e = sample();
        e.reading = "Takahashi".into();
        assert!(matches!(e.validate(), Err(EmployeeError::Reading(_))));
        let mut e = sample();
        e.status = Status::Left;
        assert_eq!(e.validate(), Err(EmployeeError::Leaving));
    }

    #[test]
    fn terms_parse_both_ways() {
        assert_eq!(
            EmploymentType::parse("会計年度任用"),
            Some(EmploymentType::FiscalYearAppointed)
        );
        assert_eq!(DigitalTier::parse("leader"), Some(DigitalTier::Leader));
        assert_eq!(Status::parse("退職"), Some(Status::Left));
        assert_eq!(CareerTrack::parse("x"), None);
    }
}
