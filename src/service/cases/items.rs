//! Reading and changing cases. Every list and every view is audited, with the random
//! case ids only.

use std::collections::BTreeMap;

use super::holders::{may, permission as domain_permission};
use super::slots;
use super::{CaseFault, Keyring};
use crate::domain::cases::{CaseDomain, CaseError, CaseId, CaseItem};
use crate::domain::{Date, Employee};
use crate::service::{Principal, Service, ServiceError};
use crate::store::Writer;
use crate::store::keys::{CaseWrap, SealedItem};
use crate::store::seal::{self, SecretKey};

/// A case as its holders see it, with the names of the staff it is about.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CaseView {
    pub item: CaseItem,
    /// Staff number → name, for the parties on the register.
    pub names: BTreeMap<String, String>,
}

/// The day a case was opened (an incident: the day it happened).
pub fn opened(item: &CaseItem) -> Date {
    match item {
        CaseItem::Health(c) => c.opened,
        CaseItem::Harassment(c) => c.received,
        CaseItem::Incident(i) => i.on,
    }
}

/// A case id as stored (lower case, no spaces); anything else stays as typed and is
/// found nowhere.
fn canonical(id: &str) -> String {
    CaseId::parse(id).map_or_else(|| id.to_string(), |c| c.to_string())
}

/// Every staff number a case names must be on the register.
fn parties_exist(w: &Writer, item: &CaseItem) -> Result<(), ServiceError> {
    for no in item.involved_staff() {
        if w.get::<Employee>(no)?.is_none() {
            return Err(ServiceError::NotFound {
                kind: "employee",
                id: no.to_string(),
            });
        }
    }
    Ok(())
}

fn view(w: &Writer, item: CaseItem) -> Result<CaseView, ServiceError> {
    let mut names = BTreeMap::new();
    for no in item.involved_staff() {
        if let Some(e) = w.get::<Employee>(no)? {
            names.insert(no.to_string(), e.name);
        }
    }
    Ok(CaseView { item, names })
}

impl Service {
    /// Every case of the domain the caller may open, newest first.
    pub fn cases(
        &self,
        p: &Principal,
        ring: &mut Keyring,
        domain: CaseDomain,
    ) -> Result<Vec<CaseView>, ServiceError> {
        self.on_cases(p, ring, domain, "cases.list", |w, ring| {
            let sealed = w.with_prefix::<SealedItem>(&format!("{}/", domain.code()))?;
            ring.warm(w, domain, &sealed)?;
            let mut out = Vec::new();
            for s in &sealed {
                if let Some((item, _)) = ring.open_sealed(w, domain, s)? {
                    out.push(view(w, item)?);
                }
            }
            // Newest first; on one day cases before incidents; then by id.
            let rank = |i: &CaseItem| matches!(i, CaseItem::Incident(_));
            out.sort_by(|a, b| {
                opened(&b.item)
                    .cmp(&opened(&a.item))
                    .then_with(|| rank(&a.item).cmp(&rank(&b.item)))
                    .then_with(|| a.item.id().as_str().cmp(b.item.id().as_str()))
            });
            // The domain only: the ids a holder may list would tell, beside another
            // holder's, who is excluded from what.
            Ok((out, vec![domain.code().to_string()]))
        })
    }

    /// The domain of a case id among those the keyring holds, found by the caller's
    /// own slot: an id the caller may not open is found nowhere.
    pub fn case_domain(
        &self,
        ring: &Keyring,
        id: &str,
    ) -> Result<Option<CaseDomain>, ServiceError> {
        let r = self.store.read()?;
        for domain in ring.domains() {
            let tag = seal::slot_tag(ring.secret(domain)?, &ring.account);
            if r.get::<CaseWrap>(&CaseWrap::key_of(domain.code(), id, &tag))?
                .is_some()
            {
                return Ok(Some(domain));
            }
        }
        Ok(None)
    }

    /// One case, whole.
    pub fn case(
        &self,
        p: &Principal,
        ring: &mut Keyring,
        domain: CaseDomain,
        id: &str,
    ) -> Result<CaseView, ServiceError> {
        let id = &canonical(id);
        self.on_cases(p, ring, domain, "case.view", |w, ring| {
            let (item, _) = ring
                .open(w, domain, id)?
                .ok_or_else(|| ServiceError::Case(CaseFault::NoCase(id.to_string())))?;
            Ok((view(w, item)?, vec![id.to_string()]))
        })
    }

    /// Opens a new case (or incident) built by `build` around a fresh random id, sealed
    /// for every eligible holder and the recovery key.
    pub fn create_case(
        &self,
        p: &Principal,
        ring: &mut Keyring,
        domain: CaseDomain,
        build: impl FnOnce(CaseId) -> Result<CaseItem, CaseError>,
    ) -> Result<CaseView, ServiceError> {
        let key = SecretKey::generate()?;
        self.on_cases(p, ring, domain, "case.create", |w, ring| {
            let id = slots::fresh_id(w, domain)?;
            let mut item = build(id)?;
            super::links::adopt(w, ring, &mut item)?;
            if item.domain() != domain {
                return Err(CaseFault::Damaged("case of another domain".into()).into());
            }
            parties_exist(w, &item)?;
            let keys = slots::domain_keys(w, domain)?;
            let holders = slots::holders(w, domain)?;
            let secret = ring.secret(domain)?.duplicate();
            slots::seal_item(w, &secret, &keys, &holders, &item, &key)?;
            if slots::eligible(&holders, &item)
                .iter()
                .any(|h| h.account == ring.account)
            {
                ring.remember(domain, item.id().as_str(), &key);
            }
            let ids = vec![item.id().to_string()];
            Ok((view(w, item)?, ids))
        })
    }

    /// Changes a case with `change` (given the caller's account and today). A change of
    /// who may open it (its parties, its deny list) seals it under a new key.
    pub fn change_case(
        &self,
        p: &Principal,
        ring: &mut Keyring,
        domain: CaseDomain,
        id: &str,
        change: impl FnOnce(&mut CaseItem, &str, Date) -> Result<(), CaseError>,
    ) -> Result<CaseView, ServiceError> {
        let id = &canonical(id);
        let today = self.clock.today();
        let account = p.account.clone();
        self.on_cases(p, ring, domain, "case.change", |w, ring| {
            let (mut item, key) = ring
                .open(w, domain, id)?
                .ok_or_else(|| ServiceError::Case(CaseFault::NoCase(id.to_string())))?;
            let holders = slots::holders(w, domain)?;
            let before = slots::eligible_names(&holders, &item);
            change(&mut item, &account, today)?;
            super::links::adopt(w, ring, &mut item)?;
            parties_exist(w, &item)?;
            let generation = w
                .get::<SealedItem>(&SealedItem::key_of(domain.code(), id))?
                .map_or(0, |s| s.generation);
            slots::rewrite(w, ring, &holders, &before, &item, &key, generation)?;
            super::links::follow(w, ring, &item)?;
            Ok((view(w, item)?, vec![id.to_string()]))
        })
    }

    /// Runs a case operation in one write transaction: the role, then the keyring, then
    /// `run`, whose ids go into the audit entry. A refusal (no role, keys not this
    /// caller's or no longer valid, a case the caller may not open) rolls that back and
    /// is audited on its own as `ACTION.refused`.
    fn on_cases<T>(
        &self,
        p: &Principal,
        ring: &mut Keyring,
        domain: CaseDomain,
        action: &str,
        run: impl FnOnce(&mut Writer, &mut Keyring) -> Result<(T, Vec<String>), ServiceError>,
    ) -> Result<T, ServiceError> {
        let result = if ring.account() != p.account {
            Err(CaseFault::Locked(domain).into())
        } else {
            self.write_as(p, domain_permission(domain), action, |w| {
                may(w, p, domain)?;
                ring.refresh(w, domain)?;
                run(w, ring)
            })
        };
        if let Err(e) = &result {
            let id = match e {
                // What was typed is kept only if it is a case id: a mistyped staff
                // number never reaches the log.
                ServiceError::Case(CaseFault::NoCase(id)) => {
                    CaseId::parse(id).map(|c| c.to_string())
                }
                ServiceError::Denied { .. } | ServiceError::Case(CaseFault::Locked(_)) => None,
                _ => return result,
            };
            let ids = id.map_or_else(|| vec![domain.code().to_string()], |id| vec![id]);
            let mut w = self.store.write()?;
            w.audit(
                self.clock.now(),
                &p.account,
                &format!("{action}.refused"),
                ids,
            )?;
            w.commit()?;
        }
        result
    }
}

impl Keyring {
    /// Unwraps, on both cores, the keys of the listed cases this session has not opened
    /// yet: the costly part of a first listing.
    pub(super) fn warm(
        &mut self,
        w: &Writer,
        domain: CaseDomain,
        sealed: &[SealedItem],
    ) -> Result<(), ServiceError> {
        let tag = seal::slot_tag(self.secret(domain)?, &self.account);
        let mut wanted = Vec::new();
        for s in sealed {
            let cache = SealedItem::key_of(domain.code(), &s.id);
            if self.keys.contains_key(&cache) {
                continue;
            }
            if let Some(wrap) = w.get::<CaseWrap>(&CaseWrap::key_of(domain.code(), &s.id, &tag))? {
                wanted.push((cache, wrap.wrapped));
            }
        }
        if wanted.len() < 16 {
            return Ok(());
        }
        let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
        let chunk = wanted.len().div_ceil(threads.max(1));
        let pair = &self.pair;
        let unwrap_all = |part: &[(String, Vec<u8>)]| -> Vec<(String, SecretKey)> {
            part.iter()
                .filter_map(|(k, wrapped)| {
                    pair.unwrap_key(wrapped)
                        .ok()
                        .flatten()
                        .map(|key| (k.clone(), key))
                })
                .collect()
        };
        let opened: Vec<Vec<(String, SecretKey)>> = std::thread::scope(|s| {
            let handles: Vec<_> = wanted
                .chunks(chunk.max(1))
                .map(|part| s.spawn(move || unwrap_all(part)))
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_default())
                .collect()
        });
        for part in opened {
            self.keys.extend(part);
        }
        Ok(())
    }
}

/// Overwrites the text of a case read into memory before it is dropped (the screens
/// call it when they lock). Best effort: copies the allocator made earlier are beyond
/// reach.
pub fn wipe(view: &mut CaseView) {
    use zeroize::Zeroize;
    for name in view.names.values_mut() {
        name.zeroize();
    }
    let wipe_entries = |entries: &mut Vec<crate::domain::cases::Entry>| {
        for e in entries.iter_mut() {
            e.text.zeroize();
            e.by.zeroize();
        }
    };
    match &mut view.item {
        CaseItem::Health(c) => {
            c.subject.zeroize();
            wipe_entries(&mut c.entries);
            for s in &mut c.plan {
                s.name.zeroize();
            }
            c.assigned.iter_mut().for_each(Zeroize::zeroize);
            c.deny.iter_mut().for_each(Zeroize::zeroize);
        }
        CaseItem::Harassment(c) => {
            wipe_entries(&mut c.entries);
            for text in [&mut c.fact_summary, &mut c.measures, &mut c.outcome]
                .into_iter()
                .flatten()
            {
                text.zeroize();
            }
            for r in &mut c.respondents {
                match r {
                    crate::domain::cases::Respondent::Employee(t)
                    | crate::domain::cases::Respondent::Outside(t) => t.zeroize(),
                }
            }
            if let crate::domain::cases::Complainant::Employee(no) = &mut c.complainant {
                no.zeroize();
            }
            c.counsellors.iter_mut().for_each(Zeroize::zeroize);
            c.deny.iter_mut().for_each(Zeroize::zeroize);
        }
        CaseItem::Incident(i) => {
            wipe_entries(&mut i.entries);
            i.recording.zeroize();
            i.measures.zeroize();
        }
    }
}
