//! The employee file: columns, and rows read into typed values. Names are kept exactly
//! as in the file; readings become hiragana; codes and dates accept full-width forms.
//! What a row means for a stored record (new post, update) is decided by the service.

use std::collections::HashMap;

use super::decode::{Detected, Encoding, Gaiji, decode};
use super::sheet::{ColumnSpec, Row, Sheet, col};
use super::{Expected, Located, Problem, fold_width, parse_date};
use crate::domain::{CareerTrack, Date, DigitalTier, EmploymentType, Status, kana};

/// A column of the employee file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EmployeeField {
    StaffNo,
    Name,
    Kana,
    OrgCode,
    Title,
    Birth,
    Hired,
    Employment,
    Status,
    Effective,
    Leaving,
    LeavingReason,
    FormerName,
    Alias,
    Digital,
    Track,
    Comeback,
}

use EmployeeField as E;

/// Every column, in the order exports write them.
pub const EMPLOYEE_COLUMNS: &[ColumnSpec<EmployeeField>] = &[
    col(E::StaffNo, &["職員番号", "employee_id", "staff_no"], true),
    col(E::Name, &["氏名", "name"], true),
    col(E::Kana, &["フリガナ", "kana", "ふりがな", "reading"], true),
    col(E::OrgCode, &["所属コード", "org_code"], true),
    col(E::Title, &["職名", "title"], true),
    col(E::Birth, &["生年月日", "birth_date"], true),
    col(E::Hired, &["採用日", "hire_date"], true),
    col(
        E::Employment,
        &["雇用区分", "employment", "任用形態"],
        false,
    ),
    col(E::Status, &["状態", "status", "在職状況"], false),
    col(E::Effective, &["発令日", "effective_date"], false),
    col(E::Leaving, &["退職日", "leaving_date"], false),
    col(E::LeavingReason, &["退職理由", "leaving_reason"], false),
    col(E::FormerName, &["旧姓", "former_name"], false),
    col(E::Alias, &["通称", "alias"], false),
    col(E::Digital, &["デジタル人材", "digital_tier"], false),
    col(E::Track, &["キャリア", "career_track"], false),
    col(E::Comeback, &["カムバック", "comeback"], false),
];

/// One valid row. For an optional column, `None` means the file has no such column
/// (the stored value stays); `Some` carries the cell, empty cells as their default.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmployeeRow {
    pub line: u64,
    /// The staff number is on an earlier line too: checked, never written.
    pub duplicate: bool,
    pub staff_no: String,
    pub name: String,
    pub reading: String,
    pub org_code: String,
    pub title: String,
    pub birth: Date,
    pub hired: Date,
    pub employment: Option<EmploymentType>,
    /// `Some(None)`: the column is there and the cell is empty (status follows the
    /// leaving date).
    pub status: Option<Option<Status>>,
    pub effective: Option<Date>,
    pub leaving: Option<Option<Date>>,
    pub leaving_reason: Option<String>,
    pub former_name: Option<Option<String>>,
    pub alias: Option<Option<String>>,
    pub digital: Option<DigitalTier>,
    pub track: Option<CareerTrack>,
    pub comeback: Option<bool>,
}

/// A read employee file: the rows that read cleanly, and every problem found.
pub struct EmployeeFile {
    pub detected: Option<Detected>,
    pub sheet: Option<Sheet<EmployeeField>>,
    pub rows: Vec<EmployeeRow>,
    pub issues: Vec<Located>,
    /// Rows with a bad cell: their line, unit code and title, so that an unknown unit
    /// or title on the same row is listed too.
    pub partial: Vec<(u64, String, String)>,
}

impl EmployeeFile {
    /// The column's name as the file spells it (or its Japanese name).
    pub fn column(&self, field: EmployeeField) -> String {
        super::sheet::column_name(self.sheet.as_ref(), EMPLOYEE_COLUMNS, field)
    }

    pub fn has(&self, field: EmployeeField) -> bool {
        self.sheet.as_ref().is_some_and(|s| s.has(field))
    }
}

/// A reading as hiragana. One already in hiragana is kept as it is (its full-width
/// spaces too), so an exported file reads back unchanged.
fn reading(cell: &str) -> String {
    let hiragana = |c: char| {
        matches!(
            c,
            'ぁ'..='ゖ' | 'ー' | 'ゝ' | 'ゞ' | '・' | ' ' | '\u{3000}'
        )
    };
    if cell.chars().all(hiragana) {
        cell.to_string()
    } else {
        kana::to_hiragana(cell)
    }
}

fn flag(text: &str) -> Option<bool> {
    match fold_width(text.trim()).to_lowercase().as_str() {
        "○" | "〇" | "◯" | "1" | "true" | "yes" | "y" | "はい" | "有" | "あり" => {
            Some(true)
        }
        "" | "0" | "false" | "no" | "n" | "いいえ" | "無" | "なし" | "×" | "-" => {
            Some(false)
        }
        _ => None,
    }
}

/// Reads one row; problems go to `issues`, and a row with any is not returned.
struct RowReader<'a> {
    sheet: &'a Sheet<EmployeeField>,
    row: &'a Row,
    issues: &'a mut Vec<Located>,
    bad: bool,
}

impl RowReader<'_> {
    fn fail(&mut self, field: EmployeeField, problem: Problem) {
        self.bad = true;
        self.issues.push(Located::new(
            self.row.line,
            Some(&self.sheet.column(field)),
            problem,
        ));
    }

    fn raw(&self, field: EmployeeField) -> Option<&str> {
        self.sheet.cell(self.row, field)
    }

    /// A required cell, exactly as written.
    fn text(&mut self, field: EmployeeField) -> String {
        match self.raw(field) {
            Some(c) if !c.trim().is_empty() => c.to_string(),
            Some(_) => {
                self.fail(field, Problem::Empty);
                String::new()
            }
            None => {
                self.bad = true;
                String::new()
            }
        }
    }

    /// A required code: trimmed, full-width folded.
    fn code(&mut self, field: EmployeeField) -> String {
        let text = self.text(field);
        fold_width(text.trim()).into_owned()
    }

    fn date(&mut self, field: EmployeeField) -> Option<Date> {
        let text = self.text(field);
        if text.is_empty() {
            return None;
        }
        parse_date(&text).map_err(|p| self.fail(field, p)).ok()
    }

    fn optional_date(&mut self, field: EmployeeField) -> Option<Option<Date>> {
        let cell = self.raw(field)?;
        if cell.trim().is_empty() {
            return Some(None);
        }
        match parse_date(cell) {
            Ok(d) => Some(Some(d)),
            Err(p) => {
                self.fail(field, p);
                None
            }
        }
    }

    /// Optional text, exactly as written; an empty cell is none.
    fn optional_text(&mut self, field: EmployeeField) -> Option<Option<String>> {
        let cell = self.raw(field)?;
        Some((!cell.trim().is_empty()).then(|| cell.to_string()))
    }

    /// An optional choice; an empty cell is `empty`.
    fn choice<T>(
        &mut self,
        field: EmployeeField,
        expected: Expected,
        empty: Option<T>,
        parse: impl Fn(&str) -> Option<T>,
    ) -> Option<Option<T>> {
        let cell = self.raw(field)?;
        let t = cell.trim();
        if t.is_empty() {
            return Some(empty);
        }
        match parse(&fold_width(t)) {
            Some(v) => Some(Some(v)),
            None => {
                self.fail(
                    field,
                    Problem::BadValue {
                        value: t.to_string(),
                        expected,
                    },
                );
                None
            }
        }
    }
}

/// A row, or, when a cell is bad (already in `issues`), the unit code and title the
/// row names, for the reference checks.
fn read_row(
    sheet: &Sheet<EmployeeField>,
    row: &Row,
    issues: &mut Vec<Located>,
) -> Result<EmployeeRow, (String, String)> {
    let mut r = RowReader {
        sheet,
        row,
        issues,
        bad: false,
    };
    let staff_no = r.code(E::StaffNo);
    let name = r.text(E::Name);
    let reading = reading(r.text(E::Kana).trim());
    let org_code = r.code(E::OrgCode);
    let title = r.text(E::Title).trim().to_string();
    let birth = r.date(E::Birth);
    let hired = r.date(E::Hired);
    let employment = r
        .choice(
            E::Employment,
            Expected::Employment,
            Some(EmploymentType::Regular),
            EmploymentType::parse,
        )
        .map(|v| v.unwrap_or(EmploymentType::Regular));
    let status = r.choice(E::Status, Expected::Status, None, Status::parse);
    let effective = r.optional_date(E::Effective).flatten();
    let leaving = r.optional_date(E::Leaving);
    let leaving_reason = r
        .optional_text(E::LeavingReason)
        .map(Option::unwrap_or_default);
    let former_name = r.optional_text(E::FormerName);
    let alias = r.optional_text(E::Alias);
    let digital = r
        .choice(
            E::Digital,
            Expected::DigitalTier,
            Some(DigitalTier::Starter),
            DigitalTier::parse,
        )
        .map(Option::unwrap_or_default);
    let track = r
        .choice(
            E::Track,
            Expected::CareerTrack,
            Some(CareerTrack::Unset),
            CareerTrack::parse,
        )
        .map(Option::unwrap_or_default);
    let comeback = r
        .choice(E::Comeback, Expected::Flag, Some(false), flag)
        .map(|v| v.unwrap_or(false));
    let (Some(birth), Some(hired), false) = (birth, hired, r.bad) else {
        return Err((org_code, title));
    };
    Ok(EmployeeRow {
        line: row.line,
        duplicate: false,
        staff_no,
        name,
        reading,
        org_code,
        title,
        birth,
        hired,
        employment,
        status,
        effective,
        leaving,
        leaving_reason,
        former_name,
        alias,
        digital,
        track,
        comeback,
    })
}

/// Decodes and reads an employee file. `progress` is told the rows read so far.
pub fn read_employees(
    bytes: &[u8],
    encoding: Encoding,
    gaiji: &Gaiji,
    progress: &mut dyn FnMut(usize, usize),
) -> EmployeeFile {
    let mut file = EmployeeFile {
        detected: None,
        sheet: None,
        rows: Vec::new(),
        issues: Vec::new(),
        partial: Vec::new(),
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
    let Some(sheet) = Sheet::read(&text, EMPLOYEE_COLUMNS, gaiji, &mut file.issues) else {
        return file;
    };
    drop(text);
    let total = sheet.rows.len();
    let mut first_line: HashMap<String, u64> = HashMap::with_capacity(total);
    file.rows.reserve(total);
    for (i, row) in sheet.rows.iter().enumerate() {
        let mut duplicate = false;
        if let Some(no) = sheet
            .cell(row, E::StaffNo)
            .map(|c| fold_width(c.trim()).into_owned())
            && !no.is_empty()
        {
            match first_line.get(&no) {
                Some(first) => {
                    duplicate = true;
                    file.issues.push(Located::new(
                        row.line,
                        Some(&sheet.column(E::StaffNo)),
                        Problem::DuplicateKey {
                            key: no,
                            first_line: *first,
                        },
                    ));
                }
                None => {
                    first_line.insert(no, row.line);
                }
            }
        }
        // A duplicate is still read and checked, so that its other problems are
        // listed too.
        match read_row(&sheet, row, &mut file.issues) {
            Ok(r) => file.rows.push(EmployeeRow { duplicate, ..r }),
            Err((unit, title)) => file.partial.push((row.line, unit, title)),
        }
        if i % 1000 == 999 {
            progress(i + 1, total);
        }
    }
    file.sheet = Some(sheet);
    file
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> EmployeeFile {
        read_employees(
            text.as_bytes(),
            Encoding::Auto,
            &Gaiji::empty(),
            &mut |_, _| {},
        )
    }

    const HEADER: &str = "職員番号,氏名,フリガナ,所属コード,職名,生年月日,採用日";

    #[test]
    fn reads_a_row_keeping_the_name() {
        let f = read(&format!(
            "{HEADER},状態,旧姓\n０５０００１,髙橋　誠,ﾀｶﾊｼ ﾏｺﾄ,010201, 主事 ,S41.4.2,1989/4/1,,\n"
        ));
        assert!(f.issues.is_empty(), "{:?}", f.issues);
        let r = &f.rows[0];
        assert_eq!(r.staff_no, "050001");
        assert_eq!(r.name, "髙橋　誠");
        assert_eq!(r.reading, "たかはし まこと");
        assert_eq!(r.title, "主事");
        assert_eq!(r.birth, Date::new(1966, 4, 2).unwrap());
        assert_eq!(r.employment, None, "no column: the stored value stays");
        assert_eq!(r.status, Some(None));
        assert_eq!(r.former_name, Some(None));
    }

    #[test]
    fn every_bad_cell_is_named() {
        let f = read(&format!(
            "{HEADER},雇用区分\n1,山田,やまだ,01,主事,1990-02-30,2012-04-01,正規\n\
             1,山田,やまだ,01,主事,1990-01-01,2012-04-01,正職員\n2,,やまだ,01,主事,x,2012-04-01,\n"
        ));
        let got: Vec<(u64, Option<&str>)> = f
            .issues
            .iter()
            .map(|i| (i.line, i.column.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                (2, Some("生年月日")),
                (3, Some("職員番号")),
                (3, Some("雇用区分")),
                (4, Some("氏名")),
                (4, Some("生年月日")),
            ]
        );
        assert!(f.rows.is_empty());
    }
}
