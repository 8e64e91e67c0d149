//! The `kizuna cases` commands that open or change a case.

use super::args::{CasesCommand, NewIncident, OpenHarassment, OpenHealth, Target};
use super::{day, domain_of, unlock};
use crate::cli::secret::Secrets;
use crate::cli::{CliError, say};
use crate::domain::Date;
use crate::domain::cases::{
    CaseDomain, CaseError, CaseId, CaseItem, Channel, Complainant, Field, HarassmentCase,
    HarassmentKind, HealthCase, HealthKind, Incident, Respondent, StepStatus,
};
use crate::i18n::{self, Lang};
use crate::remote::Api;
use crate::service::Principal;
use crate::service::cases::Keyring;

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
    use CasesCommand as C;
    // The passphrase comes first; arguments given as `-` are read after it.
    let Some(secrets) = secrets_of(cmd) else {
        return Ok(());
    };
    let ring = &mut unlock(service, p, secrets, lang)?;
    match cmd {
        C::OpenHealth(a) => open_health(service, p, ring, a, lang),
        C::OpenHarassment(a) => open_harassment(service, p, ring, a, lang),
        C::Incident(a) => incident(service, p, ring, a, lang),
        C::Note { target, text, on } => {
            let on = day(service, on.as_deref())?;
            let text = given(text, lang)?;
            change(
                service,
                p,
                ring,
                target,
                lang,
                move |item, by, _| match item {
                    CaseItem::Health(c) => c.add_entry(on, by, text),
                    CaseItem::Harassment(c) => c.add_entry(on, by, text),
                    CaseItem::Incident(i) => i.add_entry(on, by, text),
                },
            )
        }
        C::Leave {
            target,
            start,
            planned_end,
        } => {
            let start = day(service, Some(start))?;
            let end = day(service, Some(planned_end))?;
            health(service, p, ring, target, lang, move |c, _, _| {
                c.add_leave(start, end).map(|_| ())
            })
        }
        C::LeaveEnd { target, leave, on } => {
            let on = day(service, on.as_deref())?;
            let index = leave.saturating_sub(1);
            health(service, p, ring, target, lang, move |c, _, _| {
                c.end_leave(index, on)
            })
        }
        C::Step {
            target,
            name,
            start,
            end,
        } => {
            let start = day(service, Some(start))?;
            let end = end.as_deref().map(|e| day(service, Some(e))).transpose()?;
            let name = given(name, lang)?;
            health(service, p, ring, target, lang, move |c, _, _| {
                c.add_step(name, start, end).map(|_| ())
            })
        }
        C::StepStatus {
            target,
            step,
            status,
        } => {
            let status = term(status, StepStatus::parse, "STATUS")?;
            let index = step.saturating_sub(1);
            health(service, p, ring, target, lang, move |c, by, today| {
                c.set_step_status(index, status, today, by)
            })
        }
        C::FollowUp { target, on } => {
            let on = day(service, Some(on))?;
            health(service, p, ring, target, lang, move |c, _, _| {
                c.add_follow_up(on)
            })
        }
        C::Close { target, on } => {
            let on = day(service, on.as_deref())?;
            health(service, p, ring, target, lang, move |c, _, _| c.close(on))
        }
        C::Set {
            target,
            field,
            text,
        } => {
            let field = term(field, Field::parse, "FIELD")?;
            let text = given(text, lang)?;
            harassment(service, p, ring, target, lang, move |c, _, _| match field {
                Field::FactSummary => c.set_fact_summary(text),
                Field::Measures => c.set_measures(text),
                Field::Outcome => c.set_outcome(text),
            })
        }
        C::Advance { target, on } => {
            let on = day(service, on.as_deref())?;
            harassment(service, p, ring, target, lang, move |c, by, _| {
                c.advance(on, by).map(|_| ())
            })
        }
        C::Deny { target, account } => {
            let account = account.clone();
            change(service, p, ring, target, lang, move |item, _, _| {
                let deny = deny_list(item)?;
                if !deny.contains(&account) {
                    deny.push(account);
                }
                Ok(())
            })
        }
        C::Allow { target, account } => {
            let account = account.clone();
            change(service, p, ring, target, lang, move |item, _, _| {
                deny_list(item)?.retain(|a| *a != account);
                Ok(())
            })
        }
        C::Status
        | C::Init { .. }
        | C::Grant { .. }
        | C::Revoke { .. }
        | C::Recover { .. }
        | C::List { .. }
        | C::Show { .. } => Ok(()),
    }
}

/// The deny list of a case; an incident has none (it names no staff party).
fn deny_list(item: &mut CaseItem) -> Result<&mut Vec<String>, CaseError> {
    match item {
        CaseItem::Health(c) => Ok(&mut c.deny),
        CaseItem::Harassment(c) => Ok(&mut c.deny),
        CaseItem::Incident(_) => Err(CaseError::WrongKind),
    }
}

type Change<'a> = Box<dyn FnOnce(&mut CaseItem, &str, Date) -> Result<(), CaseError> + 'a>;

fn change<'a>(
    service: &Api,
    p: &Principal,
    ring: &mut Keyring,
    target: &Target,
    lang: Lang,
    f: impl FnOnce(&mut CaseItem, &str, Date) -> Result<(), CaseError> + 'a,
) -> Result<(), CliError> {
    let domain = domain_of(service, target, ring, lang)?;
    let f: Change<'a> = Box::new(f);
    let view = service.change_case(p, ring, domain, &target.id, f)?;
    say(i18n::case_saved(view.item.id().as_str(), lang))
}

/// A change to one kind of case; another kind refuses it as having no such part.
fn of_kind<T>(
    service: &Api,
    p: &Principal,
    ring: &mut Keyring,
    target: &Target,
    lang: Lang,
    pick: fn(&mut CaseItem) -> Option<&mut T>,
    f: impl FnOnce(&mut T, &str, Date) -> Result<(), CaseError>,
) -> Result<(), CliError> {
    change(
        service,
        p,
        ring,
        target,
        lang,
        move |item, by, today| match pick(item) {
            Some(case) => f(case, by, today),
            None => Err(CaseError::WrongKind),
        },
    )
}

fn health(
    service: &Api,
    p: &Principal,
    ring: &mut Keyring,
    target: &Target,
    lang: Lang,
    f: impl FnOnce(&mut HealthCase, &str, Date) -> Result<(), CaseError>,
) -> Result<(), CliError> {
    fn pick(item: &mut CaseItem) -> Option<&mut HealthCase> {
        match item {
            CaseItem::Health(c) => Some(c),
            _ => None,
        }
    }
    of_kind(service, p, ring, target, lang, pick, f)
}

fn harassment(
    service: &Api,
    p: &Principal,
    ring: &mut Keyring,
    target: &Target,
    lang: Lang,
    f: impl FnOnce(&mut HarassmentCase, &str, Date) -> Result<(), CaseError>,
) -> Result<(), CliError> {
    fn pick(item: &mut CaseItem) -> Option<&mut HarassmentCase> {
        match item {
            CaseItem::Harassment(c) => Some(c),
            _ => None,
        }
    }
    of_kind(service, p, ring, target, lang, pick, f)
}

fn open_health(
    service: &Api,
    p: &Principal,
    ring: &mut Keyring,
    a: &OpenHealth,
    lang: Lang,
) -> Result<(), CliError> {
    let kind = term(&a.kind, HealthKind::parse, "--kind")?;
    let opened = day(service, a.opened.as_deref())?;
    let subject = given(&a.subject, lang)?;
    let view = service.create_case(p, ring, CaseDomain::Health, |id| {
        Ok(CaseItem::Health(HealthCase::new(
            id,
            subject,
            kind,
            opened,
            a.assign.clone(),
        )?))
    })?;
    say(view.item.id().to_string())
}

fn open_harassment(
    service: &Api,
    p: &Principal,
    ring: &mut Keyring,
    a: &OpenHarassment,
    lang: Lang,
) -> Result<(), CliError> {
    let channel = term(&a.channel, Channel::parse, "--channel")?;
    let kind = term(&a.kind, HarassmentKind::parse, "--kind")?;
    let received = day(service, a.received.as_deref())?;
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
    let view = service.create_case(p, ring, CaseDomain::Harassment, |id| {
        Ok(CaseItem::Harassment(HarassmentCase::new(
            id,
            received,
            channel,
            kind,
            complainant,
            respondents,
            a.counsellor.clone(),
            &p.account,
        )?))
    })?;
    say(view.item.id().to_string())
}

fn incident(
    service: &Api,
    p: &Principal,
    ring: &mut Keyring,
    a: &NewIncident,
    lang: Lang,
) -> Result<(), CliError> {
    let channel = term(&a.channel, Channel::parse, "--channel")?;
    let on = day(service, a.on.as_deref())?;
    let case = a
        .case
        .as_deref()
        .map(|c| term(c, CaseId::parse, "--case"))
        .transpose()?;
    let recording = given(&a.recording, lang)?;
    let measures = given(&a.measures, lang)?;
    let view = service.create_case(p, ring, CaseDomain::Harassment, |id| {
        let mut i = Incident::new(id, on, channel, recording, measures, &p.account)?;
        i.link(case);
        Ok(CaseItem::Incident(i))
    })?;
    say(view.item.id().to_string())
}
