//! `kizuna skills map|gaps|matrix` and `kizuna digital targets`: the skill reports from
//! the shell, as TSV (a header line, then one row per item, tab-separated) or JSON.
//! What a table alone does not say (the date it was taken on, whom it counted) goes to
//! stderr, so that stdout stays a table a script can read.

use clap::Subcommand;
use serde_json::{Value, json};

use super::args::TableFormat;
use super::import::{date_arg, tell};
use super::table::{json_text, line};
use super::{CliError, emit};
use crate::domain::level::digital_key;
use crate::domain::{Band, Date, DigitalTier, FiscalYear};
use crate::i18n::{self, Lang, SkillWord as W, Term, skill_word};
use crate::io::catalogue::REQUIRED;
use crate::remote::Api;
use crate::service::{GapReport, MapView, Matrix, PersonGaps, Principal, Scope, TierReport};

pub(super) fn fy_arg(text: &str) -> Result<FiscalYear, String> {
    FiscalYear::parse(text).map_err(|e| e.to_string())
}

#[derive(Debug, Subcommand)]
pub enum SkillsCommand {
    /// The skill map of a fiscal year, as it stood on the year's last day (or today, if
    /// that day is still to come): image, category, skill key, skill name, ○ per band;
    /// foundation skills last as "foundation", then the digital domains (dx:KEY)
    Map {
        /// Fiscal year: R8, 令和8年度, 2026 or FY2026 (default: this year)
        #[arg(long, value_name = "YEAR", value_parser = fy_arg)]
        fy: Option<FiscalYear>,
        /// Output format
        #[arg(long, value_enum, default_value_t = TableFormat::Tsv)]
        format: TableFormat,
    },
    /// Skill gaps: with --employee, that person's required skills below target (skill,
    /// name, level, target, distance); otherwise, per skill, the share of the people of a
    /// unit's subtree (--org) or the whole city meeting the target, lowest first (the
    /// number of people counted goes to stderr)
    Gaps {
        /// Only this unit and the units under it (a unit code)
        #[arg(long, value_name = "CODE", conflicts_with = "employee")]
        org: Option<String>,
        /// This person's gaps (a staff number)
        #[arg(long, value_name = "ID")]
        employee: Option<String>,
        /// As of this date (default: today; 2026-04-01, R8.4.1 …)
        #[arg(long, value_name = "DATE", value_parser = date_arg)]
        as_of: Option<Date>,
        /// Output format
        #[arg(long, value_enum, default_value_t = TableFormat::Tsv)]
        format: TableFormat,
    },
    /// Staff down, skills across (TSV headers are skill keys; JSON carries names too):
    /// each cell a level or empty; a required skill below the band's target is marked
    /// with "!" after the cell in TSV, and "short": true in JSON
    Matrix {
        /// The people of this unit and the units under it (a unit code)
        #[arg(long, value_name = "CODE")]
        org: String,
        /// As of this date (default: today; 2026-04-01, R8.4.1 …)
        #[arg(long, value_name = "DATE", value_parser = date_arg)]
        as_of: Option<Date>,
        /// Output format
        #[arg(long, value_enum, default_value_t = TableFormat::Tsv)]
        format: TableFormat,
    },
}

#[derive(Debug, Subcommand)]
pub enum DigitalCommand {
    /// Per tier (starter, leader, architect): today's count, the target year's target
    /// and the long-term target; then, after a blank line in TSV, the sections with
    /// fewer leaders than the floor (code, name, leaders)
    Targets {
        /// Output format
        #[arg(long, value_enum, default_value_t = TableFormat::Tsv)]
        format: TableFormat,
    },
}

fn words(ws: &[W], lang: Lang) -> Vec<String> {
    ws.iter()
        .map(|w| skill_word(*w, lang).to_string())
        .collect()
}

/// Runs `kizuna skills …`.
pub fn run_skills(
    service: &Api,
    p: &Principal,
    cmd: &SkillsCommand,
    lang: Lang,
) -> Result<(), CliError> {
    let today = service.clock().today();
    match cmd {
        SkillsCommand::Map { fy, format } => {
            let fy = fy.unwrap_or_else(|| service.clock().fiscal_year());
            // A year still running (or not begun) is shown as it stands today.
            let on = fy.last_day().min(today);
            let view = service.skill_map(p, on)?;
            tell([i18n::map_note(fy, on, lang)]);
            emit(&match format {
                TableFormat::Tsv => map_tsv(&view, lang),
                TableFormat::Json => json_text(&map_json(&view, fy))?,
            })
        }
        SkillsCommand::Gaps {
            org,
            employee,
            as_of,
            format,
        } => {
            let on = as_of.unwrap_or(today);
            if let Some(staff_no) = employee {
                let gaps = service.gaps(p, staff_no, on)?;
                let note = i18n::person_gaps_note(staff_no, gaps.band, gaps.gaps.len(), on, lang);
                tell([note]);
                return emit(&match format {
                    TableFormat::Tsv => person_tsv(&gaps, lang),
                    TableFormat::Json => json_text(&person_json(staff_no, on, &gaps))?,
                });
            }
            let scope = Scope {
                unit: org.clone(),
                ..Scope::default()
            };
            let report = service.gap_report(p, &scope, on)?;
            tell([i18n::share_note(report.people, org.as_deref(), on, lang)]);
            emit(&match format {
                TableFormat::Tsv => shares_tsv(&report, lang),
                TableFormat::Json => json_text(&shares_json(&report))?,
            })
        }
        SkillsCommand::Matrix { org, as_of, format } => {
            let on = as_of.unwrap_or(today);
            let scope = Scope {
                unit: Some(org.clone()),
                ..Scope::default()
            };
            let m = service.matrix(p, &scope, on)?;
            tell([i18n::matrix_note(m.rows.len(), org, on, lang)]);
            emit(&match format {
                TableFormat::Tsv => matrix_tsv(&m, lang),
                TableFormat::Json => json_text(&matrix_json(&m, org))?,
            })
        }
    }
}

/// Runs `kizuna digital …`.
pub fn run_digital(
    service: &Api,
    p: &Principal,
    cmd: &DigitalCommand,
    lang: Lang,
) -> Result<(), CliError> {
    let DigitalCommand::Targets { format } = cmd;
    let today = service.clock().today();
    let report = service.tier_report(p, today)?;
    tell([i18n::targets_note(
        today,
        report.sections_below().len(),
        report.sections.len(),
        report.per_section,
        lang,
    )]);
    emit(&match format {
        TableFormat::Tsv => targets_tsv(&report, lang),
        TableFormat::Json => json_text(&targets_json(&report))?,
    })
}

/// The image and category names of a skill of the map.
fn placed<'a>(view: &'a MapView, category: Option<&str>) -> (&'a str, &'a str) {
    let category = category.and_then(|k| view.categories.iter().find(|c| c.key == k));
    let image = category.and_then(|c| view.images.iter().find(|i| i.key == c.image));
    (
        image.map_or("", |i| i.name.as_str()),
        category.map_or("", |c| c.name.as_str()),
    )
}

fn map_tsv(view: &MapView, lang: Lang) -> String {
    let mut out = String::new();
    let mut header = words(&[W::Image, W::Category, W::SkillKey, W::SkillName], lang);
    header.extend(Band::ALL.map(|b| i18n::band_heading(b, lang)));
    line(&mut out, header);
    for s in &view.skills {
        let (image, category) = placed(view, s.category.as_deref());
        let category = if s.is_foundation() {
            skill_word(W::Foundation, lang)
        } else {
            category
        };
        let mut cells = vec![
            image.to_string(),
            category.to_string(),
            s.key.clone(),
            s.name.clone(),
        ];
        cells.extend(Band::ALL.map(|b| if s.required_at(b) { REQUIRED } else { "" }.to_string()));
        line(&mut out, cells);
    }
    for d in &view.digital {
        let mut cells = vec![
            String::new(),
            skill_word(W::DigitalDomain, lang).to_string(),
            digital_key(&d.key),
            d.name.clone(),
        ];
        cells.extend(Band::ALL.map(|_| String::new()));
        line(&mut out, cells);
    }
    out
}

fn map_json(view: &MapView, fy: FiscalYear) -> Value {
    let skills: Vec<Value> = view
        .skills
        .iter()
        .map(|s| {
            let (image, category) = placed(view, s.category.as_deref());
            let bands: Vec<u8> = Band::ALL
                .iter()
                .filter(|b| s.required_at(**b))
                .map(|b| b.number())
                .collect();
            json!({
                "key": s.key,
                "name": s.name,
                "image": (!image.is_empty()).then_some(image),
                "category": (!category.is_empty()).then_some(category),
                "foundation": s.is_foundation(),
                "required_bands": bands,
            })
        })
        .collect();
    let digital: Vec<Value> = view
        .digital
        .iter()
        .map(|d| json!({ "key": digital_key(&d.key), "domain": d.key, "name": d.name }))
        .collect();
    let bands: Vec<Value> = Band::ALL
        .iter()
        .map(|b| json!({ "band": b.number(), "label": b.policy_label() }))
        .collect();
    json!({
        "fiscal_year": fy.short(),
        "on": view.on.to_string(),
        "bands": bands,
        "skills": skills,
        "digital_domains": digital,
    })
}

fn person_tsv(g: &PersonGaps, lang: Lang) -> String {
    let mut out = String::new();
    let header = [W::SkillKey, W::SkillName, W::Level, W::Target, W::Distance];
    line(&mut out, words(&header, lang));
    for gap in &g.gaps {
        let level = gap.level.map_or_else(
            || skill_word(W::Unassessed, lang).to_string(),
            |l| l.to_string(),
        );
        line(
            &mut out,
            [
                gap.skill.clone(),
                gap.name.clone(),
                level,
                gap.target.to_string(),
                gap.distance().to_string(),
            ],
        );
    }
    out
}

fn person_json(staff_no: &str, on: Date, g: &PersonGaps) -> Value {
    let gaps: Vec<Value> = g
        .gaps
        .iter()
        .map(|gap| {
            json!({
                "skill": gap.skill,
                "name": gap.name,
                "level": gap.level.map(|l| l.number()),
                "target": gap.target.number(),
                "distance": gap.distance(),
            })
        })
        .collect();
    json!({
        "employee": staff_no,
        "on": on.to_string(),
        "band": g.band.map(Band::number),
        "gaps": gaps,
    })
}

/// A share as a percentage with one decimal, rounded half away from zero.
fn percent(ratio: f64) -> f64 {
    (ratio * 1000.0).round() / 10.0
}

fn shares_tsv(r: &GapReport, lang: Lang) -> String {
    let mut out = String::new();
    let header = [W::SkillKey, W::SkillName, W::Required, W::Meeting, W::Share];
    line(&mut out, words(&header, lang));
    for s in &r.shares {
        line(
            &mut out,
            [
                s.skill.clone(),
                s.name.clone(),
                s.required.to_string(),
                s.meeting.to_string(),
                format!("{:.1}", percent(s.ratio())),
            ],
        );
    }
    out
}

fn shares_json(r: &GapReport) -> Value {
    let shares: Vec<Value> = r
        .shares
        .iter()
        .map(|s| {
            json!({
                "skill": s.skill,
                "name": s.name,
                "required": s.required,
                "meeting": s.meeting,
                "share_percent": percent(s.ratio()),
            })
        })
        .collect();
    json!({
        "on": r.on.to_string(),
        "org": r.scope.unit,
        "people": r.people,
        "shares": shares,
    })
}

fn matrix_tsv(m: &Matrix, lang: Lang) -> String {
    let mut out = String::new();
    let mut header = words(&[W::StaffNo, W::Name, W::Unit, W::Title, W::Band], lang);
    header.extend((0..m.columns()).map(|c| m.column_key(c).unwrap_or_default()));
    line(&mut out, header);
    for (i, r) in m.rows.iter().enumerate() {
        let mut cells = vec![
            r.staff_no.clone(),
            r.name.clone(),
            r.unit.clone(),
            r.title.clone(),
            r.band.map(|b| b.to_string()).unwrap_or_default(),
        ];
        cells.extend((0..m.columns()).map(|c| {
            let level = r.levels.get(c).copied().flatten();
            let mut text = level.map(|l| l.to_string()).unwrap_or_default();
            if m.short(i, c) {
                text.push('!');
            }
            text
        }));
        line(&mut out, cells);
    }
    out
}

fn matrix_json(m: &Matrix, org: &str) -> Value {
    let columns: Vec<Value> = (0..m.columns())
        .map(|c| {
            json!({
                "key": m.column_key(c),
                "name": m.column_name(c),
                "digital": c >= m.skills.len(),
            })
        })
        .collect();
    let targets: Vec<Value> = Band::ALL
        .iter()
        .map(|b| json!({ "band": b.number(), "target": m.settings.target(*b).number() }))
        .collect();
    let rows: Vec<Value> = m
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let cells: Vec<Value> = (0..m.columns())
                .map(|c| {
                    json!({
                        "skill": m.column_key(c),
                        "level": r.levels.get(c).copied().flatten().map(|l| l.number()),
                        "required": m.required(i, c),
                        "short": m.short(i, c),
                    })
                })
                .collect();
            json!({
                "staff_no": r.staff_no,
                "name": r.name,
                "reading": r.reading,
                "unit": r.unit,
                "title": r.title,
                "band": r.band.map(Band::number),
                "digital_tier": r.tier.code(),
                "cells": cells,
            })
        })
        .collect();
    json!({
        "on": m.on.to_string(),
        "org": org,
        "targets": targets,
        "columns": columns,
        "rows": rows,
    })
}

/// `200`, or `40-50` for a range.
fn count_range(range: Option<(u32, u32)>) -> String {
    match range {
        Some((lo, hi)) if lo == hi => lo.to_string(),
        Some((lo, hi)) => format!("{lo}-{hi}"),
        None => String::new(),
    }
}

fn targets_tsv(r: &TierReport, lang: Lang) -> String {
    let mut out = String::new();
    let mut header = words(&[W::Tier, W::TierImage, W::Count], lang);
    header.push(match r.targets.iter().map(|t| t.target_year).max() {
        Some(year) => i18n::target_year_heading(year, lang),
        None => skill_word(W::Target, lang).to_string(),
    });
    header.extend(words(&[W::LongTerm, W::LongTermCount, W::InSystems], lang));
    line(&mut out, header);
    for t in &r.targets {
        let in_systems = if t.tier == DigitalTier::Architect {
            r.architects_in_systems.to_string()
        } else {
            String::new()
        };
        line(
            &mut out,
            [
                t.tier.term(lang).to_string(),
                t.image.clone(),
                r.count(t.tier).to_string(),
                t.target_count.map(|n| n.to_string()).unwrap_or_default(),
                t.long_term.clone(),
                count_range(t.long_term_count),
                in_systems,
            ],
        );
    }
    out.push('\n');
    line(
        &mut out,
        words(&[W::UnitCode, W::UnitName, W::Leaders], lang),
    );
    for s in r.sections_below() {
        line(
            &mut out,
            [s.code.clone(), s.name.clone(), s.leaders.to_string()],
        );
    }
    out
}

fn targets_json(r: &TierReport) -> Value {
    let tiers: Vec<Value> = r
        .targets
        .iter()
        .map(|t| {
            json!({
                "tier": t.tier.code(),
                "name": t.tier.ja(),
                "image": t.image,
                "count": r.count(t.tier),
                "target": t.target_count,
                "target_year": t.target_year,
                "long_term": t.long_term,
                "long_term_count": t.long_term_count.map(|(lo, hi)| [lo, hi]),
                "per_section": t.per_section,
            })
        })
        .collect();
    let below: Vec<Value> = r
        .sections_below()
        .iter()
        .map(|s| json!({ "code": s.code, "name": s.name, "leaders": s.leaders }))
        .collect();
    json!({
        "on": r.on.to_string(),
        "tiers": tiers,
        "architects_in_systems": r.architects_in_systems,
        "per_section": r.per_section,
        "sections": r.sections.len(),
        "sections_below": below,
    })
}
