//! The skill level file: one dated level a row, for `kizuna import skills` and
//! `kizuna export skills`. A row names the person by staff number and the skill by its
//! key, its name in the map, or a digital domain (`dx:KEY` or the domain's name); what
//! the text names, and whether the person exists, is decided by the service against
//! what is stored, so this module only reads cells into typed values.

use super::decode::{Detected, Encoding, Gaiji, decode};
use super::export::write_table;
use super::sheet::{ColumnSpec, Row, Sheet, col};
use super::{Expected, Located, OutEncoding, Problem, fold_width, parse_date};
use crate::domain::{Date, Level, LevelEntry, Source};

/// A column of the skill level file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SkillField {
    StaffNo,
    Skill,
    Level,
    Date,
    Source,
    Assessor,
}

use SkillField as S;

/// Every column, in the order exports write them.
pub const SKILL_COLUMNS: &[ColumnSpec<SkillField>] = &[
    col(S::StaffNo, &["職員番号", "employee_id", "staff_no"], true),
    col(S::Skill, &["スキル", "skill"], true),
    col(S::Level, &["レベル", "level"], true),
    col(S::Date, &["日付", "date", "評価日"], true),
    col(S::Source, &["区分", "source", "評価区分"], true),
    col(S::Assessor, &["評価者", "assessor"], false),
];

/// One row as read. A cell that could not be read is `None` (its problem is already
/// listed), and the row is still returned, so that the service can also name an
/// unknown person or skill on the same line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SkillRow {
    pub line: u64,
    /// Trimmed, full-width digits folded; empty when the cell is.
    pub staff_no: String,
    /// As written, trimmed; empty when the cell is.
    pub skill: String,
    pub level: Option<Level>,
    pub date: Option<Date>,
    pub source: Option<Source>,
    /// None when the column is absent or the cell empty: the importing account.
    pub assessor: Option<String>,
    /// Some cell of the row could not be read.
    pub bad: bool,
}

impl SkillRow {
    /// The level, date and source, when every one of them was read.
    pub fn parts(&self) -> Option<(Level, Date, Source)> {
        match (self.bad, self.level, self.date, self.source) {
            (false, Some(l), Some(d), Some(s)) => Some((l, d, s)),
            _ => None,
        }
    }
}

/// A read skill level file: its rows and every problem found in the cells.
pub struct SkillFile {
    pub detected: Option<Detected>,
    pub sheet: Option<Sheet<SkillField>>,
    pub rows: Vec<SkillRow>,
    pub issues: Vec<Located>,
}

impl SkillFile {
    /// The column's name as the file spells it (or its Japanese name).
    pub fn column(&self, field: SkillField) -> String {
        super::sheet::column_name(self.sheet.as_ref(), SKILL_COLUMNS, field)
    }
}

fn read_row(sheet: &Sheet<SkillField>, row: &Row, issues: &mut Vec<Located>) -> SkillRow {
    let mut bad = false;
    let mut fail = |field: SkillField, problem: Problem| {
        bad = true;
        issues.push(Located::new(row.line, Some(&sheet.column(field)), problem));
    };
    let cell = |field| sheet.cell(row, field).map(str::trim);
    // A missing column is listed once, on the header line; its cells are not.
    let mut absent = false;
    let mut required = |field: SkillField| match cell(field) {
        Some("") => {
            fail(field, Problem::Empty);
            ""
        }
        Some(text) => text,
        None => {
            absent = true;
            ""
        }
    };
    let staff_no = fold_width(required(S::StaffNo)).into_owned();
    let skill = required(S::Skill).to_string();
    let level_text = required(S::Level);
    let date_text = required(S::Date);
    let source_text = required(S::Source);
    // An empty cell is listed above; one that does not read is listed here.
    let bad_value = |value: &str, expected| Problem::BadValue {
        value: value.to_string(),
        expected,
    };
    let level = match level_text {
        "" => None,
        text => {
            let level = fold_width(text).parse::<u8>().ok().and_then(Level::new);
            if level.is_none() {
                fail(S::Level, bad_value(text, Expected::Level));
            }
            level
        }
    };
    let date = match date_text {
        "" => None,
        text => parse_date(text).map_err(|p| fail(S::Date, p)).ok(),
    };
    let source = match source_text {
        "" => None,
        text => {
            let source = Source::parse(&fold_width(text));
            if source.is_none() {
                fail(S::Source, bad_value(text, Expected::Source));
            }
            source
        }
    };
    let assessor = cell(S::Assessor)
        .filter(|a| !a.is_empty())
        .map(str::to_string);
    SkillRow {
        line: row.line,
        staff_no,
        skill,
        level,
        date,
        source,
        assessor,
        bad: bad || absent,
    }
}

/// Decodes and reads a skill level file. `progress` is told the rows read so far.
pub fn read_skills(
    bytes: &[u8],
    encoding: Encoding,
    progress: &mut dyn FnMut(usize, usize),
) -> SkillFile {
    let mut file = SkillFile {
        detected: None,
        sheet: None,
        rows: Vec::new(),
        issues: Vec::new(),
    };
    let text = match decode(bytes, encoding) {
        Ok((text, detected)) => {
            file.detected = Some(detected);
            text
        }
        Err(e) => {
            file.issues.push(e);
            return file;
        }
    };
    // 外字 have no place in staff numbers, skill names or account names: with an
    // empty table every one is reported.
    let Some(sheet) = Sheet::read(&text, SKILL_COLUMNS, &Gaiji::empty(), &mut file.issues) else {
        return file;
    };
    let total = sheet.rows.len();
    file.rows.reserve(total);
    for (i, row) in sheet.rows.iter().enumerate() {
        file.rows.push(read_row(&sheet, row, &mut file.issues));
        if i % 1000 == 999 {
            progress(i + 1, total);
        }
    }
    file.sheet = Some(sheet);
    file
}

/// One stored level, as an export row gives it.
pub struct LevelLine<'a> {
    pub staff_no: &'a str,
    /// The sheet key: a skill key, or `dx:KEY` for a digital domain.
    pub skill: &'a str,
    pub entry: &'a LevelEntry,
}

/// The export header: every column, by its Japanese name.
pub fn skill_export_header() -> Vec<&'static str> {
    SKILL_COLUMNS.iter().map(|c| c.names[0]).collect()
}

/// The whole file as bytes, in the import's columns, or every cell CP932 cannot carry.
pub fn write_skill_levels(
    lines: &[LevelLine<'_>],
    encoding: OutEncoding,
) -> Result<Vec<u8>, Vec<Located>> {
    let rows: Vec<Vec<String>> = lines
        .iter()
        .map(|l| {
            vec![
                l.staff_no.to_string(),
                l.skill.to_string(),
                l.entry.level.to_string(),
                l.entry.from.to_string(),
                l.entry.source.ja().to_string(),
                l.entry.assessor.clone(),
            ]
        })
        .collect();
    write_table(&skill_export_header(), &rows, encoding)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> SkillFile {
        read_skills(text.as_bytes(), Encoding::Auto, &mut |_, _| {})
    }

    fn places(f: &SkillFile) -> Vec<(u64, &str)> {
        f.issues
            .iter()
            .map(|i| (i.line, i.column.as_deref().unwrap_or("")))
            .collect()
    }

    #[test]
    fn reads_levels_in_either_calendar_and_either_language() {
        let f = read(
            "employee_id,skill,level,date,source\n\
             ０００１２３, coaching ,３,R8.4.1,上司評価\n\
             000123,マインド,2,令和8年4月1日,training\n",
        );
        assert!(f.issues.is_empty(), "{:?}", f.issues);
        let r = &f.rows[0];
        assert_eq!(r.staff_no, "000123");
        assert_eq!(r.skill, "coaching");
        let day = Date::new(2026, 4, 1).unwrap();
        assert_eq!(
            r.parts(),
            Some((Level::new(3).unwrap(), day, Source::Supervisor))
        );
        assert_eq!(r.assessor, None, "no column: the importing account");
        assert_eq!(f.rows[1].source, Some(Source::Training));
    }

    #[test]
    fn every_bad_cell_is_named_and_the_row_kept() {
        let f = read(
            "職員番号,スキル,レベル,日付,区分,評価者\n\
             1,ethics,5,2026-02-30,上長,hr.sato\n\
             ,,,,,\n\
             2,,3,2026-04-01,本人申告,\n",
        );
        assert_eq!(
            places(&f),
            [(2, "レベル"), (2, "日付"), (2, "区分"), (4, "スキル"),]
        );
        assert_eq!(f.rows.len(), 2, "blank rows are skipped");
        assert!(f.rows.iter().all(|r| r.parts().is_none()));
        assert_eq!(f.rows[0].assessor.as_deref(), Some("hr.sato"));
        let missing = read("職員番号,スキル,日付\n1,ethics,2026-04-01\n");
        assert_eq!(places(&missing), [(1, "レベル"), (1, "区分")]);
    }

    #[test]
    fn export_writes_the_import_columns() {
        let entry = LevelEntry {
            level: Level::new(2).unwrap(),
            from: Date::new(2026, 4, 1).unwrap(),
            source: Source::SelfReport,
            assessor: "hr.sato".into(),
        };
        let lines = [LevelLine {
            staff_no: "000123",
            skill: "dx:mind",
            entry: &entry,
        }];
        let bytes = write_skill_levels(&lines, OutEncoding::Utf8).unwrap();
        assert_eq!(
            String::from_utf8(bytes.clone()).unwrap(),
            "職員番号,スキル,レベル,日付,区分,評価者\n000123,dx:mind,2,2026-04-01,本人申告,hr.sato\n"
        );
        let back = read_skills(&bytes, Encoding::Auto, &mut |_, _| {});
        assert!(back.issues.is_empty());
        assert_eq!(back.rows[0].assessor.as_deref(), Some("hr.sato"));
        let cp932 = write_skill_levels(&lines, OutEncoding::Cp932).unwrap();
        assert!(cp932.ends_with(b"\r\n"));
    }
}
