//! The self-study subsidy (自主研修支援): applications, the rate by band, and the
//! annual budget they draw on.

use super::employee::terms;
use super::{Band, Date, FiscalYear};

/// Where an application stands.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum SubsidyStatus {
    Applied,
    Approved,
    Rejected,
    Reported,
    Paid,
}

terms!(SubsidyStatus {
    Applied => "申請", "applied";
    Approved => "承認", "approved";
    Rejected => "却下", "rejected";
    Reported => "修了報告", "reported";
    Paid => "支給", "paid";
});

impl SubsidyStatus {
    /// Whether the amount is committed against the year's budget.
    pub fn commits(self) -> bool {
        matches!(
            self,
            SubsidyStatus::Approved | SubsidyStatus::Reported | SubsidyStatus::Paid
        )
    }

    /// The statuses an application may move to from this one.
    pub fn next(self) -> &'static [SubsidyStatus] {
        use SubsidyStatus as S;
        match self {
            S::Applied => &[S::Approved, S::Rejected],
            S::Approved => &[S::Reported, S::Rejected],
            S::Reported => &[S::Paid],
            S::Rejected | S::Paid => &[],
        }
    }
}

/// One change of an application.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SubsidyStep {
    pub status: SubsidyStatus,
    pub on: Date,
    pub by: String,
    pub note: Option<String>,
}

/// An application for the subsidy.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Application {
    /// `S8-0001`: the fiscal year and a number.
    pub id: String,
    pub staff_no: String,
    pub year: FiscalYear,
    /// The course or qualification, as applied for.
    pub title: String,
    /// What it costs, in yen.
    pub cost: u64,
    /// The skill of the skill map it serves.
    pub skill: Option<String>,
    /// Why HR accepted it without a skill of the map, when the rule is on.
    pub override_reason: Option<String>,
    /// The band's rate (percent) and the amount (yen), fixed when approved.
    pub rate: u8,
    pub amount: u64,
    /// Oldest first; never empty.
    pub steps: Vec<SubsidyStep>,
}

impl Application {
    pub fn id_for(year: FiscalYear, n: u32) -> String {
        format!("S{}-{n:04}", year.0 - 2018)
    }

    pub fn status(&self) -> SubsidyStatus {
        self.steps
            .last()
            .map_or(SubsidyStatus::Applied, |s| s.status)
    }

    /// The amount committed against the budget now.
    pub fn committed(&self) -> u64 {
        if self.status().commits() {
            self.amount
        } else {
            0
        }
    }
}

/// The subsidy's settings: rate per band, the annual budget, and whether an
/// application must serve a skill of the skill map.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SubsidyRules {
    /// Percent of the cost, per band, band 1 first.
    pub rates: [u8; 4],
    /// Yen per fiscal year, for a year without a budget of its own.
    pub budget: u64,
    /// The budgets set for particular fiscal years (by the year's number, 2026 for
    /// 令和8年度): setting next year's leaves this year's as it was.
    pub budgets: std::collections::BTreeMap<i32, u64>,
    pub skill_rule: bool,
}

impl Default for SubsidyRules {
    fn default() -> SubsidyRules {
        SubsidyRules {
            rates: [50; 4],
            budget: 3_000_000,
            budgets: std::collections::BTreeMap::new(),
            skill_rule: true,
        }
    }
}

impl SubsidyRules {
    /// The budget of a fiscal year.
    pub fn budget_for(&self, year: FiscalYear) -> u64 {
        self.budgets.get(&year.0).copied().unwrap_or(self.budget)
    }

    /// The subsidy for a cost at a band: the band's rate, rounded down to the yen.
    pub fn amount(&self, band: Band, cost: u64) -> (u8, u64) {
        let rate = self.rates[band.index()].min(100);
        (rate, cost.saturating_mul(u64::from(rate)) / 100)
    }
}

/// The year's budget, what approvals have committed of it, and what remains.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Budget {
    pub total: u64,
    pub committed: u64,
}

impl Budget {
    pub fn of<'a>(total: u64, applications: impl IntoIterator<Item = &'a Application>) -> Budget {
        Budget {
            total,
            committed: applications.into_iter().map(Application::committed).sum(),
        }
    }

    pub fn remaining(&self) -> u64 {
        self.total.saturating_sub(self.committed)
    }

    /// Whether approving `amount` more stays within the budget.
    pub fn allows(&self, amount: u64) -> bool {
        self.committed.saturating_add(amount) <= self.total
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn app(amount: u64, status: SubsidyStatus) -> Application {
        Application {
            id: Application::id_for(FiscalYear(2026), 1),
            staff_no: "000123".into(),
            year: FiscalYear(2026),
            title: "統計検定2級".into(),
            cost: amount * 2,
            skill: Some("data-analysis".into()),
            override_reason: None,
            rate: 50,
            amount,
            steps: vec![SubsidyStep {
                status,
                on: Date::new(2026, 5, 1).unwrap(),
                by: "hr.sato".into(),
                note: None,
            }],
        }
    }

    #[test]
    fn only_approved_and_later_commit_the_budget() {
        let apps = [
            app(10_000, SubsidyStatus::Applied),
            app(20_000, SubsidyStatus::Approved),
            app(30_000, SubsidyStatus::Rejected),
            app(40_000, SubsidyStatus::Paid),
        ];
        let b = Budget::of(100_000, &apps);
        assert_eq!((b.committed, b.remaining()), (60_000, 40_000));
        assert!(b.allows(40_000));
        assert!(!b.allows(40_001));
        assert_eq!(apps[0].id, "S8-0001");
    }

    #[test]
    fn the_rate_follows_the_band_and_rounds_down() {
        let rules = SubsidyRules {
            rates: [50, 40, 30, 0],
            ..SubsidyRules::default()
        };
        assert_eq!(rules.amount(Band::new(1).unwrap(), 12_345), (50, 6_172));
        assert_eq!(rules.amount(Band::new(3).unwrap(), 10_000), (30, 3_000));
        assert_eq!(rules.amount(Band::new(4).unwrap(), 10_000), (0, 0));
        assert_eq!(
            SubsidyStatus::Applied.next(),
            [SubsidyStatus::Approved, SubsidyStatus::Rejected]
        );
        assert!(SubsidyStatus::Paid.next().is_empty());
    }
}
