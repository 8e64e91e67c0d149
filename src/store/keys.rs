//! The stored side of sealed case records: holders' key pairs, each case domain's keys,
//! wrapped keys and the sealed records themselves. Everything here is either public
//! (public keys, table keys made of random ids and blinded tags) or ciphertext.

use serde::{Deserialize, Serialize};

use super::codec::CodecError;
use super::records::record_v1;
use super::seal::{KdfParams, Protected};
use crate::domain::Timestamp;

/// The slot name of a domain's recovery key.
pub const RECOVERY: &str = "#recovery";

/// An account's key pair: the public half, and the private half under their passphrase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HolderKey {
    pub account: String,
    pub public: String,
    pub protected: Protected,
    pub created: Timestamp,
}

#[derive(Serialize, Deserialize)]
pub(crate) struct HolderKeyV1 {
    account: String,
    public: String,
    memory_kib: u32,
    passes: u32,
    lanes: u32,
    salt: [u8; 16],
    sealed: Vec<u8>,
    created: i64,
}

impl From<&HolderKey> for HolderKeyV1 {
    fn from(h: &HolderKey) -> Self {
        HolderKeyV1 {
            account: h.account.clone(),
            public: h.public.clone(),
            memory_kib: h.protected.params.memory_kib,
            passes: h.protected.params.passes,
            lanes: h.protected.params.lanes,
            salt: h.protected.salt,
            sealed: h.protected.sealed.clone(),
            created: h.created.0,
        }
    }
}

impl TryFrom<HolderKeyV1> for HolderKey {
    type Error = CodecError;
    fn try_from(v: HolderKeyV1) -> Result<Self, CodecError> {
        Ok(HolderKey {
            account: v.account,
            public: v.public,
            protected: Protected {
                params: KdfParams {
                    memory_kib: v.memory_kib,
                    passes: v.passes,
                    lanes: v.lanes,
                },
                salt: v.salt,
                sealed: v.sealed,
            },
            created: Timestamp(v.created),
        })
    }
}

record_v1!(HolderKey, "holder_keys", HolderKeyV1, |h| h.account.clone());

/// A case domain set up with `cases init`: its recovery key's public half.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DomainKeys {
    /// `health` or `harassment`.
    pub domain: String,
    pub recovery_public: String,
    pub created: Timestamp,
    /// Counts the re-keyings of the domain.
    pub generation: u32,
}

#[derive(Serialize, Deserialize)]
pub(crate) struct DomainKeysV1 {
    domain: String,
    recovery_public: String,
    created: i64,
    generation: u32,
}

impl From<&DomainKeys> for DomainKeysV1 {
    fn from(d: &DomainKeys) -> Self {
        DomainKeysV1 {
            domain: d.domain.clone(),
            recovery_public: d.recovery_public.clone(),
            created: d.created.0,
            generation: d.generation,
        }
    }
}

impl TryFrom<DomainKeysV1> for DomainKeys {
    type Error = CodecError;
    fn try_from(v: DomainKeysV1) -> Result<Self, CodecError> {
        Ok(DomainKeys {
            domain: v.domain,
            recovery_public: v.recovery_public,
            created: Timestamp(v.created),
            generation: v.generation,
        })
    }
}

record_v1!(DomainKeys, "case_domains", DomainKeysV1, |d| d
    .domain
    .clone());

/// A domain's tag secret wrapped for one holder (or for [`RECOVERY`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DomainWrap {
    pub domain: String,
    pub holder: String,
    pub wrapped: Vec<u8>,
}

impl DomainWrap {
    pub fn key_of(domain: &str, holder: &str) -> String {
        format!("{domain}/{holder}")
    }
}

#[derive(Serialize, Deserialize)]
pub(crate) struct DomainWrapV1 {
    domain: String,
    holder: String,
    wrapped: Vec<u8>,
}

impl From<&DomainWrap> for DomainWrapV1 {
    fn from(d: &DomainWrap) -> Self {
        DomainWrapV1 {
            domain: d.domain.clone(),
            holder: d.holder.clone(),
            wrapped: d.wrapped.clone(),
        }
    }
}

impl TryFrom<DomainWrapV1> for DomainWrap {
    type Error = CodecError;
    fn try_from(v: DomainWrapV1) -> Result<Self, CodecError> {
        Ok(DomainWrap {
            domain: v.domain,
            holder: v.holder,
            wrapped: v.wrapped,
        })
    }
}

record_v1!(DomainWrap, "domain_wraps", DomainWrapV1, |d| {
    DomainWrap::key_of(&d.domain, &d.holder)
});

/// A case (or a customer-harassment incident), sealed under its own key. `version` is
/// the version of the sealed payload, bound into the ciphertext with domain and id;
/// `generation` is the domain's re-keying count when this key was made, so a case
/// older than the domain's last revocation is re-keyed by the next holder who opens it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SealedItem {
    pub domain: String,
    pub id: String,
    pub version: u16,
    pub generation: u32,
    pub sealed: Vec<u8>,
}

impl SealedItem {
    pub fn key_of(domain: &str, id: &str) -> String {
        format!("{domain}/{id}")
    }

    /// The associated data the ciphertext is bound to.
    pub fn aad(domain: &str, id: &str, version: u16) -> Vec<u8> {
        format!("kizuna case 1|{domain}|{id}|{version}").into_bytes()
    }
}

#[derive(Serialize, Deserialize)]
pub(crate) struct SealedItemV1 {
    domain: String,
    id: String,
    version: u16,
    generation: u32,
    sealed: Vec<u8>,
}

impl From<&SealedItem> for SealedItemV1 {
    fn from(s: &SealedItem) -> Self {
        SealedItemV1 {
            domain: s.domain.clone(),
            id: s.id.clone(),
            version: s.version,
            generation: s.generation,
            sealed: s.sealed.clone(),
        }
    }
}

impl TryFrom<SealedItemV1> for SealedItem {
    type Error = CodecError;
    fn try_from(v: SealedItemV1) -> Result<Self, CodecError> {
        Ok(SealedItem {
            domain: v.domain,
            id: v.id,
            version: v.version,
            generation: v.generation,
            sealed: v.sealed,
        })
    }
}

record_v1!(SealedItem, "sealed_cases", SealedItemV1, |s| {
    SealedItem::key_of(&s.domain, &s.id)
});

/// A case key wrapped for one eligible holder, under that holder's blinded slot tag (or
/// [`RECOVERY`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaseWrap {
    pub domain: String,
    pub id: String,
    pub tag: String,
    pub wrapped: Vec<u8>,
}

impl CaseWrap {
    pub fn key_of(domain: &str, id: &str, tag: &str) -> String {
        format!("{domain}/{id}/{tag}")
    }

    /// The prefix of every wrap of one case.
    pub fn prefix_of(domain: &str, id: &str) -> String {
        format!("{domain}/{id}/")
    }
}

#[derive(Serialize, Deserialize)]
pub(crate) struct CaseWrapV1 {
    domain: String,
    id: String,
    tag: String,
    wrapped: Vec<u8>,
}

impl From<&CaseWrap> for CaseWrapV1 {
    fn from(c: &CaseWrap) -> Self {
        CaseWrapV1 {
            domain: c.domain.clone(),
            id: c.id.clone(),
            tag: c.tag.clone(),
            wrapped: c.wrapped.clone(),
        }
    }
}

impl TryFrom<CaseWrapV1> for CaseWrap {
    type Error = CodecError;
    fn try_from(v: CaseWrapV1) -> Result<Self, CodecError> {
        Ok(CaseWrap {
            domain: v.domain,
            id: v.id,
            tag: v.tag,
            wrapped: v.wrapped,
        })
    }
}

record_v1!(CaseWrap, "case_wraps", CaseWrapV1, |c| CaseWrap::key_of(
    &c.domain, &c.id, &c.tag
));

/// Failed unlocks of an account since its last good one, for the growing delay.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnlockFailures {
    pub account: String,
    pub failures: u32,
    pub last: Timestamp,
}

#[derive(Serialize, Deserialize)]
pub(crate) struct UnlockFailuresV1 {
    account: String,
    failures: u32,
    last: i64,
}

impl From<&UnlockFailures> for UnlockFailuresV1 {
    fn from(u: &UnlockFailures) -> Self {
        UnlockFailuresV1 {
            account: u.account.clone(),
            failures: u.failures,
            last: u.last.0,
        }
    }
}

impl TryFrom<UnlockFailuresV1> for UnlockFailures {
    type Error = CodecError;
    fn try_from(v: UnlockFailuresV1) -> Result<Self, CodecError> {
        Ok(UnlockFailures {
            account: v.account,
            failures: v.failures,
            last: Timestamp(v.last),
        })
    }
}

record_v1!(UnlockFailures, "unlock_failures", UnlockFailuresV1, |u| u
    .account
    .clone());

/// The tables whose row counts would tell how many cases exist: never counted for
/// anyone, not even in `check`.
pub const SEALED_TABLES: [&str; 2] = ["sealed_cases", "case_wraps"];
