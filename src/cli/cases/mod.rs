//! `kizuna keys …` and `kizuna cases …`: the restricted case logs from the command line.
//! Every command that reads or changes a case asks for the caller's passphrase (on the
//! terminal without echo, or from standard input with `--passphrase-stdin`).

pub mod args;
mod change;
mod render;

use zeroize::Zeroizing;

use self::args::{CasesCommand, KeysCommand, SecretArgs, Target};
use super::secret::Secrets;
use super::{CliError, emit, say};
use crate::domain::Date;
use crate::domain::cases::CaseDomain;
use crate::i18n::{self, CaseWord, Lang, case_word};
use crate::remote::Api;
use crate::service::Principal;
use crate::service::cases::Keyring;

/// Runs `kizuna keys …`.
pub fn run_keys(
    service: &Api,
    p: &Principal,
    cmd: &KeysCommand,
    lang: Lang,
) -> Result<(), CliError> {
    match cmd {
        KeysCommand::Init { secrets } => {
            let s = Secrets::new(secrets.passphrase_stdin);
            let pass = new_passphrase(&s, lang)?;
            let public = service.keys_init(p, pass.as_bytes())?;
            say(i18n::keys_made(&public, lang))
        }
        KeysCommand::Passwd { secrets } => {
            let s = Secrets::new(secrets.passphrase_stdin);
            let old = s.read(case_word(CaseWord::Passphrase, lang), lang)?;
            let new = new_passphrase(&s, lang)?;
            service.keys_passwd(p, old.as_bytes(), new.as_bytes())?;
            say(i18n::passphrase_changed(lang).to_string())
        }
    }
}

/// A new passphrase: asked twice on a terminal, read once from standard input.
fn new_passphrase(s: &Secrets, lang: Lang) -> Result<Zeroizing<String>, CliError> {
    let first = s.read(case_word(CaseWord::NewPassphrase, lang), lang)?;
    if let Secrets::Terminal = s {
        let again = s.read(case_word(CaseWord::Again, lang), lang)?;
        if *again != *first {
            return Err(CliError::Said(i18n::passphrases_differ(lang).to_string()));
        }
    }
    Ok(first)
}

fn unlock(service: &Api, p: &Principal, s: &SecretArgs, lang: Lang) -> Result<Keyring, CliError> {
    let secrets = Secrets::new(s.passphrase_stdin);
    let pass = secrets.read(case_word(CaseWord::Passphrase, lang), lang)?;
    Ok(service.unlock(p, pass.as_bytes())?)
}

/// The domain of a case command: the one given, the only one the caller holds, or the
/// one where the caller holds the id.
fn domain_of(
    service: &Api,
    target: &Target,
    ring: &Keyring,
    lang: Lang,
) -> Result<CaseDomain, CliError> {
    if let Some(d) = target.domain {
        return Ok(d.into());
    }
    match ring.domains().as_slice() {
        [one] => return Ok(*one),
        [] => {
            return Err(CliError::Said(i18n::case_fault(
                &crate::service::cases::CaseFault::NoCase(target.id.clone()),
                lang,
            )));
        }
        _ => {}
    }
    let id = crate::domain::cases::CaseId::parse(&target.id)
        .map_or_else(|| target.id.clone(), |c| c.to_string());
    match service.case_domain(ring, &id)? {
        Some(d) => Ok(d),
        None => Err(CliError::Said(i18n::case_fault(
            &crate::service::cases::CaseFault::NoCase(target.id.clone()),
            lang,
        ))),
    }
}

/// A date argument, or today.
fn day(service: &Api, text: Option<&str>) -> Result<Date, CliError> {
    match text {
        None => Ok(service.clock().today()),
        Some(t) => Date::parse(t).map_err(|_| CliError::BadValue {
            value: t.to_string(),
            arg: "DATE",
        }),
    }
}

/// Runs `kizuna cases …`.
pub fn run_cases(
    service: &Api,
    p: &Principal,
    cmd: &CasesCommand,
    lang: Lang,
) -> Result<(), CliError> {
    use CasesCommand as C;
    match cmd {
        C::Status => {
            for s in service.case_domains()? {
                for line in i18n::domain_status(&s, lang) {
                    say(line)?;
                }
            }
            Ok(())
        }
        C::Init { domain } => {
            let domain = CaseDomain::from(*domain);
            let key = service.cases_init(p, domain)?;
            say(i18n::recovery_shown(domain, &key, lang))
        }
        C::Grant {
            account,
            domain,
            secrets,
        } => {
            let mut ring = unlock(service, p, secrets, lang)?;
            let domain = CaseDomain::from(*domain);
            let r = service.cases_grant(p, &mut ring, account, domain)?;
            say(i18n::granted(account, domain, &r, lang))
        }
        C::Revoke {
            account,
            domain,
            secrets,
        } => {
            let mut ring = unlock(service, p, secrets, lang)?;
            let domain = CaseDomain::from(*domain);
            let r = service.cases_revoke(p, &mut ring, account, domain)?;
            say(i18n::revoked(account, domain, &r, lang))
        }
        C::Recover {
            domain,
            recovery_key_stdin,
        } => {
            let domain = CaseDomain::from(*domain);
            let secrets = Secrets::new(*recovery_key_stdin);
            let key = secrets.read(case_word(CaseWord::RecoveryKey, lang), lang)?;
            let r = service.cases_recover(p, domain, &key)?;
            say(i18n::recovered(domain, &r, lang))
        }
        C::List {
            domain,
            format,
            secrets,
        } => {
            let mut ring = unlock(service, p, secrets, lang)?;
            let domain = CaseDomain::from(*domain);
            let views = service.cases(p, &mut ring, domain)?;
            let today = service.clock().today();
            emit(&render::list(&views, domain, *format, today, lang)?)
        }
        C::Show { target } => {
            let mut ring = unlock(service, p, &target.secrets, lang)?;
            let domain = domain_of(service, target, &ring, lang)?;
            let view = service.case(p, &mut ring, domain, &target.id)?;
            emit(&i18n::case_text::whole(
                &view,
                service.clock().today(),
                lang,
            ))
        }
        other => change::run(service, p, other, lang),
    }
}
