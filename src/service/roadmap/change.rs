//! Changes to an initiative's progress: a year's status, a note, a year's plan, the
//! owner section, a KPI link. Each is one transaction with one audit entry, and each
//! adds to the history rather than replacing anything.

use super::super::{Permission, Principal, Service, ServiceError, Theirs, expect_revision};
use crate::domain::progress::{ProgressError, Signed};
use crate::domain::{FiscalYear, Initiative, InitiativeProgress, KpiSeries, PlanPeriod, Progress};

/// One change to an initiative's progress.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum RoadmapChange {
    /// The status of a fiscal year of the plan period.
    Status { fy: FiscalYear, status: Progress },
    /// A dated note, about one year or the initiative as a whole.
    Note {
        fy: Option<FiscalYear>,
        text: String,
    },
    /// A year's plan revised; an empty text means nothing is planned that year.
    Plan { fy: FiscalYear, text: String },
    /// The section responsible from now on.
    Owner { section: String },
    /// A KPI series linked (or unlinked).
    Link { key: String, linked: bool },
}

impl RoadmapChange {
    /// The audit log's name of the change.
    fn action(&self) -> &'static str {
        match self {
            RoadmapChange::Status { .. } => "roadmap.status",
            RoadmapChange::Note { .. } => "roadmap.note",
            RoadmapChange::Plan { .. } => "roadmap.plan",
            RoadmapChange::Owner { .. } => "roadmap.owner",
            RoadmapChange::Link { .. } => "roadmap.link",
        }
    }

    /// The fiscal year the change is about, if one.
    fn year(&self) -> Option<FiscalYear> {
        match self {
            RoadmapChange::Status { fy, .. } | RoadmapChange::Plan { fy, .. } => Some(*fy),
            RoadmapChange::Note { fy, .. } => *fy,
            _ => None,
        }
    }
}

/// Why a roadmap change was refused.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum RoadmapFault {
    /// The year is not in the plan period.
    OutsidePeriod { fy: FiscalYear, period: PlanPeriod },
    /// No KPI series has this key.
    UnknownKpi(String),
    /// The change would change nothing, or has no text.
    Refused(ProgressError),
}

impl From<RoadmapFault> for ServiceError {
    fn from(f: RoadmapFault) -> ServiceError {
        ServiceError::Roadmap(f)
    }
}

impl From<ProgressError> for ServiceError {
    fn from(e: ProgressError) -> ServiceError {
        ServiceError::Roadmap(RoadmapFault::Refused(e))
    }
}

impl Service {
    /// Makes one change to an initiative's progress and returns the progress as it now
    /// stands. The change is made to the progress as stored, whatever revision the
    /// caller read: right for a change that stands on its own (a note, a status set
    /// from the command line); a change made from what a screen shows goes through
    /// [`Service::change_initiative`].
    pub fn roadmap_change(
        &self,
        p: &Principal,
        id: &str,
        change: RoadmapChange,
    ) -> Result<InitiativeProgress, ServiceError> {
        self.roadmap_change_from(p, id, change, None)
    }

    /// Makes one change to an initiative whose progress a screen read at revision
    /// `opened` ([`TimelineRow::revision`](super::TimelineRow),
    /// [`InitiativeDetail::revision`](super::InitiativeDetail)). If someone else changed
    /// it since, nothing is written and [`ServiceError::Conflict`] carries theirs.
    pub fn change_initiative(
        &self,
        p: &Principal,
        id: &str,
        change: RoadmapChange,
        opened: u64,
    ) -> Result<InitiativeProgress, ServiceError> {
        self.roadmap_change_from(p, id, change, Some(opened))
    }

    fn roadmap_change_from(
        &self,
        p: &Principal,
        id: &str,
        change: RoadmapChange,
        opened: Option<u64>,
    ) -> Result<InitiativeProgress, ServiceError> {
        let period = self.store.read()?.plan_period()?;
        if let Some(fy) = change.year()
            && !period.contains(fy)
        {
            return Err(RoadmapFault::OutsidePeriod { fy, period }.into());
        }
        let signed = Signed {
            at: self.clock.now(),
            by: p.account.clone(),
        };
        let action = change.action();
        self.write_as(p, Permission::StaffWrite, action, |w| {
            let base = w
                .get::<Initiative>(id)?
                .ok_or_else(|| ServiceError::NotFound {
                    kind: "initiative",
                    id: id.to_string(),
                })?;
            if let Some(opened) = opened {
                expect_revision::<InitiativeProgress>(w, "initiative", id, opened, |t| {
                    Theirs::Progress {
                        initiative: Box::new(base.clone()),
                        progress: Box::new(t),
                    }
                })?;
            }
            let mut progress = w
                .get::<InitiativeProgress>(id)?
                .unwrap_or_else(|| InitiativeProgress::new(id));
            let mut ids = vec![id.to_string()];
            if let Some(fy) = change.year() {
                ids.push(fy.short());
            }
            match change {
                RoadmapChange::Status { fy, status } => {
                    progress.set_status(fy, status, signed)?;
                    ids.push(status.code().to_string());
                }
                RoadmapChange::Note { fy, text } => progress.add_note(fy, &text, signed)?,
                RoadmapChange::Plan { fy, text } => progress.edit_plan(&base, fy, &text, signed)?,
                RoadmapChange::Owner { section } => progress.set_owner(&section, signed)?,
                RoadmapChange::Link { key, linked } => {
                    if linked && w.get::<KpiSeries>(&key)?.is_none() {
                        return Err(RoadmapFault::UnknownKpi(key).into());
                    }
                    progress.link(&key, linked, signed)?;
                    ids.push(key);
                }
            }
            w.put(&progress)?;
            Ok((progress, ids))
        })
    }

    /// Sets the status of one fiscal year.
    pub fn set_progress(
        &self,
        p: &Principal,
        id: &str,
        fy: FiscalYear,
        status: Progress,
    ) -> Result<InitiativeProgress, ServiceError> {
        self.roadmap_change(p, id, RoadmapChange::Status { fy, status })
    }

    /// Adds a dated note.
    pub fn add_progress_note(
        &self,
        p: &Principal,
        id: &str,
        fy: Option<FiscalYear>,
        text: &str,
    ) -> Result<InitiativeProgress, ServiceError> {
        let text = text.to_string();
        self.roadmap_change(p, id, RoadmapChange::Note { fy, text })
    }

    /// Revises the plan of one fiscal year.
    pub fn edit_plan(
        &self,
        p: &Principal,
        id: &str,
        fy: FiscalYear,
        text: &str,
    ) -> Result<InitiativeProgress, ServiceError> {
        let text = text.to_string();
        self.roadmap_change(p, id, RoadmapChange::Plan { fy, text })
    }
}

impl Service {
    /// The demo's roadmap progress, made through [`Service::roadmap_change`] as HR would
    /// make it, one change at a time.
    pub fn demo_roadmap(&self, p: &Principal) -> Result<(), ServiceError> {
        use crate::catalogue::demo::DemoStep;
        let r = FiscalYear::reiwa;
        for step in crate::catalogue::demo::roadmap_steps() {
            let (id, change) = match *step {
                DemoStep::Status(id, y, code) => {
                    let status = Progress::parse(code).unwrap_or_default();
                    (id, RoadmapChange::Status { fy: r(y), status })
                }
                DemoStep::Note(id, y, text) => (
                    id,
                    RoadmapChange::Note {
                        fy: y.map(r),
                        text: text.to_string(),
                    },
                ),
                DemoStep::Plan(id, y, text) => (
                    id,
                    RoadmapChange::Plan {
                        fy: r(y),
                        text: text.to_string(),
                    },
                ),
                DemoStep::Owner(id, section) => (
                    id,
                    RoadmapChange::Owner {
                        section: section.to_string(),
                    },
                ),
                DemoStep::Link(id, key) => (
                    id,
                    RoadmapChange::Link {
                        key: key.to_string(),
                        linked: true,
                    },
                ),
            };
            self.roadmap_change(p, id, change)?;
        }
        Ok(())
    }
}
