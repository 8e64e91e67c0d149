//! The roadmap of chapter 3: approaches, initiatives, their plan per fiscal year and
//! the arrows by which a plan continues; and the plan period of chapter 4, which is data.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::era::FiscalYear;

/// The plan period, R8-R12 in the policy; it may change with the other plans (4-2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanPeriod {
    pub first: FiscalYear,
    pub last: FiscalYear,
}

impl PlanPeriod {
    pub fn years(self) -> impl Iterator<Item = FiscalYear> {
        (self.first.0..=self.last.0).map(FiscalYear)
    }

    pub fn contains(self, fy: FiscalYear) -> bool {
        self.first <= fy && fy <= self.last
    }
}

/// One of the five approaches.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Approach {
    pub no: u32,
    pub name: String,
    pub short: String,
}

/// An initiative (取組) with its schedule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Initiative {
    pub id: String,
    pub approach: u32,
    pub section: String,
    pub title: String,
    /// The section's problem statement, word for word.
    pub description: String,
    /// The actions beside the schedule, word for word.
    pub actions: Vec<String>,
    pub plans: BTreeMap<FiscalYear, String>,
    /// The years a continuation arrow covers.
    pub arrows: BTreeSet<FiscalYear>,
    /// Position in the policy's order.
    pub order: u32,
}

/// What the timeline shows for one initiative in one year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cell<'a> {
    Plan(&'a str),
    Arrow,
    Empty,
}

impl Initiative {
    pub fn cell(&self, fy: FiscalYear) -> Cell<'_> {
        match self.plans.get(&fy) {
            Some(text) => Cell::Plan(text),
            None if self.arrows.contains(&fy) => Cell::Arrow,
            None => Cell::Empty,
        }
    }

    /// The last year with a plan or an arrow.
    pub fn last_active_year(&self) -> Option<FiscalYear> {
        let plan = self.plans.keys().next_back().copied();
        let arrow = self.arrows.iter().next_back().copied();
        plan.max(arrow)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_follow_plans_then_arrows() {
        let r = FiscalYear::reiwa;
        let i = Initiative {
            id: "1-4".into(),
            approach: 1,
            section: String::new(),
            title: String::new(),
            description: String::new(),
            actions: vec![],
            plans: BTreeMap::from([(r(8), "カムバック採用実施".into())]),
            arrows: BTreeSet::from([r(9), r(10)]),
            order: 0,
        };
        assert_eq!(i.cell(r(8)), Cell::Plan("カムバック採用実施"));
        assert_eq!(i.cell(r(10)), Cell::Arrow);
        assert_eq!(i.cell(r(11)), Cell::Empty);
        assert_eq!(i.last_active_year(), Some(r(10)));
        let period = PlanPeriod {
            first: r(8),
            last: r(12),
        };
        assert_eq!(period.years().count(), 5);
        assert!(!period.contains(r(13)));
    }
}
