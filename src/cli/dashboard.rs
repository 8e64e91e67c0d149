//! `kizuna dashboard [--fy R8] [--format tsv|json]`: the figures of pane 6 as text.
//! TSV is four tables separated by an empty line: the KPI series (figure and computed
//! count), digital talent against the targets, the 所属 below two leaders, and the
//! mandatory courses taken by 所属 (the city first). What the tables alone do not say
//! (the year, the day the staff were counted on) goes to stderr.

use clap::Args;
use serde_json::{Value, json};

use super::args::TableFormat;
use super::import::tell;
use super::kpi::{kpi_json, kpi_tsv};
use super::skills::fy_arg;
use super::table::{json_text, line};
use super::{CliError, emit};
use crate::domain::FiscalYear;
use crate::i18n::{self, Lang, Term};
use crate::remote::Api;
use crate::service::{Coverage, Dashboard, Principal, SectionCoverage, Talent};

#[derive(Debug, Args)]
pub struct DashboardArgs {
    /// The fiscal year: R8, 令和8年度, 2026 or FY2026 (default: this year)
    #[arg(long, value_name = "YEAR", value_parser = fy_arg)]
    pub fy: Option<FiscalYear>,
    /// Output format
    #[arg(long, value_enum, default_value_t = TableFormat::Tsv)]
    pub format: TableFormat,
}

/// Runs `kizuna dashboard`.
pub fn run(service: &Api, p: &Principal, args: &DashboardArgs, lang: Lang) -> Result<(), CliError> {
    let d = service.dashboard(p, args.fy)?;
    tell([i18n::dashboard_note(d.year, d.on, lang)]);
    emit(&match args.format {
        TableFormat::Tsv => {
            let mut out = kpi_tsv(&d.kpis, lang);
            out.push('\n');
            out.push_str(&talent_tsv(&d.talent, lang));
            out.push('\n');
            out.push_str(&below_tsv(&d.talent, lang));
            out.push('\n');
            out.push_str(&coverage_tsv(&d.coverage, lang));
            out
        }
        TableFormat::Json => json_text(&dashboard_json(&d))?,
    })
}

fn heading(out: &mut String, table: &str, lang: Lang) {
    line(
        out,
        i18n::dashboard_headings(table, lang)
            .into_iter()
            .map(String::from),
    );
}

fn opt(n: Option<u32>) -> String {
    n.map(|n| n.to_string()).unwrap_or_default()
}

/// `200`, or `40-50` for a range.
fn range(r: Option<(u32, u32)>) -> String {
    match r {
        Some((lo, hi)) if lo == hi => lo.to_string(),
        Some((lo, hi)) => format!("{lo}-{hi}"),
        None => String::new(),
    }
}

fn talent_tsv(t: &Talent, lang: Lang) -> String {
    let mut out = String::new();
    heading(&mut out, "talent", lang);
    for r in &t.rows {
        line(
            &mut out,
            [
                r.tier.term(lang).to_string(),
                r.count.to_string(),
                opt(r.target),
                r.target_year.to_string(),
                opt(r.shortfall),
                range(r.long_term),
                opt(r.long_term_shortfall),
            ],
        );
    }
    out
}

fn below_tsv(t: &Talent, lang: Lang) -> String {
    let mut out = String::new();
    heading(&mut out, "below", lang);
    for s in t.sections_below() {
        line(
            &mut out,
            [s.code.clone(), s.name.clone(), s.leaders.to_string()],
        );
    }
    out
}

fn coverage_row(out: &mut String, s: &SectionCoverage, name: String) {
    line(
        out,
        [
            s.code.clone(),
            name,
            s.people.to_string(),
            s.people_done.to_string(),
            s.due.to_string(),
            s.taken.to_string(),
            i18n::per_mille_text(s.per_mille()),
        ],
    );
}

fn coverage_tsv(c: &Coverage, lang: Lang) -> String {
    let mut out = String::new();
    heading(&mut out, "coverage", lang);
    coverage_row(
        &mut out,
        &c.total,
        i18n::dash("dash.coverage.total", lang).to_string(),
    );
    for s in &c.sections {
        coverage_row(&mut out, s, s.name.clone());
    }
    out
}

fn coverage_json(s: &SectionCoverage) -> Value {
    json!({
        "code": s.code,
        "name": s.name,
        "people": s.people,
        "people_done": s.people_done,
        "due": s.due,
        "taken": s.taken,
        "per_mille": s.per_mille(),
    })
}

fn dashboard_json(d: &Dashboard) -> Value {
    let t = &d.talent;
    let c = &d.coverage;
    let below: Vec<Value> = t
        .sections_below()
        .iter()
        .map(|s| json!({ "code": s.code, "name": s.name, "leaders": s.leaders }))
        .collect();
    let tiers: Vec<Value> = t
        .rows
        .iter()
        .map(|r| {
            json!({
                "tier": r.tier.code(),
                "count": r.count,
                "target": r.target,
                "target_year": r.target_year,
                "shortfall": r.shortfall,
                "long_term": r.long_term.map(|(lo, hi)| [lo, hi]),
                "long_term_shortfall": r.long_term_shortfall,
            })
        })
        .collect();
    let duties: Vec<Value> = c
        .duties
        .iter()
        .map(|u| json!({ "kind": u.kind.code(), "times": u.times, "held": u.held, "met": u.met() }))
        .collect();
    json!({
        "fiscal_year": d.year.short(),
        "on": d.on.to_string(),
        "kpis": kpi_json(&d.kpis),
        "digital_talent": {
            "tiers": tiers,
            "per_section": t.report.per_section,
            "sections": t.report.sections.len(),
            "sections_below": below,
        },
        "training_coverage": {
            "on": c.on.to_string(),
            "total": coverage_json(&c.total),
            "sections": c.sections.iter().map(coverage_json).collect::<Vec<_>>(),
            "duties": duties,
        },
    })
}
