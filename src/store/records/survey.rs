//! The work-engagement survey on disk: one record per fiscal year (where the results
//! came from, their scales) and one per workplace group and year (respondents and a
//! mean per scale). Answers of single people have no record type: they are never kept.

use serde::{Deserialize, Serialize};

use super::{date_from, date_to, enum_codes, record_v1};
use crate::domain::FiscalYear;
use crate::domain::survey::{GroupResult, Scale, SurveySource, SurveyYear};
use crate::store::codec::CodecError;

enum_codes!(SurveySource, source_to, source_from { Implementer = 0, ItemLevel = 1 });

/// The key of a year: `2026`.
pub fn year_key(fy: FiscalYear) -> String {
    format!("{:04}", fy.0)
}

/// The key prefix of a year's groups: `2026/`.
pub fn group_prefix(fy: FiscalYear) -> String {
    format!("{:04}/", fy.0)
}

#[derive(Serialize, Deserialize)]
pub(super) struct SurveyYearV1 {
    fy: i32,
    source: u8,
    /// `(key, name)` per scale, in the results' order.
    scales: Vec<(String, String)>,
    imported: u32,
}

impl From<&SurveyYear> for SurveyYearV1 {
    fn from(y: &SurveyYear) -> Self {
        SurveyYearV1 {
            fy: y.fy.0,
            source: source_to(y.source),
            scales: y
                .scales
                .iter()
                .map(|s| (s.key.clone(), s.name.clone()))
                .collect(),
            imported: date_to(y.imported),
        }
    }
}

impl TryFrom<SurveyYearV1> for SurveyYear {
    type Error = CodecError;
    fn try_from(v: SurveyYearV1) -> Result<Self, CodecError> {
        Ok(SurveyYear {
            fy: FiscalYear(v.fy),
            source: source_from(v.source)?,
            scales: v
                .scales
                .into_iter()
                .map(|(key, name)| Scale { key, name })
                .collect(),
            imported: date_from(v.imported)?,
        })
    }
}

record_v1!(SurveyYear, "survey_years", SurveyYearV1, |y| year_key(y.fy));

#[derive(Serialize, Deserialize)]
pub(super) struct SurveyGroupV1 {
    fy: i32,
    org_code: String,
    respondents: u32,
    scores: Vec<Option<f64>>,
    merged: Vec<String>,
}

impl From<&GroupResult> for SurveyGroupV1 {
    fn from(g: &GroupResult) -> Self {
        SurveyGroupV1 {
            fy: g.fy.0,
            org_code: g.org_code.clone(),
            respondents: g.respondents,
            scores: g.scores.clone(),
            merged: g.merged.clone(),
        }
    }
}

impl TryFrom<SurveyGroupV1> for GroupResult {
    type Error = CodecError;
    fn try_from(v: SurveyGroupV1) -> Result<Self, CodecError> {
        if v.respondents == 0 || v.scores.iter().flatten().any(|s| !s.is_finite()) {
            return Err(CodecError::Corrupt(format!(
                "survey group {} {}",
                v.fy, v.org_code
            )));
        }
        Ok(GroupResult {
            fy: FiscalYear(v.fy),
            org_code: v.org_code,
            respondents: v.respondents,
            scores: v.scores,
            merged: v.merged,
        })
    }
}

record_v1!(GroupResult, "survey_groups", SurveyGroupV1, |g| format!(
    "{}{}",
    group_prefix(g.fy),
    g.org_code
));

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Date;
    use crate::store::Record;

    #[test]
    fn both_records_round_trip_and_refuse_nonsense() {
        let y = SurveyYear {
            fy: FiscalYear(2026),
            source: SurveySource::ItemLevel,
            scales: vec![Scale::from_header("活力"), Scale::from_header("独自の尺度")],
            imported: Date::new(2026, 11, 25).unwrap(),
        };
        assert_eq!(y.key(), "2026");
        assert_eq!(SurveyYear::from_bytes(&y.to_bytes().unwrap()).unwrap(), y);
        let g = GroupResult {
            merged: vec!["0102".into()],
            fy: FiscalYear(2026),
            org_code: "0102".into(),
            respondents: 12,
            scores: vec![Some(3.25), None],
        };
        assert_eq!(g.key(), "2026/0102");
        assert_eq!(GroupResult::from_bytes(&g.to_bytes().unwrap()).unwrap(), g);
        let bad = GroupResult {
            merged: Vec::new(),
            respondents: 0,
            ..g.clone()
        };
        assert!(GroupResult::from_bytes(&bad.to_bytes().unwrap()).is_err());
        let mut bytes = g.to_bytes().unwrap();
        bytes[0] = 9;
        assert!(GroupResult::from_bytes(&bytes).is_err());
    }
}
