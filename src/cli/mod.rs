//! The command line: scriptable, read-only counterparts of the panes, and the commands
//! that make, check and copy databases. Everything goes through `service`.

pub mod args;
mod audit;
mod cases;
mod dashboard;
mod error;
mod help;
pub mod import;
mod kpi;
pub mod paths;
mod roadmap;
mod secret;
mod serve;
mod settings;
mod show;
mod skills;
mod subsidy;
mod survey;
mod table;
mod training;

use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use clap::{CommandFactory, FromArgMatches};

pub use args::Cli;
use args::{CatalogueTable, Command, ShowFormat, TableFormat, UserCommand};
pub use error::{CliError, EXIT_LOCKED, EXIT_PROBLEMS, service_message};
use paths::Env;

use crate::catalogue::demo;
use crate::domain::{Clock, Date, FixedClock, Role};
use crate::i18n::{self, Lang, Msg};
use crate::io::catalogue as tables;
use crate::remote::Api;
use crate::search;
use crate::service::{self, Principal, ServiceError, SystemClock};
use crate::store::check::Report;

/// What the process needs from outside: arguments, environment, clock, caller.
pub struct Context<'a> {
    pub env: Env<'a>,
    pub clock: Arc<dyn Clock>,
    pub principal: Principal,
}

impl Context<'_> {
    /// The clock: `KIZUNA_NOW` (a date, for demos and tests) fixes "today" at noon in
    /// Japan; otherwise the system clock.
    pub fn clock_from(env: Env<'_>) -> Arc<dyn Clock> {
        match env("KIZUNA_NOW").and_then(|d| Date::parse(&d).ok()) {
            Some(day) => Arc::new(FixedClock::at_noon(day)),
            None => Arc::new(SystemClock),
        }
    }
}

/// Writes to stdout; a closed pipe (`| head`) is not an error.
fn emit(text: &str) -> Result<(), CliError> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(CliError::Service(
            crate::store::StoreError::Io {
                path: PathBuf::from("-"),
                source: e,
            }
            .into(),
        )),
        _ => Ok(()),
    }
}

fn say(text: String) -> Result<(), CliError> {
    emit(&format!("{text}\n"))
}

/// The language before clap has parsed anything: `--lang`, then the config, then LANG.
pub fn language(args: &[OsString], env: Env<'_>) -> Lang {
    let mut it = args.iter().filter_map(|a| a.to_str());
    while let Some(a) = it.next() {
        if let Some(v) = a.strip_prefix("--lang=") {
            if let Some(l) = Lang::parse(v) {
                return l;
            }
        } else if a == "--lang"
            && let Some(l) = it.next().and_then(Lang::parse)
        {
            return l;
        }
    }
    paths::user_config(env)
        .ok()
        .and_then(|c| c.lang)
        .and_then(|l| Lang::parse(&l))
        .unwrap_or_else(|| Lang::from_locale(env))
}

/// The clap command in a language.
pub fn command(lang: Lang) -> clap::Command {
    let cmd = Cli::command();
    match lang {
        Lang::Ja => help::japanese(cmd),
        Lang::En => cmd,
    }
}

/// Parses and runs one command line; returns the exit code.
pub fn main(args: Vec<OsString>, ctx: &Context<'_>) -> u8 {
    let lang = language(&args, ctx.env);
    let matches = match command(lang).try_get_matches_from(&args) {
        Ok(m) => m,
        Err(e) => return usage_error(&e, lang),
    };
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return 2;
        }
    };
    match run(cli, lang, ctx) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("kizuna: {}", e.message(lang));
            e.exit_code()
        }
    }
}

/// Prints clap's help and version as they are, and its parse errors in the user's
/// language; returns the exit code (0 for help, 2 for a usage error).
fn usage_error(e: &clap::Error, lang: Lang) -> u8 {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let code = if e.use_stderr() { 2 } else { 0 };
    let shown_as_is = matches!(
        e.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    );
    if shown_as_is || lang == Lang::En {
        let _ = e.print();
        return code;
    }
    let context = |kind| match e.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        Some(other) => other.to_string(),
        None => String::new(),
    };
    let message = match e.kind() {
        ErrorKind::InvalidSubcommand => {
            Msg::UsageUnknownCommand(&context(ContextKind::InvalidSubcommand)).text(lang)
        }
        ErrorKind::UnknownArgument => {
            Msg::UsageUnknownOption(&context(ContextKind::InvalidArg)).text(lang)
        }
        ErrorKind::MissingRequiredArgument | ErrorKind::MissingSubcommand => {
            Msg::UsageMissing(&context(ContextKind::InvalidArg)).text(lang)
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => Msg::UsageBadValue {
            value: &context(ContextKind::InvalidValue),
            arg: &context(ContextKind::InvalidArg),
        }
        .text(lang),
        _ => Msg::UsageOther.text(lang),
    };
    eprintln!("kizuna: {message}\n{}", Msg::UsageHint.text(lang));
    code
}

fn database(cli: &Cli, ctx: &Context<'_>) -> Result<PathBuf, CliError> {
    if cli.demo {
        paths::demo_database(cli.db.as_deref(), ctx.env)
    } else {
        paths::database(cli.db.as_deref(), ctx.env)
    }
}

/// The service: through the server when a socket is configured, else on the file.
fn open(cli: &Cli, ctx: &Context<'_>, lang: Lang) -> Result<Api, CliError> {
    if cli.demo {
        return Ok(Api::open(&database(cli, ctx)?, ctx.clock.clone())?);
    }
    match paths::place(cli.db.as_deref(), cli.socket.as_deref(), ctx.env)? {
        paths::Place::File(path) => Ok(Api::open(&path, ctx.clock.clone())?),
        paths::Place::Server(socket) => Ok(Api::connect(&socket, ctx.clock.clone(), lang)?),
    }
}

fn role(text: &str) -> Result<Role, CliError> {
    Role::parse(text).ok_or_else(|| CliError::UnknownRole(text.to_string()))
}

/// Runs a parsed command line.
pub fn run(cli: Cli, lang: Lang, ctx: &Context<'_>) -> Result<u8, CliError> {
    let p = &ctx.principal;
    let Some(cmd) = &cli.command else {
        let service = open(&cli, ctx, lang)?;
        screens(&service, &cli, lang, ctx)?;
        return Ok(0);
    };
    match cmd {
        Command::Init => {
            let path = database(&cli, ctx)?;
            service::init(&path, p, ctx.clock.clone())?;
            say(Msg::Initialised {
                path: &path,
                account: &p.account,
            }
            .text(lang))?;
        }
        Command::Demo {
            staff,
            seed,
            create_only,
        } => {
            let path = paths::demo_database(cli.db.as_deref(), ctx.env)?;
            if path.exists() {
                say(Msg::DemoExists(&path).text(lang))?;
            } else {
                let started = Instant::now();
                let report = service::create_demo(
                    &path,
                    p,
                    ctx.clock.clone(),
                    *staff as usize,
                    seed.unwrap_or(demo::DEFAULT_SEED),
                )?;
                say(Msg::DemoCreated {
                    path: &path,
                    staff: report.staff,
                    units: report.units,
                    millis: started.elapsed().as_millis(),
                }
                .text(lang))?;
            }
            if !create_only {
                let service = Api::open(&path, ctx.clock.clone())?;
                screens(&service, &cli, lang, ctx)?;
            }
        }
        Command::Check => {
            let service = open(&cli, ctx, lang)?;
            let report = service.check(p)?;
            // A domain held by fewer than two is a standing risk, not a fault.
            for status in service.case_domains(p)? {
                if let Some(w) = i18n::holder_warning(&status, lang) {
                    eprintln!("{w}");
                }
            }
            return check(&report, lang);
        }
        Command::Backup { dest } => {
            // Through a server the copy is written there: name it whole.
            let dest = std::path::absolute(dest).unwrap_or_else(|_| dest.clone());
            let report = open(&cli, ctx, lang)?.backup(p, &dest)?;
            say(Msg::BackupDone {
                path: &report.dest,
                bytes: report.bytes,
                records: report.records,
            }
            .text(lang))?;
            say(Msg::AuditHead(&report.audit_head.to_string()).text(lang))?;
        }
        Command::Restore { src, force } => {
            if let paths::Place::Server(_) =
                paths::place(cli.db.as_deref(), cli.socket.as_deref(), ctx.env)?
            {
                return Err(ServiceError::Link(service::LinkFault::FileOnly(
                    "kizuna restore".into(),
                ))
                .into());
            }
            let target = database(&cli, ctx)?;
            let (_, report) = service::restore(src, &target, *force, p, ctx.clock.clone())?;
            say(Msg::RestoreDone {
                path: &target,
                records: report.records,
            }
            .text(lang))?;
            say(Msg::AuditHead(&report.audit_head.to_string()).text(lang))?;
        }
        Command::Show { id, format } => show_record(&open(&cli, ctx, lang)?, p, id, *format, lang)?,
        Command::User { action } => user(&open(&cli, ctx, lang)?, p, action, lang)?,
        Command::Audit { command } => return audit::run(&open(&cli, ctx, lang)?, p, command, lang),
        Command::Keys { command } => cases::run_keys(&open(&cli, ctx, lang)?, p, command, lang)?,
        Command::Cases { command } => cases::run_cases(&open(&cli, ctx, lang)?, p, command, lang)?,
        Command::Catalogue { table, format } => {
            let c = open(&cli, ctx, lang)?.catalogue(p)?;
            let text = match (table, format) {
                (CatalogueTable::Skills, TableFormat::Tsv) => {
                    tables::skills_tsv(&c, i18n::field("foundation", lang))
                }
                (CatalogueTable::Skills, TableFormat::Json) => tables::skills_json(&c)? + "\n",
                (CatalogueTable::Roadmap, TableFormat::Tsv) => tables::roadmap_tsv(&c),
                (CatalogueTable::Roadmap, TableFormat::Json) => tables::roadmap_json(&c)? + "\n",
                (CatalogueTable::Kpi, TableFormat::Tsv) => tables::kpi_tsv(&c),
                (CatalogueTable::Kpi, TableFormat::Json) => tables::kpi_json(&c)? + "\n",
            };
            emit(&text)?;
        }
        Command::Stats => stats(&open(&cli, ctx, lang)?, p, lang)?,
        Command::Kpi(args) => kpi::run(&open(&cli, ctx, lang)?, p, args, lang)?,
        Command::Dashboard(args) => dashboard::run(&open(&cli, ctx, lang)?, p, args, lang)?,
        Command::Skills { what } => skills::run_skills(&open(&cli, ctx, lang)?, p, what, lang)?,
        Command::Settings { what } => settings::run(&open(&cli, ctx, lang)?, p, what, lang)?,
        Command::Digital { what } => skills::run_digital(&open(&cli, ctx, lang)?, p, what, lang)?,
        Command::Training { what } => return training::run(&open(&cli, ctx, lang)?, p, what, lang),
        Command::Subsidy { what } => subsidy::run(&open(&cli, ctx, lang)?, p, what, lang)?,
        Command::Survey { what } => return survey::run(&open(&cli, ctx, lang)?, p, what, lang),
        Command::Roadmap { what, format } => match what {
            Some(what) => roadmap::run(&open(&cli, ctx, lang)?, p, what, lang)?,
            None => roadmap::timeline(&open(&cli, ctx, lang)?, p, *format, lang)?,
        },
        Command::Import { what } => {
            return import::run_import(&open(&cli, ctx, lang)?, p, what, lang);
        }
        Command::Export { what } => {
            return import::run_export(&open(&cli, ctx, lang)?, p, what, lang);
        }
        Command::Search {
            query,
            limit,
            format,
            unit,
            band,
            employment,
            status,
            digital,
            all,
        } => {
            let employment =
                parse_term(employment.as_deref(), crate::domain::EmploymentType::parse)?;
            let status = parse_term(status.as_deref(), crate::domain::Status::parse)?;
            let digital = parse_term(digital.as_deref(), crate::domain::DigitalTier::parse)?;
            let filter = search::Filter {
                unit_prefix: unit.clone(),
                unit_codes: None,
                band: band.and_then(crate::domain::Band::new),
                employment,
                status,
                digital,
                include_left: *all,
            };
            let found = open(&cli, ctx, lang)?.find(p, &query.join(" "), &filter, *limit)?;
            emit(&search_output(&found, *format)?)?;
        }
        Command::Serve => return serve::run(&cli, ctx, lang),
        Command::Completions { shell } => {
            let mut cmd = command(lang);
            let mut out = Vec::new();
            clap_complete::generate(*shell, &mut cmd, "kizuna", &mut out);
            emit(&String::from_utf8_lossy(&out))?;
        }
    }
    Ok(0)
}

/// Opens the terminal screens, or says why they cannot open here.
fn screens(service: &Api, cli: &Cli, lang: Lang, ctx: &Context<'_>) -> Result<(), CliError> {
    // SAFETY: isatty only inspects the descriptors.
    let interactive = unsafe { libc::isatty(0) == 1 && libc::isatty(1) == 1 };
    if !interactive {
        say(status_line(service, &ctx.principal, lang)?)?;
        return Err(CliError::NotATerminal);
    }
    let config = paths::user_config(ctx.env)?;
    let look = crate::tui::Look {
        lang,
        ascii: cli.ascii || config.ascii.unwrap_or(false),
        plain: (ctx.env)("NO_COLOR").is_some_and(|v| !v.is_empty()),
    };
    crate::tui::run(service, &ctx.principal, look).map_err(|e| match e {
        crate::tui::RunError::Service(s) => CliError::Service(s),
        crate::tui::RunError::Terminal(io) => CliError::Terminal(io.to_string()),
    })
}

fn parse_term<T>(text: Option<&str>, parse: fn(&str) -> Option<T>) -> Result<Option<T>, CliError> {
    match text {
        None => Ok(None),
        Some(t) => parse(t)
            .map(Some)
            .ok_or_else(|| CliError::BadTerm(t.to_string())),
    }
}

/// The search results: TSV `staff_no, name, reading, unit, title`, or JSON.
fn search_output(found: &[search::Match], format: TableFormat) -> Result<String, CliError> {
    Ok(match format {
        TableFormat::Tsv => {
            let mut out = String::from("staff_no\tname\treading\tunit\ttitle\n");
            for e in found.iter().map(|m| &m.entry) {
                let fields = [
                    e.staff_no.as_str(),
                    &e.name,
                    &e.reading,
                    &e.unit_name,
                    e.title.as_deref().unwrap_or(""),
                ];
                out.push_str(&fields.map(|f| f.replace(['\t', '\n'], " ")).join("\t"));
                out.push('\n');
            }
            out
        }
        TableFormat::Json => {
            let list: Vec<serde_json::Value> = found
                .iter()
                .map(|m| {
                    let e = &m.entry;
                    serde_json::json!({
                        "staff_no": e.staff_no,
                        "name": e.name,
                        "reading": e.reading,
                        "romaji": e.romaji,
                        "unit_code": e.unit_code,
                        "unit": e.unit_name,
                        "title": e.title,
                        "rank": format!("{:?}", m.rank).to_lowercase(),
                    })
                })
                .collect();
            serde_json::to_string_pretty(&list)? + "\n"
        }
    })
}

fn roles_text(roles: &std::collections::BTreeSet<Role>, lang: Lang) -> String {
    if roles.is_empty() {
        return i18n::field("none", lang).to_string();
    }
    roles
        .iter()
        .map(|r| match lang {
            Lang::Ja => format!("{}({})", i18n::role_label(*r, lang), r.code()),
            Lang::En => r.code().to_string(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Database, account and roles, fiscal year, and DEMO when it is the demo.
pub fn status_line(service: &Api, p: &Principal, lang: Lang) -> Result<String, CliError> {
    let session = service.session(p)?;
    let fy = service.clock().fiscal_year();
    let year = Msg::FiscalYearLong(fy).text(lang);
    let demo = if session.demo {
        format!("  [{}]", i18n::field("demo_badge", lang))
    } else {
        String::new()
    };
    Ok(format!(
        "{}: {}  {}: {} [{}]  {}{demo}",
        i18n::field("database", lang),
        service.path().display(),
        i18n::field("account", lang),
        session.account,
        roles_text(&session.roles, lang),
        year
    ))
}

fn check(report: &Report, lang: Lang) -> Result<u8, CliError> {
    for problem in &report.problems {
        say(format!(
            "{}\t{}\t{}",
            i18n::table_label(&problem.table, lang),
            problem.key,
            i18n::fault(&problem.fault, lang)
        ))?;
    }
    if !report.problems.is_empty() {
        return Err(CliError::CheckFailed(report.problems.len()));
    }
    say(Msg::CheckOk {
        records: report.counts.values().sum(),
        index: report.index_entries,
        audit: report.audit_entries,
    }
    .text(lang))?;
    say(Msg::AuditHead(&report.audit_head.to_string()).text(lang))?;
    Ok(0)
}

/// `show ID`: a staff number names an employee; an id such as `1-3` or `1-1a` names an
/// initiative when there is one (staff numbers may contain `-` too).
fn show_record(
    service: &Api,
    p: &Principal,
    id: &str,
    format: ShowFormat,
    lang: Lang,
) -> Result<(), CliError> {
    match service.initiative(p, id) {
        Ok(i) => {
            let c = service.catalogue(p)?;
            let approach = c
                .approaches
                .iter()
                .find(|a| a.no == i.approach)
                .map_or("", |a| a.name.as_str());
            return match format {
                ShowFormat::Text => emit(&show::initiative(&i, approach, c.plan_period, lang)),
                ShowFormat::Json => emit(&(serde_json::to_string_pretty(&i)? + "\n")),
            };
        }
        Err(ServiceError::NotFound { .. } | ServiceError::Denied { .. }) => {}
        Err(e) => return Err(e.into()),
    }
    let v = service.employee(p, id)?;
    match format {
        ShowFormat::Text => emit(&show::employee(&v, lang)),
        ShowFormat::Json => emit(&(serde_json::to_string_pretty(&v)? + "\n")),
    }
}

fn user(service: &Api, p: &Principal, action: &UserCommand, lang: Lang) -> Result<(), CliError> {
    let roles_now = |a: &crate::domain::Account| {
        say(Msg::RolesNow {
            account: &a.name,
            roles: &roles_text(&a.roles, lang),
        }
        .text(lang))
    };
    match action {
        UserCommand::List => {
            let mut text = format!(
                "{}\t{}\t{}\n",
                i18n::field("account", lang),
                i18n::field("roles", lang),
                i18n::field("employee", lang)
            );
            for a in service.accounts(p)? {
                text.push_str(&format!(
                    "{}\t{}\t{}\n",
                    a.name,
                    a.roles
                        .iter()
                        .map(|r| r.code())
                        .collect::<Vec<_>>()
                        .join(","),
                    a.employee.as_deref().unwrap_or("")
                ));
            }
            emit(&text)
        }
        UserCommand::Add { account, employee } => {
            let a = service.add_account(p, account, employee.as_deref())?;
            say(Msg::AccountAdded(&a.name).text(lang))
        }
        UserCommand::Grant { account, role: r } => {
            roles_now(&service.grant(p, account, role(r)?)?)
        }
        UserCommand::Revoke { account, role: r } => {
            roles_now(&service.revoke(p, account, role(r)?)?)
        }
    }
}

fn stats(service: &Api, p: &Principal, lang: Lang) -> Result<(), CliError> {
    let s = service.stats(p)?;
    let mut text = String::new();
    if s.demo {
        text.push_str(&format!("[{}]\n", i18n::field("demo", lang)));
    }
    for (table, n) in &s.counts {
        text.push_str(&format!("{}\t{n}\n", i18n::table_label(table, lang)));
    }
    for (status, n) in &s.staff_by_status {
        let key = format!("staff_{}", status.replace('-', "_"));
        text.push_str(&format!("  {}\t{n}\n", i18n::field(&key, lang)));
    }
    emit(&text)
}
