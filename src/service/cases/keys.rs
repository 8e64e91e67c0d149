//! A person's own key pair: made with `kizuna keys init`, its passphrase changed with
//! `keys passwd`, unlocked for a session. Wrong passphrases are audited and each one
//! makes the next attempt wait longer.

use std::collections::{BTreeMap, HashMap};
use std::time::Duration;

use super::{CaseFault, Keyring, MIN_PASSPHRASE};
use crate::domain::Account;
use crate::domain::cases::CaseDomain;
use crate::service::{Principal, Service, ServiceError, roles_of};
use crate::store::keys::{DomainWrap, HolderKey, SealedItem, UnlockFailures};
use crate::store::seal::{self, KdfParams, KeyPair, SealError};

/// How long an attempt waits after `failures` wrong passphrases in a row: 1, 2, 4 …
/// seconds, at most 30.
pub fn unlock_delay(failures: u32) -> Duration {
    match failures {
        0 => Duration::ZERO,
        n => Duration::from_secs((1u64 << (n - 1).min(5)).min(30)),
    }
}

fn check_length(passphrase: &[u8]) -> Result<(), CaseFault> {
    match std::str::from_utf8(passphrase) {
        Ok(text) if text.chars().count() >= MIN_PASSPHRASE => Ok(()),
        _ => Err(CaseFault::ShortPassphrase),
    }
}

impl Service {
    /// Makes the caller's key pair, its private half under `passphrase`. Only an
    /// account known to the database may have one; an existing pair is never replaced
    /// (its wrapped keys would be lost): change the passphrase with [`Self::keys_passwd`].
    pub fn keys_init(&self, p: &Principal, passphrase: &[u8]) -> Result<String, ServiceError> {
        check_length(passphrase)?;
        {
            let r = self.store.read()?;
            if r.get::<Account>(&p.account)?.is_none() {
                return Err(ServiceError::NotFound {
                    kind: "account",
                    id: p.account.clone(),
                });
            }
            if r.get::<HolderKey>(&p.account)?.is_some() {
                return Err(CaseFault::KeysExist.into());
            }
        }
        // The slow derivation runs before the write transaction opens.
        let pair = KeyPair::generate();
        let protected = seal::protect(&pair, &p.account, passphrase, KdfParams::DEFAULT)?;
        let public = pair.public();
        let mut w = self.store.write()?;
        if w.get::<HolderKey>(&p.account)?.is_some() {
            return Err(CaseFault::KeysExist.into());
        }
        w.put(&HolderKey {
            account: p.account.clone(),
            public: public.clone(),
            protected,
            created: self.clock.now(),
        })?;
        w.audit(
            self.clock.now(),
            &p.account,
            "keys.init",
            vec![p.account.clone()],
        )?;
        w.commit()?;
        Ok(public)
    }

    /// Puts the caller's private key under a new passphrase; the old one must open it.
    pub fn keys_passwd(&self, p: &Principal, old: &[u8], new: &[u8]) -> Result<(), ServiceError> {
        check_length(new)?;
        let (record, pair) = self.open_pair(p, old)?;
        let protected = seal::protect(&pair, &p.account, new, KdfParams::DEFAULT)?;
        let mut w = self.store.write()?;
        w.put(&HolderKey {
            protected,
            ..record
        })?;
        w.audit(
            self.clock.now(),
            &p.account,
            "keys.passwd",
            vec![p.account.clone()],
        )?;
        w.commit()?;
        Ok(())
    }

    /// Unlocks the caller's keys for every case domain they hold. Waits first after
    /// earlier wrong passphrases; a wrong one is audited and counted.
    pub fn unlock(&self, p: &Principal, passphrase: &[u8]) -> Result<Keyring, ServiceError> {
        let roles = roles_of(self.store.read()?.get::<Account>(&p.account)?);
        let held: Vec<CaseDomain> = CaseDomain::ALL
            .iter()
            .copied()
            .filter(|d| roles.contains(&d.role()))
            .collect();
        if held.is_empty() {
            let mut w = self.store.write()?;
            w.audit(
                self.clock.now(),
                &p.account,
                "keys.unlock.refused",
                vec![p.account.clone()],
            )?;
            w.commit()?;
            return Err(ServiceError::Denied {
                account: p.account.clone(),
                permission: super::super::Permission::HealthCases,
            });
        }
        let (_, pair) = self.open_pair(p, passphrase)?;
        let r = self.store.read()?;
        let mut domains = BTreeMap::new();
        for domain in held {
            let key = DomainWrap::key_of(domain.code(), &p.account);
            let Some(wrap) = r.get::<DomainWrap>(&key)? else {
                continue;
            };
            if let Some(secret) = pair.unwrap_key(&wrap.wrapped)? {
                domains.insert(domain, secret);
            }
        }
        drop(r);
        let mut ring = Keyring {
            account: p.account.clone(),
            pair,
            domains,
            keys: HashMap::new(),
        };
        let mut w = self.store.write()?;
        // The case keys are opened now, on every core, so that the lists that follow
        // only decrypt: unlocking stays dominated by the key derivation.
        for domain in ring.domains() {
            let sealed = w.with_prefix::<SealedItem>(&format!("{}/", domain.code()))?;
            ring.warm(&w, domain, &sealed)?;
            if ring.heal(&mut w, domain)? {
                w.audit(
                    self.clock.now(),
                    &p.account,
                    "cases.heal",
                    vec![domain.code().to_string()],
                )?;
            }
        }
        w.audit(
            self.clock.now(),
            &p.account,
            "keys.unlock",
            vec![p.account.clone()],
        )?;
        w.commit()?;
        Ok(ring)
    }

    /// How long an unlock by `p` must still wait after their last wrong passphrase
    /// (a server waits this out before it lets the key derivation start).
    pub fn unlock_wait(&self, p: &Principal) -> Result<Duration, ServiceError> {
        let failed = self.store.read()?.get::<UnlockFailures>(&p.account)?;
        Ok(failed.map_or(Duration::ZERO, |f| self.still_to_wait(&f)))
    }

    /// The delay after the failures, less the time since the last one.
    fn still_to_wait(&self, f: &UnlockFailures) -> Duration {
        let since = u64::try_from(self.clock.now().0 - f.last.0).unwrap_or(0);
        unlock_delay(f.failures).saturating_sub(Duration::from_secs(since))
    }

    /// Opens the caller's private key, with the delay and the failure count.
    fn open_pair(
        &self,
        p: &Principal,
        passphrase: &[u8],
    ) -> Result<(HolderKey, KeyPair), ServiceError> {
        let (record, failed) = {
            let r = self.store.read()?;
            let record = r
                .get::<HolderKey>(&p.account)?
                .ok_or(ServiceError::Case(CaseFault::NoKeys))?;
            let failed = r.get::<UnlockFailures>(&p.account)?;
            (record, failed)
        };
        let failures = failed.as_ref().map_or(0, |f| f.failures);
        std::thread::sleep(failed.map_or(Duration::ZERO, |f| self.still_to_wait(&f)));
        match seal::unprotect(&record.protected, &p.account, passphrase) {
            Ok(pair) if pair.public() != record.public => Err(CaseFault::Damaged(format!(
                "the public key stored for {} is not that of its private key",
                p.account
            ))
            .into()),
            Ok(pair) => {
                if failures > 0 {
                    let mut w = self.store.write()?;
                    w.delete::<UnlockFailures>(&p.account)?;
                    w.commit()?;
                }
                Ok((record, pair))
            }
            Err(SealError::WrongPassphrase) => {
                let failures = failures + 1;
                let mut w = self.store.write()?;
                w.put(&UnlockFailures {
                    account: p.account.clone(),
                    failures,
                    last: self.clock.now(),
                })?;
                w.audit(
                    self.clock.now(),
                    &p.account,
                    "keys.unlock-failed",
                    vec![p.account.clone()],
                )?;
                w.commit()?;
                Err(CaseFault::WrongPassphrase { failures }.into())
            }
            Err(other) => Err(other.into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_delay_grows_and_stops_growing() {
        let d: Vec<u64> = (0..9).map(|n| unlock_delay(n).as_secs()).collect();
        assert_eq!(d, vec![0, 1, 2, 4, 8, 16, 30, 30, 30]);
    }
}
