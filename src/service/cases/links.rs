//! Customer-harassment incidents linked to a case share the case's exclusions: whoever
//! may not hold the case's key may not hold the incident's, since the incident names
//! the case and tells what happened.

use super::slots::{self, holders};
use super::{CaseFault, Keyring};
use crate::domain::cases::{CaseDomain, CaseItem};
use crate::service::ServiceError;
use crate::store::Writer;
use crate::store::keys::SealedItem;

/// Copies the linked case's parties and deny list into an incident; a link to a case
/// the caller may not open (or to something that is not a harassment case) is refused
/// as no such case.
pub(super) fn adopt(
    w: &Writer,
    ring: &mut Keyring,
    item: &mut CaseItem,
) -> Result<(), ServiceError> {
    let CaseItem::Incident(incident) = item else {
        return Ok(());
    };
    let Some(case) = incident.case.clone() else {
        return Ok(());
    };
    match ring.open(w, CaseDomain::Harassment, case.as_str())? {
        Some((CaseItem::Harassment(linked), _)) => {
            let parties = linked
                .involved_staff()
                .into_iter()
                .map(str::to_string)
                .collect();
            incident.exclude_as(parties, linked.deny.clone());
            Ok(())
        }
        _ => Err(CaseFault::NoCase(case.to_string()).into()),
    }
}

/// After a harassment case changed, its linked incidents take its exclusions again,
/// and one whose holders change is sealed under a new key.
pub(super) fn follow(
    w: &mut Writer,
    ring: &mut Keyring,
    case: &CaseItem,
) -> Result<(), ServiceError> {
    let CaseItem::Harassment(c) = case else {
        return Ok(());
    };
    let domain = CaseDomain::Harassment;
    let prefix = format!("{}/", domain.code());
    for sealed in w.with_prefix::<SealedItem>(&prefix)? {
        let Some((CaseItem::Incident(mut incident), key)) = ring.open_sealed(w, domain, &sealed)?
        else {
            continue;
        };
        if incident.case.as_ref() != Some(&c.id) {
            continue;
        }
        let all = holders(w, domain)?;
        let before = slots::eligible_names(&all, &CaseItem::Incident(incident.clone()));
        let parties = c.involved_staff().into_iter().map(str::to_string).collect();
        incident.exclude_as(parties, c.deny.clone());
        let item = CaseItem::Incident(incident);
        slots::rewrite(w, ring, &all, &before, &item, &key, sealed.generation)?;
    }
    Ok(())
}
