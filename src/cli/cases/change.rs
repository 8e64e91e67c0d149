//! The `kizuna cases` commands that open or change a case.

use super::args::{CasesCommand, NewIncident, OpenHarassment, OpenHealth, Target};
use super::{domain_of, unlocked};
use crate::cli::secret::Secrets;
use crate::cli::{CliError, say};
use crate::domain::Date;
use crate::domain::cases::{
    CaseChange, CaseId, Channel, Complainant, Field, HarassmentKind, HealthKind, NewCase,
    Respondent, StepStatus,
};
use crate::i18n::{self, Lang};
use crate::remote::Api;
use crate::service::Principal;

fn term<T>(
    text: &str,
    parse: impl Fn(&str) -> Option<T>,
    arg: &'static str,
) -> Result<T, CliError> {
    parse(text).ok_or_else(|| CliError::BadValue {
        value: text.to_string(),
        arg,
    })
}

/// An argument that may carry case text or a staff number: `-` reads it from the next
/// line of standard input instead, so it never shows in the process list or the shell's
/// history.
fn given(text: &str, lang: Lang) -> Result<String, CliError> {
    if text == "-" {
        Ok(Secrets::Stdin.read("", lang)?.to_string())
    } else {
        Ok(text.to_string())
    }
}

/// The secrets arguments of a command that opens or changes a case.
fn secrets_of(cmd: &CasesCommand) -> Option<&super::args::SecretArgs> {
    use CasesCommand as C;
    match cmd {
        C::OpenHealth(a) => Some(&a.secrets),
        C::OpenHarassment(a) => Some(&a.secrets),
        C::Incident(a) => Some(&a.secrets),
        C::Note { target, .. }
        | C::Leave { target, .. }
        | C::LeaveEnd { target, .. }
        | C::Step { target, .. }
        | C::StepStatus { target, .. }
        | C::FollowUp { target, .. }
        | C::Close { target, .. }
        | C::Set { target, .. }
        | C::Advance { target, .. }
        | C::Deny { target, .. }
        | C::Allow { target, .. } => Some(&target.secrets),
        C::Status
        | C::Init { .. }
        | C::Grant { .. }
        | C::Revoke { .. }
        | C::Recover { .. }
        | C::List { .. }
        | C::Show { .. } => None,
    }
}

/// Runs an opening or changing command.
pub fn run(service: &Api, p: &Principal, cmd: &CasesCommand, lang: Lang) -> Result<(), CliError> {
    // The passphrase comes first; arguments given as `-` are read after it.
    let Some(secrets) = secrets_of(cmd) else {
        return Ok(());
    };
    unlocked(service, p, secrets, lang, |keys| {
        let (target, change) = match what(cmd, lang)? {
            What::Open(new) => {
                let view = service.create_case(p, &new)?;
                return say(view.item.id().to_string());
            }
            What::Change(target, change) => (target, change),
            What::Nothing => return Ok(()),
        };
        let domain = domain_of(service, p, target, keys, lang)?;
        let view = service.change_case(p, domain, &target.id, &change)?;
        say(i18n::case_saved(view.item.id().as_str(), lang))
    })
}

/// What a command asks of the service.
enum What<'a> {
    /// A new case.
    Open(NewCase),
    /// A change to a case.
    Change(&'a Target, CaseChange),
    /// Nothing (a command of another kind).
    Nothing,
}

/// The new case or the change a command asks for.
fn what<'a>(cmd: &'a CasesCommand, lang: Lang) -> Result<What<'a>, CliError> {
    use CasesCommand as C;
    let change = |target, change| Ok(What::Change(target, change));
    match cmd {
        C::OpenHealth(a) => Ok(What::Open(open_health(a, lang)?)),
        C::OpenHarassment(a) => Ok(What::Open(open_harassment(a, lang)?)),
        C::Incident(a) => Ok(What::Open(incident(a, lang)?)),
        C::Note { target, text, on } => {
            let on = maybe_day(on.as_deref())?;
            let text = given(text, lang)?;
            change(target, CaseChange::Note { on, text })
        }
        C::Leave {
            target,
            start,
            planned_end,
        } => change(
            target,
            CaseChange::Leave {
                start: parse_day(start)?,
                planned_end: parse_day(planned_end)?,
            },
        ),
        C::LeaveEnd { target, leave, on } => change(
            target,
            CaseChange::LeaveEnd {
                leave: leave.saturating_sub(1),
                on: maybe_day(on.as_deref())?,
            },
        ),
        C::Step {
            target,
            name,
            start,
            end,
        } => {
            let start = parse_day(start)?;
            let end = maybe_day(end.as_deref())?;
            let name = given(name, lang)?;
            change(target, CaseChange::Step { name, start, end })
        }
        C::StepStatus {
            target,
            step,
            status,
        } => change(
            target,
            CaseChange::StepStatus {
                step: step.saturating_sub(1),
                status: term(status, StepStatus::parse, "STATUS")?,
            },
        ),
        C::FollowUp { target, on } => change(target, CaseChange::FollowUp { on: parse_day(on)? }),
        C::Close { target, on } => change(
            target,
            CaseChange::Close {
                on: maybe_day(on.as_deref())?,
            },
        ),
        C::Set {
            target,
            field,
            text,
        } => {
            let field = term(field, Field::parse, "FIELD")?;
            let text = given(text, lang)?;
            change(target, CaseChange::Set { field, text })
        }
        C::Advance { target, on } => change(
            target,
            CaseChange::Advance {
                on: maybe_day(on.as_deref())?,
            },
        ),
        C::Deny { target, account } => change(
            target,
            CaseChange::Deny {
                account: account.clone(),
            },
        ),
        C::Allow { target, account } => change(
            target,
            CaseChange::Allow {
                account: account.clone(),
            },
        ),
        C::Status
        | C::Init { .. }
        | C::Grant { .. }
        | C::Revoke { .. }
        | C::Recover { .. }
        | C::List { .. }
        | C::Show { .. } => Ok(What::Nothing),
    }
}

/// A date argument if given; left out, the service's today.
fn maybe_day(text: Option<&str>) -> Result<Option<Date>, CliError> {
    text.map(parse_day).transpose()
}

fn open_health(a: &OpenHealth, lang: Lang) -> Result<NewCase, CliError> {
    Ok(NewCase::Health {
        kind: term(&a.kind, HealthKind::parse, "--kind")?,
        opened: a.opened.as_deref().map(parse_day).transpose()?,
        subject: given(&a.subject, lang)?,
        assigned: a.assign.clone(),
    })
}

fn open_harassment(a: &OpenHarassment, lang: Lang) -> Result<NewCase, CliError> {
    let channel = term(&a.channel, Channel::parse, "--channel")?;
    let kind = term(&a.kind, HarassmentKind::parse, "--kind")?;
    let received = a.received.as_deref().map(parse_day).transpose()?;
    let complainant = match &a.complainant {
        Some(no) => Complainant::Employee(given(no, lang)?),
        None => Complainant::Anonymous,
    };
    let mut respondents = Vec::new();
    for no in &a.respondent {
        respondents.push(Respondent::Employee(given(no, lang)?));
    }
    for text in &a.outside {
        respondents.push(Respondent::Outside(given(text, lang)?));
    }
    Ok(NewCase::Harassment {
        received,
        channel,
        kind,
        complainant,
        respondents,
        counsellors: a.counsellor.clone(),
    })
}

fn incident(a: &NewIncident, lang: Lang) -> Result<NewCase, CliError> {
    let channel = term(&a.channel, Channel::parse, "--channel")?;
    let on = a.on.as_deref().map(parse_day).transpose()?;
    let case = a
        .case
        .as_deref()
        .map(|c| term(c, CaseId::parse, "--case"))
        .transpose()?;
    Ok(NewCase::Incident {
        on,
        channel,
        recording: given(&a.recording, lang)?,
        measures: given(&a.measures, lang)?,
        case,
    })
}

/// A date argument as written.
fn parse_day(text: &str) -> Result<Date, CliError> {
    Date::parse(text).map_err(|_| CliError::BadValue {
        value: text.to_string(),
        arg: "DATE",
    })
}
