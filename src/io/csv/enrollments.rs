//! The enrollment file: one person in one training session a row, for `kizuna import
//! enrollments`. Whether the session and the person exist, and whether the rules let
//! the person in, is for the service to decide against what is stored; this module only
//! reads cells into values.

use super::decode::{Detected, Encoding, Gaiji, decode};
use super::sheet::{ColumnSpec, Row, Sheet, col};
use super::{Expected, Located, Problem, fold_width};
use crate::domain::EnrollStatus;

/// A column of the enrollment file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EnrollmentField {
    Session,
    StaffNo,
    Status,
    Reason,
}

use EnrollmentField as E;

/// Every column a file may have.
pub const ENROLLMENT_COLUMNS: &[ColumnSpec<EnrollmentField>] = &[
    col(E::Session, &["研修の回", "session", "回"], true),
    col(E::StaffNo, &["職員番号", "employee_id", "staff_no"], true),
    col(E::Status, &["状態", "status"], false),
    col(E::Reason, &["理由", "reason", "対象外の理由"], false),
];

/// The statuses a row may ask for. Attendance and completion are facts about a
/// session that has met, recorded one by one with `kizuna training attend`, never
/// imported ahead of it.
pub const IMPORT_STATUSES: [EnrollStatus; 2] = [EnrollStatus::Booked, EnrollStatus::Waiting];

/// One row as read. A cell that could not be read leaves `bad` set (its problem is
/// already listed) and the row is still returned, so that the service can also name
/// an unknown session or person on the same line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EnrollmentRow {
    pub line: u64,
    /// Trimmed, full-width letters folded, upper case (`R8-012`); empty when the cell is.
    pub session: String,
    /// Trimmed, full-width digits folded; empty when the cell is.
    pub staff_no: String,
    /// 受講予定 (the default: a place, or the waiting list when the session is full)
    /// or 待機 (the waiting list whatever the places).
    pub status: EnrollStatus,
    /// Why HR enrolls someone outside the course's audience; None when empty.
    pub reason: Option<String>,
    /// Some cell of the row could not be read.
    pub bad: bool,
}

/// A read enrollment file: its rows and every problem found in the cells.
pub struct EnrollmentFile {
    pub detected: Option<Detected>,
    pub sheet: Option<Sheet<EnrollmentField>>,
    pub rows: Vec<EnrollmentRow>,
    pub issues: Vec<Located>,
}

impl EnrollmentFile {
    /// The column's name as the file spells it (or its Japanese name).
    pub fn column(&self, field: EnrollmentField) -> String {
        super::sheet::column_name(self.sheet.as_ref(), ENROLLMENT_COLUMNS, field)
    }
}

fn read_row(sheet: &Sheet<EnrollmentField>, row: &Row, issues: &mut Vec<Located>) -> EnrollmentRow {
    let mut bad = false;
    let mut fail = |field: EnrollmentField, problem: Problem| {
        bad = true;
        issues.push(Located::new(row.line, Some(&sheet.column(field)), problem));
    };
    let cell = |field| sheet.cell(row, field).map(str::trim);
    // A missing column is listed once, on the header line; its cells are not.
    let mut absent = false;
    let mut required = |field: EnrollmentField| match cell(field) {
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
    let session = fold_width(required(E::Session)).to_ascii_uppercase();
    let staff_no = fold_width(required(E::StaffNo)).into_owned();
    let status = match cell(E::Status) {
        None | Some("") => EnrollStatus::Booked,
        Some(text) => match EnrollStatus::parse(&fold_width(text)) {
            Some(s) if IMPORT_STATUSES.contains(&s) => s,
            _ => {
                fail(
                    E::Status,
                    Problem::BadValue {
                        value: text.to_string(),
                        expected: Expected::EnrollStatus,
                    },
                );
                EnrollStatus::Booked
            }
        },
    };
    let reason = cell(E::Reason)
        .filter(|r| !r.is_empty())
        .map(str::to_string);
    EnrollmentRow {
        line: row.line,
        session,
        staff_no,
        status,
        reason,
        bad: bad || absent,
    }
}

/// Decodes and reads an enrollment file.
pub fn read_enrollments(bytes: &[u8], encoding: Encoding) -> EnrollmentFile {
    let mut file = EnrollmentFile {
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
    // 外字 have no place in session ids or staff numbers, and a reason is read by
    // people on other machines: with an empty table every one is reported.
    let Some(sheet) = Sheet::read(&text, ENROLLMENT_COLUMNS, &Gaiji::empty(), &mut file.issues)
    else {
        return file;
    };
    file.rows = sheet
        .rows
        .iter()
        .map(|row| read_row(&sheet, row, &mut file.issues))
        .collect();
    file.sheet = Some(sheet);
    file
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> EnrollmentFile {
        read_enrollments(text.as_bytes(), Encoding::Auto)
    }

    #[test]
    fn reads_rows_in_either_language_with_defaults() {
        let f = read(
            "session,employee_id,status,reason\n\
             ｒ８－０１２,０５０００１,,\n\
             R8-012,050002,waiting, 昇任予定 \n\
             R8-012,050003,待機,\n",
        );
        assert!(f.issues.is_empty(), "{:?}", f.issues);
        assert_eq!(f.rows[0].session, "R8-012");
        assert_eq!(f.rows[0].staff_no, "050001");
        assert_eq!(f.rows[0].status, EnrollStatus::Booked);
        assert_eq!(f.rows[0].reason, None);
        assert_eq!(f.rows[1].status, EnrollStatus::Waiting);
        assert_eq!(f.rows[1].reason.as_deref(), Some("昇任予定"));
        assert_eq!(f.rows[2].status, EnrollStatus::Waiting);
        let short = read("研修の回,職員番号\nR8-001,050001\n");
        assert!(short.issues.is_empty());
        assert_eq!(short.rows[0].status, EnrollStatus::Booked);
    }

    #[test]
    fn every_bad_cell_is_named() {
        let f = read(
            "研修の回,職員番号,状態\n\
             ,050001,修了\n\
             R8-001,,受講予定\n\
             R8-001\n",
        );
        // The ragged row is found while the sheet is read, before the cells are.
        let mut places: Vec<(u64, Option<&str>)> = f
            .issues
            .iter()
            .map(|i| (i.line, i.column.as_deref()))
            .collect();
        places.sort_by_key(|p| p.0);
        assert_eq!(
            places,
            [
                (2, Some("研修の回")),
                (2, Some("状態")),
                (3, Some("職員番号")),
                (4, None)
            ]
        );
        assert!(f.rows.iter().all(|r| r.bad));
        let missing = read("職員番号\n050001\n");
        assert_eq!(missing.issues[0].column.as_deref(), Some("研修の回"));
        assert_eq!(missing.issues[0].problem, Problem::MissingColumn);
    }
}
