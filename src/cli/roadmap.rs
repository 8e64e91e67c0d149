//! `kizuna roadmap …`: the timeline of the plan period as TSV or JSON, one initiative
//! whole, the progress report for the managers' meeting in Markdown, and the changes
//! made at and after the meeting (status, note, plan, owner, KPI link).

mod render;

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Subcommand;

use super::args::TableFormat;
use super::skills::fy_arg;
use super::table::json_text;
use super::{CliError, emit, say};
use crate::domain::{FiscalYear, Progress};
use crate::i18n::{Lang, Term, roadmap_fill};
use crate::remote::Api;
use crate::service::{Principal, RoadmapChange};
use crate::store::StoreError;

fn progress_arg(text: &str) -> Result<Progress, String> {
    Progress::parse(text).ok_or_else(|| {
        Progress::ALL
            .iter()
            .map(|s| format!("{} ({})", s.ja(), s.code()))
            .collect::<Vec<_>>()
            .join(", ")
    })
}

#[derive(Debug, Subcommand)]
pub enum RoadmapCommand {
    /// One initiative whole: problem statement, actions word for word, the plan per
    /// year with its revisions, the status history and the notes
    Show {
        /// The initiative (1-3, 5-1 …)
        id: String,
    },
    /// The progress report for the managers' meeting (Markdown): delayed initiatives
    /// first, then each approach with this year's status and the notes since the last
    /// report; the report is remembered, so the next one starts after it
    Report {
        /// Fiscal year: R8, 令和8年度, 2026 or FY2026 (default: this year)
        #[arg(long, value_name = "YEAR", value_parser = fy_arg)]
        fy: Option<FiscalYear>,
        /// Write to this file (default: standard output)
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// A draft: do not remember the report (the next report's "since" stays)
        #[arg(long)]
        preview: bool,
    },
    /// Set the status of an initiative in a fiscal year (未着手, 進行中, 完了, 遅延, 中止);
    /// earlier statuses stay with their dates
    Status {
        /// The initiative (1-3, 5-1 …)
        id: String,
        /// 未着手, 進行中, 完了, 遅延, 中止 (or not-started, in-progress, done, delayed,
        /// cancelled)
        #[arg(value_parser = progress_arg)]
        status: Progress,
        /// Fiscal year (default: this year)
        #[arg(long, value_name = "YEAR", value_parser = fy_arg)]
        fy: Option<FiscalYear>,
    },
    /// Add a dated progress note to an initiative
    Note {
        /// The initiative (1-3, 5-1 …)
        id: String,
        /// The note
        text: String,
        /// The fiscal year the note is about (default: none; it goes in the report of
        /// the year it was written in)
        #[arg(long, value_name = "YEAR", value_parser = fy_arg)]
        fy: Option<FiscalYear>,
    },
    /// Revise the plan of a fiscal year (an empty text: nothing planned that year);
    /// earlier versions stay with their dates
    Plan {
        /// The initiative (1-3, 5-1 …)
        id: String,
        /// The fiscal year (within the plan period)
        #[arg(long, value_name = "YEAR", value_parser = fy_arg)]
        fy: FiscalYear,
        /// The new plan text
        text: String,
    },
    /// Name the section responsible for an initiative (earlier owners stay)
    Owner {
        /// The initiative (1-3, 5-1 …)
        id: String,
        /// The section's name
        section: String,
    },
    /// Link a KPI series to an initiative (a key of `catalogue kpi`)
    Link {
        /// The initiative (1-3, 5-1 …)
        id: String,
        /// The KPI series' key (young-resignations, overtime-hours …)
        key: String,
        /// Unlink it instead
        #[arg(long)]
        remove: bool,
    },
}

/// `kizuna roadmap` without a subcommand: the timeline.
pub fn timeline(
    service: &Api,
    p: &Principal,
    format: TableFormat,
    lang: Lang,
) -> Result<(), CliError> {
    let t = service.roadmap(p)?;
    emit(&match format {
        TableFormat::Tsv => render::timeline_tsv(&t, lang),
        TableFormat::Json => json_text(&render::timeline_json(&t))?,
    })
}

/// Runs `kizuna roadmap …`.
pub fn run(service: &Api, p: &Principal, cmd: &RoadmapCommand, lang: Lang) -> Result<(), CliError> {
    let said = |key: &str, values: &[&str]| say(roadmap_fill(key, values, lang));
    let this_year = service.clock().fiscal_year();
    match cmd {
        RoadmapCommand::Show { id } => {
            let detail = service.roadmap_detail(p, id)?;
            emit(&render::detail_text(&detail, lang))?;
        }
        RoadmapCommand::Report {
            fy,
            output,
            preview,
        } => {
            let fy = fy.unwrap_or(this_year);
            // The file is opened before the report is remembered: a path that cannot be
            // written leaves the next report's "since" where it was.
            let file = output.as_deref().map(create_private).transpose()?;
            let report = if *preview {
                service.roadmap_report_preview(p, fy)?
            } else {
                service.roadmap_report(p, fy)?
            };
            let text = render::report_markdown(&report, lang);
            match (file, output) {
                (Some(mut f), Some(path)) => {
                    f.write_all(text.as_bytes())
                        .and_then(|_| f.flush())
                        .map_err(|e| io_error(path, e))?;
                    let shown = path.display().to_string();
                    said("roadmap.report.written", &[&shown])?;
                }
                _ => emit(&text)?,
            }
        }
        RoadmapCommand::Status { id, status, fy } => {
            let fy = fy.unwrap_or(this_year);
            service.set_progress(p, id, fy, *status)?;
            said("roadmap.cli.status", &[id, &fy.short(), status.term(lang)])?;
        }
        RoadmapCommand::Note { id, text, fy } => {
            service.add_progress_note(p, id, *fy, text)?;
            said("roadmap.cli.note", &[id])?;
        }
        RoadmapCommand::Plan { id, fy, text } => {
            service.edit_plan(p, id, *fy, text)?;
            said("roadmap.cli.plan", &[id, &fy.short()])?;
        }
        RoadmapCommand::Owner { id, section } => {
            let change = RoadmapChange::Owner {
                section: section.clone(),
            };
            let now = service.roadmap_change(p, id, change)?;
            said("roadmap.cli.owner", &[id, now.owner().unwrap_or("")])?;
        }
        RoadmapCommand::Link { id, key, remove } => {
            let change = RoadmapChange::Link {
                key: key.clone(),
                linked: !remove,
            };
            let now = service.roadmap_change(p, id, change)?;
            let keys: Vec<String> = now.kpis().into_iter().collect();
            said("roadmap.cli.link", &[id, &keys.join(", ")])?;
        }
    }
    Ok(())
}

fn io_error(path: &Path, source: std::io::Error) -> CliError {
    StoreError::Io {
        path: path.to_path_buf(),
        source,
    }
    .into()
}

/// A report file, readable by its owner only: it quotes the notes.
fn create_private(path: &Path) -> Result<std::fs::File, CliError> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(path)
        .map_err(|e| io_error(path, e))
}
