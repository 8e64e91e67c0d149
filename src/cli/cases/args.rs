//! The arguments of `kizuna keys …` and `kizuna cases …`.

use clap::{Args, Subcommand, ValueEnum};

use crate::cli::args::TableFormat;
use crate::domain::cases::CaseDomain;

/// A case domain on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DomainArg {
    Health,
    Harassment,
}

impl From<DomainArg> for CaseDomain {
    fn from(d: DomainArg) -> CaseDomain {
        match d {
            DomainArg::Health => CaseDomain::Health,
            DomainArg::Harassment => CaseDomain::Harassment,
        }
    }
}

/// How secrets are read.
#[derive(Clone, Copy, Debug, Args)]
pub struct SecretArgs {
    /// Read the passphrase (and any other secret) from standard input, one per line,
    /// instead of asking on the terminal
    #[arg(long)]
    pub passphrase_stdin: bool,
}

#[derive(Debug, Subcommand)]
pub enum KeysCommand {
    /// Make your own key pair, its private half protected by a passphrase only you know
    Init {
        #[command(flatten)]
        secrets: SecretArgs,
    },
    /// Change the passphrase of your key pair (the old one is asked first)
    Passwd {
        #[command(flatten)]
        secrets: SecretArgs,
    },
}

/// The case a command is about.
#[derive(Clone, Debug, Args)]
pub struct Target {
    /// The case id (as `cases list` shows it)
    pub id: String,
    /// The domain (needed only when you hold both)
    #[arg(long, value_enum)]
    pub domain: Option<DomainArg>,
    #[command(flatten)]
    pub secrets: SecretArgs,
}

#[derive(Debug, Subcommand)]
pub enum CasesCommand {
    /// Whether each domain is set up and how many hold it (warns under two holders)
    Status,
    /// Set up a domain: you (an admin with keys) become its first holder; the recovery
    /// key is shown once, to be printed and kept in the safe
    Init {
        #[arg(long, value_enum)]
        domain: DomainArg,
    },
    /// Make ACCOUNT a holder of the domain (you must hold it and unlock)
    Grant {
        account: String,
        #[arg(long, value_enum)]
        domain: DomainArg,
        #[command(flatten)]
        secrets: SecretArgs,
    },
    /// Take the domain from ACCOUNT and re-key its cases
    Revoke {
        account: String,
        #[arg(long, value_enum)]
        domain: DomainArg,
        #[command(flatten)]
        secrets: SecretArgs,
    },
    /// With the recovery key from the safe, become a holder when no holder can unlock
    Recover {
        #[arg(long, value_enum)]
        domain: DomainArg,
        /// Read the recovery key from standard input instead of the terminal
        #[arg(long)]
        recovery_key_stdin: bool,
    },
    /// The cases of a domain; for health, the upcoming dates of open cases first
    List {
        #[arg(long, value_enum)]
        domain: DomainArg,
        #[arg(long, value_enum, default_value_t = TableFormat::Tsv)]
        format: TableFormat,
        #[command(flatten)]
        secrets: SecretArgs,
    },
    /// One case, whole
    Show {
        #[command(flatten)]
        target: Target,
    },
    /// Open a mental-health case
    OpenHealth(OpenHealth),
    /// Record a harassment consultation
    OpenHarassment(OpenHarassment),
    /// Record a customer-harassment incident
    Incident(NewIncident),
    /// Add a dated entry (consultation, progress)
    Note {
        #[command(flatten)]
        target: Target,
        /// The text; `-` reads it from the next line of standard input (text on the
        /// command line shows in `ps` and the shell's history)
        text: String,
        /// The day (default today)
        #[arg(long)]
        on: Option<String>,
    },
    /// Health: add a leave of absence
    Leave {
        #[command(flatten)]
        target: Target,
        #[arg(long)]
        start: String,
        #[arg(long)]
        planned_end: String,
    },
    /// Health: the day a leave actually ended (leave 1 is the first)
    LeaveEnd {
        #[command(flatten)]
        target: Target,
        leave: usize,
        #[arg(long)]
        on: Option<String>,
    },
    /// Health: add a step to the return-to-work plan (試し出勤, 短時間勤務, 通常勤務 …)
    Step {
        #[command(flatten)]
        target: Target,
        name: String,
        #[arg(long)]
        start: String,
        #[arg(long)]
        end: Option<String>,
    },
    /// Health: move a plan step to a status (予定, 実施中, 完了, 中止); step 1 is the first
    StepStatus {
        #[command(flatten)]
        target: Target,
        step: usize,
        status: String,
    },
    /// Health: add a follow-up date
    FollowUp {
        #[command(flatten)]
        target: Target,
        on: String,
    },
    /// Health: close the case
    Close {
        #[command(flatten)]
        target: Target,
        #[arg(long)]
        on: Option<String>,
    },
    /// Harassment: write the fact-finding summary, the measures or the outcome
    Set {
        #[command(flatten)]
        target: Target,
        /// fact-summary, measures or outcome (事実確認の結果, 措置の内容, 対応結果)
        field: String,
        /// The text; `-` reads it from the next line of standard input
        text: String,
    },
    /// Harassment: move to the next stage (相談受付 → 事実確認 → 対応検討 → 措置 → 終結)
    Advance {
        #[command(flatten)]
        target: Target,
        #[arg(long)]
        on: Option<String>,
    },
    /// Exclude an account from the case (it is sealed again without them)
    Deny {
        #[command(flatten)]
        target: Target,
        account: String,
    },
    /// Take an account off the case's deny list
    Allow {
        #[command(flatten)]
        target: Target,
        account: String,
    },
}

#[derive(Debug, Args)]
pub struct OpenHealth {
    /// The staff number of the person the case is about (`-`: the next line of
    /// standard input)
    #[arg(long)]
    pub subject: String,
    /// 相談, 休職 or 復職支援
    #[arg(long)]
    pub kind: String,
    /// The day it opened (default today)
    #[arg(long)]
    pub opened: Option<String>,
    /// Accounts of the staff assigned
    #[arg(long)]
    pub assign: Vec<String>,
    #[command(flatten)]
    pub secrets: SecretArgs,
}

#[derive(Debug, Args)]
pub struct OpenHarassment {
    /// 面談, 電話, メール or 文書
    #[arg(long)]
    pub channel: String,
    /// パワハラ, セクハラ, マタハラ・パタハラ, カスタマーハラスメント or その他
    #[arg(long)]
    pub kind: String,
    /// The complainant's staff number (omit for an anonymous report)
    #[arg(long)]
    pub complainant: Option<String>,
    /// A respondent's staff number (repeat for several)
    #[arg(long)]
    pub respondent: Vec<String>,
    /// An outside respondent, described (customer harassment only)
    #[arg(long)]
    pub outside: Vec<String>,
    /// Accounts of the counsellors assigned
    #[arg(long)]
    pub counsellor: Vec<String>,
    /// The day it was received (default today)
    #[arg(long)]
    pub received: Option<String>,
    #[command(flatten)]
    pub secrets: SecretArgs,
}

#[derive(Debug, Args)]
pub struct NewIncident {
    /// 面談, 電話, メール or 文書
    #[arg(long)]
    pub channel: String,
    /// Where the recording is kept (file name, tape number)
    #[arg(long)]
    pub recording: String,
    /// The measures taken
    #[arg(long)]
    pub measures: String,
    /// The day it happened (default today)
    #[arg(long)]
    pub on: Option<String>,
    /// A harassment case it belongs to
    #[arg(long)]
    pub case: Option<String>,
    #[command(flatten)]
    pub secrets: SecretArgs,
}
