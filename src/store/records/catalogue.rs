//! The policy catalogue on disk: skill map, mindsets, roadmap, KPIs, digital talent.

use serde::{Deserialize, Serialize};

use super::staff::{digital_tier_from, digital_tier_to};
use super::{enum_codes, number_key, record_v1};
use crate::domain::{
    Approach, Category, CourseClass, DigitalDomain, FiscalYear, Image, Initiative, KpiSeries,
    Mindset, MindsetScope, TierTarget,
};
use crate::store::codec::CodecError;

enum_codes!(MindsetScope, scope_to, scope_from { Staff = 0, Organisation = 1 });

#[derive(Serialize, Deserialize)]
pub(super) struct ImageV1 {
    key: String,
    name: String,
    order: u32,
}

impl From<&Image> for ImageV1 {
    fn from(i: &Image) -> Self {
        ImageV1 {
            key: i.key.clone(),
            name: i.name.clone(),
            order: i.order,
        }
    }
}

impl TryFrom<ImageV1> for Image {
    type Error = CodecError;
    fn try_from(v: ImageV1) -> Result<Self, CodecError> {
        Ok(Image {
            key: v.key,
            name: v.name,
            order: v.order,
        })
    }
}

record_v1!(Image, "skill_images", ImageV1, |i| i.key.clone());

#[derive(Serialize, Deserialize)]
pub(super) struct CategoryV1 {
    key: String,
    image: String,
    name: String,
    order: u32,
}

impl From<&Category> for CategoryV1 {
    fn from(c: &Category) -> Self {
        CategoryV1 {
            key: c.key.clone(),
            image: c.image.clone(),
            name: c.name.clone(),
            order: c.order,
        }
    }
}

impl TryFrom<CategoryV1> for Category {
    type Error = CodecError;
    fn try_from(v: CategoryV1) -> Result<Self, CodecError> {
        Ok(Category {
            key: v.key,
            image: v.image,
            name: v.name,
            order: v.order,
        })
    }
}

record_v1!(Category, "skill_categories", CategoryV1, |c| c.key.clone());

#[derive(Serialize, Deserialize)]
pub(super) struct MindsetV1 {
    no: u32,
    scope: u8,
    text: String,
}

impl From<&Mindset> for MindsetV1 {
    fn from(m: &Mindset) -> Self {
        MindsetV1 {
            no: m.no,
            scope: scope_to(m.scope),
            text: m.text.clone(),
        }
    }
}

impl TryFrom<MindsetV1> for Mindset {
    type Error = CodecError;
    fn try_from(v: MindsetV1) -> Result<Self, CodecError> {
        Ok(Mindset {
            no: v.no,
            scope: scope_from(v.scope)?,
            text: v.text,
        })
    }
}

record_v1!(Mindset, "mindsets", MindsetV1, |m| number_key(m.no));

#[derive(Serialize, Deserialize)]
pub(super) struct ApproachV1 {
    no: u32,
    name: String,
    short: String,
}

impl From<&Approach> for ApproachV1 {
    fn from(a: &Approach) -> Self {
        ApproachV1 {
            no: a.no,
            name: a.name.clone(),
            short: a.short.clone(),
        }
    }
}

impl TryFrom<ApproachV1> for Approach {
    type Error = CodecError;
    fn try_from(v: ApproachV1) -> Result<Self, CodecError> {
        Ok(Approach {
            no: v.no,
            name: v.name,
            short: v.short,
        })
    }
}

record_v1!(Approach, "approaches", ApproachV1, |a| number_key(a.no));

#[derive(Serialize, Deserialize)]
pub(super) struct InitiativeV1 {
    id: String,
    approach: u32,
    section: String,
    title: String,
    description: String,
    actions: Vec<String>,
    plans: Vec<(i32, String)>,
    arrows: Vec<i32>,
    order: u32,
}

impl From<&Initiative> for InitiativeV1 {
    fn from(i: &Initiative) -> Self {
        InitiativeV1 {
            id: i.id.clone(),
            approach: i.approach,
            section: i.section.clone(),
            title: i.title.clone(),
            description: i.description.clone(),
            actions: i.actions.clone(),
            plans: i.plans.iter().map(|(fy, t)| (fy.0, t.clone())).collect(),
            arrows: i.arrows.iter().map(|fy| fy.0).collect(),
            order: i.order,
        }
    }
}

impl TryFrom<InitiativeV1> for Initiative {
    type Error = CodecError;
    fn try_from(v: InitiativeV1) -> Result<Self, CodecError> {
        Ok(Initiative {
            id: v.id,
            approach: v.approach,
            section: v.section,
            title: v.title,
            description: v.description,
            actions: v.actions,
            plans: v
                .plans
                .into_iter()
                .map(|(y, t)| (FiscalYear(y), t))
                .collect(),
            arrows: v.arrows.into_iter().map(FiscalYear).collect(),
            order: v.order,
        })
    }
}

record_v1!(Initiative, "initiatives", InitiativeV1, |i| i.id.clone());

#[derive(Serialize, Deserialize)]
pub(super) struct KpiSeriesV1 {
    key: String,
    name: String,
    unit: String,
    values: Vec<(i32, i64)>,
    order: u32,
}

impl From<&KpiSeries> for KpiSeriesV1 {
    fn from(k: &KpiSeries) -> Self {
        KpiSeriesV1 {
            key: k.key.clone(),
            name: k.name.clone(),
            unit: k.unit.clone(),
            values: k.values.iter().map(|(fy, v)| (fy.0, *v)).collect(),
            order: k.order,
        }
    }
}

impl TryFrom<KpiSeriesV1> for KpiSeries {
    type Error = CodecError;
    fn try_from(v: KpiSeriesV1) -> Result<Self, CodecError> {
        Ok(KpiSeries {
            key: v.key,
            name: v.name,
            unit: v.unit,
            values: v
                .values
                .into_iter()
                .map(|(y, n)| (FiscalYear(y), n))
                .collect(),
            order: v.order,
        })
    }
}

record_v1!(KpiSeries, "kpi_series", KpiSeriesV1, |k| k.key.clone());

#[derive(Serialize, Deserialize)]
pub(super) struct TierTargetV1 {
    tier: u8,
    image: String,
    long_term: String,
    long_term_count: Option<(u32, u32)>,
    per_section: Option<u32>,
    target_count: Option<u32>,
    target_year: i32,
}

impl From<&TierTarget> for TierTargetV1 {
    fn from(t: &TierTarget) -> Self {
        TierTargetV1 {
            tier: digital_tier_to(t.tier),
            image: t.image.clone(),
            long_term: t.long_term.clone(),
            long_term_count: t.long_term_count,
            per_section: t.per_section,
            target_count: t.target_count,
            target_year: t.target_year,
        }
    }
}

impl TryFrom<TierTargetV1> for TierTarget {
    type Error = CodecError;
    fn try_from(v: TierTargetV1) -> Result<Self, CodecError> {
        Ok(TierTarget {
            tier: digital_tier_from(v.tier)?,
            image: v.image,
            long_term: v.long_term,
            long_term_count: v.long_term_count,
            per_section: v.per_section,
            target_count: v.target_count,
            target_year: v.target_year,
        })
    }
}

record_v1!(TierTarget, "digital_tiers", TierTargetV1, |t| t
    .tier
    .code()
    .to_string());

#[derive(Serialize, Deserialize)]
pub(super) struct DigitalDomainV1 {
    key: String,
    name: String,
    order: u32,
}

impl From<&DigitalDomain> for DigitalDomainV1 {
    fn from(d: &DigitalDomain) -> Self {
        DigitalDomainV1 {
            key: d.key.clone(),
            name: d.name.clone(),
            order: d.order,
        }
    }
}

impl TryFrom<DigitalDomainV1> for DigitalDomain {
    type Error = CodecError;
    fn try_from(v: DigitalDomainV1) -> Result<Self, CodecError> {
        Ok(DigitalDomain {
            key: v.key,
            name: v.name,
            order: v.order,
        })
    }
}

record_v1!(DigitalDomain, "digital_domains", DigitalDomainV1, |d| d
    .key
    .clone());

#[derive(Serialize, Deserialize)]
pub(super) struct CourseClassV1 {
    key: String,
    name: String,
    audience: String,
}

impl From<&CourseClass> for CourseClassV1 {
    fn from(c: &CourseClass) -> Self {
        CourseClassV1 {
            key: c.key.clone(),
            name: c.name.clone(),
            audience: c.audience.clone(),
        }
    }
}

impl TryFrom<CourseClassV1> for CourseClass {
    type Error = CodecError;
    fn try_from(v: CourseClassV1) -> Result<Self, CodecError> {
        Ok(CourseClass {
            key: v.key,
            name: v.name,
            audience: v.audience,
        })
    }
}

record_v1!(CourseClass, "course_classes", CourseClassV1, |c| c
    .key
    .clone());
