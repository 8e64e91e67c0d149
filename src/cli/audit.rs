//! `kizuna audit list|verify`: the audit log as TSV or JSON, and the walk of its hash
//! chain. `verify` exits with [`EXIT_PROBLEMS`] when an entry is broken or missing, or
//! when the head kept outside the file (`--expect`) is not in the chain: that is how a
//! rewritten or truncated tail shows.

use clap::Subcommand;
use serde_json::{Value, json};

use super::args::TableFormat;
use super::table::{json_text, line};
use super::{CliError, emit, say};
use crate::domain::Date;
use crate::i18n::{self, Lang};
use crate::remote::Api;
use crate::service::{AuditEntry, Hash, Principal};

fn date_arg(text: &str) -> Result<Date, String> {
    Date::parse(text).map_err(|e| e.to_string())
}

fn hash_arg(text: &str) -> Result<Hash, String> {
    Hash::parse(text).ok_or_else(i18n::bad_hash)
}

#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// The audit log, oldest first: sequence number, time (Japan time, ISO 8601),
    /// account, action, ids, and the first 12 hex digits of the entry's hash
    List {
        /// Only entries from this day on, Japan time (2026-04-01, R8.4.1, 令和8年4月1日)
        #[arg(long, value_name = "DATE", value_parser = date_arg)]
        since: Option<Date>,
        /// Output format
        #[arg(long, value_enum, default_value_t = TableFormat::Tsv)]
        format: TableFormat,
    },
    /// Walk the hash chain and name the first broken or missing entry (exit code 4
    /// when there is one)
    Verify {
        /// The head hash printed by `kizuna backup` (or found in the system log): a
        /// rewritten or truncated tail is found only against it
        #[arg(long, value_name = "HASH", value_parser = hash_arg)]
        expect: Option<Hash>,
    },
}

/// Runs `kizuna audit …`; returns the exit code.
pub fn run(service: &Api, p: &Principal, cmd: &AuditCommand, lang: Lang) -> Result<u8, CliError> {
    match cmd {
        AuditCommand::List { since, format } => {
            let entries = service.audit_list(p, *since)?;
            emit(&match format {
                TableFormat::Tsv => list_tsv(&entries, lang),
                TableFormat::Json => json_text(&list_json(&entries))?,
            })?;
        }
        AuditCommand::Verify { expect } => {
            let verdict = service.audit_verify(p, *expect)?;
            for text in i18n::audit_verdict(&verdict, lang) {
                say(text)?;
            }
            if !verdict.intact() {
                return Err(CliError::AuditBroken);
            }
            if expect.is_none() && verdict.entries > 0 {
                eprintln!("{}", i18n::audit_expect_hint(lang));
            }
        }
    }
    Ok(0)
}

fn list_tsv(entries: &[AuditEntry], lang: Lang) -> String {
    let mut out = String::new();
    line(&mut out, i18n::audit_headings(lang).map(str::to_string));
    for e in entries {
        line(
            &mut out,
            [
                e.seq.to_string(),
                i18n::audit_time(e.at),
                e.actor.clone(),
                e.action.clone(),
                e.ids.join(","),
                i18n::short_hash(&e.hash),
            ],
        );
    }
    out
}

fn list_json(entries: &[AuditEntry]) -> Value {
    let list: Vec<Value> = entries
        .iter()
        .map(|e| {
            json!({
                "seq": e.seq,
                "time": i18n::audit_time(e.at),
                "account": e.actor,
                "action": e.action,
                "ids": e.ids,
                "hash": e.hash.to_string(),
                "prev": e.prev.to_string(),
                "redacted": e.redacted,
            })
        })
        .collect();
    Value::Array(list)
}
