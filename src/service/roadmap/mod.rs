//! The roadmap as it is worked on: the timeline of the plan period with each year's
//! current plan and status, one initiative whole with its history, the changes made
//! at and after the managers' meetings, and the progress report for them. Reading
//! needs the catalogue permission; every change is HR's, one transaction with one audit
//! entry.

mod change;
mod report;

pub use change::{RoadmapChange, RoadmapFault};
pub use report::{ProgressReport, ReportItem};

use std::collections::BTreeMap;

use super::{Permission, Principal, Service, ServiceError, by_order};
use crate::domain::progress::{PlanCell, PlanVersion, StatusChange};
use crate::domain::{
    Approach, Date, FiscalYear, Initiative, InitiativeProgress, KpiSeries, PlanPeriod, Progress,
};
use crate::store::Reader;

/// One year of one initiative on the timeline.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TimelineCell {
    pub fy: FiscalYear,
    pub plan: PlanCell,
    pub status: Progress,
    /// The plan differs from the policy's.
    pub revised: bool,
}

/// One initiative on the timeline.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TimelineRow {
    pub id: String,
    pub title: String,
    pub owner: Option<String>,
    pub kpis: Vec<String>,
    /// One per year of the plan period.
    pub cells: Vec<TimelineCell>,
    /// The progress's revision when read, for a change made from the timeline.
    pub revision: u64,
}

/// The initiatives of one approach, in the policy's order.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TimelineGroup {
    pub approach: Approach,
    pub rows: Vec<TimelineRow>,
}

/// The plan period across, the initiatives down by approach, and today.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Timeline {
    pub period: PlanPeriod,
    pub years: Vec<FiscalYear>,
    /// Today in Japan, for the marker (its fiscal year and month).
    pub today: Date,
    pub groups: Vec<TimelineGroup>,
}

impl Timeline {
    /// The fiscal year today falls in.
    pub fn this_year(&self) -> FiscalYear {
        FiscalYear::of(self.today)
    }

    /// Every initiative, group after group.
    pub fn rows(&self) -> impl Iterator<Item = &TimelineRow> {
        self.groups.iter().flat_map(|g| g.rows.iter())
    }

    pub fn row(&self, id: &str) -> Option<&TimelineRow> {
        self.rows().find(|r| r.id == id)
    }
}

/// One initiative whole: the policy's text word for word, and its progress.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct InitiativeDetail {
    pub initiative: Initiative,
    pub approach: Option<Approach>,
    pub years: Vec<FiscalYear>,
    pub today: Date,
    pub progress: InitiativeProgress,
    /// The linked KPI series: key and name.
    pub kpis: Vec<(String, String)>,
    /// The progress's revision when read, for a change made from the detail.
    pub revision: u64,
}

impl InitiativeDetail {
    /// A year's plan now.
    pub fn cell(&self, fy: FiscalYear) -> PlanCell {
        self.progress.cell(&self.initiative, fy)
    }

    /// Every version of a year's plan, the policy's first.
    pub fn versions(&self, fy: FiscalYear) -> Vec<PlanVersion> {
        self.progress.plan_versions(&self.initiative, fy)
    }

    pub fn status(&self, fy: FiscalYear) -> Progress {
        self.progress.status(fy)
    }

    /// A year's status changes, oldest first.
    pub fn statuses(&self, fy: FiscalYear) -> Vec<&StatusChange> {
        self.progress.status_history(fy)
    }
}

/// The progress of every initiative that has any, by id.
fn all_progress(r: &Reader) -> Result<BTreeMap<String, InitiativeProgress>, ServiceError> {
    Ok(r.all::<InitiativeProgress>()?
        .into_iter()
        .map(|p| (p.id.clone(), p))
        .collect())
}

fn row_of(
    i: &Initiative,
    p: &InitiativeProgress,
    years: &[FiscalYear],
    revision: u64,
) -> TimelineRow {
    TimelineRow {
        revision,
        id: i.id.clone(),
        title: i.title.clone(),
        owner: p.owner().map(str::to_string),
        kpis: p.kpis().into_iter().collect(),
        cells: years
            .iter()
            .map(|fy| TimelineCell {
                fy: *fy,
                plan: p.cell(i, *fy),
                status: p.status(*fy),
                revised: p.revised(*fy),
            })
            .collect(),
    }
}

impl Service {
    /// The timeline: every approach with its initiatives, each year's plan and status.
    pub fn roadmap(&self, p: &Principal) -> Result<Timeline, ServiceError> {
        let r = self.read_as(p, Permission::CatalogueRead)?;
        let period = r.plan_period()?;
        let years: Vec<FiscalYear> = period.years().collect();
        let mut progress = all_progress(&r)?;
        let initiatives = by_order(r.all()?, |i: &Initiative| i.order);
        let mut groups = Vec::new();
        for approach in by_order(r.all()?, |a: &Approach| a.no) {
            let mut rows = Vec::new();
            for i in initiatives.iter().filter(|i| i.approach == approach.no) {
                let p = progress
                    .remove(&i.id)
                    .unwrap_or_else(|| InitiativeProgress::new(&i.id));
                let revision = r.revision::<InitiativeProgress>(&i.id)?;
                rows.push(row_of(i, &p, &years, revision));
            }
            groups.push(TimelineGroup { approach, rows });
        }
        Ok(Timeline {
            period,
            years,
            today: self.clock.today(),
            groups,
        })
    }

    /// One initiative with its whole history.
    pub fn roadmap_detail(
        &self,
        p: &Principal,
        id: &str,
    ) -> Result<InitiativeDetail, ServiceError> {
        let r = self.read_as(p, Permission::CatalogueRead)?;
        let initiative = r
            .get::<Initiative>(id)?
            .ok_or_else(|| ServiceError::NotFound {
                kind: "initiative",
                id: id.to_string(),
            })?;
        let approach = r
            .all::<Approach>()?
            .into_iter()
            .find(|a| a.no == initiative.approach);
        let progress = r
            .get::<InitiativeProgress>(id)?
            .unwrap_or_else(|| InitiativeProgress::new(id));
        let series: Vec<KpiSeries> = r.all()?;
        let kpis = progress
            .kpis()
            .into_iter()
            .map(|k| {
                let name = series
                    .iter()
                    .find(|s| s.key == k)
                    .map_or_else(String::new, |s| s.name.clone());
                (k, name)
            })
            .collect();
        Ok(InitiativeDetail {
            initiative,
            approach,
            years: r.plan_period()?.years().collect(),
            today: self.clock.today(),
            revision: r.revision::<InitiativeProgress>(id)?,
            progress,
            kpis,
        })
    }
}
