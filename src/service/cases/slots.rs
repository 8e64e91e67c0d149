//! Who may open a case, and the sealing of a case for exactly those holders.

use std::collections::BTreeSet;

use super::{CaseFault, Keyring};
use crate::domain::Account;
use crate::domain::cases::{CaseDomain, CaseId, CaseItem};
use crate::service::ServiceError;
use crate::store::keys::{CaseWrap, DomainKeys, DomainWrap, HolderKey, RECOVERY, SealedItem};
use crate::store::records::cases::{CASE_ITEM_VERSION, item_from_bytes, item_to_bytes};
use crate::store::seal::{self, SecretKey};
use crate::store::{Record, Writer};

/// A holder of a domain: an account with the domain's role and a key pair.
#[derive(Clone, Debug)]
pub(super) struct Holder {
    pub account: String,
    pub employee: Option<String>,
    pub public: String,
}

/// The accounts holding a domain's role, with a key pair, in name order.
pub(super) fn holders(w: &Writer, domain: CaseDomain) -> Result<Vec<Holder>, ServiceError> {
    let mut out = Vec::new();
    for account in w.all::<Account>()? {
        if !account.roles.contains(&domain.role()) {
            continue;
        }
        if let Some(key) = w.get::<HolderKey>(&account.name)? {
            out.push(Holder {
                account: account.name,
                employee: account.employee,
                public: key.public,
            });
        }
    }
    Ok(out)
}

/// The holders who may open a case: not a party to it, not on its deny list.
pub(super) fn eligible<'h>(holders: &'h [Holder], item: &CaseItem) -> Vec<&'h Holder> {
    let involved: BTreeSet<&str> = item.involved_staff().into_iter().collect();
    holders
        .iter()
        .filter(|h| !item.deny().iter().any(|d| d == &h.account))
        .filter(|h| {
            h.employee
                .as_deref()
                .is_none_or(|no| !involved.contains(no))
        })
        .collect()
}

/// The accounts among `holders` who may open `item`.
pub(super) fn eligible_names(holders: &[Holder], item: &CaseItem) -> Vec<String> {
    eligible(holders, item)
        .iter()
        .map(|h| h.account.clone())
        .collect()
}

/// Writes a changed case: under the key it has while the holders who may open it are
/// those who could (`before`) and it is of the domain's present generation; else under
/// a new key for exactly those who may now. The keyring keeps the new key only if its
/// holder is among them.
pub(super) fn rewrite(
    w: &mut Writer,
    ring: &mut Keyring,
    holders: &[Holder],
    before: &[String],
    item: &CaseItem,
    key: &SecretKey,
    generation: u32,
) -> Result<(), ServiceError> {
    let domain = item.domain();
    let keys = domain_keys(w, domain)?;
    let after = eligible_names(holders, item);
    if before == after.as_slice() && generation >= keys.generation {
        return put_sealed(w, item, key, generation);
    }
    let secret = ring.secret(domain)?.duplicate();
    let new_key = SecretKey::generate()?;
    seal_item(w, &secret, &keys, holders, item, &new_key)?;
    let id = item.id().as_str();
    if after.contains(&ring.account) {
        ring.remember(domain, id, &new_key);
    } else {
        ring.forget(domain, id);
    }
    Ok(())
}

pub(super) fn domain_keys(w: &Writer, domain: CaseDomain) -> Result<DomainKeys, ServiceError> {
    w.get::<DomainKeys>(domain.code())?
        .ok_or(ServiceError::Case(CaseFault::NotReady(domain)))
}

/// Writes a case sealed under a new `key` of the domain's present generation,
/// replacing its wraps with one per eligible holder and one for the recovery key.
pub(super) fn seal_item(
    w: &mut Writer,
    secret: &SecretKey,
    keys: &DomainKeys,
    holders: &[Holder],
    item: &CaseItem,
    key: &SecretKey,
) -> Result<(), ServiceError> {
    let recovery_public = keys.recovery_public.as_str();
    put_sealed(w, item, key, keys.generation)?;
    let domain = item.domain().code();
    let id = item.id().as_str();
    drop_wraps(w, domain, id)?;
    for h in eligible(holders, item) {
        let tag = seal::slot_tag(secret, &h.account);
        put_wrap(w, domain, id, &tag, seal::wrap_key(key, &h.public)?)?;
    }
    put_wrap(
        w,
        domain,
        id,
        RECOVERY,
        seal::wrap_key(key, recovery_public)?,
    )
}

/// Writes a case's contents under `key`, made in the domain's `generation`.
pub(super) fn put_sealed(
    w: &mut Writer,
    item: &CaseItem,
    key: &SecretKey,
    generation: u32,
) -> Result<(), ServiceError> {
    let domain = item.domain().code();
    let id = item.id().as_str();
    let plain = zeroize::Zeroizing::new(
        item_to_bytes(item).map_err(|e| CaseFault::Damaged(e.to_string()))?,
    );
    let aad = SealedItem::aad(domain, id, CASE_ITEM_VERSION);
    w.put(&SealedItem {
        domain: domain.to_string(),
        id: id.to_string(),
        version: CASE_ITEM_VERSION,
        generation,
        sealed: seal::seal(key, &aad, &plain)?,
    })?;
    Ok(())
}

pub(super) fn put_wrap(
    w: &mut Writer,
    domain: &str,
    id: &str,
    tag: &str,
    wrapped: Vec<u8>,
) -> Result<(), ServiceError> {
    w.put(&CaseWrap {
        domain: domain.to_string(),
        id: id.to_string(),
        tag: tag.to_string(),
        wrapped,
    })?;
    Ok(())
}

pub(super) fn drop_wraps(w: &mut Writer, domain: &str, id: &str) -> Result<(), ServiceError> {
    for old in w.with_prefix::<CaseWrap>(&CaseWrap::prefix_of(domain, id))? {
        w.delete::<CaseWrap>(&old.key())?;
    }
    Ok(())
}

/// Decrypts a sealed case with its key.
pub(super) fn open_item(sealed: &SealedItem, key: &SecretKey) -> Result<CaseItem, ServiceError> {
    let aad = SealedItem::aad(&sealed.domain, &sealed.id, sealed.version);
    let damaged =
        |detail: String| CaseFault::Damaged(format!("{} {}: {detail}", sealed.domain, sealed.id));
    let plain = seal::open(key, &aad, &sealed.sealed).map_err(|e| damaged(e.to_string()))?;
    let item = item_from_bytes(&plain).map_err(|e| damaged(e.to_string()))?;
    if item.id().as_str() != sealed.id || item.domain().code() != sealed.domain {
        return Err(CaseFault::Damaged(format!("{} is not what it claims", sealed.id)).into());
    }
    Ok(item)
}

impl Keyring {
    /// Reads the domain's tag secret again from the caller's own slot: another holder
    /// may have renewed it (a revocation) since this session unlocked. No slot: the
    /// caller no longer holds the domain.
    pub(super) fn refresh(&mut self, w: &Writer, domain: CaseDomain) -> Result<(), ServiceError> {
        let slot = DomainWrap::key_of(domain.code(), &self.account);
        let secret = match w.get::<DomainWrap>(&slot)? {
            Some(wrap) => self.pair.unwrap_key(&wrap.wrapped)?,
            None => None,
        };
        match secret {
            Some(s) => {
                self.domains.insert(domain, s);
                Ok(())
            }
            None => {
                self.domains.remove(&domain);
                Err(CaseFault::Locked(domain).into())
            }
        }
    }

    /// The key of a case, from the cache or this holder's slot; `None` when the holder
    /// has no slot in it (excluded, or no such case).
    pub(super) fn case_key(
        &mut self,
        w: &Writer,
        domain: CaseDomain,
        id: &str,
    ) -> Result<Option<SecretKey>, ServiceError> {
        let cache = SealedItem::key_of(domain.code(), id);
        if let Some(k) = self.keys.get(&cache) {
            return Ok(Some(k.duplicate()));
        }
        let tag = seal::slot_tag(self.secret(domain)?, &self.account);
        let Some(wrap) = w.get::<CaseWrap>(&CaseWrap::key_of(domain.code(), id, &tag))? else {
            return Ok(None);
        };
        let Some(key) = self.pair.unwrap_key(&wrap.wrapped)? else {
            return Ok(None);
        };
        self.keys.insert(cache, key.duplicate());
        Ok(Some(key))
    }

    /// Remembers a case key this session made or re-made.
    pub(super) fn remember(&mut self, domain: CaseDomain, id: &str, key: &SecretKey) {
        self.keys
            .insert(SealedItem::key_of(domain.code(), id), key.duplicate());
    }

    /// Drops a case key this session may no longer use.
    pub(super) fn forget(&mut self, domain: CaseDomain, id: &str) {
        self.keys.remove(&SealedItem::key_of(domain.code(), id));
    }

    /// Opens a case this holder has a slot in.
    pub(super) fn open(
        &mut self,
        w: &Writer,
        domain: CaseDomain,
        id: &str,
    ) -> Result<Option<(CaseItem, SecretKey)>, ServiceError> {
        match w.get::<SealedItem>(&SealedItem::key_of(domain.code(), id))? {
            Some(sealed) => self.open_sealed(w, domain, &sealed),
            None => Ok(None),
        }
    }

    /// Opens a sealed case already read, if this holder has a slot in it.
    pub(super) fn open_sealed(
        &mut self,
        w: &Writer,
        domain: CaseDomain,
        sealed: &SealedItem,
    ) -> Result<Option<(CaseItem, SecretKey)>, ServiceError> {
        let id = sealed.id.as_str();
        let Some(key) = self.case_key(w, domain, id)? else {
            return Ok(None);
        };
        match open_item(sealed, &key) {
            Ok(item) => Ok(Some((item, key))),
            Err(_) => {
                // Someone re-keyed the case since this session cached its key.
                self.keys.remove(&SealedItem::key_of(domain.code(), id));
                let Some(key) = self.case_key(w, domain, id)? else {
                    return Ok(None);
                };
                Ok(Some((open_item(sealed, &key)?, key)))
            }
        }
    }
}

/// A fresh random case id that is not in use.
pub(super) fn fresh_id(w: &Writer, domain: CaseDomain) -> Result<CaseId, ServiceError> {
    loop {
        let mut bytes = [0u8; 8];
        seal::random(&mut bytes)?;
        let id = CaseId::from_bytes(bytes);
        let key = SealedItem::key_of(domain.code(), id.as_str());
        if w.get::<SealedItem>(&key)?.is_none() {
            return Ok(id);
        }
    }
}
