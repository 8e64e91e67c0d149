//! The organisation and title files: what a fresh database needs before staff. Whether
//! the units form a tree with what is stored is decided by the service.

use std::collections::HashMap;

use super::decode::{Detected, Encoding, Gaiji, decode};
use super::sheet::{ColumnSpec, Row, Sheet};
use super::{Expected, Located, Problem, fold_width, parse_date};
use crate::domain::{Band, OrgUnit, TitleBand, UnitKind, UnitTag};

/// A column of the organisation file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OrgField {
    Code,
    Name,
    Parent,
    Kind,
    ValidFrom,
    ValidTo,
    Tag,
}

const ORG_COLUMNS: &[ColumnSpec<OrgField>] = &[
    ColumnSpec {
        field: OrgField::Code,
        names: &["所属コード", "code", "org_code", "コード"],
        required: true,
    },
    ColumnSpec {
        field: OrgField::Name,
        names: &["名称", "name", "所属名", "組織名"],
        required: true,
    },
    ColumnSpec {
        field: OrgField::Parent,
        names: &["上位コード", "parent_code", "parent", "親コード"],
        required: false,
    },
    ColumnSpec {
        field: OrgField::Kind,
        names: &["区分", "kind", "組織区分"],
        required: true,
    },
    ColumnSpec {
        field: OrgField::ValidFrom,
        names: &["開始日", "valid_from", "設置日"],
        required: false,
    },
    ColumnSpec {
        field: OrgField::ValidTo,
        names: &["終了日", "valid_to", "廃止日"],
        required: false,
    },
    ColumnSpec {
        field: OrgField::Tag,
        names: &["種別", "tag"],
        required: false,
    },
];

/// A column of the title file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TitleField {
    Title,
    Band,
}

const TITLE_COLUMNS: &[ColumnSpec<TitleField>] = &[
    ColumnSpec {
        field: TitleField::Title,
        names: &["職名", "title"],
        required: true,
    },
    ColumnSpec {
        field: TitleField::Band,
        names: &["職層", "band"],
        required: true,
    },
];

/// The level a unit's kind word stands for: 部, 課 and 係, and the offices that sit at
/// those levels (室 and 事務局 are 課-level units with their own head).
pub fn unit_kind(text: &str) -> Option<UnitKind> {
    match text.trim().to_lowercase().as_str() {
        "部" | "局" | "本部" | "department" => Some(UnitKind::Department),
        "課" | "室" | "事務局" | "センター" | "署" | "所" | "館" | "section" => {
            Some(UnitKind::Section)
        }
        "係" | "班" | "担当" | "グループ" | "team" => Some(UnitKind::Team),
        _ => None,
    }
}

fn unit_tag(text: &str) -> Option<UnitTag> {
    match text.trim().to_lowercase().as_str() {
        "" | "なし" | "none" => Some(UnitTag::None),
        "デジタル" | "digital" => Some(UnitTag::Digital),
        "基幹" | "基幹系" | "core" => Some(UnitTag::CoreSystem),
        _ => None,
    }
}

/// One valid unit row; `tag` is none when the file has no tag column (the stored tag
/// stays).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OrgRow {
    pub line: u64,
    pub unit: OrgUnit,
    pub tag: Option<UnitTag>,
}

pub struct OrgFile {
    pub detected: Option<Detected>,
    pub sheet: Option<Sheet<OrgField>>,
    pub rows: Vec<OrgRow>,
    pub issues: Vec<Located>,
}

impl OrgFile {
    pub fn column(&self, field: OrgField) -> String {
        self.sheet
            .as_ref()
            .map_or_else(String::new, |s| s.column(field))
    }
}

pub struct TitleRow {
    pub line: u64,
    pub title: TitleBand,
}

pub struct TitleFile {
    pub detected: Option<Detected>,
    pub sheet: Option<Sheet<TitleField>>,
    pub rows: Vec<TitleRow>,
    pub issues: Vec<Located>,
}

fn open<F: Copy + PartialEq>(
    bytes: &[u8],
    encoding: Encoding,
    specs: &'static [ColumnSpec<F>],
    issues: &mut Vec<Located>,
) -> (Option<Detected>, Option<Sheet<F>>) {
    match decode(bytes, encoding) {
        Ok((text, detected)) => (
            Some(detected),
            Sheet::read(&text, specs, &Gaiji::empty(), issues),
        ),
        Err(e) => {
            issues.push(e);
            (None, None)
        }
    }
}

/// Marks a key seen; a second sighting is a problem.
fn once(
    seen: &mut HashMap<String, u64>,
    key: &str,
    line: u64,
    column: String,
    issues: &mut Vec<Located>,
) -> bool {
    if let Some(first) = seen.get(key) {
        issues.push(Located::new(
            line,
            Some(&column),
            Problem::DuplicateKey {
                key: key.to_string(),
                first_line: *first,
            },
        ));
        return false;
    }
    seen.insert(key.to_string(), line);
    true
}

fn org_row(sheet: &Sheet<OrgField>, row: &Row, issues: &mut Vec<Located>) -> Option<OrgRow> {
    let before = issues.len();
    let cell = |f| sheet.cell(row, f).unwrap_or("");
    let mut fail =
        |f: OrgField, p: Problem| issues.push(Located::new(row.line, Some(&sheet.column(f)), p));
    let code = fold_width(cell(OrgField::Code).trim()).into_owned();
    if code.is_empty() {
        fail(OrgField::Code, Problem::Empty);
    }
    let name = cell(OrgField::Name).trim().to_string();
    if name.is_empty() {
        fail(OrgField::Name, Problem::Empty);
    }
    let kind_text = cell(OrgField::Kind).trim();
    let kind = unit_kind(kind_text);
    if kind.is_none() {
        fail(
            OrgField::Kind,
            if kind_text.is_empty() {
                Problem::Empty
            } else {
                Problem::BadValue {
                    value: kind_text.to_string(),
                    expected: Expected::UnitKind,
                }
            },
        );
    }
    let parent = fold_width(cell(OrgField::Parent).trim()).into_owned();
    let mut date = |f: OrgField| {
        let text = cell(f);
        if text.trim().is_empty() {
            return None;
        }
        parse_date(text).map_err(|p| fail(f, p)).ok()
    };
    let valid_from = date(OrgField::ValidFrom);
    let valid_to = date(OrgField::ValidTo);
    if let (Some(from), Some(to)) = (valid_from, valid_to)
        && from > to
    {
        fail(OrgField::ValidTo, Problem::Period { from, to });
    }
    let tag = if sheet.has(OrgField::Tag) {
        let text = cell(OrgField::Tag);
        let tag = unit_tag(text);
        if tag.is_none() {
            fail(
                OrgField::Tag,
                Problem::BadValue {
                    value: text.trim().to_string(),
                    expected: Expected::UnitTag,
                },
            );
        }
        tag
    } else {
        None
    };
    if issues.len() > before {
        return None;
    }
    Some(OrgRow {
        line: row.line,
        unit: OrgUnit {
            code,
            kind: kind?,
            name,
            parent: (!parent.is_empty()).then_some(parent),
            tag: tag.unwrap_or_default(),
            valid_from,
            valid_to,
        },
        tag,
    })
}

/// Decodes and reads an organisation file.
pub fn read_orgs(bytes: &[u8], encoding: Encoding) -> OrgFile {
    let mut issues = Vec::new();
    let (detected, sheet) = open(bytes, encoding, ORG_COLUMNS, &mut issues);
    let mut rows = Vec::new();
    if let Some(sheet) = &sheet {
        let mut seen = HashMap::new();
        for row in &sheet.rows {
            let code =
                fold_width(sheet.cell(row, OrgField::Code).unwrap_or("").trim()).into_owned();
            let first = code.is_empty()
                || once(
                    &mut seen,
                    &code,
                    row.line,
                    sheet.column(OrgField::Code),
                    &mut issues,
                );
            if let Some(r) = org_row(sheet, row, &mut issues)
                && first
            {
                rows.push(r);
            }
        }
    }
    OrgFile {
        detected,
        sheet,
        rows,
        issues,
    }
}

/// Decodes and reads a title file (title, band 1-4).
pub fn read_titles(bytes: &[u8], encoding: Encoding) -> TitleFile {
    let mut issues = Vec::new();
    let (detected, sheet) = open(bytes, encoding, TITLE_COLUMNS, &mut issues);
    let mut rows = Vec::new();
    if let Some(sheet) = &sheet {
        let mut seen = HashMap::new();
        for row in &sheet.rows {
            let title = sheet
                .cell(row, TitleField::Title)
                .unwrap_or("")
                .trim()
                .to_string();
            let band_text = sheet.cell(row, TitleField::Band).unwrap_or("").trim();
            let mut ok = true;
            if title.is_empty() {
                ok = false;
                issues.push(Located::new(
                    row.line,
                    Some(&sheet.column(TitleField::Title)),
                    Problem::Empty,
                ));
            } else {
                ok &= once(
                    &mut seen,
                    &title,
                    row.line,
                    sheet.column(TitleField::Title),
                    &mut issues,
                );
            }
            let band = fold_width(band_text).parse::<u8>().ok().and_then(Band::new);
            if band.is_none() {
                issues.push(Located::new(
                    row.line,
                    Some(&sheet.column(TitleField::Band)),
                    if band_text.is_empty() {
                        Problem::Empty
                    } else {
                        Problem::BadValue {
                            value: band_text.to_string(),
                            expected: Expected::Band,
                        }
                    },
                ));
            }
            if let (true, Some(band)) = (ok, band) {
                rows.push(TitleRow {
                    line: row.line,
                    title: TitleBand { title, band },
                });
            }
        }
    }
    TitleFile {
        detected,
        sheet,
        rows,
        issues,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Date;

    #[test]
    fn units_with_dates_and_equivalent_kinds() {
        let f = read_orgs(
            "code,name,parent_code,kind,valid_from,valid_to\n\
             01,総務部,,部,,\n0106,DX推進室,01,室,R8.4.1,\n0106,重複,01,課,,\n0107,x,01,支所,2027-04-01,2026-03-31\n"
                .as_bytes(),
            Encoding::Auto,
        );
        assert_eq!(f.rows.len(), 2);
        let room = &f.rows[1].unit;
        assert_eq!(room.kind, UnitKind::Section);
        assert_eq!(room.valid_from, Date::new(2026, 4, 1).ok());
        assert_eq!(f.rows[1].tag, None, "no tag column: the stored tag stays");
        let got: Vec<(u64, &str)> = f
            .issues
            .iter()
            .map(|i| (i.line, i.column.as_deref().unwrap_or("")))
            .collect();
        assert_eq!(got, [(4, "code"), (5, "kind"), (5, "valid_to")]);
    }

    #[test]
    fn titles_and_bands() {
        let f = read_titles(
            "職名,職層\n保育士,1\n主任保育士,１\n園長,5\n".as_bytes(),
            Encoding::Auto,
        );
        assert_eq!(f.rows.len(), 2);
        assert_eq!(f.rows[1].title.band, Band::new(1).unwrap());
        assert_eq!(f.issues.len(), 1);
        assert_eq!(f.issues[0].line, 4);
    }
}
