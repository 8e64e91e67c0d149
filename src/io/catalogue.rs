//! `kizuna catalogue skills|roadmap|kpi`: the stored catalogue as TSV (a header line,
//! then one row per item, tab-separated) or JSON, so anyone can hold it against the
//! policy.

use std::collections::BTreeSet;

use serde::Serialize;

use crate::domain::roadmap::Cell;
use crate::domain::{Band, FiscalYear};
use crate::service::Catalogue;

/// The mark for a required cell.
pub const REQUIRED: &str = "○";
/// The mark for a year a continuation arrow covers.
pub const ARROW: &str = "→";

/// Tabs and line breaks inside a field would break the row; they become spaces.
fn field(text: &str) -> String {
    text.replace(['\t', '\n', '\r'], " ")
}

fn row(fields: impl IntoIterator<Item = String>) -> String {
    let mut line = fields.into_iter().collect::<Vec<_>>().join("\t");
    line.push('\n');
    line
}

#[derive(Serialize)]
struct SkillRow<'a> {
    key: &'a str,
    image: Option<&'a str>,
    category: Option<&'a str>,
    skill: &'a str,
    foundation: bool,
    required_bands: Vec<u8>,
    retired: bool,
}

fn skill_rows(c: &Catalogue) -> Vec<SkillRow<'_>> {
    c.skills
        .iter()
        .map(|s| {
            let category = s
                .category
                .as_deref()
                .and_then(|k| c.categories.iter().find(|x| x.key == k));
            let image = category.and_then(|cat| c.images.iter().find(|i| i.key == cat.image));
            SkillRow {
                key: &s.key,
                image: image.map(|i| i.name.as_str()),
                category: category.map(|x| x.name.as_str()),
                skill: &s.name,
                foundation: s.is_foundation(),
                required_bands: Band::ALL
                    .iter()
                    .filter(|b| s.required_at(**b))
                    .map(|b| b.number())
                    .collect(),
                retired: s.retired,
            }
        })
        .collect()
}

/// `image, category, skill, b1, b2, b3, b4`; foundation skills last, with no image and
/// the category `foundation_label`.
pub fn skills_tsv(c: &Catalogue, foundation_label: &str) -> String {
    let mut out = row(["image", "category", "skill", "b1", "b2", "b3", "b4"].map(String::from));
    for s in skill_rows(c).iter().filter(|s| !s.retired) {
        let mut fields = vec![
            field(s.image.unwrap_or("")),
            field(
                s.category
                    .unwrap_or(if s.foundation { foundation_label } else { "" }),
            ),
            field(s.skill),
        ];
        for b in Band::ALL {
            let mark = if s.required_bands.contains(&b.number()) {
                REQUIRED
            } else {
                ""
            };
            fields.push(mark.to_string());
        }
        out.push_str(&row(fields));
    }
    out
}

pub fn skills_json(c: &Catalogue) -> Result<String, serde_json::Error> {
    serde_json::to_string_pretty(&skill_rows(c))
}

#[derive(Serialize)]
struct InitiativeRow<'a> {
    id: &'a str,
    approach: &'a str,
    section: &'a str,
    initiative: &'a str,
    description: &'a str,
    actions: &'a [String],
    /// One entry per plan-period year: `{ "fy": "R8", "plan": "…" }` or `"arrow": true`.
    years: Vec<YearRow>,
}

#[derive(Serialize)]
struct YearRow {
    fy: String,
    plan: Option<String>,
    arrow: bool,
}

fn approach_short(c: &Catalogue, no: u32) -> &str {
    c.approaches
        .iter()
        .find(|a| a.no == no)
        .map_or("", |a| a.short.as_str())
}

/// `id, approach, initiative, R8 … R12`: the plan text, `→` where an arrow covers the
/// year, or an empty cell.
pub fn roadmap_tsv(c: &Catalogue) -> String {
    let years: Vec<FiscalYear> = c.plan_period.years().collect();
    let mut header = vec!["id".to_string(), "approach".into(), "initiative".into()];
    header.extend(years.iter().map(|y| y.short()));
    let mut out = row(header);
    for i in &c.initiatives {
        let mut fields = vec![
            field(&i.id),
            field(approach_short(c, i.approach)),
            field(&i.title),
        ];
        for fy in &years {
            fields.push(match i.cell(*fy) {
                Cell::Plan(text) => field(text),
                Cell::Arrow => ARROW.to_string(),
                Cell::Empty => String::new(),
            });
        }
        out.push_str(&row(fields));
    }
    out
}

pub fn roadmap_json(c: &Catalogue) -> Result<String, serde_json::Error> {
    let rows: Vec<InitiativeRow<'_>> = c
        .initiatives
        .iter()
        .map(|i| InitiativeRow {
            id: &i.id,
            approach: approach_short(c, i.approach),
            section: &i.section,
            initiative: &i.title,
            description: &i.description,
            actions: &i.actions,
            years: c
                .plan_period
                .years()
                .map(|fy| YearRow {
                    fy: fy.short(),
                    plan: i.plans.get(&fy).cloned(),
                    arrow: matches!(i.cell(fy), Cell::Arrow),
                })
                .collect(),
        })
        .collect();
    serde_json::to_string_pretty(&rows)
}

/// `series, unit, R1, R2, …` with plain integers; a year a series lacks is empty.
pub fn kpi_tsv(c: &Catalogue) -> String {
    let years: BTreeSet<FiscalYear> = c
        .kpis
        .iter()
        .flat_map(|k| k.values.keys().copied())
        .collect();
    let mut header = vec!["series".to_string(), "unit".into()];
    header.extend(years.iter().map(|y| y.short()));
    let mut out = row(header);
    for k in &c.kpis {
        let mut fields = vec![field(&k.name), field(&k.unit)];
        fields.extend(
            years
                .iter()
                .map(|y| k.values.get(y).map(|v| v.to_string()).unwrap_or_default()),
        );
        out.push_str(&row(fields));
    }
    out
}

#[derive(Serialize)]
struct KpiRow<'a> {
    key: &'a str,
    series: &'a str,
    unit: &'a str,
    values: Vec<(String, i64)>,
}

pub fn kpi_json(c: &Catalogue) -> Result<String, serde_json::Error> {
    let rows: Vec<KpiRow<'_>> = c
        .kpis
        .iter()
        .map(|k| KpiRow {
            key: &k.key,
            series: &k.name,
            unit: &k.unit,
            values: k.values.iter().map(|(y, v)| (y.short(), *v)).collect(),
        })
        .collect();
    serde_json::to_string_pretty(&rows)
}
