//! `kizuna settings`: the organisation's settings kept in the database (the level
//! scale's names, the target level per band), shown to anyone, changed by admins.

use clap::Subcommand;
use serde_json::json;

use super::args::TableFormat;
use super::{CliError, emit};
use crate::domain::settings::SettingsChange;
use crate::domain::{Band, Level};
use crate::i18n::{Lang, settings_heading, settings_saved};
use crate::remote::Api;
use crate::service::Principal;

#[derive(Debug, Subcommand)]
pub enum SettingsCommand {
    /// The level names (0-4) and the target level of each band
    Show {
        /// Output format
        #[arg(long, value_enum, default_value_t = TableFormat::Tsv)]
        format: TableFormat,
    },
    /// Rename a step of the level scale (admin)
    LevelName {
        /// The level, 0-4
        #[arg(value_parser = clap::value_parser!(u8).range(0..=4))]
        level: u8,
        /// Its new name
        name: String,
    },
    /// Set the self-study subsidy's rate for a band, in percent of the cost (admin)
    SubsidyRate {
        /// The band, 1 (主任・主事) to 4 (部長・課長)
        #[arg(value_parser = clap::value_parser!(u8).range(1..=4))]
        band: u8,
        /// Percent, 0-100
        #[arg(value_parser = clap::value_parser!(u8).range(0..=100))]
        percent: u8,
    },
    /// Set the self-study subsidy's budget, in yen: of one fiscal year with --fy, else
    /// of every year without its own (admin)
    SubsidyBudget {
        /// Yen
        yen: u64,
        /// The fiscal year (R8, 2026 …)
        #[arg(long, value_name = "YEAR", value_parser = super::skills::fy_arg)]
        fy: Option<crate::domain::FiscalYear>,
    },
    /// Whether a subsidy application must serve a skill of the skill map (admin)
    SubsidySkillRule {
        /// on or off
        #[arg(value_parser = ["on", "off"])]
        rule: String,
    },
    /// Minutes without a key before the case pane locks and forgets its keys (admin)
    LockMinutes {
        /// 1-60 (default 5)
        #[arg(value_parser = clap::value_parser!(u16).range(1..=60))]
        minutes: u16,
    },
    /// The work-engagement survey's smallest group shown on its own, 10 or more (admin)
    SurveyFloor {
        /// Respondents, 10 or more (default 10)
        #[arg(value_parser = clap::value_parser!(u32).range(i64::from(crate::domain::survey::MIN_FLOOR)..=100_000))]
        floor: u32,
    },
    /// Set the level a band's required skills aim at (admin)
    Target {
        /// The band, 1 (主任・主事) to 4 (部長・課長)
        #[arg(value_parser = clap::value_parser!(u8).range(1..=4))]
        band: u8,
        /// The target level, 0-4
        #[arg(value_parser = clap::value_parser!(u8).range(0..=4))]
        level: u8,
    },
}

pub fn run(
    service: &Api,
    p: &Principal,
    cmd: &SettingsCommand,
    lang: Lang,
) -> Result<(), CliError> {
    match cmd {
        SettingsCommand::Show { format } => emit(&match format {
            TableFormat::Tsv => {
                let s = service.settings(p)?;
                let mut out = settings_heading(lang).to_string();
                for level in Level::ALL {
                    out.push_str(&format!("level.{level}\t{}\n", s.level_name(level)));
                }
                for band in Band::ALL {
                    out.push_str(&format!("target.{band}\t{}\n", s.target(band)));
                }
                for band in Band::ALL {
                    let rate = s.subsidy.rates[band.index()];
                    out.push_str(&format!("subsidy.rate.{band}\t{rate}\n"));
                }
                out.push_str(&format!("subsidy.budget\t{}\n", s.subsidy.budget));
                for (year, yen) in &s.subsidy.budgets {
                    let fy = crate::domain::FiscalYear(*year).short();
                    out.push_str(&format!("subsidy.budget.{fy}\t{yen}\n"));
                }
                let rule = if s.subsidy.skill_rule { "on" } else { "off" };
                out.push_str(&format!("subsidy.skill_rule\t{rule}\n"));
                out.push_str(&format!("cases.lock_minutes\t{}\n", s.lock_minutes));
                out.push_str(&format!("survey.floor\t{}\n", s.survey_floor()));
                out
            }
            TableFormat::Json => {
                let s = service.settings(p)?;
                let value = json!({
                    "level_names": s.level_names,
                    "targets": Band::ALL.map(|b| json!({"band": b.number(), "level": s.target(b).number()})),
                    "subsidy": {
                        "rates": s.subsidy.rates,
                        "budget": s.subsidy.budget,
                        "budgets": s.subsidy.budgets,
                        "skill_rule": s.subsidy.skill_rule,
                    },
                    "lock_minutes": s.lock_minutes,
                    "survey_floor": s.survey_floor(),
                });
                serde_json::to_string_pretty(&value)? + "\n"
            }
        }),
        SettingsCommand::LevelName { level, name } => {
            let level = Level::new(*level).ok_or_else(|| CliError::BadValue {
                value: level.to_string(),
                arg: "LEVEL",
            })?;
            service.change_settings(p, &SettingsChange::LevelName(level, name.clone()))?;
            emit(&settings_saved(lang))
        }
        SettingsCommand::SubsidyRate { band, percent } => {
            let band = Band::new(*band).ok_or_else(|| CliError::BadValue {
                value: band.to_string(),
                arg: "BAND",
            })?;
            let percent = (*percent).min(100);
            service.change_settings(p, &SettingsChange::SubsidyRate(band, percent))?;
            emit(&settings_saved(lang))
        }
        SettingsCommand::SubsidyBudget { yen, fy } => {
            service.change_settings(
                p,
                &SettingsChange::SubsidyBudget {
                    yen: *yen,
                    year: fy.map(|y| y.0),
                },
            )?;
            emit(&settings_saved(lang))
        }
        SettingsCommand::SubsidySkillRule { rule } => {
            let on = rule == "on";
            service.change_settings(p, &SettingsChange::SubsidySkillRule(on))?;
            emit(&settings_saved(lang))
        }
        SettingsCommand::LockMinutes { minutes } => {
            let minutes = (*minutes).clamp(1, crate::domain::settings::MAX_LOCK_MINUTES);
            service.change_settings(p, &SettingsChange::LockMinutes(minutes))?;
            emit(&settings_saved(lang))
        }
        SettingsCommand::SurveyFloor { floor } => {
            let floor = (*floor).max(crate::domain::survey::MIN_FLOOR);
            service.change_settings(p, &SettingsChange::SurveyFloor(floor))?;
            emit(&settings_saved(lang))
        }
        SettingsCommand::Target { band, level } => {
            let bad = |value: String, arg| CliError::BadValue { value, arg };
            let band = Band::new(*band).ok_or_else(|| bad(band.to_string(), "BAND"))?;
            let level = Level::new(*level).ok_or_else(|| bad(level.to_string(), "LEVEL"))?;
            service.change_settings(p, &SettingsChange::Target(band, level))?;
            emit(&settings_saved(lang))
        }
    }
}
