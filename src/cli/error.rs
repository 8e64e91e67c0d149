//! CLI failures, their messages in the user's language, and exit codes.

use std::path::PathBuf;

use crate::i18n::{Lang, Msg};
use crate::service::ServiceError;
use crate::store::StoreError;

/// Exit code when another process holds the database.
pub const EXIT_LOCKED: u8 = 3;
/// Exit code when `check` finds problems, or `audit verify` a broken chain.
pub const EXIT_PROBLEMS: u8 = 4;

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error(transparent)]
    Service(#[from] ServiceError),
    #[error("config {path}: {detail}")]
    Config { path: PathBuf, detail: String },
    #[error("unknown role {0}")]
    UnknownRole(String),
    #[error("no HOME")]
    NoHome,
    #[error("{0} problems")]
    CheckFailed(usize),
    #[error("the audit log does not verify")]
    AuditBroken,
    #[error("json: {0}")]
    Json(#[from] serde_json::Error),
    #[error("unknown value {0}")]
    BadTerm(String),
    #[error("{value:?} is not a valid {arg}")]
    BadValue { value: String, arg: &'static str },
    #[error("not a terminal")]
    NotATerminal,
    #[error("terminal: {0}")]
    Terminal(String),
    /// A refusal already worded in the user's language.
    #[error("{0}")]
    Said(String),
}

impl From<StoreError> for CliError {
    fn from(e: StoreError) -> CliError {
        CliError::Service(e.into())
    }
}

impl CliError {
    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::Service(ServiceError::Store(StoreError::Locked { .. })) => EXIT_LOCKED,
            CliError::CheckFailed(_) | CliError::AuditBroken => EXIT_PROBLEMS,
            _ => 1,
        }
    }

    /// The message for the user.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            CliError::Service(e) => service_message(e, lang),
            CliError::Config { path, detail } => Msg::Config { path, detail }.text(lang),
            CliError::UnknownRole(r) => Msg::UnknownRole(r).text(lang),
            CliError::NoHome => Msg::NoHome.text(lang),
            CliError::CheckFailed(n) => Msg::CheckFailed(*n).text(lang),
            CliError::AuditBroken => crate::i18n::audit_failed(lang).to_string(),
            CliError::Json(e) => Msg::Invalid(&e.to_string()).text(lang),
            CliError::NotATerminal => Msg::NotATerminal.text(lang),
            CliError::BadTerm(t) => Msg::UsageBadValue {
                value: t,
                arg: "--employment / --status / --digital",
            }
            .text(lang),
            CliError::Terminal(d) => Msg::Terminal(d).text(lang),
            CliError::BadValue { value, arg } => Msg::UsageBadValue { value, arg }.text(lang),
            CliError::Said(text) => text.clone(),
        }
    }
}

fn store_message(e: &StoreError, lang: Lang) -> String {
    match e {
        StoreError::Missing { path } => Msg::DbMissing(path),
        StoreError::Exists { path } => Msg::DbExists(path),
        StoreError::Locked { path } => Msg::DbLocked(path),
        StoreError::NotOwner { path, owner, me } => Msg::NotOwner {
            path,
            owner: *owner,
            me: *me,
        },
        StoreError::TooOpen { path, mode } => Msg::TooOpen { path, mode: *mode },
        StoreError::Corrupt { path, detail } => Msg::Corrupt { path, detail },
        StoreError::NotKizuna { path } => Msg::NotKizuna(path),
        StoreError::Newer {
            path,
            found,
            supported,
        } => Msg::Newer {
            path,
            found: *found,
            supported: *supported,
        },
        StoreError::Io { path, source } => {
            return Msg::Io {
                path,
                detail: &source.to_string(),
            }
            .text(lang);
        }
        StoreError::Db(d) => Msg::Db(d),
        StoreError::Record { table, key, source } => {
            return Msg::Record {
                table,
                key,
                detail: &source.to_string(),
            }
            .text(lang);
        }
        StoreError::ReadOnly => Msg::ReadOnly,
    }
    .text(lang)
}

/// Why a backup file cannot be used, in a few words.
fn reason(e: &StoreError, lang: Lang) -> String {
    let (ja, en) = match e {
        StoreError::Missing { .. } => ("ファイルがありません", "no such file"),
        StoreError::Corrupt { .. } => ("壊れています", "it is damaged"),
        StoreError::NotKizuna { .. } => (
            "kizuna のデータベースではありません",
            "not a kizuna database",
        ),
        StoreError::Newer { .. } => (
            "新しい版の kizuna で作られています",
            "written by a newer kizuna",
        ),
        StoreError::Locked { .. } => ("別のプロセスが開いています", "open in another process"),
        other => return store_message(other, lang),
    };
    lang.pick(ja, en).to_string()
}

/// A service failure in the user's language (the screens use it too).
pub fn service_message(e: &ServiceError, lang: Lang) -> String {
    match e {
        ServiceError::Store(s) => store_message(s, lang),
        ServiceError::Catalogue(c) => Msg::Catalogue(&c.to_string()).text(lang),
        ServiceError::Denied {
            account,
            permission,
        } => Msg::Denied {
            account,
            permission: permission.code(),
        }
        .text(lang),
        ServiceError::NotFound { kind: "unit", id } => crate::i18n::unknown_unit(id, lang),
        ServiceError::NotFound { kind, id } => Msg::NotFound { kind, id }.text(lang),
        ServiceError::AccountExists(a) => Msg::AccountExists(a).text(lang),
        ServiceError::AccountName(a) => Msg::AccountName(a).text(lang),
        ServiceError::CaseRole(r) => Msg::CaseRole(r.code()).text(lang),
        ServiceError::LastAdmin => Msg::LastAdmin.text(lang),
        ServiceError::Employee(faults) => faults
            .iter()
            .map(|f| crate::i18n::employee_fault(f, lang))
            .collect::<Vec<_>>()
            .join("\n"),
        ServiceError::Skill(f) => crate::i18n::skill_fault(f, lang),
        ServiceError::Enroll(f) => crate::i18n::enroll_fault(f, lang),
        ServiceError::Plan(f) => crate::i18n::plan_fault(f, lang),
        ServiceError::Subsidy(f) => crate::i18n::subsidy_fault(f, lang),
        ServiceError::Roadmap(f) => crate::i18n::roadmap_fault(f, lang),
        ServiceError::Conflict(c) => crate::i18n::conflict_message(c, lang),
        ServiceError::Case(f) => crate::i18n::case_fault(f, lang),
        ServiceError::Organisation(o) => Msg::Organisation(&o.to_string()).text(lang),
        ServiceError::BackupExists(path) => Msg::BackupExists(path).text(lang),
        ServiceError::BadBackup { path, source } => Msg::BadBackup {
            path,
            reason: &reason(source, lang),
        }
        .text(lang),
        ServiceError::BackupProblem { path, table, key } => {
            Msg::BackupProblem { path, table, key }.text(lang)
        }
        ServiceError::RestoreNeedsForce(path) => Msg::RestoreNeedsForce(path).text(lang),
        ServiceError::Server(text) => text.clone(),
        ServiceError::Link(f) => crate::i18n::link_fault(f, lang),
    }
}
