//! The dashboard of a fiscal year, as the managers' meetings see it: the KPI series
//! (entered and computed), digital talent against the policy's targets with the
//! shortfall, and the coverage of the year's mandatory courses by 所属.

use std::collections::BTreeMap;

use super::enroll_rules::Rules;
use super::kpi::{KpiLine, lines};
use super::{Duty, Permission, Principal, SectionCount, Service, ServiceError, TierReport};
use crate::domain::kpi::shortfall;
use crate::domain::training::CourseClass;
use crate::domain::{Date, DigitalTier, Employee, FiscalYear, Status};

/// A tier's count against its targets.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TalentRow {
    pub tier: DigitalTier,
    pub count: u32,
    /// The target for `target_year` (about 100 leaders, 25 architects by 2030).
    pub target: Option<u32>,
    pub target_year: i32,
    /// How many are missing to reach `target`.
    pub shortfall: Option<u32>,
    /// The long-term target (lower and upper bound).
    pub long_term: Option<(u32, u32)>,
    /// How many are missing to reach the long-term lower bound.
    pub long_term_shortfall: Option<u32>,
}

/// Digital talent on a day against the policy's targets.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Talent {
    pub report: TierReport,
    /// Leaders and architects (the tiers with a number to reach).
    pub rows: Vec<TalentRow>,
}

impl Talent {
    fn of(report: TierReport) -> Talent {
        let rows = report
            .targets
            .iter()
            .filter(|t| t.target_count.is_some() || t.long_term_count.is_some())
            .map(|t| {
                let count = report.count(t.tier);
                TalentRow {
                    tier: t.tier,
                    count,
                    target: t.target_count,
                    target_year: t.target_year,
                    shortfall: t.target_count.map(|n| shortfall(count, n)),
                    long_term: t.long_term_count,
                    long_term_shortfall: t.long_term_count.map(|(lo, _)| shortfall(count, lo)),
                }
            })
            .collect();
        Talent { report, rows }
    }

    /// The 所属 with fewer leaders than the long-term floor (2 each).
    pub fn sections_below(&self) -> Vec<&SectionCount> {
        self.report.sections_below()
    }
}

/// The mandatory courses of a 所属: how many (person, course) pairs fall due in the
/// year, and how many of them are completed.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SectionCoverage {
    pub code: String,
    pub name: String,
    /// Staff with at least one mandatory course meant for them.
    pub people: u32,
    /// Of them, those who owe none.
    pub people_done: u32,
    /// (person, course) pairs due.
    pub due: u32,
    /// Of them, completed.
    pub taken: u32,
}

impl SectionCoverage {
    /// Completed pairs per thousand due (1000 when nothing is due).
    pub fn per_mille(&self) -> u32 {
        if self.due == 0 {
            1000
        } else {
            (u64::from(self.taken) * 1000 / u64::from(self.due)) as u32
        }
    }
}

/// Mandatory courses taken in a fiscal year, by 所属, lowest coverage first.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Coverage {
    pub year: FiscalYear,
    /// The day it was read on (the year's last day, or today while it runs).
    pub on: Date,
    pub sections: Vec<SectionCoverage>,
    /// The whole city.
    pub total: SectionCoverage,
    /// The organisation's own duties (mental-health training once a year).
    pub duties: Vec<Duty>,
}

/// Everything the dashboard shows for a fiscal year.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Dashboard {
    pub year: FiscalYear,
    /// The day the staff are counted on: the year's last day, or today while it runs.
    pub on: Date,
    pub kpis: Vec<KpiLine>,
    pub talent: Talent,
    pub coverage: Coverage,
}

impl Service {
    /// The dashboard of a fiscal year (the current one when None).
    pub fn dashboard(
        &self,
        p: &Principal,
        year: Option<FiscalYear>,
    ) -> Result<Dashboard, ServiceError> {
        let year = year.unwrap_or_else(|| self.clock.fiscal_year());
        let on = year
            .last_day()
            .min(self.clock.today())
            .max(year.first_day());
        let kpis = lines(&self.read_as(p, Permission::StaffRead)?, year)?;
        let talent = Talent::of(self.tier_report(p, on)?);
        let coverage = self.coverage(p, year)?;
        Ok(Dashboard {
            year,
            on,
            kpis,
            talent,
            coverage,
        })
    }

    /// Mandatory courses taken in a fiscal year, by 所属: what is owed comes from
    /// [`Service::outstanding`]; what falls due is counted here by the same rules.
    pub fn coverage(&self, p: &Principal, year: FiscalYear) -> Result<Coverage, ServiceError> {
        let owed = self.outstanding(p, year, None)?;
        let on = owed.on;
        let r = self.read_as(p, Permission::StaffRead)?;
        let rules = Rules::load(&r)?;
        let org = super::staff::org_tree(&r)?;
        let mandatory: Vec<_> = rules
            .courses
            .values()
            .filter(|c| c.class == CourseClass::Mandatory)
            .collect();
        let mut owing: BTreeMap<&str, u32> = BTreeMap::new();
        let mut owing_people: BTreeMap<&str, std::collections::BTreeSet<&str>> = BTreeMap::new();
        for o in &owed.owed {
            *owing.entry(&o.section).or_insert(0) += 1;
            owing_people
                .entry(&o.section)
                .or_default()
                .insert(&o.staff_no);
        }
        let mut sections: BTreeMap<String, SectionCoverage> = BTreeMap::new();
        for e in r.all::<Employee>()? {
            // The same people `outstanding` asks about: in post and at work on the day.
            if e.status != Status::Active || e.hired > on {
                continue;
            }
            let Some(post) = e.assignment_on(on) else {
                continue;
            };
            let due = mandatory
                .iter()
                .filter(|c| rules.eligible(&e, c, on))
                .count() as u32;
            if due == 0 {
                continue;
            }
            let section = org.section_of(&post.unit);
            let code = section.map(|s| s.code.clone()).unwrap_or_default();
            let row = sections
                .entry(code.clone())
                .or_insert_with(|| SectionCoverage {
                    name: section
                        .map(|s| org.path_name(&s.code).to_string())
                        .unwrap_or_default(),
                    code,
                    people: 0,
                    people_done: 0,
                    due: 0,
                    taken: 0,
                });
            row.people += 1;
            row.due += due;
        }
        let mut total = SectionCoverage {
            code: String::new(),
            name: String::new(),
            people: 0,
            people_done: 0,
            due: 0,
            taken: 0,
        };
        let mut rows: Vec<SectionCoverage> = sections
            .into_values()
            .map(|mut s| {
                let code = s.code.as_str();
                s.taken = s.due.saturating_sub(owing.get(code).copied().unwrap_or(0));
                let behind = owing_people.get(code).map_or(0, |p| p.len() as u32);
                s.people_done = s.people.saturating_sub(behind);
                total.people += s.people;
                total.people_done += s.people_done;
                total.due += s.due;
                total.taken += s.taken;
                s
            })
            .collect();
        rows.sort_by(|a, b| (a.per_mille(), &a.code).cmp(&(b.per_mille(), &b.code)));
        Ok(Coverage {
            year,
            on,
            sections: rows,
            total,
            duties: owed.duties,
        })
    }
}
