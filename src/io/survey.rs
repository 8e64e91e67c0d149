//! Work-engagement survey files, told apart by their header:
//!
//! - **group results** from the stress-check implementer: an organisation code, the
//!   number of respondents, and one column per scale, named as the implementer names
//!   it (ワーク・エンゲイジメント, 上司の支援 …); a blank or `-`/`*` cell is a figure
//!   the implementer withheld.
//! - **item-level answers** of the city's own UWES-9 survey: an organisation code and
//!   the nine items (`Q1`…`Q9`, `項目1`…, `設問1`…, `UWES1`…), each 0-6, one respondent a
//!   row. They are folded into one result per organisation here; the answers go no
//!   further than this module.
//!
//! Other columns (an organisation name, a respondent id) are left unread. Every problem
//! is tied to a line and a column.

use std::collections::HashMap;

use super::csv::{Detected, Encoding, Located, Problem, decode};
use crate::domain::survey::uwes::{ITEMS, scales as uwes_scales};
use crate::domain::survey::{Scale, SurveySource, header_key};

/// What is wrong, at a place in a survey file.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum SurveyProblem {
    /// A problem any CSV file can have (encoding, ragged rows, an empty cell …).
    File(Problem),
    /// The header has no organisation code column.
    NoOrgColumn,
    /// The header has neither a respondents column (group results) nor item columns.
    UnknownLayout,
    /// Item-level answers without these items (1-9).
    MissingItems(Vec<usize>),
    /// Group results without any scale column.
    NoScales,
    /// A scale cell that is not a number.
    NotANumber(String),
    /// A respondents cell that is not a whole number of at least 1.
    Respondents(String),
    /// An answer that is not a whole number 0-6.
    Answer(String),
    /// No unit has this code (`rows` rows name it; the first is the place given).
    UnknownOrg { code: String, rows: usize },
    /// Group results name this unit on an earlier line too.
    DuplicateOrg { code: String, first_line: u64 },
    /// Item-level answers of fewer people than the smallest group that may be kept.
    TooFewAnswers { respondents: u32, floor: u32 },
}

/// A problem with its place: a line (1 is the header; 0 the file as a whole) and the
/// column as the file names it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SurveyIssue {
    pub line: u64,
    pub column: Option<String>,
    pub problem: SurveyProblem,
}

impl From<Located> for SurveyIssue {
    fn from(l: Located) -> SurveyIssue {
        SurveyIssue {
            line: l.line,
            column: l.column,
            problem: SurveyProblem::File(l.problem),
        }
    }
}

/// One organisation's group result as read (or as folded from answers).
#[derive(Clone, Debug, PartialEq)]
pub struct GroupLine {
    /// The first line that names the organisation.
    pub line: u64,
    /// Rows that name it (1 for group results).
    pub rows: usize,
    pub org_code: String,
    pub respondents: u32,
    pub scores: Vec<Option<f64>>,
}

/// A read survey file: its kind, scales and one result per organisation.
#[derive(Clone, Debug, PartialEq)]
pub struct SurveyFile {
    pub detected: Detected,
    pub source: SurveySource,
    pub scales: Vec<Scale>,
    /// The organisation code column as the file spells it.
    pub org_column: String,
    /// In order of first appearance.
    pub groups: Vec<GroupLine>,
    /// Data rows read.
    pub rows: usize,
    /// Header cells left unread.
    pub ignored: Vec<String>,
}

const ORG: &[&str] = &[
    "組織コード",
    "所属コード",
    "職場コード",
    "部署コード",
    "org_code",
    "unit_code",
    "code",
    "コード",
];
const NAME: &[&str] = &[
    "組織名",
    "所属名",
    "職場名",
    "部署名",
    "名称",
    "org_name",
    "unit_name",
    "name",
];
const RESPONDENTS: &[&str] = &[
    "回答者数",
    "回答数",
    "有効回答数",
    "人数",
    "respondents",
    "n",
];
const ID: &[&str] = &[
    "回答者id",
    "回答者番号",
    "回答id",
    "respondent_id",
    "respondent",
    "id",
];

fn is_one_of(key: &str, names: &[&str]) -> bool {
    names.iter().any(|n| header_key(n) == key)
}

/// The UWES-9 item (1-9) a header names: `Q3`, `項目3`, `設問3`, `問3`, `item3`, `UWES3`.
fn item_number(key: &str) -> Option<usize> {
    let rest = ["uwes", "item", "q", "項目", "設問", "問"]
        .iter()
        .find_map(|p| key.strip_prefix(p))?;
    let rest = rest.strip_prefix("q").unwrap_or(rest);
    match rest.parse::<usize>() {
        Ok(n) if (1..=ITEMS).contains(&n) => Some(n),
        _ => None,
    }
}

/// What each column of the header holds.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Col {
    Org,
    Respondents,
    Scale(usize),
    Item(usize),
    Unread,
}

struct Layout {
    cols: Vec<Col>,
    source: SurveySource,
    scales: Vec<Scale>,
    org_column: String,
    ignored: Vec<String>,
}

fn layout(header: &[String]) -> Result<Layout, Vec<SurveyIssue>> {
    let keys: Vec<String> = header.iter().map(|h| header_key(h)).collect();
    let at_header = |column: Option<&str>, problem| SurveyIssue {
        line: 1,
        column: column.map(str::to_string),
        problem,
    };
    let org = keys.iter().position(|k| is_one_of(k, ORG));
    let has_respondents = keys.iter().any(|k| is_one_of(k, RESPONDENTS));
    let items: Vec<Option<usize>> = keys.iter().map(|k| item_number(k)).collect();
    let Some(org) = org else {
        return Err(vec![at_header(
            Some("組織コード"),
            SurveyProblem::NoOrgColumn,
        )]);
    };
    let source = match (has_respondents, items.iter().any(Option::is_some)) {
        (true, _) => SurveySource::Implementer,
        (false, true) => SurveySource::ItemLevel,
        (false, false) => return Err(vec![at_header(None, SurveyProblem::UnknownLayout)]),
    };
    let mut cols = Vec::with_capacity(header.len());
    let mut scales = Vec::new();
    let mut ignored = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut issues = Vec::new();
    for (i, (name, key)) in header.iter().zip(&keys).enumerate() {
        let col = if i == org {
            Col::Org
        } else if key.is_empty()
            || is_one_of(key, NAME)
            || is_one_of(key, ID)
            || is_one_of(key, ORG)
        {
            Col::Unread
        } else if source == SurveySource::Implementer && is_one_of(key, RESPONDENTS) {
            Col::Respondents
        } else if source == SurveySource::Implementer {
            scales.push(Scale::from_header(name));
            Col::Scale(scales.len() - 1)
        } else {
            items[i].map_or(Col::Unread, Col::Item)
        };
        if col == Col::Unread && !key.is_empty() && !is_one_of(key, NAME) {
            ignored.push(name.trim().to_string());
        }
        let same = match col {
            Col::Scale(s) => Some(format!("scale:{}", scales[s].key)),
            Col::Item(n) => Some(format!("item:{n}")),
            Col::Respondents => Some("respondents".to_string()),
            _ => None,
        };
        if let Some(same) = same
            && let Some(first) = seen.insert(same, i)
        {
            let first = header[first].trim().to_string();
            issues.push(at_header(
                Some(name.trim()),
                SurveyProblem::File(Problem::DuplicateColumn { first }),
            ));
        }
        cols.push(col);
    }
    if source == SurveySource::Implementer && scales.is_empty() {
        issues.push(at_header(None, SurveyProblem::NoScales));
    }
    if source == SurveySource::ItemLevel {
        let missing: Vec<usize> = (1..=ITEMS)
            .filter(|n| !cols.contains(&Col::Item(*n)))
            .collect();
        if !missing.is_empty() {
            issues.push(at_header(None, SurveyProblem::MissingItems(missing)));
        }
        scales = uwes_scales();
    }
    if !issues.is_empty() {
        return Err(issues);
    }
    Ok(Layout {
        cols,
        source,
        scales,
        org_column: header[org].trim().to_string(),
        ignored,
    })
}

mod rows;

/// Decodes and reads a survey file: the whole file, or every problem in line order.
pub fn read_survey(bytes: &[u8], encoding: Encoding) -> Result<SurveyFile, Vec<SurveyIssue>> {
    let (text, detected) = decode(bytes, encoding).map_err(|e| vec![SurveyIssue::from(e)])?;
    rows::read(&text, detected)
}
