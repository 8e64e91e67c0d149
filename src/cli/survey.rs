//! `kizuna survey import|show|report`: the work-engagement survey's results per
//! workplace, with the group-size rule applied by the service.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Subcommand;
use serde_json::{Value, json};

use super::args::TableFormat;
use super::import::{InEncoding, tell};
use super::{CliError, emit, say};
use crate::domain::FiscalYear;
use crate::i18n::{self, Lang, SurveyWord as W, survey_word};
use crate::io::csv::Encoding;
use crate::remote::Api;
use crate::service::{
    Hidden, Principal, ServiceError, Standing, SurveyImport, SurveyImportError, SurveyRow,
    SurveyView,
};
use crate::store::StoreError;

#[derive(Debug, Subcommand)]
pub enum SurveyCommand {
    /// Import a year's results: the implementer's group results (organisation code,
    /// respondents, scale columns) or the city's own UWES-9 answers (organisation code
    /// and Q1-Q9, 0-6), folded into group results; single answers are never kept.
    /// Importing a year again replaces it
    Import {
        /// The CSV file (UTF-8 or CP932)
        file: PathBuf,
        /// The fiscal year of the results (R8, 2026 …)
        #[arg(long, value_name = "YEAR", value_parser = super::skills::fy_arg)]
        fy: FiscalYear,
        /// Character encoding of the file
        #[arg(long, value_enum, default_value_t = InEncoding::Auto)]
        encoding: InEncoding,
        /// Check everything, write nothing
        #[arg(long)]
        dry_run: bool,
    },
    /// The results per workplace (the group-size rule applied), with the city and the
    /// year before
    Show {
        /// The fiscal year (R8, 2026 …)
        #[arg(long, value_name = "YEAR", value_parser = super::skills::fy_arg)]
        fy: FiscalYear,
        /// Output format
        #[arg(long, value_enum, default_value_t = TableFormat::Tsv)]
        format: TableFormat,
    },
    /// The feedback sheet for a workplace's manager, in Markdown
    Report {
        /// The fiscal year (R8, 2026 …)
        #[arg(long, value_name = "YEAR", value_parser = super::skills::fy_arg)]
        fy: FiscalYear,
        /// The workplace's organisation code
        #[arg(long, value_name = "CODE")]
        org: String,
        /// Output file (default: standard output)
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

fn io_error(path: &Path, source: std::io::Error) -> CliError {
    StoreError::Io {
        path: path.to_path_buf(),
        source,
    }
    .into()
}

/// The year's view, or the user's message when it has no results.
fn view(service: &Api, p: &Principal, fy: FiscalYear, lang: Lang) -> Result<SurveyView, CliError> {
    match service.survey(p, fy) {
        Err(ServiceError::NotFound { kind: "survey", .. }) => {
            Err(CliError::Said(i18n::no_survey(fy, lang)))
        }
        other => Ok(*other?),
    }
}

/// Runs `kizuna survey …`; returns the exit code.
pub fn run(service: &Api, p: &Principal, cmd: &SurveyCommand, lang: Lang) -> Result<u8, CliError> {
    match cmd {
        SurveyCommand::Import {
            file,
            fy,
            encoding,
            dry_run,
        } => {
            let bytes = std::fs::read(file).map_err(|e| io_error(file, e))?;
            let opts = SurveyImport {
                fy: *fy,
                encoding: match encoding {
                    InEncoding::Auto => Encoding::Auto,
                    InEncoding::Utf8 => Encoding::Utf8,
                    InEncoding::Cp932 => Encoding::Cp932,
                },
                dry_run: *dry_run,
            };
            match service.import_survey(p, &bytes, &opts) {
                Ok(summary) => {
                    if !summary.ignored.is_empty() {
                        tell([i18n::ignored_columns(&summary.ignored, lang)]);
                    }
                    say(i18n::survey_import_summary(&summary, lang))?;
                    Ok(0)
                }
                Err(SurveyImportError::Rejected(issues)) => {
                    let closing = i18n::import_rejected(issues.len(), lang);
                    tell(
                        issues
                            .iter()
                            .map(|i| i18n::survey_issue(i, lang))
                            .chain([format!("kizuna: {closing}")]),
                    );
                    Ok(1)
                }
                Err(SurveyImportError::Service(e)) => Err(e.into()),
            }
        }
        SurveyCommand::Show { fy, format } => {
            let v = view(service, p, *fy, lang)?;
            emit(&match format {
                TableFormat::Tsv => tsv(&v, lang),
                TableFormat::Json => serde_json::to_string_pretty(&to_json(&v))? + "\n",
            })?;
            Ok(0)
        }
        SurveyCommand::Report { fy, org, output } => {
            let v = view(service, p, *fy, lang)?;
            let code = crate::io::csv::fold_width(org.trim()).into_owned();
            let Standing::Row(row) = v.standing(&code) else {
                return Err(CliError::Said(i18n::report_refused(&v, &code, lang)));
            };
            let text = i18n::sheet_text(&v, row, lang);
            match output {
                None => emit(&text)?,
                Some(path) => write_private(path, text.as_bytes())?,
            }
            Ok(0)
        }
    }
}

/// Writes the sheet readable by its owner only.
fn write_private(path: &Path, bytes: &[u8]) -> Result<(), CliError> {
    use std::os::unix::fs::OpenOptionsExt;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(path)
        .map_err(|e| io_error(path, e))?;
    f.write_all(bytes)
        .and_then(|_| f.flush())
        .map_err(|e| io_error(path, e))
}

fn cell(v: Option<f64>) -> String {
    v.map_or_else(String::new, |v| format!("{v:.2}"))
}

fn clean(text: &str) -> String {
    text.replace(['\t', '\n'], " ")
}

/// The table: the city first, then every unit with results in org order; hidden units
/// have no figures and say where they are counted.
fn tsv(v: &SurveyView, lang: Lang) -> String {
    let mut head = vec!["org_code".to_string(), "unit".into(), "respondents".into()];
    head.extend(v.scales.iter().map(|s| s.key.clone()));
    head.extend(v.scales.iter().map(|s| format!("previous.{}", s.key)));
    head.extend(["merged".to_string(), "note".into()]);
    let mut out = head.join("\t") + "\n";
    let line = |r: &SurveyRow, name: &str, note: &str| {
        let mut cells = vec![r.org_code.clone(), clean(name), r.respondents.to_string()];
        cells.extend(r.scores.iter().map(|s| cell(*s)));
        cells.extend(r.previous.iter().map(|s| cell(*s)));
        let merged: Vec<&str> = r.merged.iter().map(|m| m.org_code.as_str()).collect();
        cells.extend([merged.join(" "), clean(note)]);
        cells.join("\t") + "\n"
    };
    if let Some(c) = &v.city {
        out.push_str(&line(c, survey_word(W::City, lang), ""));
    }
    for r in &v.rows {
        out.push_str(&line(r, &r.path, ""));
    }
    let blanks = "\t".repeat(2 * v.scales.len());
    for h in &v.hidden {
        let note = match &h.hidden {
            Hidden::MergedInto(code) => {
                let name = v
                    .rows
                    .iter()
                    .find(|r| r.org_code == *code)
                    .map_or("", |r| r.path.as_str());
                i18n::merged_into(code, name, lang)
            }
            Hidden::Withheld => survey_word(W::Withheld, lang).to_string(),
        };
        out.push_str(&format!(
            "{}\t{}\t{blanks}\t\t{}\n",
            h.org_code,
            clean(&h.path),
            clean(&note)
        ));
    }
    out
}

fn row_json(r: &SurveyRow) -> Value {
    json!({
        "org_code": r.org_code,
        "org_name": r.org_name,
        "path": r.path,
        "respondents": r.respondents,
        "scores": r.scores,
        "previous": r.previous,
        "previous_respondents": r.previous_respondents,
        "merged": r.merged.iter().map(|m| json!({"org_code": m.org_code, "org_name": m.org_name})).collect::<Vec<_>>(),
    })
}

fn to_json(v: &SurveyView) -> Value {
    json!({
        "fy": v.fy.short(),
        "floor": v.floor,
        "source": match v.source {
            crate::domain::survey::SurveySource::Implementer => "implementer",
            crate::domain::survey::SurveySource::ItemLevel => "item_level",
        },
        "imported": v.imported.to_string(),
        "scales": v.scales.iter().map(|s| json!({"key": s.key, "name": s.name})).collect::<Vec<_>>(),
        "city": v.city.as_ref().map(row_json),
        "previous_city": v.previous_city.as_ref().map(row_json),
        "rows": v.rows.iter().map(row_json).collect::<Vec<_>>(),
        "hidden": v.hidden.iter().map(|h| json!({
            "org_code": h.org_code,
            "path": h.path,
            "merged_into": match &h.hidden { Hidden::MergedInto(c) => Some(c.clone()), Hidden::Withheld => None },
        })).collect::<Vec<_>>(),
    })
}
