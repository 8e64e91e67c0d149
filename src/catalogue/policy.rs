//! The policy catalogue: fixtures/policy/*.toml, built into the binary, read into domain
//! types. `kizuna init` writes it into a new database; from then on the database is the
//! source, editable by admins.

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;

use crate::domain::{
    Approach, Band, Category, CourseClass, DigitalDomain, DigitalTier, FiscalYear, Image,
    Initiative, KpiSeries, Mindset, MindsetScope, PlanPeriod, Skill, TierTarget, TitleBand,
};

/// The catalogue files, by name, as shipped.
pub const FILES: [(&str, &str); 6] = [
    (
        "skills.toml",
        include_str!("../../fixtures/policy/skills.toml"),
    ),
    (
        "mindsets.toml",
        include_str!("../../fixtures/policy/mindsets.toml"),
    ),
    (
        "roadmap.toml",
        include_str!("../../fixtures/policy/roadmap.toml"),
    ),
    ("kpi.toml", include_str!("../../fixtures/policy/kpi.toml")),
    (
        "digital.toml",
        include_str!("../../fixtures/policy/digital.toml"),
    ),
    (
        "organisation.toml",
        include_str!("../../fixtures/policy/organisation.toml"),
    ),
];

/// A catalogue file that does not read.
#[derive(Debug, thiserror::Error)]
pub enum CatalogueError {
    #[error("{file}: {message}")]
    Syntax { file: String, message: String },
    #[error("{file}: {message}")]
    Content { file: String, message: String },
}

/// Everything the policy gives the product to start with.
#[derive(Clone, Debug)]
pub struct Policy {
    pub plan_period: PlanPeriod,
    pub titles: Vec<TitleBand>,
    pub band_labels: BTreeMap<Band, String>,
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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SkillsFile {
    /// The day this map took effect.
    since: String,
    image: Vec<KeyName>,
    category: Vec<CategoryRow>,
    skill: Vec<SkillRow>,
    foundation: Vec<KeyName>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct KeyName {
    key: String,
    name: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CategoryRow {
    key: String,
    image: String,
    name: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SkillRow {
    key: String,
    category: String,
    name: String,
    required: Vec<u8>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MindsetsFile {
    mindset: Vec<MindsetRow>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MindsetRow {
    no: u32,
    scope: String,
    text: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RoadmapFile {
    approach: Vec<Approach>,
    initiative: Vec<InitiativeRow>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct InitiativeRow {
    id: String,
    approach: u32,
    section: String,
    title: String,
    description: String,
    actions: Vec<String>,
    arrows: Vec<String>,
    plan: BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct KpiFile {
    series: Vec<SeriesRow>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SeriesRow {
    key: String,
    name: String,
    unit: String,
    values: BTreeMap<String, i64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DigitalFile {
    target_year: i32,
    tier: Vec<TierRow>,
    domain: Vec<KeyName>,
    class: Vec<CourseClass>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TierRow {
    tier: String,
    image: String,
    long_term: String,
    long_term_count: Option<(u32, u32)>,
    per_section: Option<u32>,
    target: Option<u32>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OrganisationFile {
    plan_period: PeriodRow,
    band: Vec<BandRow>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PeriodRow {
    first: String,
    last: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BandRow {
    band: u8,
    label: String,
    titles: Vec<String>,
}

fn parse<T: serde::de::DeserializeOwned>(file: &str, text: &str) -> Result<T, CatalogueError> {
    toml::from_str(text).map_err(|e| CatalogueError::Syntax {
        file: file.to_string(),
        message: e.to_string(),
    })
}

fn content(file: &str, message: impl Into<String>) -> CatalogueError {
    CatalogueError::Content {
        file: file.to_string(),
        message: message.into(),
    }
}

fn fiscal(file: &str, text: &str) -> Result<FiscalYear, CatalogueError> {
    FiscalYear::parse(text).map_err(|e| content(file, e.to_string()))
}

impl Policy {
    /// The catalogue shipped in the binary.
    pub fn builtin() -> Result<Policy, CatalogueError> {
        Policy::from_files(|name| {
            FILES
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, text)| (*text).to_string())
        })
    }

    /// Reads a catalogue through `read`, which returns a file's text by name.
    pub fn from_files(read: impl Fn(&str) -> Option<String>) -> Result<Policy, CatalogueError> {
        let text = |name: &str| read(name).ok_or_else(|| content(name, "missing"));

        let org: OrganisationFile = parse("organisation.toml", &text("organisation.toml")?)?;
        let plan_period = PlanPeriod {
            first: fiscal("organisation.toml", &org.plan_period.first)?,
            last: fiscal("organisation.toml", &org.plan_period.last)?,
        };
        let mut titles = Vec::new();
        let mut band_labels = BTreeMap::new();
        for row in org.band {
            let band = Band::new(row.band)
                .ok_or_else(|| content("organisation.toml", format!("no band {}", row.band)))?;
            band_labels.insert(band, row.label);
            titles.extend(
                row.titles
                    .into_iter()
                    .map(|title| TitleBand { title, band }),
            );
        }

        let (images, categories, skills) = skills(parse("skills.toml", &text("skills.toml")?)?)?;
        let mindsets = mindsets(parse("mindsets.toml", &text("mindsets.toml")?)?)?;
        let (approaches, initiatives) = roadmap(parse("roadmap.toml", &text("roadmap.toml")?)?)?;
        let kpis = kpis(parse("kpi.toml", &text("kpi.toml")?)?)?;
        let (tiers, domains, classes) = digital(parse("digital.toml", &text("digital.toml")?)?)?;

        Ok(Policy {
            plan_period,
            titles,
            band_labels,
            images,
            categories,
            skills,
            mindsets,
            approaches,
            initiatives,
            kpis,
            tiers,
            domains,
            classes,
        })
    }
}

type SkillMap = (Vec<Image>, Vec<Category>, Vec<Skill>);

fn skills(file: SkillsFile) -> Result<SkillMap, CatalogueError> {
    const F: &str = "skills.toml";
    let since = crate::domain::Date::parse(&file.since)
        .map_err(|e| content(F, format!("since {}: {e}", file.since)))?;
    let images: Vec<Image> = file
        .image
        .into_iter()
        .zip(0..)
        .map(|(r, order)| Image {
            key: r.key,
            name: r.name,
            order,
        })
        .collect();
    let mut categories = Vec::new();
    for (r, order) in file.category.into_iter().zip(0..) {
        if !images.iter().any(|i| i.key == r.image) {
            return Err(content(
                F,
                format!("category {}: no image {}", r.key, r.image),
            ));
        }
        categories.push(Category {
            key: r.key,
            image: r.image,
            name: r.name,
            order,
        });
    }
    let mut skills = Vec::new();
    let mut keys = BTreeSet::new();
    for (r, order) in file.skill.into_iter().zip(0..) {
        if !categories.iter().any(|c| c.key == r.category) {
            return Err(content(
                F,
                format!("skill {}: no category {}", r.key, r.category),
            ));
        }
        let mut required = [false; 4];
        for n in r.required {
            let band =
                Band::new(n).ok_or_else(|| content(F, format!("skill {}: no band {n}", r.key)))?;
            required[band.index()] = true;
        }
        if !keys.insert(r.key.clone()) {
            return Err(content(F, format!("skill {} twice", r.key)));
        }
        skills.push(Skill {
            key: r.key,
            category: Some(r.category),
            name: r.name,
            required,
            order,
            retired: false,
            since,
            earlier: Vec::new(),
        });
    }
    let base = skills.len() as u32;
    for (r, order) in file.foundation.into_iter().zip(base..) {
        if !keys.insert(r.key.clone()) {
            return Err(content(F, format!("skill {} twice", r.key)));
        }
        skills.push(Skill {
            key: r.key,
            category: None,
            name: r.name,
            required: [true; 4],
            order,
            retired: false,
            since,
            earlier: Vec::new(),
        });
    }
    Ok((images, categories, skills))
}

fn mindsets(file: MindsetsFile) -> Result<Vec<Mindset>, CatalogueError> {
    file.mindset
        .into_iter()
        .map(|r| {
            let scope = match r.scope.as_str() {
                "staff" => MindsetScope::Staff,
                "organisation" => MindsetScope::Organisation,
                other => return Err(content("mindsets.toml", format!("no scope {other}"))),
            };
            Ok(Mindset {
                no: r.no,
                scope,
                text: r.text,
            })
        })
        .collect()
}

fn roadmap(file: RoadmapFile) -> Result<(Vec<Approach>, Vec<Initiative>), CatalogueError> {
    const F: &str = "roadmap.toml";
    let mut initiatives = Vec::new();
    for (r, order) in file.initiative.into_iter().zip(0..) {
        if !file.approach.iter().any(|a| a.no == r.approach) {
            return Err(content(F, format!("{}: no approach {}", r.id, r.approach)));
        }
        let mut plans = BTreeMap::new();
        for (year, text) in r.plan {
            plans.insert(fiscal(F, &year)?, text);
        }
        let mut arrows = BTreeSet::new();
        for year in &r.arrows {
            let fy = fiscal(F, year)?;
            if plans.contains_key(&fy) {
                return Err(content(
                    F,
                    format!("{}: {year} has both a plan and an arrow", r.id),
                ));
            }
            arrows.insert(fy);
        }
        initiatives.push(Initiative {
            id: r.id,
            approach: r.approach,
            section: r.section,
            title: r.title,
            description: r.description.trim().to_string(),
            actions: r.actions,
            plans,
            arrows,
            order,
        });
    }
    Ok((file.approach, initiatives))
}

fn kpis(file: KpiFile) -> Result<Vec<KpiSeries>, CatalogueError> {
    let mut out = Vec::new();
    for (r, order) in file.series.into_iter().zip(0..) {
        let mut values = BTreeMap::new();
        for (year, v) in r.values {
            values.insert(fiscal("kpi.toml", &year)?, v);
        }
        out.push(KpiSeries {
            key: r.key,
            name: r.name,
            unit: r.unit,
            values,
            order,
        });
    }
    Ok(out)
}

type Digital = (Vec<TierTarget>, Vec<DigitalDomain>, Vec<CourseClass>);

fn digital(file: DigitalFile) -> Result<Digital, CatalogueError> {
    let mut tiers = Vec::new();
    for r in file.tier {
        let tier = DigitalTier::parse(&r.tier)
            .ok_or_else(|| content("digital.toml", format!("no tier {}", r.tier)))?;
        tiers.push(TierTarget {
            tier,
            image: r.image,
            long_term: r.long_term,
            long_term_count: r.long_term_count,
            per_section: r.per_section,
            target_count: r.target,
            target_year: file.target_year,
        });
    }
    let domains = file
        .domain
        .into_iter()
        .zip(0..)
        .map(|(r, order)| DigitalDomain {
            key: r.key,
            name: r.name,
            order,
        })
        .collect();
    Ok((tiers, domains, file.class))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn policy() -> Policy {
        Policy::builtin().unwrap()
    }

    #[test]
    fn a_broken_file_names_itself() {
        let err = Policy::from_files(|name| {
            let text = FILES.iter().find(|(n, _)| *n == name)?.1;
            Some(if name == "kpi.toml" {
                "[[series]\n".into()
            } else {
                text.into()
            })
        })
        .unwrap_err();
        assert!(err.to_string().starts_with("kpi.toml:"), "{err}");
    }

    #[test]
    fn bands_from_titles() {
        let p = policy();
        let band = |t: &str| {
            p.titles
                .iter()
                .find(|x| x.title == t)
                .map(|x| x.band.number())
        };
        assert_eq!(band("主事"), Some(1));
        assert_eq!(band("専門員"), Some(2));
        assert_eq!(band("主査"), Some(3));
        assert_eq!(band("部長"), Some(4));
        assert_eq!(p.plan_period.first, FiscalYear::reiwa(8));
        assert_eq!(p.plan_period.last, FiscalYear::reiwa(12));
    }

    #[test]
    fn mindsets_are_ten_five_and_five() {
        let p = policy();
        assert_eq!(p.mindsets.len(), 10);
        let staff = p
            .mindsets
            .iter()
            .filter(|m| m.scope == MindsetScope::Staff)
            .count();
        assert_eq!(staff, 5);
        assert_eq!(p.mindsets[8].text, "データに基づくEBPMとPDCAを意識する");
    }
}
