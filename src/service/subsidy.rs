//! The self-study subsidy: applications, decisions at the band's rate, and the annual
//! budget that no approval may exceed.

use super::skills::settings_in;
use super::{Permission, Principal, Service, ServiceError};
use crate::domain::{
    Application, Budget, Employee, FiscalYear, Settings, Skill, SubsidyStatus, SubsidyStep,
    TitleBand, TitleMap,
};
use crate::store::Writer;

/// Why a subsidy change was refused.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum SubsidyFault {
    NoSuchEmployee(String),
    NoSuchApplication(String),
    /// The skill-map rule is on and the application names no skill of the map, nor a
    /// reason to accept it anyway.
    NoSkill,
    UnknownSkill(String),
    /// An approval would take the year's commitments past the budget.
    OverBudget {
        amount: u64,
        remaining: u64,
    },
    /// The status cannot follow the current one.
    Step {
        from: SubsidyStatus,
        to: SubsidyStatus,
    },
    /// The person's title has no band, so no rate applies.
    NoBand(String),
    EmptyTitle,
}

impl From<SubsidyFault> for ServiceError {
    fn from(f: SubsidyFault) -> ServiceError {
        ServiceError::Subsidy(f)
    }
}

/// A fiscal year's applications and its budget.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SubsidyView {
    pub year: FiscalYear,
    pub applications: Vec<Application>,
    pub budget: Budget,
}

fn of_year(w: &Writer, year: FiscalYear) -> Result<Vec<Application>, ServiceError> {
    Ok(w.all::<Application>()?
        .into_iter()
        .filter(|a| a.year == year)
        .collect())
}

impl Service {
    /// A fiscal year's applications, newest number last, with the budget: what
    /// approvals have committed and what remains.
    pub fn subsidies(&self, p: &Principal, year: FiscalYear) -> Result<SubsidyView, ServiceError> {
        let r = self.read_as(p, Permission::StaffRead)?;
        let settings = settings_in(&r)?;
        let mut applications: Vec<Application> = r
            .all::<Application>()?
            .into_iter()
            .filter(|a| a.year == year)
            .collect();
        applications.sort_by(|a, b| a.id.cmp(&b.id));
        let budget = Budget::of(settings.subsidy.budget_for(year), &applications);
        Ok(SubsidyView {
            year,
            applications,
            budget,
        })
    }

    /// Records an application (申請) in the current fiscal year. With the skill-map
    /// rule on, it must name a skill of the map or give a reason.
    pub fn apply_subsidy(
        &self,
        p: &Principal,
        staff_no: &str,
        title: &str,
        cost: u64,
        skill: Option<&str>,
        override_reason: Option<&str>,
    ) -> Result<Application, ServiceError> {
        let today = self.clock.today();
        let year = FiscalYear::of(today);
        self.write_as(p, Permission::StaffWrite, "subsidy.apply", |w| {
            if w.get::<Employee>(staff_no)?.is_none() {
                return Err(SubsidyFault::NoSuchEmployee(staff_no.to_string()).into());
            }
            if title.trim().is_empty() {
                return Err(SubsidyFault::EmptyTitle.into());
            }
            if let Some(k) = skill
                && w.get::<Skill>(k)?.is_none_or(|s| s.retired)
            {
                return Err(SubsidyFault::UnknownSkill(k.to_string()).into());
            }
            let settings = w
                .get::<Settings>(crate::store::SETTINGS_KEY)?
                .unwrap_or_default();
            let reason = override_reason.map(str::trim).filter(|r| !r.is_empty());
            if settings.subsidy.skill_rule && skill.is_none() && reason.is_none() {
                return Err(SubsidyFault::NoSkill.into());
            }
            let n = of_year(w, year)?.len() as u32 + 1;
            let a = Application {
                id: Application::id_for(year, n),
                staff_no: staff_no.to_string(),
                year,
                title: title.trim().to_string(),
                cost,
                skill: skill.map(str::to_string),
                override_reason: reason.map(str::to_string),
                rate: 0,
                amount: 0,
                steps: vec![SubsidyStep {
                    status: SubsidyStatus::Applied,
                    on: today,
                    by: p.account.clone(),
                    note: None,
                }],
            };
            w.put(&a)?;
            Ok((a.clone(), vec![a.id.clone(), staff_no.to_string()]))
        })
    }

    /// Moves an application on. Approval fixes the rate of the person's band and the
    /// amount, and is refused if it would exceed the year's budget.
    pub fn decide_subsidy(
        &self,
        p: &Principal,
        id: &str,
        to: SubsidyStatus,
        note: Option<&str>,
    ) -> Result<Application, ServiceError> {
        let today = self.clock.today();
        self.write_as(p, Permission::StaffWrite, "subsidy.decide", |w| {
            let mut a = w
                .get::<Application>(id)?
                .ok_or_else(|| SubsidyFault::NoSuchApplication(id.to_string()))?;
            let from = a.status();
            if !from.next().contains(&to) {
                return Err(SubsidyFault::Step { from, to }.into());
            }
            if to == SubsidyStatus::Approved {
                let settings = w
                    .get::<Settings>(crate::store::SETTINGS_KEY)?
                    .unwrap_or_default();
                let titles = TitleMap::new(w.all::<TitleBand>()?);
                let band = w
                    .get::<Employee>(&a.staff_no)?
                    .and_then(|e| e.assignment_on(today).map(|x| x.title.clone()))
                    .and_then(|t| titles.band_of(&t))
                    .ok_or_else(|| SubsidyFault::NoBand(a.staff_no.clone()))?;
                let (rate, amount) = settings.subsidy.amount(band, a.cost);
                let total = settings.subsidy.budget_for(a.year);
                let budget = Budget::of(total, &of_year(w, a.year)?);
                if !budget.allows(amount) {
                    return Err(SubsidyFault::OverBudget {
                        amount,
                        remaining: budget.remaining(),
                    }
                    .into());
                }
                a.rate = rate;
                a.amount = amount;
            }
            a.steps.push(SubsidyStep {
                status: to,
                on: today,
                by: p.account.clone(),
                note: note.map(str::to_string),
            });
            w.put(&a)?;
            Ok((a.clone(), vec![a.id.clone()]))
        })
    }
}
