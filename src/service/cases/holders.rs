//! Setting up a case domain and changing who holds it: `kizuna cases init`, `grant`,
//! `revoke` and `recover`.

use std::collections::BTreeMap;

use zeroize::Zeroizing;

use super::slots::{self, Holder};
use super::{CaseFault, Keyring};
use crate::domain::Account;
use crate::domain::cases::CaseDomain;
use crate::service::{Permission, Principal, Service, ServiceError, access, roles_of};
use crate::store::keys::{CaseWrap, DomainKeys, DomainWrap, HolderKey, RECOVERY, SealedItem};
use crate::store::seal::{self, KeyPair, SecretKey};
use crate::store::{Record, Writer};

/// A domain's set-up, as `check` and the case pane warn about it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DomainStatus {
    pub domain: CaseDomain,
    pub ready: bool,
    /// Accounts holding the domain with a key pair.
    pub holders: usize,
}

/// What a grant shared.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct GrantReport {
    /// Cases now open to the new holder. Cases the granter may not open are shared by
    /// the next holder who can, when they unlock (see [`Service::unlock`]); how many
    /// there are is not said, since that would tell the granter they are excluded.
    pub shared: usize,
}

/// What a revocation changed.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RevokeReport {
    /// Cases sealed again under new keys now. The revoked holder's slots are gone from
    /// every case; a case the revoker may not open keeps its key until the next holder
    /// who can open it unlocks, which seals it again (its generation is behind).
    pub rekeyed: usize,
}

pub(super) fn permission(domain: CaseDomain) -> Permission {
    match domain {
        CaseDomain::Health => Permission::HealthCases,
        CaseDomain::Harassment => Permission::HarassmentCases,
    }
}

impl Service {
    /// Whether each domain is set up and how many hold it. Anyone may ask: it says
    /// nothing about the cases.
    pub fn case_domains(&self) -> Result<Vec<DomainStatus>, ServiceError> {
        let r = self.store.read()?;
        let accounts = r.all::<Account>()?;
        let mut out = Vec::new();
        for &domain in CaseDomain::ALL {
            let ready = r.get::<DomainKeys>(domain.code())?.is_some();
            let mut holders = 0;
            for a in &accounts {
                if a.roles.contains(&domain.role())
                    && r.get::<DomainWrap>(&DomainWrap::key_of(domain.code(), &a.name))?
                        .is_some()
                {
                    holders += 1;
                }
            }
            out.push(DomainStatus {
                domain,
                ready,
                holders,
            });
        }
        Ok(out)
    }

    /// Sets up a domain: its recovery key and tag secret; the caller (an admin with a
    /// key pair) becomes its first holder. Returns the recovery key's private half,
    /// shown once, to be printed and kept in the safe.
    pub fn cases_init(
        &self,
        p: &Principal,
        domain: CaseDomain,
    ) -> Result<Zeroizing<String>, ServiceError> {
        let recovery = KeyPair::generate();
        let secret = SecretKey::generate()?;
        let now = self.clock.now();
        self.write_as(p, Permission::AccountsManage, "cases.init", |w| {
            if w.get::<DomainKeys>(domain.code())?.is_some() {
                return Err(CaseFault::AlreadyReady(domain).into());
            }
            let mine = w
                .get::<HolderKey>(&p.account)?
                .ok_or(ServiceError::Case(CaseFault::NoKeys))?;
            w.put(&DomainKeys {
                domain: domain.code().to_string(),
                recovery_public: recovery.public(),
                created: now,
                generation: 1,
            })?;
            put_domain_wrap(w, domain, RECOVERY, &secret, &recovery.public())?;
            put_domain_wrap(w, domain, &p.account, &secret, &mine.public)?;
            add_role(w, &p.account, domain)?;
            Ok((recovery.secret_text(), vec![domain.code().to_string()]))
        })
    }

    /// Makes `account` a holder: gives them the role and wraps every case key the
    /// caller can open for them (unless they are involved or denied in that case).
    pub fn cases_grant(
        &self,
        p: &Principal,
        ring: &mut Keyring,
        account: &str,
        domain: CaseDomain,
    ) -> Result<GrantReport, ServiceError> {
        check_ring(p, ring, domain)?;
        self.write_as(p, permission(domain), "cases.grant", |w| {
            slots::domain_keys(w, domain)?;
            ring.refresh(w, domain)?;
            let secret = ring.secret(domain)?.duplicate();
            let target = w
                .get::<Account>(account)?
                .ok_or_else(|| ServiceError::NotFound {
                    kind: "account",
                    id: account.to_string(),
                })?;
            if target.roles.contains(&domain.role()) {
                return Err(CaseFault::AlreadyHolder {
                    account: account.to_string(),
                    domain,
                }
                .into());
            }
            let key = w
                .get::<HolderKey>(account)?
                .ok_or(ServiceError::Case(CaseFault::NoKeys))?;
            let holder = Holder {
                account: account.to_string(),
                employee: target.employee.clone(),
                public: key.public.clone(),
            };
            let tag = seal::slot_tag(&secret, account);
            let mut report = GrantReport::default();
            for sealed in w.with_prefix::<SealedItem>(&format!("{}/", domain.code()))? {
                let Some((item, case_key)) = ring.open_sealed(w, domain, &sealed)? else {
                    continue;
                };
                if slots::eligible(std::slice::from_ref(&holder), &item).is_empty() {
                    continue;
                }
                let wrapped = seal::wrap_key(&case_key, &holder.public)?;
                slots::put_wrap(w, domain.code(), &sealed.id, &tag, wrapped)?;
                report.shared += 1;
            }
            put_domain_wrap(w, domain, account, &secret, &key.public)?;
            add_role(w, account, domain)?;
            Ok((report, vec![account.to_string(), domain.code().to_string()]))
        })
    }

    /// Takes the domain from `account`: removes the role and every slot of theirs,
    /// renews the domain's tag secret, and seals every case the caller can open under
    /// a new key, so nothing in the current file opens for them any more.
    pub fn cases_revoke(
        &self,
        p: &Principal,
        ring: &mut Keyring,
        account: &str,
        domain: CaseDomain,
    ) -> Result<RevokeReport, ServiceError> {
        check_ring(p, ring, domain)?;
        let new_secret = SecretKey::generate()?;
        let report = self.write_as(p, permission(domain), "cases.revoke", |w| {
            let mut keys = slots::domain_keys(w, domain)?;
            keys.generation += 1;
            ring.refresh(w, domain)?;
            let old_secret = ring.secret(domain)?.duplicate();
            let before = slots::holders(w, domain)?;
            if !before.iter().any(|h| h.account == account) {
                return Err(CaseFault::NotHolder {
                    account: account.to_string(),
                    domain,
                }
                .into());
            }
            remove_role(w, account, domain)?;
            w.delete::<DomainWrap>(&DomainWrap::key_of(domain.code(), account))?;
            let after = slots::holders(w, domain)?;
            let old_tags: BTreeMap<String, &str> = before
                .iter()
                .map(|h| (seal::slot_tag(&old_secret, &h.account), h.account.as_str()))
                .collect();
            let mut report = RevokeReport::default();
            for sealed in w.with_prefix::<SealedItem>(&format!("{}/", domain.code()))? {
                match ring.open_sealed(w, domain, &sealed)? {
                    Some((item, _)) => {
                        let key = SecretKey::generate()?;
                        slots::seal_item(w, &new_secret, &keys, &after, &item, &key)?;
                        ring.remember(domain, &sealed.id, &key);
                        report.rekeyed += 1;
                    }
                    None => {
                        retag(w, domain, &sealed.id, &old_tags, account, &new_secret)?;
                    }
                }
            }
            for h in after.iter() {
                put_domain_wrap(w, domain, &h.account, &new_secret, &h.public)?;
            }
            put_domain_wrap(w, domain, RECOVERY, &new_secret, &keys.recovery_public)?;
            w.put(&keys)?;
            Ok((report, vec![account.to_string(), domain.code().to_string()]))
        })?;
        if account == ring.account {
            // Revoking oneself: this session keeps nothing of the domain.
            ring.domains.remove(&domain);
            let prefix = format!("{}/", domain.code());
            ring.keys.retain(|k, _| !k.starts_with(&prefix));
        } else {
            ring.domains.insert(domain, new_secret);
        }
        Ok(report)
    }

    /// With the recovery key from the safe, makes the caller (an admin with a key pair)
    /// a holder of the domain and of every case they are not involved in: for when no
    /// holder can unlock any more.
    pub fn cases_recover(
        &self,
        p: &Principal,
        domain: CaseDomain,
        recovery_text: &str,
    ) -> Result<GrantReport, ServiceError> {
        let result = self.recover_with(p, domain, recovery_text);
        if let Err(ServiceError::Case(CaseFault::BadRecoveryKey)) = &result {
            // A wrong recovery key is an attempt on every case of the domain.
            let mut w = self.store.write()?;
            w.audit(
                self.clock.now(),
                &p.account,
                "cases.recover.refused",
                vec![domain.code().to_string()],
            )?;
            w.commit()?;
        }
        result
    }

    fn recover_with(
        &self,
        p: &Principal,
        domain: CaseDomain,
        recovery_text: &str,
    ) -> Result<GrantReport, ServiceError> {
        let recovery = KeyPair::from_secret_text(recovery_text)?;
        self.write_as(p, Permission::AccountsManage, "cases.recover", |w| {
            let keys = slots::domain_keys(w, domain)?;
            if keys.recovery_public != recovery.public() {
                return Err(CaseFault::BadRecoveryKey.into());
            }
            let me = w
                .get::<Account>(&p.account)?
                .ok_or_else(|| ServiceError::NotFound {
                    kind: "account",
                    id: p.account.clone(),
                })?;
            let mine = w
                .get::<HolderKey>(&p.account)?
                .ok_or(ServiceError::Case(CaseFault::NoKeys))?;
            let wrap = w
                .get::<DomainWrap>(&DomainWrap::key_of(domain.code(), RECOVERY))?
                .ok_or(ServiceError::Case(CaseFault::BadRecoveryKey))?;
            let secret = recovery
                .unwrap_key(&wrap.wrapped)?
                .ok_or(ServiceError::Case(CaseFault::BadRecoveryKey))?;
            let holder = Holder {
                account: p.account.clone(),
                employee: me.employee.clone(),
                public: mine.public.clone(),
            };
            let tag = seal::slot_tag(&secret, &p.account);
            let mut report = GrantReport::default();
            for sealed in w.with_prefix::<SealedItem>(&format!("{}/", domain.code()))? {
                let slot = CaseWrap::key_of(domain.code(), &sealed.id, RECOVERY);
                let Some(case_wrap) = w.get::<CaseWrap>(&slot)? else {
                    continue;
                };
                let Some(case_key) = recovery.unwrap_key(&case_wrap.wrapped)? else {
                    continue;
                };
                let item = slots::open_item(&sealed, &case_key)?;
                if slots::eligible(std::slice::from_ref(&holder), &item).is_empty() {
                    continue;
                }
                let wrapped = seal::wrap_key(&case_key, &holder.public)?;
                slots::put_wrap(w, domain.code(), &sealed.id, &tag, wrapped)?;
                report.shared += 1;
            }
            put_domain_wrap(w, domain, &p.account, &secret, &mine.public)?;
            add_role(w, &p.account, domain)?;
            Ok((report, vec![domain.code().to_string()]))
        })
    }
}

/// The keyring must be the caller's, unlocked for the domain, and the caller must hold
/// the domain's role now.
fn check_ring(p: &Principal, ring: &Keyring, domain: CaseDomain) -> Result<(), ServiceError> {
    if ring.account != p.account {
        return Err(CaseFault::Locked(domain).into());
    }
    ring.secret(domain)?;
    Ok(())
}

/// Re-tags the slots of a case the caller cannot open: the revoked holder's slot goes,
/// the others move to their tags under the new secret.
fn retag(
    w: &mut Writer,
    domain: CaseDomain,
    id: &str,
    old_tags: &BTreeMap<String, &str>,
    revoked: &str,
    new_secret: &SecretKey,
) -> Result<(), ServiceError> {
    for wrap in w.with_prefix::<CaseWrap>(&CaseWrap::prefix_of(domain.code(), id))? {
        let Some(owner) = old_tags.get(&wrap.tag) else {
            continue;
        };
        w.delete::<CaseWrap>(&wrap.key())?;
        if *owner != revoked {
            let tag = seal::slot_tag(new_secret, owner);
            slots::put_wrap(w, domain.code(), id, &tag, wrap.wrapped)?;
        }
    }
    Ok(())
}

fn put_domain_wrap(
    w: &mut Writer,
    domain: CaseDomain,
    holder: &str,
    secret: &SecretKey,
    public: &str,
) -> Result<(), ServiceError> {
    w.put(&DomainWrap {
        domain: domain.code().to_string(),
        holder: holder.to_string(),
        wrapped: seal::wrap_key(secret, public)?,
    })?;
    Ok(())
}

fn add_role(w: &mut Writer, account: &str, domain: CaseDomain) -> Result<(), ServiceError> {
    let mut a = w
        .get::<Account>(account)?
        .ok_or_else(|| ServiceError::NotFound {
            kind: "account",
            id: account.to_string(),
        })?;
    a.roles.insert(domain.role());
    w.put(&a)?;
    Ok(())
}

fn remove_role(w: &mut Writer, account: &str, domain: CaseDomain) -> Result<(), ServiceError> {
    if let Some(mut a) = w.get::<Account>(account)? {
        a.roles.remove(&domain.role());
        w.put(&a)?;
    }
    Ok(())
}

/// Whether the caller holds the domain's role (the first gate before any key).
pub(super) fn may(w: &Writer, p: &Principal, domain: CaseDomain) -> Result<(), ServiceError> {
    let roles = roles_of(w.get::<Account>(&p.account)?);
    if access::allows(&roles, permission(domain)) {
        Ok(())
    } else {
        Err(ServiceError::Denied {
            account: p.account.clone(),
            permission: permission(domain),
        })
    }
}
