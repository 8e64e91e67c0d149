//! `kizuna keys …` and `kizuna cases …`: the restricted case logs from the command line.
//! Every command that reads or changes a case asks for the caller's passphrase (on the
//! terminal without echo, or from standard input with `--passphrase-stdin`). The keys
//! it unlocks stay with the service, which forgets them when the command ends.

pub mod args;
mod change;
mod render;

use zeroize::Zeroizing;

use self::args::{CasesCommand, KeysCommand, SecretArgs, Target};
use super::secret::Secrets;
use super::{CliError, emit, say};
use crate::domain::cases::CaseDomain;
use crate::i18n::{self, CaseWord, Lang, case_word};
use crate::remote::Api;
use crate::service::Principal;
use crate::service::cases::Unlocked;

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

/// Asks for the passphrase, has the service unlock the caller's keys, runs `then`, and
/// has the service forget the keys again, whatever `then` gave.
fn unlocked<T>(
    service: &Api,
    p: &Principal,
    s: &SecretArgs,
    lang: Lang,
    then: impl FnOnce(&Unlocked) -> Result<T, CliError>,
) -> Result<T, CliError> {
    let secrets = Secrets::new(s.passphrase_stdin);
    let pass = secrets.read(case_word(CaseWord::Passphrase, lang), lang)?;
    let keys = service.unlock(p, pass.as_bytes())?;
    drop(pass);
    let out = then(&keys);
    let locked = service.lock(p);
    let out = out?;
    locked?;
    Ok(out)
}

/// The domain of a case command: the one given, the only one the caller holds, or the
/// one where the caller holds the id.
fn domain_of(
    service: &Api,
    p: &Principal,
    target: &Target,
    keys: &Unlocked,
    lang: Lang,
) -> Result<CaseDomain, CliError> {
    if let Some(d) = target.domain {
        return Ok(d.into());
    }
    match keys.domains.as_slice() {
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
    match service.case_domain(p, &id)? {
        Some(d) => Ok(d),
        None => Err(CliError::Said(i18n::case_fault(
            &crate::service::cases::CaseFault::NoCase(target.id.clone()),
            lang,
        ))),
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
            for s in service.case_domains(p)? {
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
            let domain = CaseDomain::from(*domain);
            let r = unlocked(service, p, secrets, lang, |_| {
                Ok(service.cases_grant(p, account, domain)?)
            })?;
            say(i18n::granted(account, domain, &r, lang))
        }
        C::Revoke {
            account,
            domain,
            secrets,
        } => {
            let domain = CaseDomain::from(*domain);
            let r = unlocked(service, p, secrets, lang, |_| {
                Ok(service.cases_revoke(p, account, domain)?)
            })?;
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
            let domain = CaseDomain::from(*domain);
            let views = unlocked(service, p, secrets, lang, |_| Ok(service.cases(p, domain)?))?;
            let today = service.clock().today();
            emit(&render::list(&views, domain, *format, today, lang)?)
        }
        C::Show { target } => {
            let view = unlocked(service, p, &target.secrets, lang, |keys| {
                let domain = domain_of(service, p, target, keys, lang)?;
                Ok(service.case(p, domain, &target.id)?)
            })?;
            emit(&i18n::case_text::whole(
                &view,
                service.clock().today(),
                lang,
            ))
        }
        other => change::run(service, p, other, lang),
    }
}
