//! Writing the employee file: Japanese headers, the current post as of a date, UTF-8 or
//! CP932. CP932 output is refused, with every row and column named, when a character
//! would not survive: encoding_rs would write `&#NNNN;` for one it cannot hold, and
//! some (− U+2212) come back as another character.

use encoding_rs::SHIFT_JIS;

use super::employees::EMPLOYEE_COLUMNS;
use super::{Located, Problem};
use crate::domain::{Date, Employee};

/// What `export --encoding` asks for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum OutEncoding {
    #[default]
    Utf8,
    /// UTF-8 with a byte-order mark, which spreadsheet programs look for.
    Utf8Bom,
    Cp932,
}

/// The export header: every employee column, by its Japanese name.
pub fn export_header() -> Vec<&'static str> {
    EMPLOYEE_COLUMNS.iter().map(|c| c.names[0]).collect()
}

fn date(d: Option<Date>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

/// One person's cells, in [`export_header`] order, with the post held on `on`.
fn cells(e: &Employee, on: Date) -> Vec<String> {
    let post = e.assignment_on(on);
    vec![
        e.staff_no.clone(),
        e.name.clone(),
        e.reading.clone(),
        post.map(|a| a.unit.clone()).unwrap_or_default(),
        post.map(|a| a.title.clone()).unwrap_or_default(),
        e.birth.to_string(),
        e.hired.to_string(),
        e.employment.ja().to_string(),
        e.status.ja().to_string(),
        date(post.map(|a| a.effective)),
        date(e.leaving.as_ref().map(|l| l.date)),
        e.leaving
            .as_ref()
            .map(|l| l.reason.clone())
            .unwrap_or_default(),
        e.former_name.clone().unwrap_or_default(),
        e.alias.clone().unwrap_or_default(),
        e.digital.ja().to_string(),
        e.track.ja().to_string(),
        if e.comeback { "○" } else { "" }.to_string(),
    ]
}

/// Why a cell cannot go into CP932 unchanged: each character once.
fn cp932_problems(cell: &str) -> Vec<Problem> {
    let mut out: Vec<Problem> = Vec::new();
    let mut buf = [0u8; 4];
    for c in cell.chars() {
        let (bytes, _, unmappable) = SHIFT_JIS.encode(c.encode_utf8(&mut buf));
        let problem = if unmappable {
            Problem::Unmappable(c)
        } else {
            let (back, _) = SHIFT_JIS.decode_without_bom_handling(&bytes);
            if back.chars().eq(std::iter::once(c)) {
                continue;
            }
            Problem::Changes {
                from: c,
                to: back.into_owned(),
            }
        };
        if !out.contains(&problem) {
            out.push(problem);
        }
    }
    out
}

/// The whole file as bytes, or every cell CP932 cannot carry (line 1 is the header).
pub fn write_employees(
    staff: &[Employee],
    on: Date,
    encoding: OutEncoding,
) -> Result<Vec<u8>, Vec<Located>> {
    let rows: Vec<Vec<String>> = staff.iter().map(|e| cells(e, on)).collect();
    write_table(&export_header(), &rows, encoding)
}

/// A header and rows as file bytes: CRLF for CP932 (what Windows programs expect), LF
/// otherwise. For CP932, every cell it cannot carry unchanged is listed by its line
/// (the header is line 1) and column, and nothing is returned.
pub(super) fn write_table(
    header: &[&str],
    rows: &[Vec<String>],
    encoding: OutEncoding,
) -> Result<Vec<u8>, Vec<Located>> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(match encoding {
            OutEncoding::Cp932 => csv::Terminator::CRLF,
            _ => csv::Terminator::Any(b'\n'),
        })
        .from_writer(Vec::with_capacity(rows.len() * 160));
    let problem = |e: csv::Error| vec![Located::new(0, None, Problem::Csv(e.to_string()))];
    writer.write_record(header).map_err(problem)?;
    for row in rows {
        writer.write_record(row).map_err(problem)?;
    }
    let utf8 = writer
        .into_inner()
        .map_err(|e| vec![Located::new(0, None, Problem::Csv(e.to_string()))])?;
    match encoding {
        OutEncoding::Utf8 => Ok(utf8),
        OutEncoding::Utf8Bom => {
            let mut out = b"\xEF\xBB\xBF".to_vec();
            out.extend_from_slice(&utf8);
            Ok(out)
        }
        OutEncoding::Cp932 => {
            let text = String::from_utf8_lossy(&utf8);
            let (bytes, _, unmappable) = SHIFT_JIS.encode(&text);
            if !unmappable && SHIFT_JIS.decode_without_bom_handling(&bytes).0 == text {
                return Ok(bytes.into_owned());
            }
            let mut issues = Vec::new();
            for (i, row) in rows.iter().enumerate() {
                for (cell, name) in row.iter().zip(header) {
                    for p in cp932_problems(cell) {
                        issues.push(Located::new(i as u64 + 2, Some(name), p));
                    }
                }
            }
            Err(issues)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{
        Assignment, AssignmentKind, CareerTrack, DigitalTier, EmploymentType, Status,
    };

    fn person(no: &str, name: &str) -> Employee {
        let d = |y, m, day| Date::new(y, m, day).unwrap();
        Employee {
            staff_no: no.into(),
            name: name.into(),
            reading: "たかはし　まこと".into(),
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
            history: vec![Assignment {
                effective: d(1989, 4, 1),
                unit: "010201".into(),
                title: "主事".into(),
                kind: AssignmentKind::Hire,
            }],
        }
    }

    #[test]
    fn cp932_keeps_extension_characters() {
        let on = Date::new(2026, 11, 25).unwrap();
        let bytes = write_employees(&[person("1", "髙﨑 ①㈱")], on, OutEncoding::Cp932).unwrap();
        assert!(bytes.windows(2).any(|w| w == b"\xFB\xFC"), "髙 as FB FC");
        assert!(bytes.ends_with(b"\r\n"));
    }

    #[test]
    fn cp932_names_every_cell_it_cannot_hold() {
        let on = Date::new(2026, 11, 25).unwrap();
        let staff = [
            person("1", "山田"),
            person("2", "森〜鷗外"),
            person("3", "𠮷田−"),
        ];
        let err = write_employees(&staff, on, OutEncoding::Cp932).unwrap_err();
        let got: Vec<(u64, &str, &Problem)> = err
            .iter()
            .map(|e| (e.line, e.column.as_deref().unwrap_or(""), &e.problem))
            .collect();
        assert_eq!(
            got,
            [
                (3, "氏名", &Problem::Unmappable('〜')),
                (3, "氏名", &Problem::Unmappable('鷗')),
                (4, "氏名", &Problem::Unmappable('𠮷')),
                (
                    4,
                    "氏名",
                    &Problem::Changes {
                        from: '−',
                        to: "－".into()
                    }
                ),
            ]
        );
        let utf8 = write_employees(&staff, on, OutEncoding::Utf8).unwrap();
        assert!(String::from_utf8(utf8).unwrap().contains("森〜鷗外"));
    }
}
