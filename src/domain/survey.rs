//! The work-engagement survey: group results per workplace, the scales they are given
//! in, and the group-size rule that decides which groups may be shown.
//!
//! HR never holds a person's answers (安衛法 66条の10 for the stress check; the city's
//! own engagement survey is treated the same way): what is kept is one result per
//! workplace and fiscal year, its number of respondents and a mean per scale. Answers
//! read one by one from an item-level file are folded into such results on import
//! ([`uwes`]) and never kept.

pub mod rule;
pub mod uwes;

use super::{Date, FiscalYear};

pub use rule::{Grouping, Placement, ShownGroup, Tally, apply};

/// The smallest group a result may be shown for, and the floor when none is set.
pub const MIN_FLOOR: u32 = 10;

/// A scale of the survey, in the order the results give it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Scale {
    /// A stable key: a known scale's code (`engagement`, `supervisor_support` …), else
    /// the header as written, so a year's scales line up with the year before.
    pub key: String,
    /// The name shown: a known scale's Japanese name, else the header as written.
    pub name: String,
}

impl Scale {
    /// The scale a results file's header names.
    pub fn from_header(header: &str) -> Scale {
        let header = header.trim();
        match known_scale(header) {
            Some((key, name)) => Scale {
                key: key.into(),
                name: name.into(),
            },
            None => Scale {
                key: header.into(),
                name: header.into(),
            },
        }
    }

    /// Whether this is one of the scales kizuna knows by name.
    pub fn is_known(&self) -> bool {
        KNOWN.iter().any(|(key, _, _)| *key == self.key)
    }
}

/// Where a year's results came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum SurveySource {
    /// Group results made by the stress-check implementer (実施者).
    Implementer,
    /// The city's own UWES-9 survey, answers folded into group results on import.
    ItemLevel,
}

/// One fiscal year's survey: where the results came from, their scales, and when they
/// were imported. The group results themselves are [`GroupResult`]s.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SurveyYear {
    pub fy: FiscalYear,
    pub source: SurveySource,
    pub scales: Vec<Scale>,
    pub imported: Date,
}

/// The result of one workplace's own group: its respondents and a mean per scale of
/// the year (none where the results give no figure).
#[derive(Clone, Debug, PartialEq)]
pub struct GroupResult {
    pub fy: FiscalYear,
    pub org_code: String,
    pub respondents: u32,
    pub scores: Vec<Option<f64>>,
    /// Units whose answers were pooled into this group when item-level answers were
    /// imported, because their own group was under the floor: they are shown as merged.
    pub merged: Vec<String>,
}

/// The code of the group that pools, at import, item-level answers of units that no
/// unit's group could take in: it counts in the city-wide figure only.
pub const POOLED: &str = "*";

/// Known scales: key, Japanese name, the header spellings that name it (compared
/// after [`header_key`]).
const KNOWN: &[(&str, &str, &[&str])] = &[
    (
        "engagement",
        "ワーク・エンゲイジメント",
        &[
            "ワークエンゲイジメント",
            "ワークエンゲージメント",
            "workengagement",
            "engagement",
            "uwes",
            "uwes9",
        ],
    ),
    ("vigor", "活力", &["活力", "vigor", "vigour"]),
    ("dedication", "熱意", &["熱意", "dedication"]),
    ("absorption", "没頭", &["没頭", "absorption"]),
    (
        "supervisor_support",
        "上司の支援",
        &[
            "上司の支援",
            "上司の支援度",
            "上司からのサポート",
            "supervisorsupport",
        ],
    ),
    (
        "coworker_support",
        "同僚の支援",
        &[
            "同僚の支援",
            "同僚の支援度",
            "同僚からのサポート",
            "coworkersupport",
        ],
    ),
    (
        "job_control",
        "仕事のコントロール",
        &["仕事のコントロール", "仕事のコントロール度", "jobcontrol"],
    ),
    (
        "meaning_of_work",
        "仕事の意義",
        &["仕事の意義", "働きがい", "meaningofwork", "meaningfulness"],
    ),
];

/// A header cell compared without case, width, spaces or punctuation.
pub fn header_key(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .filter(|c| !c.is_whitespace() && !matches!(c, '・' | '･' | '_' | '-' | '\u{FEFF}'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The key and Japanese name of a known scale a header names.
pub fn known_scale(header: &str) -> Option<(&'static str, &'static str)> {
    let key = header_key(header);
    KNOWN
        .iter()
        .find(|(k, _, names)| *k == key || names.iter().any(|n| header_key(n) == key))
        .map(|(k, name, _)| (*k, *name))
}

#[cfg(test)]
mod tests;
