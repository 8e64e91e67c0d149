//! The command line, as clap reads it. Help texts here are English; [`super::help`]
//! puts the Japanese ones in when the language is Japanese.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// kizuna (絆): staff, skills, training, confidential cases and the R8-R12 roadmap for a
/// city hall's HR section.
#[derive(Debug, Parser)]
#[command(name = "kizuna", version)]
pub struct Cli {
    /// Database file (else KIZUNA_DB, /etc/kizuna/config.toml, or the XDG data directory)
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Socket of `kizuna serve` to work through (else KIZUNA_SOCKET or `socket` in the
    /// config files); for `serve`, the socket to listen on
    #[arg(long, global = true, value_name = "PATH")]
    pub socket: Option<PathBuf>,
    /// Use the demo database made by `kizuna demo`
    #[arg(long, global = true)]
    pub demo: bool,
    /// Language of messages: ja or en (default from LANG; Japanese when unset, C or POSIX)
    #[arg(long, global = true, value_name = "LANG", value_parser = ["ja", "en"])]
    pub lang: Option<String>,
    /// Draw borders with ASCII characters (for terminals that draw box characters wide)
    #[arg(long, global = true)]
    pub ascii: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a new database with the policy catalogue; you become admin and hr
    Init,
    /// Create the demo database (fictional staff) if missing and open it
    Demo {
        /// Number of fictional staff
        #[arg(long, default_value_t = 2000, value_parser = clap::value_parser!(u32).range(1..=100_000))]
        staff: u32,
        /// Seed of the generator: the same seed gives the same staff
        #[arg(long)]
        seed: Option<u64>,
        /// Only create the database, do not open it
        #[arg(long)]
        create_only: bool,
    },
    /// Decode every record, verify every index and the audit chain
    Check,
    /// Write a consistent, checked copy of the database to DEST
    Backup {
        /// The new file (must not exist)
        dest: PathBuf,
    },
    /// Replace the database with a checked backup
    Restore {
        /// The backup file
        src: PathBuf,
        /// Replace an existing database
        #[arg(long)]
        force: bool,
    },
    /// Show a record: an employee by staff number, or an initiative by id (1-3)
    Show {
        /// Staff number or initiative id
        id: String,
        /// Output format
        #[arg(long, value_enum, default_value_t = ShowFormat::Text)]
        format: ShowFormat,
    },
    /// Search staff as the staff pane does: name, reading, romaji, staff number, unit
    Search {
        /// What to look for (words are all required)
        #[arg(required = true)]
        query: Vec<String>,
        /// At most this many results
        #[arg(long, default_value_t = 20)]
        limit: usize,
        /// Output format
        #[arg(long, value_enum, default_value_t = TableFormat::Tsv)]
        format: TableFormat,
        /// Only this unit and the units under it (a code such as 01 or 0102)
        #[arg(long, value_name = "CODE")]
        unit: Option<String>,
        /// Only this band (1-4)
        #[arg(long, value_parser = clap::value_parser!(u8).range(1..=4))]
        band: Option<u8>,
        /// Only this employment type (正規, 再任用, 任期付, 会計年度任用)
        #[arg(long)]
        employment: Option<String>,
        /// Only this status (在職, 休職, 退職)
        #[arg(long)]
        status: Option<String>,
        /// Only this digital tier (スターター, リーダー, アーキテクト)
        #[arg(long)]
        digital: Option<String>,
        /// Include staff who have left
        #[arg(long)]
        all: bool,
    },
    /// Accounts and roles
    User {
        #[command(subcommand)]
        action: UserCommand,
    },
    /// The audit log: list it, and verify its hash chain against a head kept outside
    /// the file
    Audit {
        #[command(subcommand)]
        command: super::audit::AuditCommand,
    },
    /// Your own key pair for the restricted case logs: make it, change its passphrase
    Keys {
        #[command(subcommand)]
        command: super::cases::args::KeysCommand,
    },
    /// The restricted case logs (mental health, harassment): set up, holders, cases
    Cases {
        #[command(subcommand)]
        command: super::cases::args::CasesCommand,
    },
    /// The policy catalogue as stored: skill map, roadmap, KPI series
    Catalogue {
        /// Which table
        #[arg(value_enum)]
        table: CatalogueTable,
        /// Output format
        #[arg(long, value_enum, default_value_t = TableFormat::Tsv)]
        format: TableFormat,
    },
    /// Number of records per kind
    Stats,
    /// The policy's KPI series by fiscal year; `kpi set` enters a later year's figure
    Kpi(super::kpi::KpiArgs),
    /// The dashboard's figures: KPIs, digital talent against the targets, training
    /// coverage by section
    Dashboard(super::dashboard::DashboardArgs),
    /// The skill map, skill gaps and the skill matrix
    Skills {
        #[command(subcommand)]
        what: super::skills::SkillsCommand,
    },
    /// The organisation's settings: level names and the target level per band
    Settings {
        #[command(subcommand)]
        what: super::settings::SettingsCommand,
    },
    /// Digital talent against the policy's targets
    Digital {
        #[command(subcommand)]
        what: super::skills::DigitalCommand,
    },
    /// Training: the catalogue, sessions, rosters, enrollment, attendance, obligations
    /// and the level proposals of completed courses
    Training {
        #[command(subcommand)]
        what: super::training::TrainingCommand,
    },
    /// The self-study subsidy: applications, decisions and the year's budget
    Subsidy {
        #[command(subcommand)]
        what: super::subsidy::SubsidyCommand,
    },
    /// The work-engagement survey: import, the table per workplace, feedback sheets
    Survey {
        #[command(subcommand)]
        what: super::survey::SurveyCommand,
    },
    /// The roadmap R8-R12: each initiative's plan and status per fiscal year (id,
    /// approach, initiative, status per year, plan per year); subcommands report and
    /// change
    Roadmap {
        #[command(subcommand)]
        what: Option<super::roadmap::RoadmapCommand>,
        /// Output format of the timeline
        #[arg(long, value_enum, default_value_t = TableFormat::Tsv)]
        format: TableFormat,
    },
    /// Import organisation units, titles, employees, skill levels or training
    /// enrollments from a CSV file
    Import {
        #[command(subcommand)]
        what: super::import::ImportCommand,
    },
    /// Export employees or skill levels to a CSV file
    Export {
        #[command(subcommand)]
        what: super::import::ExportCommand,
    },
    /// Own the database and serve several HR staff over a Unix socket, each with
    /// their own roles (the account comes from the socket); stops cleanly on SIGTERM
    Serve,
    /// Print a shell completion script
    Completions {
        /// bash, zsh, fish, elvish or powershell
        shell: clap_complete::Shell,
    },
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// List accounts and their roles
    List,
    /// Register an OS account (with no roles)
    Add {
        /// The OS login name
        account: String,
        /// The account holder's own staff number
        #[arg(long, value_name = "ID")]
        employee: Option<String>,
    },
    /// Grant a role (admin, hr, auditor, viewer; case roles via `cases grant`)
    Grant {
        /// The OS login name
        account: String,
        /// The role
        role: String,
    },
    /// Revoke a role
    Revoke {
        /// The OS login name
        account: String,
        /// The role
        role: String,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ShowFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum TableFormat {
    Tsv,
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum CatalogueTable {
    Skills,
    Roadmap,
    Kpi,
}
