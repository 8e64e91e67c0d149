//! `kizuna survey import`: a year's group results, from the implementer's file or
//! folded from the city's own item-level answers, in one write transaction that
//! replaces whatever that year held. Only the group results are written; the audit
//! entry names the year, never a figure.

use super::{Permission, Principal, Service, ServiceError};
use crate::domain::survey::{
    GroupResult, MIN_FLOOR, POOLED, Scale, SurveySource, SurveyYear, rule,
};
use crate::domain::{FiscalYear, OrgTree, OrgUnit};
use crate::io::csv::{Detected, Encoding};
use crate::io::survey::{SurveyFile, SurveyIssue, SurveyProblem, read_survey};
use crate::store::records::survey::{group_prefix, year_key};
use crate::store::{StoreError, Writer};

/// How to read a survey file.
#[derive(Clone, Copy, Debug, serde::Serialize, serde::Deserialize)]
pub struct SurveyImport {
    /// The fiscal year the results belong to.
    pub fy: FiscalYear,
    pub encoding: Encoding,
    /// Check everything, write nothing.
    pub dry_run: bool,
}

/// What an import did, or (dry run) would do.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SurveySummary {
    pub fy: FiscalYear,
    pub source: SurveySource,
    pub detected: Detected,
    pub scales: Vec<Scale>,
    /// Workplace groups written.
    pub groups: usize,
    /// Respondents over all groups.
    pub respondents: u64,
    /// Data rows read (answers, for an item-level file).
    pub rows: usize,
    /// Groups of an earlier import of the year that this one replaced; none when the
    /// year had no results.
    pub replaced: Option<usize>,
    /// Header cells left unread.
    pub ignored: Vec<String>,
    pub dry_run: bool,
}

/// Why a survey file was not taken.
#[derive(Debug, thiserror::Error, serde::Serialize, serde::Deserialize)]
pub enum SurveyImportError {
    #[error(transparent)]
    Service(#[from] ServiceError),
    /// Nothing was imported; here is everything to fix.
    #[error("{} problems in the file", .0.len())]
    Rejected(Vec<SurveyIssue>),
}

impl From<StoreError> for SurveyImportError {
    fn from(e: StoreError) -> SurveyImportError {
        SurveyImportError::Service(e.into())
    }
}

/// Every organisation code of the file that no stored unit has, at its first line.
fn unknown_orgs(file: &SurveyFile, units: &[OrgUnit]) -> Vec<SurveyIssue> {
    let known: std::collections::HashSet<&str> = units.iter().map(|u| u.code.as_str()).collect();
    file.groups
        .iter()
        .filter(|g| !known.contains(g.org_code.as_str()))
        .map(|g| SurveyIssue {
            line: g.line,
            column: Some(file.org_column.clone()),
            problem: SurveyProblem::UnknownOrg {
                code: g.org_code.clone(),
                rows: g.rows,
            },
        })
        .collect()
}

fn summary(
    file: &SurveyFile,
    fy: FiscalYear,
    replaced: Option<usize>,
    dry_run: bool,
) -> SurveySummary {
    SurveySummary {
        fy,
        source: file.source,
        detected: file.detected,
        scales: file.scales.clone(),
        groups: file.groups.len(),
        respondents: file.groups.iter().map(|g| u64::from(g.respondents)).sum(),
        rows: file.rows,
        replaced,
        ignored: file.ignored.clone(),
        dry_run,
    }
}

/// The groups to store. Group results come as the implementer made them (at least the
/// floor each, by their contract). Item-level answers are the city's own, so a unit
/// with fewer than [`MIN_FLOOR`] answers is never stored on its own: the group-size
/// rule pools it into its parent (named as merged there), and what no unit takes in is
/// kept as one [`POOLED`] group, counted in the city-wide figure only.
fn groups_to_store(
    file: &SurveyFile,
    fy: FiscalYear,
    units: Vec<OrgUnit>,
) -> Result<Vec<GroupResult>, ServiceError> {
    let groups: Vec<GroupResult> = file
        .groups
        .iter()
        .map(|g| GroupResult {
            fy,
            org_code: g.org_code.clone(),
            respondents: g.respondents,
            scores: g.scores.clone(),
            merged: Vec::new(),
        })
        .collect();
    if file.source != SurveySource::ItemLevel {
        return Ok(groups);
    }
    let tree = OrgTree::new(units)?;
    let grouping = rule::apply(&rule::org_order(&tree), &groups, MIN_FLOOR);
    let mut out: Vec<GroupResult> = grouping
        .rows
        .iter()
        .map(|row| GroupResult {
            fy,
            org_code: row.org_code.clone(),
            respondents: row.tally.respondents,
            scores: row.tally.means(),
            merged: row.merged.clone(),
        })
        .collect();
    let withheld: Vec<&GroupResult> = groups
        .iter()
        .filter(|g| {
            matches!(
                grouping.placements.get(&g.org_code),
                Some(rule::Placement::Withheld)
            )
        })
        .collect();
    if !withheld.is_empty() {
        let mut pool = rule::Tally::empty(file.scales.len());
        for g in &withheld {
            pool.add(&rule::Tally::of(g));
        }
        out.push(GroupResult {
            fy,
            org_code: POOLED.to_string(),
            respondents: pool.respondents,
            scores: pool.means(),
            merged: withheld.iter().map(|g| g.org_code.clone()).collect(),
        });
    }
    Ok(out)
}

/// Replaces the year's groups with `groups`; returns how many it replaced.
fn write(
    w: &mut Writer,
    groups: &[GroupResult],
    year: &SurveyYear,
) -> Result<Option<usize>, ServiceError> {
    let had = w.get::<SurveyYear>(&year_key(year.fy))?.is_some();
    let old = w.with_prefix::<GroupResult>(&group_prefix(year.fy))?;
    for g in &old {
        w.delete::<GroupResult>(&format!("{}{}", group_prefix(g.fy), g.org_code))?;
    }
    for g in groups {
        w.put(g)?;
    }
    w.put(year)?;
    Ok(had.then_some(old.len()))
}

impl Service {
    /// Imports a year's survey results, all or nothing: the file is read and checked
    /// (every organisation code must name a stored unit), then the year's earlier
    /// results are replaced in one transaction with one audit entry (`survey.import`,
    /// the year). A dry run only reads. Needs `staff.write`.
    pub fn import_survey(
        &self,
        p: &Principal,
        bytes: &[u8],
        opts: &SurveyImport,
    ) -> Result<SurveySummary, SurveyImportError> {
        let file = read_survey(bytes, opts.encoding).map_err(SurveyImportError::Rejected)?;
        let answered: u64 = file.groups.iter().map(|g| u64::from(g.respondents)).sum();
        if file.source == SurveySource::ItemLevel && answered < u64::from(MIN_FLOOR) {
            return Err(SurveyImportError::Rejected(vec![SurveyIssue {
                line: 0,
                column: None,
                problem: SurveyProblem::TooFewAnswers {
                    respondents: u32::try_from(answered).unwrap_or(u32::MAX),
                    floor: MIN_FLOOR,
                },
            }]));
        }
        let fy = opts.fy;
        if opts.dry_run {
            let r = self.read_as(p, Permission::StaffWrite)?;
            let unknown = unknown_orgs(&file, &r.all::<OrgUnit>()?);
            if !unknown.is_empty() {
                return Err(SurveyImportError::Rejected(unknown));
            }
            let had = r.get::<SurveyYear>(&year_key(fy))?.is_some();
            let old = r.with_prefix::<GroupResult>(&group_prefix(fy))?.len();
            return Ok(summary(&file, fy, had.then_some(old), true));
        }
        let year = SurveyYear {
            fy,
            source: file.source,
            scales: file.scales.clone(),
            imported: self.clock.today(),
        };
        let mut rejected = None;
        let result = self.write_as(p, Permission::StaffWrite, "survey.import", |w| {
            let unknown = unknown_orgs(&file, &w.all::<OrgUnit>()?);
            if !unknown.is_empty() {
                rejected = Some(unknown);
                // Any error rolls the transaction back; the issues go out below.
                return Err(ServiceError::NotFound {
                    kind: "unit",
                    id: String::new(),
                });
            }
            let groups = groups_to_store(&file, fy, w.all::<OrgUnit>()?)?;
            let replaced = write(w, &groups, &year)?;
            Ok((summary(&file, fy, replaced, false), vec![fy.short()]))
        });
        match rejected {
            Some(issues) => Err(SurveyImportError::Rejected(issues)),
            None => Ok(result?),
        }
    }
}
