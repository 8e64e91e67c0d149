//! Finishing what a grant or a revocation could not: a holder may not open every case
//! (they are a party to some), so a case they could not reach is completed by the next
//! holder who can open it, when that holder unlocks. Nobody is told how many there were.

use super::Keyring;
use super::slots::{self, domain_keys, eligible, holders};
use crate::domain::cases::CaseDomain;
use crate::service::ServiceError;
use crate::store::Writer;
use crate::store::keys::{CaseWrap, SealedItem};
use crate::store::seal::{self, SecretKey};

impl Keyring {
    /// For every case of the domain this holder can open: a case sealed before the
    /// domain's last revocation gets a new key; an eligible holder without a slot gets
    /// one. True when anything was written.
    pub(super) fn heal(
        &mut self,
        w: &mut Writer,
        domain: CaseDomain,
    ) -> Result<bool, ServiceError> {
        let keys = domain_keys(w, domain)?;
        let all = holders(w, domain)?;
        let secret = self.secret(domain)?.duplicate();
        let mut changed = false;
        for sealed in w.with_prefix::<SealedItem>(&format!("{}/", domain.code()))? {
            // A case that does not open (damaged) must not keep a holder from unlocking;
            // the list names it.
            let Ok(Some((item, key))) = self.open_sealed(w, domain, &sealed) else {
                continue;
            };
            let may: Vec<&slots::Holder> = eligible(&all, &item);
            if sealed.generation < keys.generation {
                let new_key = SecretKey::generate()?;
                slots::seal_item(w, &secret, &keys, &all, &item, &new_key)?;
                if may.iter().any(|h| h.account == self.account) {
                    self.remember(domain, &sealed.id, &new_key);
                } else {
                    self.forget(domain, &sealed.id);
                }
                changed = true;
                continue;
            }
            for h in may {
                let tag = seal::slot_tag(&secret, &h.account);
                let slot = CaseWrap::key_of(domain.code(), &sealed.id, &tag);
                if w.get::<CaseWrap>(&slot)?.is_none() {
                    let wrapped = seal::wrap_key(&key, &h.public)?;
                    slots::put_wrap(w, domain.code(), &sealed.id, &tag, wrapped)?;
                    changed = true;
                }
            }
        }
        Ok(changed)
    }
}
