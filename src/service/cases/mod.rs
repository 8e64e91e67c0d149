//! Restricted case logs (mental health, harassment), sealed at rest.
//!
//! Every case is encrypted under its own key; the key is wrapped for each eligible
//! holder of the domain (its role holders minus those involved in the case and those on
//! its deny list) and for the domain's recovery key. A holder's slot is found by a tag
//! only holders can compute, so the file alone does not say who is excluded from what
//! (a holder, who knows the domain's secret, could work it out from a copy). The
//! service can read a case only through a [`Keyring`], which a holder gets by unlocking
//! their own key pair with their passphrase; dropping it forgets every key.

mod heal;
mod holders;
mod items;
mod keys;
mod links;
mod slots;
mod wire;

use std::collections::{BTreeMap, HashMap};

pub use holders::{DomainStatus, GrantReport, RevokeReport};
pub use items::{CaseView, opened, wipe};
pub use keys::unlock_delay;
pub use wire::{SecretText, Unlocked};

use crate::domain::cases::{CaseDomain, CaseError};
use crate::store::seal::{KeyPair, SealError, SecretKey};

/// The shortest passphrase a key pair is protected with.
pub const MIN_PASSPHRASE: usize = 10;

/// Why a case or key operation was refused.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum CaseFault {
    /// The account has no key pair yet (`kizuna keys init`).
    NoKeys,
    /// The account already has a key pair.
    KeysExist,
    /// The passphrase is shorter than [`MIN_PASSPHRASE`] characters.
    ShortPassphrase,
    /// The passphrase does not open the key pair; `failures` in a row so far.
    WrongPassphrase { failures: u32 },
    /// The domain has not been set up with `kizuna cases init`.
    NotReady(CaseDomain),
    /// The domain is already set up.
    AlreadyReady(CaseDomain),
    /// The account does not hold the domain's cases.
    NotHolder { account: String, domain: CaseDomain },
    /// The account already holds the domain's cases.
    AlreadyHolder { account: String, domain: CaseDomain },
    /// The keys of the domain are not unlocked in this session.
    Locked(CaseDomain),
    /// No case with this id that the caller may open (whether it exists is not said).
    NoCase(String),
    /// The recovery key is not valid, or not this domain's.
    BadRecoveryKey,
    /// A case rule refused the change.
    Rule(CaseError),
    /// Sealed data did not open: damaged, or written for other keys.
    Damaged(String),
}

impl From<CaseFault> for super::ServiceError {
    fn from(f: CaseFault) -> Self {
        super::ServiceError::Case(f)
    }
}

impl From<CaseError> for super::ServiceError {
    fn from(e: CaseError) -> Self {
        super::ServiceError::Case(CaseFault::Rule(e))
    }
}

impl From<SealError> for super::ServiceError {
    fn from(e: SealError) -> Self {
        super::ServiceError::Case(match e {
            SealError::WrongPassphrase => CaseFault::WrongPassphrase { failures: 1 },
            SealError::BadRecoveryKey => CaseFault::BadRecoveryKey,
            other => CaseFault::Damaged(other.to_string()),
        })
    }
}

/// An unlocked holder's keys: their key pair, the tag secret of each domain they hold,
/// and the case keys opened so far. Dropping it wipes them all.
pub struct Keyring {
    account: String,
    pair: KeyPair,
    domains: BTreeMap<CaseDomain, SecretKey>,
    keys: HashMap<String, SecretKey>,
}

impl Keyring {
    pub fn account(&self) -> &str {
        &self.account
    }

    /// The domains this keyring opens, in order.
    pub fn domains(&self) -> Vec<CaseDomain> {
        self.domains.keys().copied().collect()
    }

    pub fn holds(&self, domain: CaseDomain) -> bool {
        self.domains.contains_key(&domain)
    }

    fn secret(&self, domain: CaseDomain) -> Result<&SecretKey, CaseFault> {
        self.domains.get(&domain).ok_or(CaseFault::Locked(domain))
    }
}

impl std::fmt::Debug for Keyring {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Keyring")
            .field("account", &self.account)
            .field("domains", &self.domains())
            .finish_non_exhaustive()
    }
}
