//! A CSV file as a header and rows: columns mapped to fields by their Japanese or
//! English names, ragged rows and 外字 reported, blank rows skipped.

use super::decode::Gaiji;
use super::{Located, Problem};

/// One column a file may have: its field, the names it goes by (the first is the
/// Japanese name exports write, the second the English one), and whether it is required.
pub struct ColumnSpec<F> {
    pub field: F,
    pub names: &'static [&'static str],
    pub required: bool,
}

/// A column of a file kind: its field, the header names it goes by (Japanese first),
/// and whether a file must have it.
pub const fn col<F>(field: F, names: &'static [&'static str], required: bool) -> ColumnSpec<F> {
    ColumnSpec {
        field,
        names,
        required,
    }
}

/// One data row: its line in the file and its cells, 外字 already mapped.
pub struct Row {
    pub line: u64,
    pub cells: Vec<String>,
}

/// A read file.
pub struct Sheet<F: 'static> {
    specs: &'static [ColumnSpec<F>],
    /// The field each column holds, by position.
    fields: Vec<Option<F>>,
    /// Header cells as the file spells them.
    header: Vec<String>,
    /// Header cells that name no known column; those columns are not read.
    pub ignored: Vec<String>,
    pub rows: Vec<Row>,
    /// How many 外字 were replaced through the table.
    pub gaiji_replaced: usize,
}

/// Header cells compare without surrounding spaces, case or width (`ＫＡＮＡ`).
fn header_key(text: &str) -> String {
    super::fold_width(text.trim().trim_start_matches('\u{FEFF}'))
        .trim()
        .to_lowercase()
        .replace([' ', '-'], "_")
}

/// A column's name as a read file spells it, or, when the file could not be read as a
/// table, the column's Japanese name.
pub fn column_name<F: Copy + PartialEq + 'static>(
    sheet: Option<&Sheet<F>>,
    columns: &[ColumnSpec<F>],
    field: F,
) -> String {
    match sheet {
        Some(s) => s.column(field),
        None => columns
            .iter()
            .find(|c| c.field == field)
            .and_then(|c| c.names.first())
            .map_or_else(String::new, |n| n.to_string()),
    }
}

impl<F: Copy + PartialEq + 'static> Sheet<F> {
    /// Whether the file has the column.
    pub fn has(&self, field: F) -> bool {
        self.fields.contains(&Some(field))
    }

    /// The column's name as the file spells it, else its Japanese name.
    pub fn column(&self, field: F) -> String {
        if let Some(i) = self.fields.iter().position(|f| *f == Some(field)) {
            return self.header[i].trim().to_string();
        }
        self.specs
            .iter()
            .find(|s| s.field == field)
            .and_then(|s| s.names.first())
            .map_or_else(String::new, |n| n.to_string())
    }

    /// The cell of a field in a row, as read (untrimmed); `None` if the column is absent.
    pub fn cell<'r>(&self, row: &'r Row, field: F) -> Option<&'r str> {
        let i = self.fields.iter().position(|f| *f == Some(field))?;
        row.cells.get(i).map(String::as_str)
    }

    /// Reads decoded text. Problems go to `issues`; rows that are ragged are left out,
    /// so every row kept has one cell per header cell.
    pub fn read(
        text: &str,
        specs: &'static [ColumnSpec<F>],
        gaiji: &Gaiji,
        issues: &mut Vec<Located>,
    ) -> Option<Sheet<F>> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        let mut records = reader.records();
        let header: Vec<String> = loop {
            match records.next() {
                None => {
                    issues.push(Located::new(1, None, Problem::NoHeader));
                    return None;
                }
                Some(Ok(r)) if r.iter().all(|c| c.trim().is_empty()) => continue,
                Some(Ok(r)) => break r.iter().map(str::to_string).collect(),
                Some(Err(e)) => {
                    let line = e.position().map_or(1, |p| p.line());
                    issues.push(Located::new(line, None, Problem::Csv(e.to_string())));
                    return None;
                }
            }
        };
        let mut fields: Vec<Option<F>> = Vec::with_capacity(header.len());
        let mut ignored = Vec::new();
        for name in &header {
            let key = header_key(name);
            let field = specs
                .iter()
                .find(|s| s.names.iter().any(|n| header_key(n) == key))
                .map(|s| s.field);
            if let Some(f) = field
                && let Some(first) = fields.iter().position(|x| *x == Some(f))
            {
                issues.push(Located::new(
                    1,
                    Some(name.trim()),
                    Problem::DuplicateColumn {
                        first: header[first].trim().to_string(),
                    },
                ));
                fields.push(None);
                continue;
            }
            if field.is_none() && !name.trim().is_empty() {
                ignored.push(name.trim().to_string());
            }
            fields.push(field);
        }
        for spec in specs.iter().filter(|s| s.required) {
            if !fields.contains(&Some(spec.field)) {
                issues.push(Located::new(
                    1,
                    spec.names.first().copied(),
                    Problem::MissingColumn,
                ));
            }
        }
        let mut sheet = Sheet {
            specs,
            fields,
            header,
            ignored,
            rows: Vec::new(),
            gaiji_replaced: 0,
        };
        for record in records {
            let record = match record {
                Ok(r) => r,
                Err(e) => {
                    let line = e.position().map_or(0, |p| p.line());
                    issues.push(Located::new(line, None, Problem::Csv(e.to_string())));
                    continue;
                }
            };
            let line = record.position().map_or(0, |p| p.line());
            if record.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            let expected = sheet.header.len();
            let extra_blank = record.iter().skip(expected).all(|c| c.trim().is_empty());
            if record.len() < expected || !extra_blank {
                issues.push(Located::new(
                    line,
                    None,
                    Problem::Ragged {
                        found: record.len(),
                        expected,
                    },
                ));
                continue;
            }
            let mut cells = Vec::with_capacity(expected);
            for (i, cell) in record.iter().take(expected).enumerate() {
                if sheet.fields[i].is_none() {
                    cells.push(String::new());
                    continue;
                }
                let (text, unknown) = gaiji.apply(cell);
                if !unknown.is_empty() {
                    issues.push(Located::new(
                        line,
                        Some(sheet.header[i].trim()),
                        Problem::Gaiji(unknown),
                    ));
                } else if text != cell {
                    sheet.gaiji_replaced += 1;
                }
                cells.push(text.into_owned());
            }
            sheet.rows.push(Row { line, cells });
        }
        Some(sheet)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Clone, Copy, Debug, PartialEq)]
    enum F {
        Id,
        Name,
        Note,
    }

    const SPECS: &[ColumnSpec<F>] = &[
        ColumnSpec {
            field: F::Id,
            names: &["番号", "id"],
            required: true,
        },
        ColumnSpec {
            field: F::Name,
            names: &["氏名", "name"],
            required: true,
        },
        ColumnSpec {
            field: F::Note,
            names: &["備考", "note"],
            required: false,
        },
    ];

    #[test]
    fn maps_headers_in_either_language_and_lists_every_problem() {
        let text = " ID ,氏名,その他\n1,山田,x\n\n,,\n2,\u{E000}田,\n3,\"高\n橋\",y,\n4,a,b,c\n";
        let mut issues = Vec::new();
        let sheet = Sheet::read(text, SPECS, &Gaiji::empty(), &mut issues).unwrap();
        assert_eq!(sheet.column(F::Id), "ID");
        assert_eq!(sheet.column(F::Note), "備考");
        assert!(!sheet.has(F::Note));
        assert_eq!(sheet.ignored, ["その他"]);
        let lines: Vec<u64> = sheet.rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, [2, 5, 6], "blank rows skipped, ragged rows left out");
        assert_eq!(sheet.cell(&sheet.rows[2], F::Name), Some("高\n橋"));
        assert_eq!(
            issues,
            [
                Located::new(5, Some("氏名"), Problem::Gaiji(vec!['\u{E000}'])),
                Located::new(
                    8,
                    None,
                    Problem::Ragged {
                        found: 4,
                        expected: 3
                    }
                ),
            ]
        );
    }

    #[test]
    fn missing_and_duplicate_columns() {
        let mut issues = Vec::new();
        Sheet::read("id,ID\n1,2\n", SPECS, &Gaiji::empty(), &mut issues).unwrap();
        assert_eq!(
            issues,
            [
                Located::new(
                    1,
                    Some("ID"),
                    Problem::DuplicateColumn { first: "id".into() }
                ),
                Located::new(1, Some("氏名"), Problem::MissingColumn),
            ]
        );
    }
}
