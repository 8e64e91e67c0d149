//! `kizuna import orgs|titles|employees|skills|enrollments FILE` and `kizuna export
//! employees|skills`: CSV files in and out through the service, problems listed by line
//! and column on stderr, a progress counter while a long file is read when stderr is a
//! terminal.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::{Subcommand, ValueEnum};

use super::CliError;
use crate::domain::Date;
use crate::i18n::{self, ImportTarget, Lang};
use crate::io::csv::{Encoding, Gaiji, OutEncoding};
use crate::remote::Api;
use crate::service::{
    CsvError, EmployeeImport, EnrollmentImport, EnrollmentImportError, EnrollmentSummary,
    ImportIssue, ImportSummary, Principal, SkillImport, Stage,
};
use crate::store::StoreError;

/// `--encoding` of an import.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum InEncoding {
    /// UTF-8 (with or without BOM) if the bytes are UTF-8, else CP932
    #[default]
    Auto,
    #[value(name = "utf-8", alias = "utf8")]
    Utf8,
    /// CP932 (windows-31j, Shift_JIS with NEC and IBM extensions)
    #[value(alias = "sjis", alias = "shift_jis", alias = "windows-31j")]
    Cp932,
}

/// `--encoding` of an export.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum ExportEncoding {
    #[default]
    #[value(name = "utf-8", alias = "utf8")]
    Utf8,
    #[value(alias = "sjis", alias = "shift_jis", alias = "windows-31j")]
    Cp932,
}

pub(super) fn date_arg(text: &str) -> Result<Date, String> {
    Date::parse(text).map_err(|e| e.to_string())
}

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Organisation units: code, name, parent code, kind (部/課/係), valid from and to
    Orgs {
        /// The CSV file
        file: PathBuf,
        /// Character encoding of the file
        #[arg(long, value_enum, default_value_t = InEncoding::Auto)]
        encoding: InEncoding,
        /// Check everything, write nothing
        #[arg(long)]
        dry_run: bool,
    },
    /// Job titles and their band (1-4)
    Titles {
        /// The CSV file
        file: PathBuf,
        /// Character encoding of the file
        #[arg(long, value_enum, default_value_t = InEncoding::Auto)]
        encoding: InEncoding,
        /// Check everything, write nothing
        #[arg(long)]
        dry_run: bool,
    },
    /// Employees; a known staff number is updated, a changed post goes into the history
    Employees {
        /// The CSV file
        file: PathBuf,
        /// Character encoding of the file
        #[arg(long, value_enum, default_value_t = InEncoding::Auto)]
        encoding: InEncoding,
        /// Date of a changed post for rows without 発令日 (default: today)
        #[arg(long, value_name = "DATE", value_parser = date_arg)]
        effective: Option<Date>,
        /// Check everything, write nothing
        #[arg(long)]
        dry_run: bool,
        /// Gaiji table: UTF-8, one `E000<TAB>replacement` a line
        #[arg(long, value_name = "FILE")]
        gaiji: Option<PathBuf>,
    },
    /// Skill levels: staff number, skill, level 0-4, date, source, assessor; a level on
    /// the day of a stored one of the same skill corrects it, another day adds to the
    /// history
    Skills {
        /// The CSV file
        file: PathBuf,
        /// Character encoding of the file
        #[arg(long, value_enum, default_value_t = InEncoding::Auto)]
        encoding: InEncoding,
        /// Check everything, write nothing
        #[arg(long)]
        dry_run: bool,
    },
    /// Training enrollments: session, staff number, optional status (booked or waiting)
    /// and reason; the same rules as enrolling one by one, rows in file order; nothing
    /// is imported if any row is refused
    Enrollments {
        /// The CSV file
        file: PathBuf,
        /// Character encoding of the file
        #[arg(long, value_enum, default_value_t = InEncoding::Auto)]
        encoding: InEncoding,
        /// Check everything, write nothing
        #[arg(long)]
        dry_run: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// Employees with the post they hold today, under Japanese headers
    Employees {
        /// Output file (default: standard output)
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Character encoding of the file
        #[arg(long, value_enum, default_value_t = ExportEncoding::Utf8)]
        encoding: ExportEncoding,
        /// Start a UTF-8 file with a byte-order mark (for spreadsheet programs)
        #[arg(long)]
        bom: bool,
    },
    /// Every skill level with its date, source and assessor, in the import's columns
    Skills {
        /// Output file (default: standard output)
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Character encoding of the file
        #[arg(long, value_enum, default_value_t = ExportEncoding::Utf8)]
        encoding: ExportEncoding,
        /// Start a UTF-8 file with a byte-order mark (for spreadsheet programs)
        #[arg(long)]
        bom: bool,
    },
}

fn io_error(path: &Path, source: std::io::Error) -> CliError {
    StoreError::Io {
        path: path.to_path_buf(),
        source,
    }
    .into()
}

fn read(path: &Path) -> Result<Vec<u8>, CliError> {
    std::fs::read(path).map_err(|e| io_error(path, e))
}

fn encoding(e: InEncoding) -> Encoding {
    match e {
        InEncoding::Auto => Encoding::Auto,
        InEncoding::Utf8 => Encoding::Utf8,
        InEncoding::Cp932 => Encoding::Cp932,
    }
}

/// Lines on stderr; a closed stderr is not worth failing over.
pub(super) fn tell(lines: impl IntoIterator<Item = String>) {
    let mut err = std::io::stderr().lock();
    for line in lines {
        let _ = writeln!(err, "{line}");
    }
}

fn list_issues(issues: &[ImportIssue], closing: String, lang: Lang) -> u8 {
    tell(
        issues
            .iter()
            .map(|i| i18n::import_issue(i, lang))
            .chain(std::iter::once(format!("kizuna: {closing}"))),
    );
    1
}

/// The summary on stdout, or every problem on stderr (exit code 1).
fn finish(
    result: Result<ImportSummary, CsvError>,
    target: ImportTarget,
    lang: Lang,
) -> Result<u8, CliError> {
    finish_with(result, lang, |s| i18n::import_summary(s, target, lang))
}

fn finish_with(
    result: Result<ImportSummary, CsvError>,
    lang: Lang,
    summary_text: impl Fn(&ImportSummary) -> String,
) -> Result<u8, CliError> {
    match result {
        Ok(summary) => {
            if !summary.ignored.is_empty() {
                tell([i18n::ignored_columns(&summary.ignored, lang)]);
            }
            super::say(summary_text(&summary))?;
            Ok(0)
        }
        Err(CsvError::Rejected(issues)) => Ok(list_issues(
            &issues,
            i18n::import_rejected(issues.len(), lang),
            lang,
        )),
        Err(CsvError::Service(e)) => Err(e.into()),
    }
}

/// A counter on stderr while a long file goes through, if stderr is a terminal.
struct Counter {
    on: bool,
    shown: bool,
    lang: Lang,
}

impl Counter {
    fn new(lang: Lang) -> Counter {
        Counter {
            on: std::io::stderr().is_terminal(),
            shown: false,
            lang,
        }
    }

    fn show(&mut self, stage: Stage, done: usize, total: usize) {
        if self.on {
            let text = i18n::import_progress(stage, done, total, self.lang);
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r\x1b[K{text}");
            let _ = err.flush();
            self.shown = true;
        }
    }

    fn clear(&self) {
        if self.shown {
            let _ = write!(std::io::stderr().lock(), "\r\x1b[K");
        }
    }
}

/// Runs `kizuna import …`; returns the exit code.
pub fn run_import(
    service: &Api,
    p: &Principal,
    cmd: &ImportCommand,
    lang: Lang,
) -> Result<u8, CliError> {
    match cmd {
        ImportCommand::Orgs {
            file,
            encoding: e,
            dry_run,
        } => {
            let result = service.import_orgs(p, &read(file)?, encoding(*e), *dry_run);
            finish(result, ImportTarget::Orgs, lang)
        }
        ImportCommand::Titles {
            file,
            encoding: e,
            dry_run,
        } => {
            let result = service.import_titles(p, &read(file)?, encoding(*e), *dry_run);
            finish(result, ImportTarget::Titles, lang)
        }
        ImportCommand::Employees {
            file,
            encoding: e,
            effective,
            dry_run,
            gaiji,
        } => {
            let table = match gaiji {
                None => Gaiji::empty(),
                Some(path) => match Gaiji::parse(&read(path)?) {
                    Ok(t) => t,
                    Err(issues) => {
                        let issues: Vec<ImportIssue> = issues.into_iter().map(Into::into).collect();
                        return Ok(list_issues(&issues, i18n::gaiji_table(path, lang), lang));
                    }
                },
            };
            let bytes = read(file)?;
            let opts = EmployeeImport {
                encoding: encoding(*e),
                effective: *effective,
                dry_run: *dry_run,
                gaiji: &table,
            };
            let mut counter = Counter::new(lang);
            let result =
                service.import_employees(p, &bytes, &opts, &mut |s, d, t| counter.show(s, d, t));
            counter.clear();
            finish(result, ImportTarget::Employees, lang)
        }
        ImportCommand::Skills {
            file,
            encoding: e,
            dry_run,
        } => {
            let bytes = read(file)?;
            let opts = SkillImport {
                encoding: encoding(*e),
                dry_run: *dry_run,
            };
            let mut counter = Counter::new(lang);
            let result =
                service.import_skills(p, &bytes, &opts, &mut |s, d, t| counter.show(s, d, t));
            counter.clear();
            finish_with(result, lang, |s| i18n::skill_import_summary(s, lang))
        }
        ImportCommand::Enrollments {
            file,
            encoding: e,
            dry_run,
        } => {
            let opts = EnrollmentImport {
                encoding: encoding(*e),
                dry_run: *dry_run,
            };
            enrollments(service.import_enrollments(p, &read(file)?, &opts), lang)
        }
    }
}

/// The summary on stdout and the rows that wait on stderr, or every problem on stderr
/// (exit code 1).
fn enrollments(
    result: Result<EnrollmentSummary, EnrollmentImportError>,
    lang: Lang,
) -> Result<u8, CliError> {
    match result {
        Ok(summary) => {
            if !summary.ignored.is_empty() {
                tell([i18n::ignored_columns(&summary.ignored, lang)]);
            }
            tell(
                summary
                    .placed
                    .iter()
                    .filter(|p| p.waiting.is_some())
                    .map(|p| i18n::enrollment_waiting_line(p, lang)),
            );
            super::say(i18n::enrollment_import_summary(&summary, lang))?;
            Ok(0)
        }
        Err(EnrollmentImportError::Rejected(issues)) => {
            let closing = i18n::import_rejected(issues.len(), lang);
            tell(
                issues
                    .iter()
                    .map(|i| i18n::enrollment_issue(i, lang))
                    .chain(std::iter::once(format!("kizuna: {closing}"))),
            );
            Ok(1)
        }
        Err(EnrollmentImportError::Service(e)) => Err(e.into()),
    }
}

/// Writes a new or replaced export file, readable by its owner only: it holds personal
/// data.
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

/// Runs `kizuna export …`; returns the exit code. Nothing is written when a character
/// cannot be carried.
pub fn run_export(
    service: &Api,
    p: &Principal,
    cmd: &ExportCommand,
    lang: Lang,
) -> Result<u8, CliError> {
    let (ExportCommand::Employees {
        output,
        encoding,
        bom,
    }
    | ExportCommand::Skills {
        output,
        encoding,
        bom,
    }) = cmd;
    let out = match (encoding, bom) {
        (ExportEncoding::Cp932, _) => OutEncoding::Cp932,
        (ExportEncoding::Utf8, true) => OutEncoding::Utf8Bom,
        (ExportEncoding::Utf8, false) => OutEncoding::Utf8,
    };
    let exported = match cmd {
        ExportCommand::Employees { .. } => service.export_employees(p, out),
        ExportCommand::Skills { .. } => service.export_skills(p, out),
    };
    let (bytes, count) = match exported {
        Ok(x) => x,
        Err(CsvError::Rejected(issues)) => {
            return Ok(list_issues(
                &issues,
                i18n::export_refused(issues.len(), lang),
                lang,
            ));
        }
        Err(CsvError::Service(e)) => return Err(e.into()),
    };
    let label = match out {
        OutEncoding::Cp932 => "CP932",
        OutEncoding::Utf8Bom => "UTF-8 (BOM)",
        OutEncoding::Utf8 => "UTF-8",
    };
    let done = |path: Option<&Path>| match cmd {
        ExportCommand::Employees { .. } => i18n::export_done(count, path, label, lang),
        ExportCommand::Skills { .. } => i18n::skill_export_done(count, path, label, lang),
    };
    match output {
        Some(path) => {
            write_private(path, &bytes)?;
            super::say(done(Some(path)))?;
        }
        None => {
            let mut stdout = std::io::stdout().lock();
            match stdout.write_all(&bytes).and_then(|_| stdout.flush()) {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                    return Err(io_error(Path::new("-"), e));
                }
                _ => {}
            }
            tell([done(None)]);
        }
    }
    Ok(0)
}

#[cfg(test)]
mod tests {
    use clap::{Command, Subcommand};

    use super::{ExportCommand, ImportCommand};

    #[test]
    fn every_japanese_help_entry_finds_its_target() {
        let root = Command::new("kizuna")
            .subcommand(ImportCommand::augment_subcommands(Command::new("import")))
            .subcommand(ExportCommand::augment_subcommands(Command::new("export")));
        for (key, _) in crate::i18n::IMPORT_HELP_JA {
            let mut words: Vec<&str> = key.split(' ').collect();
            let last = words.pop().unwrap_or_default();
            let mut c = &root;
            for w in &words {
                c = c.find_subcommand(w).unwrap_or_else(|| panic!("{key}"));
            }
            let id = last.trim_start_matches("--").replace('-', "_");
            let found = c.find_subcommand(last).is_some()
                || c.get_arguments().any(|a| a.get_id() == id.as_str());
            assert!(found, "{key}");
        }
        root.debug_assert();
    }
}
