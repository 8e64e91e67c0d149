//! The progress report for the managers' meeting (部長会議, 部課長会議): this year's
//! status of every initiative, and the notes since the last report of the same year.
//! Writing a report remembers how many notes of each initiative it saw, so the next
//! one starts after them whatever the clock says; a preview remembers nothing.

use std::collections::BTreeMap;

use super::super::{Permission, Principal, Service, ServiceError, by_order};
use crate::domain::progress::{Note, PlanCell, Signed};
use crate::domain::{Approach, FiscalYear, Initiative, InitiativeProgress, Progress, ReportMark};

/// One initiative in the report.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ReportItem {
    pub id: String,
    pub title: String,
    pub approach: u32,
    pub owner: Option<String>,
    pub status: Progress,
    /// When and by whom this year's status was set (none while 未着手 by default).
    pub since: Option<Signed>,
    /// This year's plan.
    pub plan: PlanCell,
    /// Notes of this year written since the last report, oldest first.
    pub notes: Vec<Note>,
}

/// A progress report of one fiscal year.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ProgressReport {
    pub fy: FiscalYear,
    /// The number of this year's report; a preview carries the number it would have.
    pub no: u32,
    pub made: Signed,
    /// The report before this one, of the same year.
    pub previous: Option<ReportMark>,
    /// Whether the report was recorded (not a preview).
    pub recorded: bool,
    pub approaches: Vec<Approach>,
    /// In the policy's order.
    pub items: Vec<ReportItem>,
}

impl ProgressReport {
    /// The delayed initiatives, in the policy's order: the report opens with them.
    pub fn delayed(&self) -> impl Iterator<Item = &ReportItem> {
        self.items.iter().filter(|i| i.status == Progress::Delayed)
    }

    /// The other initiatives of an approach.
    pub fn of_approach(&self, no: u32) -> impl Iterator<Item = &ReportItem> {
        self.items
            .iter()
            .filter(move |i| i.approach == no && i.status != Progress::Delayed)
    }

    /// How many initiatives stand at each status.
    pub fn counts(&self) -> Vec<(Progress, usize)> {
        Progress::ALL
            .iter()
            .map(|s| (*s, self.items.iter().filter(|i| i.status == *s).count()))
            .collect()
    }
}

/// The latest report of a year.
fn last_mark(r: &[ReportMark], fy: FiscalYear) -> Option<ReportMark> {
    r.iter()
        .filter(|m| m.fy == fy)
        .max_by_key(|m| m.no)
        .cloned()
}

/// What a report is made from, read in one transaction.
struct Inputs {
    marks: Vec<ReportMark>,
    progress: Vec<InitiativeProgress>,
    initiatives: Vec<Initiative>,
    approaches: Vec<Approach>,
}

/// Reads the inputs through a reader or a writer (both have `all`).
macro_rules! inputs {
    ($t:expr) => {
        Inputs {
            marks: $t.all()?,
            progress: $t.all()?,
            initiatives: by_order($t.all()?, |i: &Initiative| i.order),
            approaches: by_order($t.all()?, |a: &Approach| a.no),
        }
    };
}

/// The report, and how many notes of each initiative it saw.
fn compose(input: Inputs, fy: FiscalYear, made: Signed) -> (ProgressReport, BTreeMap<String, u32>) {
    let previous = last_mark(&input.marks, fy);
    let no = previous.as_ref().map_or(1, |m| m.no + 1);
    let progress: BTreeMap<String, InitiativeProgress> = input
        .progress
        .into_iter()
        .map(|p| (p.id.clone(), p))
        .collect();
    let mut seen = BTreeMap::new();
    let mut items = Vec::new();
    for i in &input.initiatives {
        let empty = InitiativeProgress::new(&i.id);
        let p = progress.get(&i.id).unwrap_or(&empty);
        let from = previous
            .as_ref()
            .and_then(|m| m.seen.get(&i.id))
            .copied()
            .unwrap_or(0) as usize;
        seen.insert(i.id.clone(), p.notes.len() as u32);
        items.push(ReportItem {
            id: i.id.clone(),
            title: i.title.clone(),
            approach: i.approach,
            owner: p.owner().map(str::to_string),
            status: p.status(fy),
            since: p.last_status(fy).map(|s| s.signed.clone()),
            plan: p.cell(i, fy),
            notes: p
                .notes
                .iter()
                .skip(from)
                .filter(|n| InitiativeProgress::note_in_year(n, fy))
                .cloned()
                .collect(),
        });
    }
    let report = ProgressReport {
        fy,
        no,
        made,
        previous,
        recorded: false,
        approaches: input.approaches,
        items,
    };
    (report, seen)
}

impl Service {
    /// The progress report of a fiscal year, as a preview: nothing is remembered.
    pub fn roadmap_report_preview(
        &self,
        p: &Principal,
        fy: FiscalYear,
    ) -> Result<ProgressReport, ServiceError> {
        let r = self.read_as(p, Permission::CatalogueRead)?;
        let made = Signed {
            at: self.clock.now(),
            by: p.account.clone(),
        };
        Ok(compose(inputs!(r), fy, made).0)
    }

    /// The progress report of a fiscal year, remembered as this year's latest: the
    /// next report lists only the notes written after it.
    pub fn roadmap_report(
        &self,
        p: &Principal,
        fy: FiscalYear,
    ) -> Result<ProgressReport, ServiceError> {
        let made = Signed {
            at: self.clock.now(),
            by: p.account.clone(),
        };
        self.write_as(p, Permission::StaffWrite, "roadmap.report", |w| {
            let (mut report, seen) = compose(inputs!(w), fy, made.clone());
            let mark = ReportMark {
                fy,
                no: report.no,
                signed: made,
                seen,
            };
            w.put(&mark)?;
            report.recorded = true;
            Ok((report, vec![fy.short(), report_no(&mark)]))
        })
    }
}

fn report_no(m: &ReportMark) -> String {
    m.no.to_string()
}
