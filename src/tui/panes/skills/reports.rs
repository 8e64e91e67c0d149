//! The report views' state: the worst-first gap report with a selected skill, and the
//! digital tier report with its list of 所属 scrolled.

use crate::service::{GapReport, TierReport};

pub struct GapsState {
    pub report: GapReport,
    pub selected: usize,
    pub top: usize,
    /// Levels changed since this was read: read it again when next shown.
    pub stale: bool,
}

impl GapsState {
    pub fn new(report: GapReport, skill: Option<&str>) -> GapsState {
        let selected = skill
            .and_then(|k| report.shares.iter().position(|s| s.skill == k))
            .unwrap_or(0);
        GapsState {
            report,
            selected,
            top: 0,
            stale: false,
        }
    }

    pub fn move_by(&mut self, step: isize) {
        let last = self.report.shares.len() as isize - 1;
        self.selected = (self.selected as isize + step).clamp(0, last.max(0)) as usize;
    }

    pub fn scroll(&mut self, rows: usize) {
        self.top = super::matrix::first_visible(self.top, self.selected, rows);
    }

    /// The key of the selected skill.
    pub fn skill(&self) -> Option<&str> {
        self.report
            .shares
            .get(self.selected)
            .map(|s| s.skill.as_str())
    }
}

pub struct TiersState {
    pub report: TierReport,
    /// The first 所属 drawn of those below the floor.
    pub scroll: usize,
}

impl TiersState {
    pub fn new(report: TierReport) -> TiersState {
        TiersState { report, scroll: 0 }
    }

    pub fn scroll_by(&mut self, step: isize) {
        let last = self.report.sections_below().len() as isize - 1;
        self.scroll = (self.scroll as isize + step).clamp(0, last.max(0)) as usize;
    }
}
