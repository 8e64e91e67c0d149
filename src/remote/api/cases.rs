//! The restricted case logs: key pairs, unlocking, the domains' holders and the cases.
//!
//! The unwrapped keys stay where the service runs: an unlock keeps the keyring in the
//! connection's state ([`Conn::ring`]) and answers only whose keys they are and which
//! domains they open; every later call of this connection uses them, and a lock, the
//! end of the connection or the server's idle timeout drops (and wipes) them. A call
//! that needs them while none are held is refused as locked.

use zeroize::Zeroizing;

use crate::domain::cases::{CaseChange, CaseDomain, NewCase};
use crate::remote::Conn;
use crate::remote::own::Own;
use crate::service::cases::{
    CaseFault, CaseView, DomainStatus, GrantReport, Keyring, RevokeReport, SecretText, Unlocked,
};
use crate::service::{Principal, Service, ServiceError};

use super::super::calls::calls;

calls! {
    Cases: CasesRequest => CasesReply;

    /// Makes the caller's key pair under a passphrase; returns its public half.
    fn keys_init(passphrase: &[u8] => Vec<u8>) -> String | ServiceError
        = |s, p, _c| s.keys_init(p, &Zeroizing::new(passphrase));
    /// Puts the caller's private key under a new passphrase.
    fn keys_passwd(old: &[u8] => Vec<u8>, new: &[u8] => Vec<u8>) -> () | ServiceError
        = |s, p, _c| s.keys_passwd(p, &Zeroizing::new(old), &Zeroizing::new(new));
    /// Unlocks the caller's keys for this connection; they stay with the service.
    fn unlock(passphrase: &[u8] => Vec<u8>) -> Unlocked | ServiceError
        = |s, p, c| unlock(s, p, c, Zeroizing::new(passphrase));
    /// Forgets (and wipes) this connection's keys.
    fn lock() -> () | ServiceError = |_s, _p, c| {
        c.ring = None;
        Ok(())
    };
    /// Whether each domain is set up and how many hold it.
    fn case_domains() -> Vec<DomainStatus> | ServiceError = |s, _p, _c| s.case_domains();
    /// Sets up a domain; returns the recovery key, shown once.
    fn cases_init(domain: CaseDomain => CaseDomain) -> SecretText | ServiceError
        = |s, p, _c| s.cases_init(p, domain).map(SecretText::from);
    /// Makes an account a holder of the domain, with this connection's keys.
    fn cases_grant(account: &str => String, domain: CaseDomain => CaseDomain)
        -> GrantReport | ServiceError
        = |s, p, c| ring(c, domain).and_then(|r| s.cases_grant(p, r, &account, domain));
    /// Takes the domain from an account and re-keys its cases.
    fn cases_revoke(account: &str => String, domain: CaseDomain => CaseDomain)
        -> RevokeReport | ServiceError
        = |s, p, c| ring(c, domain).and_then(|r| s.cases_revoke(p, r, &account, domain));
    /// With the recovery key from the safe, makes the caller a holder of the domain.
    fn cases_recover(domain: CaseDomain => CaseDomain, recovery_key: &str => SecretText)
        -> GrantReport | ServiceError
        = |s, p, _c| s.cases_recover(p, domain, &recovery_key);
    /// Every case of the domain the caller may open, newest first.
    fn cases(domain: CaseDomain => CaseDomain) -> Vec<CaseView> | ServiceError
        = |s, p, c| ring(c, domain).and_then(|r| s.cases(p, r, domain));
    /// One case, whole.
    fn case(domain: CaseDomain => CaseDomain, id: &str => String) -> CaseView | ServiceError
        = |s, p, c| ring(c, domain).and_then(|r| s.case(p, r, domain, &id));
    /// The domain, among those unlocked, where the caller may open the case `id`.
    fn case_domain(id: &str => String) -> Option<CaseDomain> | ServiceError
        = |s, p, c| match &c.ring {
            Some(ring) => s.case_domain(ring, &id),
            None => Err(locked(s, p)),
        };
    /// Opens a new case (or incident) under a fresh random id.
    fn create_case(new: &NewCase => NewCase) -> CaseView | ServiceError
        = |s, p, c| create(s, p, c, new);
    /// Changes a case.
    fn change_case(
        domain: CaseDomain => CaseDomain,
        id: &str => String,
        change: &CaseChange => CaseChange,
    ) -> CaseView | ServiceError
        = |s, p, c| ring(c, domain).and_then(|r| {
            s.change_case(p, r, domain, &id, |item, by, today| change.apply(item, by, today))
        });
}

impl CasesRequest {
    /// Whether the request derives a key from a passphrase (argon2, on purpose slow,
    /// and waiting longer after wrong passphrases) or opens every case of a domain with
    /// the recovery key: the server runs these off the thread that serves requests.
    pub fn derives_key(&self) -> bool {
        matches!(
            self,
            CasesRequest::unlock { .. }
                | CasesRequest::keys_init { .. }
                | CasesRequest::keys_passwd { .. }
                | CasesRequest::cases_recover { .. }
        )
    }
}

impl Own<SecretText> for &str {
    fn own(self) -> SecretText {
        SecretText::new(self.to_owned())
    }
}

/// This connection's keys for a domain; refused as locked when there are none.
fn ring(conn: &mut Conn, domain: CaseDomain) -> Result<&mut Keyring, ServiceError> {
    conn.ring
        .as_mut()
        .ok_or(ServiceError::Case(CaseFault::Locked(domain)))
}

/// The refusal of a call that needs keys while none are held and names no domain: the
/// first domain the caller's roles give (none: not theirs at all).
fn locked(s: &Service, p: &Principal) -> ServiceError {
    let session = match s.session(p) {
        Ok(session) => session,
        Err(e) => return e,
    };
    let held = CaseDomain::ALL
        .iter()
        .copied()
        .find(|d| session.roles.contains(&d.role()));
    match held {
        Some(domain) => CaseFault::Locked(domain).into(),
        None => ServiceError::Denied {
            account: p.account.clone(),
            permission: crate::service::Permission::HealthCases,
        },
    }
}

/// Unlocks and keeps the keys in the connection. Keys held before are dropped first,
/// so a failed attempt leaves the connection locked.
fn unlock(
    s: &Service,
    p: &Principal,
    conn: &mut Conn,
    passphrase: Zeroizing<Vec<u8>>,
) -> Result<Unlocked, ServiceError> {
    conn.ring = None;
    let ring = s.unlock(p, &passphrase)?;
    let out = ring.unlocked();
    conn.ring = Some(ring);
    Ok(out)
}

/// Opens a case built from `new`, as the caller and on the service's today.
fn create(
    s: &Service,
    p: &Principal,
    conn: &mut Conn,
    new: NewCase,
) -> Result<CaseView, ServiceError> {
    let domain = new.domain();
    let today = s.clock().today();
    let ring = ring(conn, domain)?;
    s.create_case(p, ring, domain, |id| new.build(id, &p.account, today))
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::domain::{Date, FixedClock};
    use crate::remote::{Reply, Request};
    use crate::service::DEMO_PASSPHRASE;

    fn demo() -> (tempfile::TempDir, Service, Principal) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("demo.redb");
        let clock = Arc::new(FixedClock::at_noon(Date::new(2026, 11, 25).unwrap()));
        let me = Principal::named("hr.demo", 5000);
        crate::service::create_demo(&path, &me, clock.clone(), 30, 7).unwrap();
        let service = Service::open(&path, clock).unwrap();
        (dir, service, me)
    }

    fn run(s: &Service, p: &Principal, conn: &mut Conn, r: CasesRequest) -> CasesReply {
        match Request::Cases(r).run(s, p, conn) {
            Reply::Cases(reply) => reply,
            #[allow(unreachable_patterns)]
            other => panic!("{other:?}"),
        }
    }

    fn list(s: &Service, p: &Principal, conn: &mut Conn) -> Result<usize, ServiceError> {
        let r = CasesRequest::cases {
            domain: CaseDomain::Health,
        };
        match run(s, p, conn, r) {
            CasesReply::cases(r) => r.map(|views| views.len()),
            other => panic!("{other:?}"),
        }
    }

    fn unlock_on(s: &Service, p: &Principal, conn: &mut Conn) -> Unlocked {
        let r = CasesRequest::unlock {
            passphrase: DEMO_PASSPHRASE.as_bytes().to_vec(),
        };
        match run(s, p, conn, r) {
            CasesReply::unlock(Ok(u)) => u,
            other => panic!("{other:?}"),
        }
    }

    fn is_locked(r: &Result<usize, ServiceError>) -> bool {
        matches!(
            r,
            Err(ServiceError::Case(CaseFault::Locked(CaseDomain::Health)))
        )
    }

    #[test]
    fn keys_belong_to_one_connection_and_go_with_a_lock() {
        let (_dir, s, me) = demo();
        let mut a = Conn::new();
        let mut b = Conn::new();
        assert!(
            is_locked(&list(&s, &me, &mut a)),
            "nothing before an unlock"
        );

        let u = unlock_on(&s, &me, &mut a);
        assert_eq!(u.account, "hr.demo");
        assert_eq!(u.domains, vec![CaseDomain::Health, CaseDomain::Harassment]);
        assert!(list(&s, &me, &mut a).unwrap() > 0);
        // The same account on another connection has unlocked nothing.
        assert!(is_locked(&list(&s, &me, &mut b)));

        match run(&s, &me, &mut a, CasesRequest::lock {}) {
            CasesReply::lock(Ok(())) => {}
            other => panic!("{other:?}"),
        }
        assert!(a.ring.is_none());
        assert!(is_locked(&list(&s, &me, &mut a)), "a lock forgets the keys");
        let r = run(
            &s,
            &me,
            &mut a,
            CasesRequest::case_domain { id: "x".into() },
        );
        assert!(
            matches!(
                r,
                CasesReply::case_domain(Err(ServiceError::Case(CaseFault::Locked(_))))
            ),
            "{r:?}"
        );
    }

    use crate::remote::api::crossing::cross as wire;

    #[test]
    fn cases_and_changes_cross_the_wire_whole() {
        let (_dir, s, me) = demo();
        let mut a = Conn::new();
        unlock_on(&s, &me, &mut a);
        for domain in [CaseDomain::Health, CaseDomain::Harassment] {
            let CasesReply::cases(Ok(views)) = run(&s, &me, &mut a, CasesRequest::cases { domain })
            else {
                panic!("no list");
            };
            assert!(!views.is_empty());
            assert_eq!(wire(&views), views);
        }
        let change = CaseChange::SetThenAdvance {
            field: crate::domain::cases::Field::Outcome,
            text: "終結".into(),
        };
        let r = wire(&CasesRequest::change_case {
            domain: CaseDomain::Harassment,
            id: "0123456789abc".into(),
            change: change.clone(),
        });
        assert!(matches!(r, CasesRequest::change_case { change: c, .. } if c == change));
    }

    #[test]
    fn a_wrong_passphrase_leaves_the_connection_locked() {
        let (_dir, s, me) = demo();
        let mut a = Conn::new();
        unlock_on(&s, &me, &mut a);
        let r = CasesRequest::unlock {
            passphrase: b"not the passphrase".to_vec(),
        };
        assert!(matches!(
            run(&s, &me, &mut a, r),
            CasesReply::unlock(Err(ServiceError::Case(CaseFault::WrongPassphrase { .. })))
        ));
        assert!(a.ring.is_none());
    }

    #[test]
    fn only_key_derivations_leave_the_serving_thread() {
        let slow = [
            CasesRequest::unlock { passphrase: vec![] },
            CasesRequest::keys_init { passphrase: vec![] },
            CasesRequest::keys_passwd {
                old: vec![],
                new: vec![],
            },
            CasesRequest::cases_recover {
                domain: CaseDomain::Health,
                recovery_key: SecretText::new(String::new()),
            },
        ];
        assert!(slow.iter().all(CasesRequest::derives_key));
        let quick = [
            CasesRequest::lock {},
            CasesRequest::case_domains {},
            CasesRequest::cases {
                domain: CaseDomain::Health,
            },
        ];
        assert!(!quick.iter().any(CasesRequest::derives_key));
    }
}
