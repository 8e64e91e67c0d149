//! KPI series (chapter 1-2) and the digital-talent targets (section 3-5).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::era::FiscalYear;

/// A yearly figure the policy tracks, such as total overtime hours.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KpiSeries {
    pub key: String,
    pub name: String,
    pub unit: String,
    pub values: BTreeMap<FiscalYear, i64>,
    pub order: u32,
}

/// A digital-talent tier as the policy describes it, with its targets.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TierTarget {
    pub tier: super::employee::DigitalTier,
    /// 人材像.
    pub image: String,
    /// The long-term target as the policy words it.
    pub long_term: String,
    /// Numeric long-term target (lower and upper bound; equal when one figure).
    pub long_term_count: Option<(u32, u32)>,
    /// At least this many in every 所属, in the long run.
    pub per_section: Option<u32>,
    /// The target for the target year, if numeric.
    pub target_count: Option<u32>,
    pub target_year: i32,
}

/// A digital skill domain (マインド, デザイン, デジタル, ベーシック).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DigitalDomain {
    pub key: String,
    pub name: String,
    pub order: u32,
}

/// A class of digital course and whom it is for (必修 / 推奨 / 選抜).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CourseClass {
    pub key: String,
    pub name: String,
    pub audience: String,
}
