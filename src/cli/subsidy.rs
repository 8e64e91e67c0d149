//! `kizuna subsidy list|apply|decide`: the self-study subsidy (自主研修支援). The list is
//! a TSV or JSON table of a year's applications; the budget, what approvals have
//! committed of it and what remains go to stderr with it (and into the JSON), so they
//! are shown every time, even for a year with no application.

use clap::Subcommand;
use serde_json::{Value, json};

use super::args::TableFormat;
use super::import::tell;
use super::skills::fy_arg;
use super::table::{json_text, line};
use super::{CliError, emit, say};
use crate::domain::{Application, FiscalYear, SubsidyStatus};
use crate::i18n::{self, Lang, Term, TrainingWord as W, training_words as words};
use crate::remote::Api;
use crate::service::{Principal, SubsidyView};

fn subsidy_status(text: &str) -> Result<SubsidyStatus, String> {
    SubsidyStatus::parse(text).ok_or_else(i18n::subsidy_choices)
}

#[derive(Debug, Subcommand)]
pub enum SubsidyCommand {
    /// A fiscal year's applications (id, staff number, course or qualification, cost,
    /// skill, status, rate, amount, committed, applied on, reason); the budget,
    /// committed and remaining on stderr
    List {
        /// Fiscal year: R8, 令和8年度, 2026 or FY2026 (default: this year)
        #[arg(long, value_name = "YEAR", value_parser = fy_arg)]
        fy: Option<FiscalYear>,
        /// Output format
        #[arg(long, value_enum, default_value_t = TableFormat::Tsv)]
        format: TableFormat,
    },
    /// Record an application in this fiscal year; it must name a skill of the skill map
    /// or give a reason while the skill-map rule is on
    Apply {
        /// The applicant's staff number
        id: String,
        /// The course or qualification
        #[arg(long, value_name = "TEXT")]
        title: String,
        /// What it costs, in yen
        #[arg(long, value_name = "YEN")]
        cost: u64,
        /// The skill of the skill map it serves (a skill key)
        #[arg(long, value_name = "KEY")]
        skill: Option<String>,
        /// Why it is accepted without a skill of the map
        #[arg(long, value_name = "TEXT")]
        reason: Option<String>,
    },
    /// Move an application on: approved (at the band's rate, within the budget),
    /// rejected, reported (completion reported) or paid
    Decide {
        /// The application (S8-0001)
        app: String,
        /// 承認, 却下, 修了報告, 支給 (or approved, rejected, reported, paid)
        #[arg(value_parser = subsidy_status)]
        status: SubsidyStatus,
        /// A note kept with the change
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
    },
}

/// Runs `kizuna subsidy …`.
pub fn run(service: &Api, p: &Principal, cmd: &SubsidyCommand, lang: Lang) -> Result<(), CliError> {
    match cmd {
        SubsidyCommand::List { fy, format } => {
            let fy = fy.unwrap_or_else(|| service.clock().fiscal_year());
            let view = service.subsidies(p, fy)?;
            tell([i18n::budget_note(&view, lang)]);
            emit(&match format {
                TableFormat::Tsv => list_tsv(&view, lang),
                TableFormat::Json => json_text(&list_json(&view))?,
            })
        }
        SubsidyCommand::Apply {
            id,
            title,
            cost,
            skill,
            reason,
        } => {
            let a =
                service.apply_subsidy(p, id, title, *cost, skill.as_deref(), reason.as_deref())?;
            let name = service
                .employee(p, id)
                .map(|v| v.employee.name)
                .unwrap_or_default();
            say(i18n::subsidy_applied(&a, &name, lang))
        }
        SubsidyCommand::Decide { app, status, note } => {
            let a = service.decide_subsidy(p, app, *status, note.as_deref())?;
            // After an approval, what is left of the year's budget is what HR asks next.
            let remaining = if a.status() == SubsidyStatus::Approved {
                let b = service.subsidies(p, a.year)?.budget;
                Some((b.remaining(), b.total))
            } else {
                None
            };
            say(i18n::subsidy_decided(&a, remaining, lang))
        }
    }
}

/// Whether the application was ever approved: its rate and amount mean something.
fn approved(a: &Application) -> bool {
    a.steps.iter().any(|s| s.status == SubsidyStatus::Approved)
}

fn list_tsv(v: &SubsidyView, lang: Lang) -> String {
    let mut out = String::new();
    let header = [
        W::Application,
        W::StaffNo,
        W::Subject,
        W::Cost,
        W::Skill,
        W::Status,
        W::Rate,
        W::Amount,
        W::Committed,
        W::AppliedOn,
        W::Reason,
    ];
    line(&mut out, words(&header, lang));
    for a in &v.applications {
        let fixed = approved(a);
        line(
            &mut out,
            [
                a.id.clone(),
                a.staff_no.clone(),
                a.title.clone(),
                a.cost.to_string(),
                a.skill.clone().unwrap_or_default(),
                a.status().term(lang).to_string(),
                if fixed {
                    a.rate.to_string()
                } else {
                    String::new()
                },
                if fixed {
                    a.amount.to_string()
                } else {
                    String::new()
                },
                a.committed().to_string(),
                a.steps
                    .first()
                    .map(|s| s.on.to_string())
                    .unwrap_or_default(),
                a.override_reason.clone().unwrap_or_default(),
            ],
        );
    }
    out
}

fn list_json(v: &SubsidyView) -> Value {
    let applications: Vec<Value> = v
        .applications
        .iter()
        .map(|a| {
            let fixed = approved(a);
            json!({
                "id": a.id,
                "staff_no": a.staff_no,
                "title": a.title,
                "cost": a.cost,
                "skill": a.skill,
                "reason": a.override_reason,
                "status": a.status().code(),
                "rate_percent": fixed.then_some(a.rate),
                "amount": fixed.then_some(a.amount),
                "committed": a.committed(),
                "applied_on": a.steps.first().map(|s| s.on.to_string()),
            })
        })
        .collect();
    json!({
        "fiscal_year": v.year.short(),
        "budget": {
            "total": v.budget.total,
            "committed": v.budget.committed,
            "remaining": v.budget.remaining(),
        },
        "applications": applications,
    })
}
