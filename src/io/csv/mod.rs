//! CSV files in and out: employees, organisation units, titles, skill levels and
//! training enrollments. Decoding (UTF-8 with or without BOM, CP932), header mapping in
//! Japanese or English, 外字 (private-use characters) found and mapped, and every
//! problem tied to a line and a column, so a file is either taken whole or refused with
//! the full list of what to fix.

mod decode;
mod employees;
mod enrollments;
mod export;
mod orgs;
mod sheet;
mod skills;

pub use decode::{Detected, Encoding, Gaiji, decode};
pub use employees::{EMPLOYEE_COLUMNS, EmployeeField, EmployeeFile, EmployeeRow, read_employees};
pub use enrollments::{
    ENROLLMENT_COLUMNS, EnrollmentField, EnrollmentFile, EnrollmentRow, IMPORT_STATUSES,
    read_enrollments,
};
pub use export::{OutEncoding, export_header, write_employees};
pub use orgs::{
    OrgField, OrgFile, OrgRow, TitleField, TitleFile, TitleRow, read_orgs, read_titles, unit_kind,
};
pub use sheet::{ColumnSpec, Sheet};
pub use skills::{
    LevelLine, SKILL_COLUMNS, SkillField, SkillFile, SkillRow, read_skills, skill_export_header,
    write_skill_levels,
};

use crate::domain::{Date, UnitKind};

/// What is wrong, at a place in a file.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Problem {
    /// The file starts with a UTF-16 byte-order mark.
    Utf16,
    /// `--encoding utf-8`, and these bytes are not UTF-8.
    NotUtf8,
    /// `--encoding cp932`, and these bytes are not CP932.
    NotCp932,
    /// Automatic detection: not UTF-8 (at the located line) and not CP932 either.
    NeitherEncoding {
        cp932_line: u64,
    },
    /// No header line.
    NoHeader,
    /// A required column is not in the header.
    MissingColumn,
    /// Two header cells name the same column.
    DuplicateColumn {
        first: String,
    },
    /// A row with a different number of fields than the header.
    Ragged {
        found: usize,
        expected: usize,
    },
    /// The CSV reader could not read the row.
    Csv(String),
    /// A required cell is empty.
    Empty,
    BadDate(String),
    /// A value outside a fixed set of choices.
    BadValue {
        value: String,
        expected: Expected,
    },
    /// Private-use characters (外字) with no entry in the gaiji table.
    Gaiji(Vec<char>),
    /// A key (staff number, unit code, title) that an earlier line already has.
    DuplicateKey {
        key: String,
        first_line: u64,
    },
    /// A line of the gaiji table that cannot be read.
    BadGaijiEntry(String),
    /// The unit's first day is after its last.
    Period {
        from: Date,
        to: Date,
    },
    /// The parent unit is neither in the file nor in the database.
    UnknownParent(String),
    /// The parent is of the wrong level for this kind of unit.
    ParentKind {
        kind: UnitKind,
        parent: String,
        parent_kind: UnitKind,
    },
    /// A 課 or 係 without a parent.
    NeedsParent(UnitKind),
    /// A 部 with a parent.
    TopHasParent,
    /// A stored unit under this one would no longer fit the tree.
    BreaksChild {
        child: String,
    },
    /// Export: a character CP932 cannot hold.
    Unmappable(char),
    /// Export: a character CP932 holds only as another one.
    Changes {
        from: char,
        to: String,
    },
    /// No employee has this staff number.
    UnknownStaff(String),
    /// The text names no skill (by key or name) and no digital domain.
    UnknownSkill(String),
    /// The skill is retired (on `date`): it takes no new levels.
    RetiredSkill {
        skill: String,
        date: Date,
    },
    /// Another source has a level of the skill on that day: a second source does not
    /// replace it.
    SameDayOtherSource {
        date: Date,
        source: crate::domain::Source,
    },
    /// A level dated after today.
    FutureLevel(Date),
}

/// The set a value should have come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Expected {
    Employment,
    Status,
    DigitalTier,
    CareerTrack,
    Flag,
    UnitKind,
    UnitTag,
    Band,
    /// A skill level, 0-4.
    Level,
    /// Where a level came from: 本人申告, 上司評価, 研修修了.
    Source,
    /// What an enrollment file may ask for: 受講予定 or 待機.
    EnrollStatus,
}

/// A problem with its place: a line of the file (1 is the header; 0 is the file as a
/// whole) and the column, named as the file names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Located {
    pub line: u64,
    pub column: Option<String>,
    pub problem: Problem,
}

impl Located {
    pub fn new(line: u64, column: Option<&str>, problem: Problem) -> Located {
        Located {
            line,
            column: column.map(str::to_string),
            problem,
        }
    }
}

/// Full-width ASCII (`０５０００１`, `Ｒ８`) folded to ASCII, for codes, numbers and dates;
/// never used on names.
pub(crate) fn fold_width(text: &str) -> std::borrow::Cow<'_, str> {
    if text.is_ascii() {
        return text.into();
    }
    text.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c,
        })
        .collect::<String>()
        .into()
}

/// A date in any form [`Date::parse`] reads, with a fast path for `2026-04-01`, the
/// form exports write, since a large import reads three dates a row.
pub(crate) fn parse_date(text: &str) -> Result<Date, Problem> {
    let t = fold_width(text.trim());
    let b = t.as_bytes();
    if b.len() == 10 && b[4] == b'-' && b[7] == b'-' {
        let num = |s: &[u8]| -> Option<u32> {
            s.iter().try_fold(0u32, |n, c| {
                c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
            })
        };
        if let (Some(y), Some(m), Some(d)) = (num(&b[0..4]), num(&b[5..7]), num(&b[8..10])) {
            return Date::new(y as i32, m, d).map_err(|_| Problem::BadDate(text.to_string()));
        }
    }
    Date::parse(&t).map_err(|_| Problem::BadDate(text.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_every_form() {
        let want = Date::new(2026, 4, 1).unwrap();
        for text in [
            "2026-04-01",
            " 2026/4/1 ",
            "20260401",
            "R8.4.1",
            "令和8年4月1日",
            "２０２６－０４－０１",
        ] {
            assert_eq!(parse_date(text), Ok(want), "{text}");
        }
        assert!(matches!(parse_date("2026-02-30"), Err(Problem::BadDate(_))));
        assert!(matches!(parse_date("来年"), Err(Problem::BadDate(_))));
    }

    #[test]
    fn width_folds_only_ascii_forms() {
        assert_eq!(fold_width("０５０００１"), "050001");
        assert_eq!(fold_width("髙橋"), "髙橋");
    }
}
