//! Reading and verifying the audit log: `kizuna audit list|verify` and pane 7. Both are
//! read-only and leave no entry of their own.

use super::{Permission, Principal, Service, ServiceError, access, denied, roles_of};
use crate::domain::{Account, Date, Timestamp};
use crate::store::audit::{self, ChainFault};
use crate::store::{Reader, StoreError};

pub use crate::store::{AuditEntry, Hash};

/// What is wrong at one place of the chain.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum AuditFault {
    /// The entry stored under this number does not decode.
    Unreadable(u64),
    /// The entry's body (who, when, action, ids) does not match its hash: it was
    /// rewritten.
    Body(u64),
    /// The entry does not link to the one before it.
    Link(u64),
    /// The numbers jump: `expected` came next, `found` is there instead.
    Gap { expected: u64, found: u64 },
}

impl AuditFault {
    /// The sequence number the fault is at: for a gap, the first number missing.
    pub fn seq(&self) -> u64 {
        match self {
            AuditFault::Unreadable(s) | AuditFault::Body(s) | AuditFault::Link(s) => *s,
            AuditFault::Gap { expected, .. } => *expected,
        }
    }

    /// Among faults at the same number, the one that explains the others comes first.
    fn rank(&self) -> u8 {
        match self {
            AuditFault::Unreadable(_) => 0,
            AuditFault::Gap { .. } => 1,
            AuditFault::Body(_) => 2,
            AuditFault::Link(_) => 3,
        }
    }
}

/// Where an expected head (from `kizuna backup` or the system log) is in the chain.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Anchor {
    /// It is the hash of the last entry.
    Head,
    /// It is the hash of entry `seq`; `after` entries were added since.
    Earlier { seq: u64, after: u64 },
    /// It is the hash of no entry: the tail was rewritten or cut off.
    Missing,
}

/// The result of walking the audit chain.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct AuditVerdict {
    /// Entries stored (readable or not).
    pub entries: u64,
    /// The hash of the last readable entry (all zero for an empty log).
    pub head: Hash,
    /// The last entry present: its number and time.
    pub last: Option<(u64, Timestamp)>,
    /// The first broken or missing entry, in sequence order.
    pub first_fault: Option<AuditFault>,
    /// How many faults were found in all.
    pub faults: usize,
    /// The expected head given, and where it was found.
    pub expected: Option<(Hash, Anchor)>,
}

impl AuditVerdict {
    /// No fault, and the expected head (if any) is in the chain.
    pub fn intact(&self) -> bool {
        self.first_fault.is_none() && !matches!(self.expected, Some((_, Anchor::Missing)))
    }
}

impl Service {
    /// The audit log, oldest first; with `since`, only entries from 00:00 Japan time
    /// on that day. Needs `AuditRead` (the `auditor` role). An entry that does not
    /// decode is an error naming it (`audit_verify` names it too).
    pub fn audit_list(
        &self,
        p: &Principal,
        since: Option<Date>,
    ) -> Result<Vec<AuditEntry>, ServiceError> {
        let r = self.read_as(p, Permission::AuditRead)?;
        let from = since.map(Timestamp::jst_midnight);
        let mut out = Vec::new();
        for entry in r.audit()? {
            let e = entry?;
            if from.is_none_or(|t| e.at >= t) {
                out.push(e);
            }
        }
        Ok(out)
    }

    /// Walks the whole chain and names the first broken or missing entry. With
    /// `expect` (a head printed by `kizuna backup` or written to the system log), also
    /// says where that hash is: a hash of no entry means the tail was rewritten or
    /// truncated, which the chain alone cannot show. Allowed to `AuditRead` (auditors)
    /// and to `Maintain` (admins, who run `check` and `backup` already).
    pub fn audit_verify(
        &self,
        p: &Principal,
        expect: Option<Hash>,
    ) -> Result<AuditVerdict, ServiceError> {
        let r = self.store.read()?;
        let roles = roles_of(r.get::<Account>(&p.account)?);
        if !access::allows(&roles, Permission::AuditRead)
            && !access::allows(&roles, Permission::Maintain)
        {
            return Err(denied(p, Permission::AuditRead));
        }
        verdict(&r, expect)
    }
}

fn verdict(r: &Reader, expect: Option<Hash>) -> Result<AuditVerdict, ServiceError> {
    let stored = r.audit()?;
    let count = stored.len() as u64;
    let mut faults = Vec::new();
    let mut entries = Vec::new();
    for entry in stored {
        match entry {
            Ok(e) => entries.push(e),
            Err(StoreError::Record { key, .. }) => {
                faults.push(AuditFault::Unreadable(key.parse().unwrap_or(0)));
            }
            Err(e) => return Err(e.into()),
        }
    }
    let (head, chain) = audit::verify(&entries);
    faults.extend(chain.into_iter().map(|f| match f {
        ChainFault::Gap { expected, found } => AuditFault::Gap { expected, found },
        ChainFault::Body(s) => AuditFault::Body(s),
        ChainFault::Link(s) => AuditFault::Link(s),
    }));
    faults.sort_by_key(|f| (f.seq(), f.rank()));
    let last = entries.last().map(|e| (e.seq, e.at));
    let expected = expect.map(|want| {
        let anchor = match entries.iter().position(|e| e.hash == want) {
            Some(i) if i + 1 == entries.len() => Anchor::Head,
            Some(i) => Anchor::Earlier {
                seq: entries[i].seq,
                after: (entries.len() - i - 1) as u64,
            },
            None => Anchor::Missing,
        };
        (want, anchor)
    });
    Ok(AuditVerdict {
        entries: count,
        head,
        last,
        faults: faults.len(),
        first_fault: faults.into_iter().next(),
        expected,
    })
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::domain::{FixedClock, Role};

    /// Every role alone: the log is the auditor's; the verification is the auditor's
    /// and the admin's.
    #[test]
    fn the_access_matrix_of_the_log() {
        let dir = tempfile::tempdir().unwrap();
        let clock = Arc::new(FixedClock::at_noon(Date::new(2026, 11, 25).unwrap()));
        let me = Principal::named("maker", 5000);
        let s = super::super::init(&dir.path().join("k.redb"), &me, clock).unwrap();
        for role in Role::ALL.into_iter().filter(|r| !r.is_case_role()) {
            let name = format!("only.{}", role.code());
            s.add_account(&me, &name, None).unwrap();
            s.grant(&me, &name, role).unwrap();
        }
        let before = s.store.read().unwrap().audit_len().unwrap();
        for role in Role::ALL.into_iter().filter(|r| !r.is_case_role()) {
            let p = Principal::named(&format!("only.{}", role.code()), 6000);
            let list = s.audit_list(&p, None).is_ok();
            let verify = s.audit_verify(&p, None).is_ok();
            assert_eq!(list, role == Role::Auditor, "list as {role}");
            assert_eq!(
                verify,
                matches!(role, Role::Auditor | Role::Admin),
                "verify as {role}"
            );
        }
        let stranger = Principal::named("nobody", 7000);
        assert!(matches!(
            s.audit_verify(&stranger, None),
            Err(ServiceError::Denied {
                permission: Permission::AuditRead,
                ..
            })
        ));
        // Reading and verifying left no entry.
        assert_eq!(s.store.read().unwrap().audit_len().unwrap(), before);
    }

    #[test]
    fn since_is_a_day_in_japan() {
        let dir = tempfile::tempdir().unwrap();
        // 2026-11-24 23:30 in Japan is 14:30 UTC on the 24th.
        let late = Timestamp::jst_midnight(Date::new(2026, 11, 25).unwrap()).0 - 1800;
        let clock = Arc::new(FixedClock(Timestamp(late)));
        let me = Principal::named("maker", 5000);
        let s = super::super::init(&dir.path().join("k.redb"), &me, clock).unwrap();
        s.grant(&me, "maker", Role::Auditor).unwrap();
        let day = |d| Some(Date::new(2026, 11, d).unwrap());
        assert_eq!(s.audit_list(&me, day(24)).unwrap().len(), 2);
        assert!(s.audit_list(&me, day(25)).unwrap().is_empty());
    }
}
