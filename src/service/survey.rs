//! The work-engagement survey as HR reads it: per workplace, with the group-size rule
//! applied, the city-wide figures and the year before. The survey is read by accounts
//! that may both look up staff and see statistics (today: the `hr` role only), never by
//! viewer-only accounts: even merged group results say something about a workplace's
//! people. Importing needs `staff.write` (see [`super::survey_import`]).

use super::{Permission, Principal, Service, ServiceError, require};
use crate::domain::survey::{
    self, GroupResult, Grouping, POOLED, Placement, Scale, SurveySource, SurveyYear,
};
use crate::domain::{Date, FiscalYear, OrgTree};
use crate::store::Reader;
use crate::store::records::survey::{group_prefix, year_key};

/// A unit whose own group was merged into a row.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct MergedUnit {
    pub org_code: String,
    pub org_name: String,
}

/// One row that may be shown: a workplace's group with the smaller groups merged into
/// it, or (with an empty `org_code`) the whole city.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct SurveyRow {
    /// Empty for the city-wide row.
    pub org_code: String,
    /// The unit's own name (`人事係`); empty for the city.
    pub org_name: String,
    /// The unit's path from the top (`総務部 職員課 人事係`); empty for the city.
    pub path: String,
    /// Respondents in the row, merged groups included (never under the floor).
    pub respondents: u32,
    /// The respondent-weighted mean per scale of [`SurveyView::scales`]; none where
    /// some group in the row has no figure for the scale.
    pub scores: Vec<Option<f64>>,
    /// The same row in the year before, per scale of this year (matched by scale key);
    /// none where that year did not show the row or lacks the scale.
    pub previous: Vec<Option<f64>>,
    /// Respondents of the same row in the year before, if it was shown.
    pub previous_respondents: Option<u32>,
    /// Units whose too-small groups were merged into this row, in org order.
    pub merged: Vec<MergedUnit>,
}

/// Where a unit's group is, when it has no row of its own.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Hidden {
    /// Merged into the row of this unit (its code).
    MergedInto(String),
    /// Shown only within the city-wide figure: its group, with what else could not be
    /// placed, stays under the floor, or showing it would let subtraction reveal such
    /// a group.
    Withheld,
}

/// A unit with results that has no row of its own. Its respondents are not given.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct HiddenGroup {
    pub org_code: String,
    pub org_name: String,
    pub path: String,
    pub hidden: Hidden,
}

/// A fiscal year's survey, per workplace, ready to draw (a heatmap of `rows` by
/// `scales`) or to print.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct SurveyView {
    pub fy: FiscalYear,
    /// The smallest group shown (the `survey_floor` setting, never below 10).
    pub floor: u32,
    pub source: SurveySource,
    pub imported: Date,
    /// The scales, in the results' order; `scores` of every row follow it.
    pub scales: Vec<Scale>,
    /// The whole city; none when it has fewer respondents than the floor.
    pub city: Option<SurveyRow>,
    /// The whole city in the year before, if that year has results.
    pub previous_city: Option<SurveyRow>,
    /// The rows that may be shown, in org order (depth first, children by code).
    pub rows: Vec<SurveyRow>,
    /// Units with results but no row of their own, in org order.
    pub hidden: Vec<HiddenGroup>,
}

/// Where a unit stands in a view.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Standing<'a> {
    /// It has its own row.
    Row(&'a SurveyRow),
    /// Its group is part of this row.
    MergedInto(&'a SurveyRow),
    /// Its group is shown only in the city-wide figure.
    Withheld,
    /// No results for it this year.
    NoResults,
}

impl SurveyView {
    /// Where a unit stands: its own row, the row it was merged into, or neither.
    pub fn standing(&self, org_code: &str) -> Standing<'_> {
        if let Some(row) = self.rows.iter().find(|r| r.org_code == org_code) {
            return Standing::Row(row);
        }
        match self.hidden.iter().find(|h| h.org_code == org_code) {
            Some(HiddenGroup {
                hidden: Hidden::MergedInto(into),
                ..
            }) => self
                .rows
                .iter()
                .find(|r| r.org_code == *into)
                .map_or(Standing::Withheld, Standing::MergedInto),
            Some(_) => Standing::Withheld,
            None => Standing::NoResults,
        }
    }
}

/// A year's stored results.
pub(super) fn year_in(
    r: &Reader,
    fy: FiscalYear,
) -> Result<Option<(SurveyYear, Vec<GroupResult>)>, ServiceError> {
    let Some(year) = r.get::<SurveyYear>(&year_key(fy))? else {
        return Ok(None);
    };
    let groups = r.with_prefix::<GroupResult>(&group_prefix(fy))?;
    Ok(Some((year, groups)))
}

/// The row of a shown group (or of the city), scores per this year's scales.
fn row(org: &OrgTree, code: &str, tally: &survey::Tally, merged: &[String]) -> SurveyRow {
    SurveyRow {
        org_code: code.to_string(),
        org_name: org.get(code).map(|u| u.name.clone()).unwrap_or_default(),
        path: org.path_name(code).to_string(),
        respondents: tally.respondents,
        scores: tally.means(),
        previous: Vec::new(),
        previous_respondents: None,
        merged: merged
            .iter()
            .map(|m| MergedUnit {
                org_code: m.clone(),
                org_name: org.get(m).map(|u| u.name.clone()).unwrap_or_default(),
            })
            .collect(),
    }
}

/// A year's rows and city row, the rule applied.
fn rows_of(org: &OrgTree, g: &Grouping) -> (Vec<SurveyRow>, Option<SurveyRow>) {
    let rows = g
        .rows
        .iter()
        .map(|s| row(org, &s.org_code, &s.tally, &s.merged))
        .collect();
    let city = g.city.as_ref().map(|t| row(org, "", t, &[]));
    (rows, city)
}

/// Fills `previous` of a row from last year's row, scales matched by key.
fn link(row: &mut SurveyRow, before: Option<&SurveyRow>, scales: &[Scale], old: &[Scale]) {
    row.previous = scales
        .iter()
        .map(|s| {
            let at = old.iter().position(|o| o.key == s.key)?;
            before?.scores.get(at).copied().flatten()
        })
        .collect();
    row.previous_respondents = before.map(|b| b.respondents);
}

/// The view of a year from a read transaction.
pub(super) fn view_in(r: &Reader, fy: FiscalYear) -> Result<Option<SurveyView>, ServiceError> {
    let Some((year, groups)) = year_in(r, fy)? else {
        return Ok(None);
    };
    let floor = super::skills::settings_in(r)?.survey_floor();
    let org = super::staff::org_tree(r)?;
    let units = survey::rule::org_order(&org);
    let grouping = survey::apply(&units, &groups, floor);
    let (mut rows, mut city) = rows_of(&org, &grouping);
    let before = year_in(r, FiscalYear(fy.0 - 1))?;
    let (old_rows, old_city, old_scales) = match &before {
        Some((y, g)) => {
            let (rows, city) = rows_of(&org, &survey::apply(&units, g, floor));
            (rows, city, y.scales.clone())
        }
        None => (Vec::new(), None, Vec::new()),
    };
    for row in &mut rows {
        let same = old_rows.iter().find(|o| o.org_code == row.org_code);
        link(row, same, &year.scales, &old_scales);
    }
    if let Some(c) = &mut city {
        link(c, old_city.as_ref(), &year.scales, &old_scales);
    }
    let previous_city = old_city.map(|mut c| {
        c.scores = year
            .scales
            .iter()
            .map(|s| {
                let at = old_scales.iter().position(|o| o.key == s.key)?;
                c.scores.get(at).copied().flatten()
            })
            .collect();
        c
    });
    let hidden = units
        .iter()
        .map(|(code, _)| code)
        .chain(
            groups
                .iter()
                .map(|g| &g.org_code)
                .filter(|c| org.get(c).is_none() && c.as_str() != POOLED),
        )
        .filter_map(|code| {
            let hidden = match grouping.placements.get(code)? {
                Placement::Shown => return None,
                Placement::MergedInto(into) => Hidden::MergedInto(into.clone()),
                Placement::Withheld => Hidden::Withheld,
            };
            Some(HiddenGroup {
                org_code: code.clone(),
                org_name: org.get(code).map(|u| u.name.clone()).unwrap_or_default(),
                path: org.path_name(code).to_string(),
                hidden,
            })
        })
        .collect();
    Ok(Some(SurveyView {
        fy,
        floor: grouping.floor,
        source: year.source,
        imported: year.imported,
        scales: year.scales,
        city,
        previous_city,
        rows,
        hidden,
    }))
}

impl Service {
    /// A read transaction for the survey: `staff.read` and `stats` both (the `hr`
    /// role).
    fn read_survey(&self, p: &Principal) -> Result<Reader, ServiceError> {
        let r = self.read_as(p, Permission::StaffRead)?;
        require(&r, p, Permission::Stats)?;
        Ok(r)
    }

    /// A fiscal year's survey per workplace, the group-size rule applied, with the
    /// city-wide figures and the year before. `NotFound` (kind `survey`) when the year
    /// has no results; see [`Service::years_with_survey`].
    pub fn survey(&self, p: &Principal, fy: FiscalYear) -> Result<SurveyView, ServiceError> {
        view_in(&self.read_survey(p)?, fy)?.ok_or_else(|| ServiceError::NotFound {
            kind: "survey",
            id: fy.short(),
        })
    }

    /// The fiscal years that have survey results, oldest first.
    pub fn years_with_survey(&self, p: &Principal) -> Result<Vec<FiscalYear>, ServiceError> {
        let mut years: Vec<FiscalYear> = self
            .read_survey(p)?
            .all::<SurveyYear>()?
            .into_iter()
            .map(|y| y.fy)
            .collect();
        years.sort();
        Ok(years)
    }
}
