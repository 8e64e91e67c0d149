//! `kizuna kpi`: the policy's KPI series year by year (the policy's figure, the one
//! entered, and for resignations aged 40 or under the count from the staff records),
//! and `kizuna kpi set KEY FY VALUE` to enter a later year's figure.

use clap::{Args, Subcommand};
use serde_json::{Value, json};

use super::args::TableFormat;
use super::skills::fy_arg;
use super::table::{json_text, line};
use super::{CliError, emit, say};
use crate::domain::FiscalYear;
use crate::i18n::{self, Lang};
use crate::remote::Api;
use crate::service::{KpiError, KpiLine, Principal};

#[derive(Debug, Args)]
pub struct KpiArgs {
    #[command(subcommand)]
    pub what: Option<KpiCommand>,
    /// Output format
    #[arg(long, value_enum, default_value_t = TableFormat::Tsv)]
    pub format: TableFormat,
    /// Show the years up to this one: R8, 令和8年度, 2026 or FY2026 (default: this year)
    #[arg(long, value_name = "YEAR", value_parser = fy_arg)]
    pub fy: Option<FiscalYear>,
}

#[derive(Debug, Subcommand)]
pub enum KpiCommand {
    /// Record a series' figure for a year after the policy's table (hr); a figure
    /// already entered is corrected
    Set {
        /// The series: young-resignations or overtime-hours
        key: String,
        /// The fiscal year: R7, 令和7年度, 2025 or FY2025 (up to this year)
        #[arg(value_parser = fy_arg)]
        fy: FiscalYear,
        /// The figure: a whole number, 0 or more (90,644 is read as 90644)
        #[arg(value_parser = value_arg, allow_hyphen_values = true)]
        value: i64,
    },
}

/// A figure as typed: digits, with thousands separators allowed.
fn value_arg(text: &str) -> Result<i64, String> {
    let digits: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ',' | '_' | '，'))
        .collect();
    digits
        .parse()
        .map_err(|e: std::num::ParseIntError| e.to_string())
}

/// Runs `kizuna kpi …`.
pub fn run(service: &Api, p: &Principal, args: &KpiArgs, lang: Lang) -> Result<(), CliError> {
    match &args.what {
        None => {
            let kpis = service.kpis(p, args.fy)?;
            emit(&match args.format {
                TableFormat::Tsv => kpi_tsv(&kpis, lang),
                TableFormat::Json => json_text(&kpi_json(&kpis))?,
            })
        }
        Some(KpiCommand::Set { key, fy, value }) => match service.set_kpi(p, key, *fy, *value) {
            Ok(set) => say(i18n::kpi_saved(key, *fy, *value, set.previous, lang)),
            Err(KpiError::Service(e)) => Err(e.into()),
            Err(KpiError::Fault(f)) => {
                let keys: Vec<String> = service
                    .catalogue(p)
                    .map(|c| c.kpis.into_iter().map(|k| k.key).collect())
                    .unwrap_or_default();
                Err(CliError::Said(i18n::kpi_fault(&f, &keys, lang)))
            }
        },
    }
}

/// One row per series and year: key, name, unit, year, value, source, computed.
pub(super) fn kpi_tsv(kpis: &[KpiLine], lang: Lang) -> String {
    let mut out = String::new();
    let heading = i18n::dashboard_headings("kpi", lang);
    line(&mut out, heading.iter().map(|h| h.to_string()));
    for k in kpis {
        for y in &k.years {
            line(
                &mut out,
                [
                    k.key.clone(),
                    k.name.clone(),
                    k.unit.clone(),
                    y.year.short(),
                    y.value.map(|v| v.to_string()).unwrap_or_default(),
                    i18n::kpi_source(y.source, lang).to_string(),
                    y.computed.map(|v| v.to_string()).unwrap_or_default(),
                ],
            );
        }
    }
    out
}

pub(super) fn kpi_json(kpis: &[KpiLine]) -> Value {
    let series: Vec<Value> = kpis
        .iter()
        .map(|k| {
            let years: Vec<Value> = k
                .years
                .iter()
                .map(|y| {
                    json!({
                        "year": y.year.short(),
                        "fiscal_year": y.year.0,
                        "value": y.value,
                        "source": y.source.map(|s| s.code()),
                        "computed": y.computed,
                    })
                })
                .collect();
            json!({
                "key": k.key,
                "name": k.name,
                "unit": k.unit,
                "computable": k.computable,
                "years": years,
            })
        })
        .collect();
    Value::Array(series)
}

#[cfg(test)]
mod tests {
    use super::value_arg;

    #[test]
    fn figures_read_with_separators() {
        assert_eq!(value_arg("90,644"), Ok(90644));
        assert_eq!(value_arg(" 13 "), Ok(13));
        assert_eq!(
            value_arg("-1"),
            Ok(-1),
            "refused by the service, with words"
        );
        assert!(value_arg("13人").is_err());
    }
}
