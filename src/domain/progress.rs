//! Progress on the roadmap: a status per initiative and fiscal year, dated notes, the
//! owner section, linked KPIs, and the plan text of a year as it is revised (chapter
//! 4-2: the plan changes with the other plans). The catalogue's [`Initiative`] stays
//! the baseline; everything here is kept beside it, every change dated and signed, and
//! nothing is ever overwritten.

use std::collections::{BTreeMap, BTreeSet};

use super::employee::terms;
use super::era::FiscalYear;
use super::roadmap::{Cell, Initiative};
use super::{Date, Timestamp};

/// Where an initiative stands in a fiscal year.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    serde::Serialize,
    serde::Deserialize,
)]
pub enum Progress {
    #[default]
    NotStarted,
    InProgress,
    Done,
    Delayed,
    Cancelled,
}

terms!(Progress {
    NotStarted => "未着手", "not-started";
    InProgress => "進行中", "in-progress";
    Done => "完了", "done";
    Delayed => "遅延", "delayed";
    Cancelled => "中止", "cancelled";
});

impl Progress {
    /// The one-character mark a timeline cell carries, readable without colour: none
    /// for 未着手.
    pub fn mark(self) -> &'static str {
        match self {
            Progress::NotStarted => " ",
            Progress::InProgress => ">",
            Progress::Done => "+",
            Progress::Delayed => "!",
            Progress::Cancelled => "x",
        }
    }
}

/// Who made a change and when.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Signed {
    pub at: Timestamp,
    pub by: String,
}

impl Signed {
    /// The day in Japan the change was made.
    pub fn day(&self) -> Date {
        self.at.jst_date()
    }
}

/// A status set for one fiscal year.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct StatusChange {
    pub fy: FiscalYear,
    pub status: Progress,
    pub signed: Signed,
}

/// A dated progress note, about one fiscal year or the initiative as a whole.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Note {
    pub fy: Option<FiscalYear>,
    pub text: String,
    pub signed: Signed,
}

/// A revision of one year's plan text; `None` means nothing is planned that year any
/// more (the arrow, if any, goes too).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PlanEdit {
    pub fy: FiscalYear,
    pub text: Option<String>,
    pub signed: Signed,
}

/// The section responsible for an initiative, from a day.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct OwnerChange {
    pub section: String,
    pub signed: Signed,
}

/// A KPI series linked to the initiative or unlinked from it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct KpiLink {
    pub key: String,
    pub linked: bool,
    pub signed: Signed,
}

/// What a year's plan cell shows, owned.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum PlanCell {
    Plan(String),
    Arrow,
    Empty,
}

/// How a plan edit writes "the plan before continues" (the policy's arrow).
pub const ARROW: &str = "→";

impl PlanCell {
    /// The cell an edit's text stands for: none is empty, [`ARROW`] an arrow.
    pub fn of_text(text: Option<&str>) -> PlanCell {
        match text {
            None => PlanCell::Empty,
            Some(ARROW) => PlanCell::Arrow,
            Some(t) => PlanCell::Plan(t.to_string()),
        }
    }

    fn of(cell: Cell<'_>) -> PlanCell {
        match cell {
            Cell::Plan(t) => PlanCell::Plan(t.to_string()),
            Cell::Arrow => PlanCell::Arrow,
            Cell::Empty => PlanCell::Empty,
        }
    }
}

/// One version of a year's plan: the policy's (unsigned), then each revision.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanVersion {
    pub cell: PlanCell,
    pub signed: Option<Signed>,
}

/// Why a change is refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error, serde::Serialize, serde::Deserialize)]
pub enum ProgressError {
    #[error("the status is already {0:?}")]
    SameStatus(Progress),
    #[error("the text is empty")]
    EmptyText,
    #[error("the plan already reads so")]
    SamePlan,
    #[error("the owner is already {0}")]
    SameOwner(String),
    #[error("already linked: {0}")]
    AlreadyLinked(String),
    #[error("not linked: {0}")]
    NotLinked(String),
}

/// Everything recorded about one initiative's progress, oldest first in each list.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct InitiativeProgress {
    pub id: String,
    pub statuses: Vec<StatusChange>,
    pub notes: Vec<Note>,
    pub plans: Vec<PlanEdit>,
    pub owners: Vec<OwnerChange>,
    pub links: Vec<KpiLink>,
}

impl InitiativeProgress {
    pub fn new(id: &str) -> InitiativeProgress {
        InitiativeProgress {
            id: id.to_string(),
            ..InitiativeProgress::default()
        }
    }

    /// The latest status change of a year, if any.
    pub fn last_status(&self, fy: FiscalYear) -> Option<&StatusChange> {
        self.statuses.iter().rev().find(|s| s.fy == fy)
    }

    /// The status of a year: 未着手 until one is set.
    pub fn status(&self, fy: FiscalYear) -> Progress {
        self.last_status(fy)
            .map_or(Progress::NotStarted, |s| s.status)
    }

    /// Every status change of a year, oldest first.
    pub fn status_history(&self, fy: FiscalYear) -> Vec<&StatusChange> {
        self.statuses.iter().filter(|s| s.fy == fy).collect()
    }

    /// The plan of a year now: the last revision, else the policy's.
    pub fn cell(&self, base: &Initiative, fy: FiscalYear) -> PlanCell {
        match self.plans.iter().rev().find(|p| p.fy == fy) {
            Some(edit) => PlanCell::of_text(edit.text.as_deref()),
            None => PlanCell::of(base.cell(fy)),
        }
    }

    /// Whether a year's plan has been revised.
    pub fn revised(&self, fy: FiscalYear) -> bool {
        self.plans.iter().any(|p| p.fy == fy)
    }

    /// Every version of a year's plan, the policy's first.
    pub fn plan_versions(&self, base: &Initiative, fy: FiscalYear) -> Vec<PlanVersion> {
        let mut out = vec![PlanVersion {
            cell: PlanCell::of(base.cell(fy)),
            signed: None,
        }];
        out.extend(
            self.plans
                .iter()
                .filter(|p| p.fy == fy)
                .map(|p| PlanVersion {
                    cell: PlanCell::of_text(p.text.as_deref()),
                    signed: Some(p.signed.clone()),
                }),
        );
        out
    }

    /// The section responsible now.
    pub fn owner(&self) -> Option<&str> {
        self.owners.last().map(|o| o.section.as_str())
    }

    /// The KPI series linked now, by key.
    pub fn kpis(&self) -> BTreeSet<String> {
        let mut now: BTreeMap<&str, bool> = BTreeMap::new();
        for l in &self.links {
            now.insert(&l.key, l.linked);
        }
        now.into_iter()
            .filter(|(_, on)| *on)
            .map(|(k, _)| k.to_string())
            .collect()
    }

    /// Sets a year's status; the earlier ones stay.
    pub fn set_status(
        &mut self,
        fy: FiscalYear,
        status: Progress,
        signed: Signed,
    ) -> Result<(), ProgressError> {
        if self.status(fy) == status {
            return Err(ProgressError::SameStatus(status));
        }
        self.statuses.push(StatusChange { fy, status, signed });
        Ok(())
    }

    /// Adds a note (its text trimmed).
    pub fn add_note(
        &mut self,
        fy: Option<FiscalYear>,
        text: &str,
        signed: Signed,
    ) -> Result<(), ProgressError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(ProgressError::EmptyText);
        }
        self.notes.push(Note {
            fy,
            text: text.to_string(),
            signed,
        });
        Ok(())
    }

    /// Revises a year's plan; an empty text means nothing is planned that year, and
    /// [`ARROW`] (or `->`) that the plan before it continues.
    pub fn edit_plan(
        &mut self,
        base: &Initiative,
        fy: FiscalYear,
        text: &str,
        signed: Signed,
    ) -> Result<(), ProgressError> {
        let text = text.trim();
        let new = match text {
            "" => None,
            "->" | ARROW => Some(ARROW.to_string()),
            t => Some(t.to_string()),
        };
        let same = self.cell(base, fy) == PlanCell::of_text(new.as_deref());
        if same {
            return Err(ProgressError::SamePlan);
        }
        self.plans.push(PlanEdit {
            fy,
            text: new,
            signed,
        });
        Ok(())
    }

    /// Names the section responsible from now on.
    pub fn set_owner(&mut self, section: &str, signed: Signed) -> Result<(), ProgressError> {
        let section = section.trim();
        if section.is_empty() {
            return Err(ProgressError::EmptyText);
        }
        if self.owner() == Some(section) {
            return Err(ProgressError::SameOwner(section.to_string()));
        }
        self.owners.push(OwnerChange {
            section: section.to_string(),
            signed,
        });
        Ok(())
    }

    /// Links a KPI series (`linked`) or unlinks it.
    pub fn link(&mut self, key: &str, linked: bool, signed: Signed) -> Result<(), ProgressError> {
        let now = self.kpis().contains(key);
        match (now, linked) {
            (true, true) => return Err(ProgressError::AlreadyLinked(key.to_string())),
            (false, false) => return Err(ProgressError::NotLinked(key.to_string())),
            _ => {}
        }
        self.links.push(KpiLink {
            key: key.to_string(),
            linked,
            signed,
        });
        Ok(())
    }

    /// Whether a note belongs to a fiscal year: it names that year, or names none and
    /// was written during it.
    pub fn note_in_year(note: &Note, fy: FiscalYear) -> bool {
        match note.fy {
            Some(y) => y == fy,
            None => FiscalYear::of(note.signed.day()) == fy,
        }
    }
}

/// A progress report once written: for which year, when, by whom, and how many notes
/// of each initiative it had seen, so that the next report starts after them.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ReportMark {
    pub fy: FiscalYear,
    /// The number of this year's report, from 1.
    pub no: u32,
    pub signed: Signed,
    /// Initiative id → notes recorded when the report was written.
    pub seen: BTreeMap<String, u32>,
}

impl ReportMark {
    pub fn key_of(fy: FiscalYear, no: u32) -> String {
        format!("{:04}-{no:04}", fy.0)
    }

    pub fn key(&self) -> String {
        ReportMark::key_of(self.fy, self.no)
    }
}

#[cfg(test)]
mod tests;
