//! The policy catalogue as stored: `kizuna catalogue …` and the panes that show it.

use super::{Permission, Principal, Service, ServiceError, by_order};
use crate::domain::{
    Approach, Category, CourseClass, DigitalDomain, Image, Initiative, KpiSeries, Mindset,
    PlanPeriod, Skill, TierTarget,
};
use crate::store::BandLabel;

/// The whole catalogue, in the policy's order.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Catalogue {
    pub plan_period: PlanPeriod,
    pub bands: Vec<BandLabel>,
    pub images: Vec<Image>,
    pub categories: Vec<Category>,
    pub skills: Vec<Skill>,
    pub mindsets: Vec<Mindset>,
    pub approaches: Vec<Approach>,
    pub initiatives: Vec<Initiative>,
    pub kpis: Vec<KpiSeries>,
    pub tiers: Vec<TierTarget>,
    pub domains: Vec<DigitalDomain>,
    pub classes: Vec<CourseClass>,
}

impl Service {
    pub fn catalogue(&self, p: &Principal) -> Result<Catalogue, ServiceError> {
        let r = self.read_as(p, Permission::CatalogueRead)?;
        Ok(Catalogue {
            plan_period: r.plan_period()?,
            bands: r.all::<BandLabel>()?,
            images: by_order(r.all()?, |i: &Image| i.order),
            categories: by_order(r.all()?, |c: &Category| c.order),
            skills: by_order(r.all()?, |s: &Skill| s.order),
            mindsets: by_order(r.all()?, |m: &Mindset| m.no),
            approaches: by_order(r.all()?, |a: &Approach| a.no),
            initiatives: by_order(r.all()?, |i: &Initiative| i.order),
            kpis: by_order(r.all()?, |k: &KpiSeries| k.order),
            tiers: by_order(r.all()?, |t: &TierTarget| t.tier as u32),
            domains: by_order(r.all()?, |d: &DigitalDomain| d.order),
            classes: r.all()?,
        })
    }

    /// One initiative by id (`1-3`).
    pub fn initiative(&self, p: &Principal, id: &str) -> Result<Initiative, ServiceError> {
        self.read_as(p, Permission::CatalogueRead)?
            .get::<Initiative>(id)?
            .ok_or_else(|| ServiceError::NotFound {
                kind: "initiative",
                id: id.to_string(),
            })
    }
}
