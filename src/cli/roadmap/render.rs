//! What `kizuna roadmap` prints: the timeline as TSV or JSON, one initiative as text,
//! and the progress report as Markdown.

use serde_json::{Value, json};

use super::super::table::line;
use crate::domain::era::both_calendars;
use crate::domain::progress::{Note, PlanCell, Signed};
use crate::i18n::{Lang, Term, roadmap_fill, roadmap_text as w};
use crate::io::catalogue::ARROW;
use crate::service::{InitiativeDetail, ProgressReport, ReportItem, Timeline};

fn plan_field(cell: &PlanCell) -> String {
    match cell {
        PlanCell::Plan(t) => t.clone(),
        PlanCell::Arrow => ARROW.to_string(),
        PlanCell::Empty => String::new(),
    }
}

/// `id, approach, initiative, owner, status_R8 … status_R12, plan_R8 … plan_R12`: the
/// status in the user's language, the plan text, `→` where an arrow covers the year.
pub fn timeline_tsv(t: &Timeline, lang: Lang) -> String {
    let mut out = String::new();
    let mut header: Vec<String> = ["id", "approach", "initiative", "owner"]
        .map(String::from)
        .to_vec();
    header.extend(t.years.iter().map(|y| format!("status_{}", y.short())));
    header.extend(t.years.iter().map(|y| format!("plan_{}", y.short())));
    line(&mut out, header);
    for g in &t.groups {
        for r in &g.rows {
            let mut cells = vec![
                r.id.clone(),
                g.approach.short.clone(),
                r.title.clone(),
                r.owner.clone().unwrap_or_default(),
            ];
            cells.extend(r.cells.iter().map(|c| c.status.term(lang).to_string()));
            cells.extend(r.cells.iter().map(|c| plan_field(&c.plan)));
            line(&mut out, cells);
        }
    }
    out
}

/// The timeline as JSON: one object per initiative with its years.
pub fn timeline_json(t: &Timeline) -> Value {
    let rows: Vec<Value> = t
        .groups
        .iter()
        .flat_map(|g| {
            g.rows.iter().map(|r| {
                let years: Vec<Value> = r
                    .cells
                    .iter()
                    .map(|c| {
                        json!({
                            "fy": c.fy.short(),
                            "status": c.status.code(),
                            "plan": match &c.plan { PlanCell::Plan(t) => Some(t.as_str()), _ => None },
                            "arrow": c.plan == PlanCell::Arrow,
                            "revised": c.revised,
                        })
                    })
                    .collect();
                json!({
                    "id": r.id,
                    "approach": g.approach.short,
                    "initiative": r.title,
                    "owner": r.owner,
                    "kpis": r.kpis,
                    "years": years,
                })
            })
        })
        .collect();
    Value::Array(rows)
}

fn signed_text(s: &Signed) -> String {
    format!("{} {}", both_calendars(s.day()), s.by)
}

fn cell_text(cell: &PlanCell, lang: Lang) -> String {
    match cell {
        PlanCell::Plan(t) => t.clone(),
        PlanCell::Arrow => format!("{ARROW} ({})", w("roadmap.continues", lang)),
        PlanCell::Empty => format!("({})", w("roadmap.no_plan", lang)),
    }
}

/// One initiative whole, as text.
pub fn detail_text(d: &InitiativeDetail, lang: Lang) -> String {
    let i = &d.initiative;
    let none = w("roadmap.detail.none", lang);
    let mut out = format!("{} {}\n", i.id, i.title);
    let approach = d.approach.as_ref().map_or("", |a| a.name.as_str());
    let kpis: Vec<String> = d
        .kpis
        .iter()
        .map(|(k, n)| {
            if n.is_empty() {
                k.clone()
            } else {
                format!("{n} ({k})")
            }
        })
        .collect();
    let kpis = if kpis.is_empty() {
        none.to_string()
    } else {
        kpis.join(", ")
    };
    let owner = d
        .progress
        .owner()
        .unwrap_or(w("roadmap.detail.no_owner", lang));
    for (key, value) in [
        ("roadmap.detail.approach", approach),
        ("roadmap.detail.section", i.section.as_str()),
        ("roadmap.detail.owner", owner),
        ("roadmap.detail.kpis", kpis.as_str()),
    ] {
        out.push_str(&format!("{}: {value}\n", w(key, lang)));
    }
    out.push_str(&format!(
        "\n{}\n{}\n",
        w("roadmap.detail.description", lang),
        i.description
    ));
    out.push_str(&format!("\n{}\n", w("roadmap.detail.actions", lang)));
    for a in &i.actions {
        out.push_str(&format!("・{a}\n"));
    }
    out.push_str(&format!("\n{}\n", w("roadmap.detail.years", lang)));
    for fy in &d.years {
        out.push_str(&format!(
            "{} [{}] {}\n",
            fy.short(),
            d.status(*fy).term(lang),
            cell_text(&d.cell(*fy), lang)
        ));
        let versions = d.versions(*fy);
        if versions.len() > 1 {
            for v in &versions {
                let who = v
                    .signed
                    .as_ref()
                    .map_or_else(|| w("roadmap.policy", lang).to_string(), signed_text);
                let what = roadmap_fill(
                    "roadmap.detail.plan_set",
                    &[&cell_text(&v.cell, lang)],
                    lang,
                );
                out.push_str(&format!("    {who}: {what}\n"));
            }
        }
        for s in d.statuses(*fy) {
            let what = roadmap_fill("roadmap.detail.status_set", &[s.status.term(lang)], lang);
            out.push_str(&format!("    {}: {what}\n", signed_text(&s.signed)));
        }
    }
    out.push_str(&format!("\n{}\n", w("roadmap.detail.notes", lang)));
    if d.progress.notes.is_empty() {
        out.push_str(&format!("{}\n", w("roadmap.detail.no_notes", lang)));
    }
    for n in d.progress.notes.iter().rev() {
        out.push_str(&format!("{}\n", note_line(n)));
    }
    out
}

/// `令和8年11月25日 (2026-11-25) hr.sato (R8): text`, the text on one line.
fn note_line(n: &Note) -> String {
    let year =
        n.fy.map(|y| format!(" ({})", y.short()))
            .unwrap_or_default();
    let text = n.text.replace(['\r', '\n'], " ");
    format!("{}{year}: {text}", signed_text(&n.signed))
}

fn item_markdown(out: &mut String, r: &ProgressReport, item: &ReportItem, lang: Lang) {
    out.push_str(&format!("\n### {} {}\n\n", item.id, item.title));
    let approach = r
        .approaches
        .iter()
        .find(|a| a.no == item.approach)
        .map_or("", |a| a.short.as_str());
    let since = item
        .since
        .as_ref()
        .map(|s| format!(" ({})", signed_text(s)))
        .unwrap_or_default();
    let owner = item
        .owner
        .as_deref()
        .unwrap_or(w("roadmap.detail.no_owner", lang));
    let status = item.status.term(lang);
    let rows = [
        ("roadmap.report.approach", approach.to_string()),
        ("roadmap.report.status", format!("**{status}**{since}")),
        ("roadmap.report.plan", cell_text(&item.plan, lang)),
        ("roadmap.report.owner", owner.to_string()),
    ];
    for (key, value) in rows {
        out.push_str(&format!("- {}: {value}\n", w(key, lang)));
    }
    out.push_str(&format!("- {}:", w("roadmap.report.notes", lang)));
    if item.notes.is_empty() {
        out.push_str(&format!(" {}\n", w("roadmap.report.no_notes", lang)));
    } else {
        out.push('\n');
        for n in &item.notes {
            out.push_str(&format!("  - {}\n", note_line(n)));
        }
    }
}

/// The report as Markdown: the title and what it covers, the count per status, the
/// delayed initiatives, then each approach with its other initiatives.
pub fn report_markdown(r: &ProgressReport, lang: Lang) -> String {
    let mut out = format!(
        "# {}\n\n",
        roadmap_fill(
            "roadmap.report.title",
            &[
                lang.pick(&r.fy.wareki(), &format!("FY{} ({})", r.fy.0, r.fy.short())),
                &r.no.to_string()
            ],
            lang
        )
    );
    if !r.recorded {
        out.push_str(&format!("> {}\n\n", w("roadmap.report.draft", lang)));
    }
    out.push_str(&format!(
        "- {}: {}\n",
        w("roadmap.report.made", lang),
        signed_text(&r.made)
    ));
    let previous = r.previous.as_ref().map_or_else(
        || w("roadmap.report.first", lang).to_string(),
        |m| signed_text(&m.signed),
    );
    out.push_str(&format!(
        "- {}: {previous}\n",
        w("roadmap.report.previous", lang)
    ));
    let counts: Vec<String> = r
        .counts()
        .iter()
        .map(|(s, n)| format!("{} {n}", s.term(lang)))
        .collect();
    out.push_str(&format!(
        "- {}: {}\n",
        w("roadmap.report.counts", lang),
        counts.join(" / ")
    ));
    out.push_str(&format!("\n## {}\n", w("roadmap.report.delayed", lang)));
    let mut any = false;
    for item in r.delayed() {
        any = true;
        item_markdown(&mut out, r, item, lang);
    }
    if !any {
        out.push_str(&format!("\n{}\n", w("roadmap.report.no_delayed", lang)));
    }
    for a in &r.approaches {
        out.push_str(&format!("\n## {}\n", a.name));
        let mut listed = false;
        for item in r.of_approach(a.no) {
            listed = true;
            item_markdown(&mut out, r, item, lang);
        }
        if !listed {
            out.push_str(&format!("\n{}\n", w("roadmap.report.all_delayed", lang)));
        }
    }
    out
}
