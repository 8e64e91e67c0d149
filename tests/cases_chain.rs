//! The audit trail of case work, and the keys behind the cases: what each action leaves
//! in the log, and what each holder's key pair really opens in the file after grants,
//! exclusions, revocations, recovery, wrong passphrases and a changed passphrase.
//!
//! "Opens" is checked twice: through the service, and by reading the file with redb and
//! trying the holder's own key pair (opened from its stored record with the passphrase)
//! on every wrapped key, as someone with a copy of the file and the passphrase could.

#[path = "common/cases.rs"]
mod cases_world;

use std::time::{Duration, Instant};

use cases_world::{
    PASS, World, add_entry, case_keys_of, cases_opened_by, cases_opened_by_recovery,
    domain_wraps_opened_by, key_pair, open_sealed, records,
};
use kizuna::domain::cases::{CaseDomain, CaseId, CaseItem, Respondent};
use kizuna::service::cases::{CaseFault, Keyring};
use kizuna::service::{AuditEntry, Principal, ServiceError};
use kizuna::store::keys::{DomainKeys, DomainWrap};
use kizuna::store::seal;

const HEALTH: CaseDomain = CaseDomain::Health;
const HARASSMENT: CaseDomain = CaseDomain::Harassment;

/// `domain/id` for each id, sorted: how the raw readers name cases.
fn keyed(domain: CaseDomain, ids: &[&String]) -> Vec<String> {
    let mut out: Vec<String> = ids
        .iter()
        .map(|id| format!("{}/{id}", domain.code()))
        .collect();
    out.sort();
    out
}

/// The audit entries written since the last call, as (actor, action, ids).
struct Tail {
    seen: usize,
}

impl Tail {
    fn new(w: &World) -> Tail {
        Tail {
            seen: w.audit().len(),
        }
    }

    fn next(&mut self, w: &World) -> Vec<(String, String, Vec<String>)> {
        let log = w.audit();
        let out = log[self.seen..]
            .iter()
            .map(|e| (e.actor.clone(), e.action.clone(), e.ids.clone()))
            .collect();
        self.seen = log.len();
        out
    }
}

fn entry(actor: &str, action: &str, ids: &[&str]) -> (String, String, Vec<String>) {
    (
        actor.to_string(),
        action.to_string(),
        ids.iter().map(|s| s.to_string()).collect(),
    )
}

#[test]
fn every_case_action_leaves_an_entry_with_the_case_id_only() {
    let w = World::new();
    let s = w.s();
    let root = w.root.clone();
    // Everything before this entry put the staff on the register.
    let case_work = w.audit().last().unwrap().seq + 1;
    let (rec_health, _) = w.init_both();
    let nurse = w.account("nurse", None, &[], true);
    let heir = w.account("heir", None, &[kizuna::domain::Role::Admin], true);
    let mut tail = Tail::new(&w);

    let mut ring = w.unlock(&root);
    assert_eq!(tail.next(&w), [entry("root", "keys.unlock", &["root"])]);
    let health = w.health_case(&root, &mut ring, &w.staff[0], "面談");
    assert_eq!(tail.next(&w), [entry("root", "case.create", &[&health])]);
    let harassment = w.harassment_case(&root, &mut ring, &w.staff[0], &w.staff[1], "相談");
    assert_eq!(
        tail.next(&w),
        [entry("root", "case.create", &[&harassment])]
    );

    s.case(&root, &mut ring, HEALTH, &health).unwrap();
    assert_eq!(tail.next(&w), [entry("root", "case.view", &[&health])]);
    s.case(&root, &mut ring, HARASSMENT, &harassment).unwrap();
    assert_eq!(tail.next(&w), [entry("root", "case.view", &[&harassment])]);
    s.cases(&root, &mut ring, HEALTH).unwrap();
    assert_eq!(tail.next(&w), [entry("root", "cases.list", &["health"])]);
    s.cases(&root, &mut ring, HARASSMENT).unwrap();
    assert_eq!(
        tail.next(&w),
        [entry("root", "cases.list", &["harassment"])]
    );
    s.change_case(&root, &mut ring, HEALTH, &health, |item, by, on| {
        add_entry(item, by, on, "経過良好")
    })
    .unwrap();
    assert_eq!(tail.next(&w), [entry("root", "case.change", &[&health])]);
    s.change_case(
        &root,
        &mut ring,
        HARASSMENT,
        &harassment,
        |item, _, _| match item {
            CaseItem::Harassment(c) => {
                c.set_respondents(vec![Respondent::Employee(w.staff[2].clone())])
            }
            _ => unreachable!(),
        },
    )
    .unwrap();
    assert_eq!(
        tail.next(&w),
        [entry("root", "case.change", &[&harassment])]
    );

    s.cases_grant(&root, &mut ring, "nurse", HEALTH).unwrap();
    assert_eq!(
        tail.next(&w),
        [entry("root", "cases.grant", &["nurse", "health"])]
    );
    let mut nurse_ring = w.unlock(&nurse);
    s.case(&nurse, &mut nurse_ring, HEALTH, &health).unwrap();
    assert_eq!(
        tail.next(&w),
        [
            entry("nurse", "keys.unlock", &["nurse"]),
            entry("nurse", "case.view", &[&health])
        ]
    );
    s.cases_revoke(&root, &mut ring, "nurse", HEALTH).unwrap();
    assert_eq!(
        tail.next(&w),
        [entry("root", "cases.revoke", &["nurse", "health"])]
    );
    s.cases_recover(&heir, HEALTH, &rec_health).unwrap();
    assert_eq!(tail.next(&w), [entry("heir", "cases.recover", &["health"])]);
    assert!(matches!(
        s.unlock(&root, b"not the right passphrase"),
        Err(ServiceError::Case(CaseFault::WrongPassphrase {
            failures: 1
        }))
    ));
    assert_eq!(
        tail.next(&w),
        [entry("root", "keys.unlock-failed", &["root"])]
    );

    // The whole log of case work names cases by their random ids only, never a person.
    let log: Vec<AuditEntry> = w.audit();
    for e in log.iter().filter(|e| e.seq >= case_work) {
        for no in &w.staff {
            assert!(
                e.ids.iter().all(|id| !id.contains(no.as_str())) && !e.actor.contains(no.as_str()),
                "{e:?} names {no}"
            );
        }
        if e.action.starts_with("case.") {
            assert!(!e.ids.is_empty(), "{e:?}");
            for id in &e.ids {
                assert_eq!(
                    CaseId::parse(id).map(|c| c.to_string()).as_deref(),
                    Some(id.as_str()),
                    "{e:?}: only case ids"
                );
            }
        }
    }
    assert!(log.iter().filter(|e| e.action == "case.view").count() >= 3);
}

#[test]
fn a_revoked_holder_opens_nothing_from_the_current_file() {
    let mut w = World::new();
    w.init_both();
    let root = w.root.clone();
    let nurse = w.account("nurse", None, &[], true);
    let mut ring = w.unlock(&root);
    let before = w.health_case(&root, &mut ring, &w.staff[0], "面談");
    w.s()
        .cases_grant(&root, &mut ring, "nurse", HEALTH)
        .unwrap();
    let mut nurse_ring = w.unlock(&nurse);
    assert_eq!(
        w.listed(&nurse, &mut nurse_ring, HEALTH),
        std::slice::from_ref(&before)
    );
    w.s()
        .case(&nurse, &mut nurse_ring, HEALTH, &before)
        .unwrap();

    // While a holder: the technique finds the nurse's slot and the domain's secret.
    w.close();
    let pair = key_pair(&w.path, "nurse");
    assert_eq!(cases_opened_by(&w.path, &pair), keyed(HEALTH, &[&before]));
    assert_eq!(domain_wraps_opened_by(&w.path, &pair), ["health/nurse"]);
    let (_, old_key) = case_keys_of(&w.path, &pair).pop().unwrap();
    assert!(open_sealed(&w.path, "health", &before, &old_key).is_some());
    w.reopen();

    let report = w
        .s()
        .cases_revoke(&root, &mut ring, "nurse", HEALTH)
        .unwrap();
    assert_eq!(report.rekeyed, 1);
    let after = w.health_case(&root, &mut ring, &w.staff[1], "面談");

    // Through the service: no role, so no keyring; the one kept from before is refused.
    assert!(matches!(
        w.s().unlock(&nurse, PASS),
        Err(ServiceError::Denied { .. })
    ));
    for id in [&before, &after] {
        assert!(matches!(
            w.s().case(&nurse, &mut nurse_ring, HEALTH, id),
            Err(ServiceError::Denied { .. })
        ));
    }
    assert!(matches!(
        w.s().cases(&nurse, &mut nurse_ring, HEALTH),
        Err(ServiceError::Denied { .. })
    ));

    // In the file: no domain wrap for the nurse, no case key their pair unwraps, and the
    // case key they may have kept no longer opens the case.
    drop(ring);
    w.close();
    assert!(
        records::<DomainWrap>(&w.path)
            .iter()
            .all(|d| d.holder != "nurse"),
        "a domain wrap is left for the nurse"
    );
    assert_eq!(domain_wraps_opened_by(&w.path, &pair), Vec::<String>::new());
    assert_eq!(cases_opened_by(&w.path, &pair), Vec::<String>::new());
    assert!(open_sealed(&w.path, "health", &before, &old_key).is_none());
    let root_pair = key_pair(&w.path, "root");
    assert_eq!(
        cases_opened_by(&w.path, &root_pair),
        keyed(HEALTH, &[&before, &after])
    );
}

#[test]
fn an_involved_holder_has_no_wrapped_key_for_the_case() {
    let mut w = World::new();
    w.init_both();
    let root = w.root.clone();
    let (subject, complainant, respondent, other) = (
        w.staff[0].clone(),
        w.staff[1].clone(),
        w.staff[2].clone(),
        w.staff[3].clone(),
    );
    // The nurse is the subject of a health case; the counsellor is a complainant in one
    // harassment case and a respondent in another, and becomes one in a third.
    w.account("nurse", Some(&subject), &[], true);
    w.account("counsel", Some(&complainant), &[], true);
    let mut ring = w.unlock(&root);
    let own_before = w.health_case(&root, &mut ring, &subject, "面談");
    let named_before = w.harassment_case(&root, &mut ring, &other, &complainant, "相談");
    w.s()
        .cases_grant(&root, &mut ring, "nurse", HEALTH)
        .unwrap();
    let report = w
        .s()
        .cases_grant(&root, &mut ring, "counsel", HARASSMENT)
        .unwrap();
    assert_eq!(report.shared, 0);
    let own_after = w.health_case(&root, &mut ring, &subject, "面談");
    let unrelated_health = w.health_case(&root, &mut ring, &other, "面談");
    let named_after = w.harassment_case(&root, &mut ring, &complainant, &respondent, "相談");
    let becomes_party = w.harassment_case(&root, &mut ring, &other, &respondent, "相談");
    let unrelated_harassment = w.harassment_case(&root, &mut ring, &other, &respondent, "相談");

    w.close();
    let counsel = key_pair(&w.path, "counsel");
    assert_eq!(
        cases_opened_by(&w.path, &counsel),
        keyed(HARASSMENT, &[&becomes_party, &unrelated_harassment]),
        "before the change"
    );
    w.reopen();
    w.s()
        .change_case(
            &root,
            &mut ring,
            HARASSMENT,
            &becomes_party,
            |item, _, _| match item {
                CaseItem::Harassment(c) => c.set_respondents(vec![
                    Respondent::Employee(respondent.clone()),
                    Respondent::Employee(complainant.clone()),
                ]),
                _ => unreachable!(),
            },
        )
        .unwrap();

    // Through the service.
    let nurse_p = Principal::named("nurse", 1000);
    let counsel_p = Principal::named("counsel", 1000);
    let mut nurse_ring = w.unlock(&nurse_p);
    let mut counsel_ring = w.unlock(&counsel_p);
    assert_eq!(
        w.listed(&nurse_p, &mut nurse_ring, HEALTH),
        std::slice::from_ref(&unrelated_health)
    );
    assert_eq!(
        w.listed(&counsel_p, &mut counsel_ring, HARASSMENT),
        std::slice::from_ref(&unrelated_harassment)
    );
    for id in [&own_before, &own_after] {
        assert!(matches!(
            w.s().case(&nurse_p, &mut nurse_ring, HEALTH, id),
            Err(ServiceError::Case(CaseFault::NoCase(_)))
        ));
    }
    for id in [&named_before, &named_after, &becomes_party] {
        assert!(matches!(
            w.s().case(&counsel_p, &mut counsel_ring, HARASSMENT, id),
            Err(ServiceError::Case(CaseFault::NoCase(_)))
        ));
    }

    // In the file: the only case keys their pairs unwrap are of the unrelated cases.
    drop((ring, nurse_ring, counsel_ring));
    w.close();
    let nurse = key_pair(&w.path, "nurse");
    assert_eq!(
        cases_opened_by(&w.path, &nurse),
        keyed(HEALTH, &[&unrelated_health])
    );
    assert_eq!(
        cases_opened_by(&w.path, &counsel),
        keyed(HARASSMENT, &[&unrelated_harassment])
    );
    // Every case is still there for root and for the recovery key.
    let root_pair = key_pair(&w.path, "root");
    assert_eq!(cases_opened_by(&w.path, &root_pair).len(), 7);
}

#[test]
fn a_denied_holder_loses_the_key_of_the_case() {
    let mut w = World::new();
    w.init_both();
    let root = w.root.clone();
    let nurse = w.account("nurse", None, &[], true);
    let mut ring = w.unlock(&root);
    w.s()
        .cases_grant(&root, &mut ring, "nurse", HEALTH)
        .unwrap();
    let id = w.health_case(&root, &mut ring, &w.staff[0], "面談");
    let other = w.health_case(&root, &mut ring, &w.staff[1], "面談");
    let mut nurse_ring = w.unlock(&nurse);
    w.s().case(&nurse, &mut nurse_ring, HEALTH, &id).unwrap();
    w.close();
    let pair = key_pair(&w.path, "nurse");
    let kept = case_keys_of(&w.path, &pair)
        .into_iter()
        .find(|(k, _)| *k == format!("health/{id}"))
        .unwrap()
        .1;
    w.reopen();

    w.s()
        .change_case(&root, &mut ring, HEALTH, &id, |item, _, _| {
            cases_world::deny(item, "nurse");
            Ok(())
        })
        .unwrap();
    // The session that opened the case before is refused it now, key cached or not.
    assert!(matches!(
        w.s().case(&nurse, &mut nurse_ring, HEALTH, &id),
        Err(ServiceError::Case(CaseFault::NoCase(_)))
    ));
    assert_eq!(
        w.listed(&nurse, &mut nurse_ring, HEALTH),
        std::slice::from_ref(&other)
    );
    drop((ring, nurse_ring));
    w.close();
    assert_eq!(cases_opened_by(&w.path, &pair), keyed(HEALTH, &[&other]));
    assert!(
        open_sealed(&w.path, "health", &id, &kept).is_none(),
        "the case was sealed again under a new key"
    );
    assert_eq!(
        cases_opened_by(&w.path, &key_pair(&w.path, "root")),
        keyed(HEALTH, &[&id, &other])
    );
}

/// Each case's entries as the given holder reads them, by id.
fn read_all(w: &World, p: &Principal, ring: &mut Keyring) -> Vec<(String, Vec<String>)> {
    let mut out: Vec<(String, Vec<String>)> = w
        .s()
        .cases(p, ring, HEALTH)
        .unwrap()
        .into_iter()
        .map(|v| {
            let texts = match &v.item {
                CaseItem::Health(c) => c.entries.iter().map(|e| e.text.clone()).collect(),
                _ => unreachable!(),
            };
            (v.item.id().to_string(), texts)
        })
        .collect();
    out.sort();
    out
}

#[test]
fn re_keying_keeps_every_case_readable_to_the_rest_and_the_recovery_key() {
    let mut w = World::new();
    let (rec_health, _) = w.init_both();
    let root = w.root.clone();
    let h1 = w.account("h1", None, &[], true);
    w.account("h2", None, &[], true);
    let h3 = w.account("h3", Some(&w.staff[0]), &[], true);
    let mut ring = w.unlock(&root);
    for name in ["h1", "h2", "h3"] {
        w.s().cases_grant(&root, &mut ring, name, HEALTH).unwrap();
    }
    let x = w.health_case(&root, &mut ring, &w.staff[0], "Xの記録");
    let y = w.health_case(&root, &mut ring, &w.staff[1], "Yの記録");
    let z = w.health_case(&root, &mut ring, &w.staff[2], "Zの記録");
    let all = read_all(&w, &root, &mut ring);
    assert_eq!(all.len(), 3);
    drop(ring);

    // h3 cannot open X (its subject), so X keeps its key for now and only loses h2's
    // slot; the next holder who can open X and unlocks seals it again.
    w.close();
    let x_key = case_keys_of(&w.path, &key_pair(&w.path, "h2"))
        .into_iter()
        .find(|(k, _)| *k == format!("health/{x}"))
        .map(|(_, key)| key)
        .expect("h2 holds X's key before the revocation");
    w.reopen();
    let mut h3_ring = w.unlock(&h3);
    let report = w.s().cases_revoke(&h3, &mut h3_ring, "h2", HEALTH).unwrap();
    assert_eq!(report.rekeyed, 2);
    drop(h3_ring);
    w.close();
    assert!(
        open_sealed(&w.path, "health", &x, &x_key).is_some(),
        "X is behind until a holder who can open it unlocks"
    );
    w.reopen();

    let without_x: Vec<_> = all.iter().filter(|(id, _)| *id != x).cloned().collect();
    for (p, want) in [(&root, &all), (&h1, &all), (&h3, &without_x)] {
        let mut r = w.unlock(p);
        assert_eq!(&read_all(&w, p, &mut r), want, "{}", p.account);
    }

    w.close();
    assert!(
        open_sealed(&w.path, "health", &x, &x_key).is_none(),
        "root's unlock sealed X again: the key h2 once held opens nothing"
    );
    assert!(
        records::<kizuna::store::keys::SealedItem>(&w.path)
            .iter()
            .all(|s| s.generation == 2),
        "every case is of the domain's present generation"
    );
    assert_eq!(
        cases_opened_by_recovery(&w.path, &rec_health),
        keyed(HEALTH, &[&x, &y, &z])
    );
    let recovery = seal::KeyPair::from_secret_text(&rec_health).unwrap();
    assert_eq!(
        domain_wraps_opened_by(&w.path, &recovery),
        ["health/#recovery"]
    );
    assert_eq!(
        cases_opened_by(&w.path, &key_pair(&w.path, "h2")),
        Vec::<String>::new()
    );
    assert_eq!(
        cases_opened_by(&w.path, &key_pair(&w.path, "h1")),
        keyed(HEALTH, &[&x, &y, &z])
    );
    let keys = records::<DomainKeys>(&w.path);
    let health = keys.iter().find(|k| k.domain == "health").unwrap();
    assert_eq!(health.generation, 2, "one re-keying");
}

#[test]
fn recovery_brings_the_cases_back_when_every_holder_is_gone() {
    let mut w = World::new();
    let (rec_health, rec_harassment) = w.init_both();
    let root = w.root.clone();
    let h1 = w.account("h1", None, &[], true);
    let heir = w.account(
        "heir",
        Some(&w.staff[4]),
        &[kizuna::domain::Role::Admin],
        true,
    );
    let mut ring = w.unlock(&root);
    w.s().cases_grant(&root, &mut ring, "h1", HEALTH).unwrap();
    let mut ids: Vec<String> = (0..3)
        .map(|i| w.health_case(&root, &mut ring, &w.staff[i], "記録"))
        .collect();
    ids.sort();
    let about_heir = w.health_case(&root, &mut ring, &w.staff[4], "記録");
    drop(ring);

    // The last holders leave: h1 takes the domain from root, then from themselves.
    let mut h1_ring = w.unlock(&h1);
    w.s()
        .cases_revoke(&h1, &mut h1_ring, "root", HEALTH)
        .unwrap();
    w.s().cases_revoke(&h1, &mut h1_ring, "h1", HEALTH).unwrap();
    drop(h1_ring);
    let status = w.s().case_domains().unwrap();
    let health = status.iter().find(|d| d.domain == HEALTH).unwrap();
    assert_eq!((health.ready, health.holders), (true, 0));
    assert!(matches!(
        w.s().unlock(&h1, PASS),
        Err(ServiceError::Denied { .. })
    ));
    assert!(!w.unlock(&root).holds(HEALTH));

    // Only the health key from the safe will do.
    assert!(matches!(
        w.s().cases_recover(&heir, HEALTH, &rec_harassment),
        Err(ServiceError::Case(CaseFault::BadRecoveryKey))
    ));
    let report = w.s().cases_recover(&heir, HEALTH, &rec_health).unwrap();
    assert_eq!(report.shared, 3);
    let mut heir_ring = w.unlock(&heir);
    assert!(heir_ring.holds(HEALTH));
    assert_eq!(w.listed(&heir, &mut heir_ring, HEALTH), ids);
    assert!(matches!(
        w.s().case(&heir, &mut heir_ring, HEALTH, &about_heir),
        Err(ServiceError::Case(CaseFault::NoCase(_)))
    ));
    drop(heir_ring);
    w.close();
    let mut every: Vec<&String> = ids.iter().collect();
    every.push(&about_heir);
    assert_eq!(
        cases_opened_by_recovery(&w.path, &rec_health),
        keyed(HEALTH, &every)
    );
    let heir_ids: Vec<&String> = ids.iter().collect();
    assert_eq!(
        cases_opened_by(&w.path, &key_pair(&w.path, "heir")),
        keyed(HEALTH, &heir_ids)
    );
}

#[test]
fn a_wrong_passphrase_fails_is_audited_and_slows_the_next_attempt() {
    let w = World::new();
    w.init_both();
    let root = w.root.clone();
    let mut tail = Tail::new(&w);

    match w.s().unlock(&root, b"not the right passphrase") {
        Err(ServiceError::Case(CaseFault::WrongPassphrase { failures: 1 })) => {}
        other => panic!("{other:?}"),
    }
    assert_eq!(
        tail.next(&w),
        [entry("root", "keys.unlock-failed", &["root"])]
    );

    let started = Instant::now();
    match w.s().unlock(&root, b"still not the right one") {
        Err(ServiceError::Case(CaseFault::WrongPassphrase { failures: 2 })) => {}
        other => panic!("{other:?}"),
    }
    let second = started.elapsed();
    assert!(second >= Duration::from_secs(1), "{second:?}");
    assert_eq!(
        tail.next(&w),
        [entry("root", "keys.unlock-failed", &["root"])]
    );

    let started = Instant::now();
    let mut ring = w.unlock(&root);
    let third = started.elapsed();
    assert!(third >= Duration::from_secs(2), "{third:?}");
    assert!(ring.holds(HEALTH) && ring.holds(HARASSMENT));
    assert_eq!(tail.next(&w), [entry("root", "keys.unlock", &["root"])]);
    assert_eq!(w.listed(&root, &mut ring, HEALTH), Vec::<String>::new());

    // A good passphrase clears the count: the next failure is the first again.
    match w.s().unlock(&root, b"wrong once more here") {
        Err(ServiceError::Case(CaseFault::WrongPassphrase { failures: 1 })) => {}
        other => panic!("{other:?}"),
    }
}

#[test]
fn keys_passwd_changes_the_passphrase() {
    let mut w = World::new();
    w.init_both();
    let root = w.root.clone();
    let nurse = w.account("nurse", None, &[], true);
    let mut ring = w.unlock(&root);
    let id = w.health_case(&root, &mut ring, &w.staff[0], "面談");
    w.s()
        .cases_grant(&root, &mut ring, "nurse", HEALTH)
        .unwrap();
    drop(ring);
    w.close();
    let public_before = records::<kizuna::store::keys::HolderKey>(&w.path)
        .into_iter()
        .find(|h| h.account == "nurse")
        .map(|h| h.public);
    assert!(public_before.is_some());
    w.reopen();
    let mut tail = Tail::new(&w);

    const NEW: &[u8] = b"a new and longer passphrase";
    assert!(matches!(
        w.s().keys_passwd(&nurse, PASS, b"short"),
        Err(ServiceError::Case(CaseFault::ShortPassphrase))
    ));
    w.s().keys_passwd(&nurse, PASS, NEW).unwrap();
    assert_eq!(tail.next(&w), [entry("nurse", "keys.passwd", &["nurse"])]);
    assert!(matches!(
        w.s().unlock(&nurse, PASS),
        Err(ServiceError::Case(CaseFault::WrongPassphrase {
            failures: 1
        }))
    ));
    let mut nurse_ring = w.s().unlock(&nurse, NEW).unwrap();
    assert!(nurse_ring.holds(HEALTH));
    assert_eq!(w.listed(&nurse, &mut nurse_ring, HEALTH), [id]);
    drop(nurse_ring);

    // In the file: the same key pair, now under the new passphrase only.
    w.close();
    let record = records::<kizuna::store::keys::HolderKey>(&w.path)
        .into_iter()
        .find(|h| h.account == "nurse")
        .unwrap();
    assert_eq!(Some(record.public.clone()), public_before);
    assert!(seal::unprotect(&record.protected, "nurse", PASS).is_err());
    let pair = seal::unprotect(&record.protected, "nurse", NEW).unwrap();
    assert_eq!(pair.public(), record.public);
    assert!(record.protected.params.strong_enough());
}

/// Two holders at work at once: `a` unlocked a session, then root revoked `b`, which
/// renewed the domain's secret. What `a` does next in that session must either be
/// refused (unlock again) or leave the domain as it should be.
struct TwoSessions {
    w: World,
    root: Principal,
    a: Principal,
    a_ring: Keyring,
    cases: Vec<String>,
}

fn two_sessions(extra: &[&str]) -> TwoSessions {
    let w = World::new();
    w.init_both();
    let root = w.root.clone();
    let a = w.account("a", None, &[], true);
    w.account("b", None, &[], true);
    for name in extra {
        w.account(name, None, &[], true);
    }
    let mut ring = w.unlock(&root);
    w.s().cases_grant(&root, &mut ring, "a", HEALTH).unwrap();
    w.s().cases_grant(&root, &mut ring, "b", HEALTH).unwrap();
    let mut cases = vec![
        w.health_case(&root, &mut ring, &w.staff[0], "面談"),
        w.health_case(&root, &mut ring, &w.staff[1], "面談"),
    ];
    cases.sort();
    let mut a_ring = w.unlock(&a);
    assert_eq!(w.listed(&a, &mut a_ring, HEALTH), cases);
    w.s().cases_revoke(&root, &mut ring, "b", HEALTH).unwrap();
    TwoSessions {
        w,
        root,
        a,
        a_ring,
        cases,
    }
}

/// Whether an error is the service asking for a fresh unlock.
fn stale(e: &ServiceError) -> bool {
    matches!(e, ServiceError::Case(CaseFault::Locked(_)))
}

#[test]
fn a_revocation_from_a_session_opened_before_another_still_shuts_the_holder_out() {
    let TwoSessions {
        mut w,
        root,
        a,
        mut a_ring,
        cases,
    } = two_sessions(&["c"]);
    let mut ring = w.unlock(&root);
    w.s().cases_grant(&root, &mut ring, "c", HEALTH).unwrap();
    drop(ring);
    let c = Principal::named("c", 1000);
    let mut c_ring = w.unlock(&c);
    assert_eq!(w.listed(&c, &mut c_ring, HEALTH), cases);
    drop(c_ring);

    let revoked = w.s().cases_revoke(&a, &mut a_ring, "c", HEALTH);
    drop(a_ring);
    let mut problems = Vec::new();
    match &revoked {
        Err(e) if stale(e) => {}
        Err(e) => problems.push(format!("the revocation failed: {e:?}")),
        Ok(report) => {
            for p in [&root, &a] {
                let mut r = w.unlock(p);
                let got = w.listed(p, &mut r, HEALTH);
                if got != cases {
                    problems.push(format!(
                        "{} now lists {got:?}, not {cases:?} ({report:?})",
                        p.account
                    ));
                }
            }
            w.close();
            let pair = key_pair(&w.path, "c");
            let opened = cases_opened_by(&w.path, &pair);
            if !opened.is_empty() {
                problems.push(format!(
                    "the revoked holder's key pair still unwraps the keys of {opened:?} ({report:?})"
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn a_grant_from_a_session_opened_before_a_revocation_gives_working_keys() {
    let TwoSessions {
        w,
        a,
        mut a_ring,
        cases,
        ..
    } = two_sessions(&["d"]);
    let granted = w.s().cases_grant(&a, &mut a_ring, "d", HEALTH);
    match granted {
        Err(e) if stale(&e) => {
            let d = Principal::named("d", 1000);
            assert!(
                matches!(w.s().unlock(&d, PASS), Err(ServiceError::Denied { .. })),
                "a refused grant gives no role"
            );
        }
        Err(e) => panic!("the grant failed: {e:?}"),
        Ok(report) => {
            let d = Principal::named("d", 1000);
            let mut d_ring = w.unlock(&d);
            assert!(d_ring.holds(HEALTH));
            assert_eq!(
                w.listed(&d, &mut d_ring, HEALTH),
                cases,
                "the new holder reads the domain's cases ({report:?})"
            );
        }
    }
}

#[test]
fn a_case_made_in_a_session_opened_before_a_revocation_is_readable_to_every_holder() {
    let TwoSessions {
        w,
        root,
        a,
        mut a_ring,
        ..
    } = two_sessions(&[]);
    let made = w.s().create_case(&a, &mut a_ring, HEALTH, |id| {
        Ok(CaseItem::Health(kizuna::domain::cases::HealthCase::new(
            id,
            w.staff[5].as_str(),
            kizuna::domain::cases::HealthKind::Consultation,
            cases_world::day(2026, 11, 24),
            vec!["a".into()],
        )?))
    });
    match made {
        Err(e) if stale(&e) => {}
        Err(e) => panic!("the case was not made: {e:?}"),
        Ok(view) => {
            let id = view.item.id().to_string();
            let mut ring = w.unlock(&root);
            assert!(
                w.listed(&root, &mut ring, HEALTH).contains(&id),
                "root, a holder unlocked after the revocation, does not see the new case"
            );
        }
    }
}

#[test]
fn a_refused_view_is_audited_with_the_case_id_it_asked_for() {
    let w = World::new();
    w.init_both();
    let root = w.root.clone();
    let subject = w.staff[0].clone();
    let nurse = w.account("nurse", Some(&subject), &[], true);
    let mut ring = w.unlock(&root);
    let own = w.health_case(&root, &mut ring, &subject, "面談");
    w.s()
        .cases_grant(&root, &mut ring, "nurse", HEALTH)
        .unwrap();
    let mut nurse_ring = w.unlock(&nurse);
    let before = w.audit().len();
    let refused = w.s().case(&nurse, &mut nurse_ring, HEALTH, &own);
    assert!(
        matches!(refused, Err(ServiceError::Case(CaseFault::NoCase(ref id))) if *id == own),
        "{refused:?}"
    );
    let log = w.audit();
    assert_eq!(log.len(), before + 1, "one entry for the refusal");
    let last = log.last().unwrap();
    assert_eq!(
        (last.actor.as_str(), last.action.as_str(), last.ids.clone()),
        ("nurse", "case.view.refused", vec![own.clone()])
    );
    assert!(!last.ids.contains(&subject), "never the staff number");
}

#[test]
fn an_incident_linked_to_a_case_is_closed_to_whoever_the_case_is_closed_to() {
    let mut w = World::new();
    w.init_both();
    let root = w.root.clone();
    let (complainant, respondent) = (w.staff[1].clone(), w.staff[2].clone());
    let counsel = w.account("counsel", Some(&complainant), &[], true);
    let mut ring = w.unlock(&root);
    w.s()
        .cases_grant(&root, &mut ring, "counsel", HARASSMENT)
        .unwrap();
    let case = w.harassment_case(&root, &mut ring, &complainant, &respondent, "窓口での暴言");
    let new_incident = |ring: &mut Keyring, p: &Principal, link: &str| {
        let link = CaseId::parse(link);
        w.s().create_case(p, ring, HARASSMENT, |id| {
            let mut i = kizuna::domain::cases::Incident::new(
                id,
                cases_world::day(2026, 11, 2),
                kizuna::domain::cases::Channel::Phone,
                "録音 2026-11-02-01",
                "上司が電話を代わり、対応を打ち切った",
                &p.account,
            )?;
            i.link(link);
            Ok(CaseItem::Incident(i))
        })
    };
    let incident = new_incident(&mut ring, &root, &case)
        .unwrap()
        .item
        .id()
        .to_string();
    // The complainant, a counsellor, can open neither the case nor its incident.
    let mut counsel_ring = w.unlock(&counsel);
    let listed = w.listed(&counsel, &mut counsel_ring, HARASSMENT);
    assert!(
        !listed.contains(&case) && !listed.contains(&incident),
        "{listed:?}"
    );
    // Nor can they link an incident of their own to the case, to learn it exists.
    let refused = new_incident(&mut counsel_ring, &counsel, &case);
    assert!(
        matches!(refused, Err(ServiceError::Case(CaseFault::NoCase(_)))),
        "{refused:?}"
    );
    drop(counsel_ring);
    w.close();
    let pair = key_pair(&w.path, "counsel");
    let opened = cases_opened_by(&w.path, &pair);
    assert!(
        !opened
            .iter()
            .any(|k| k.ends_with(&incident) || k.ends_with(&case)),
        "{opened:?}"
    );
}

#[test]
fn a_damaged_case_does_not_keep_a_holder_out_and_the_list_names_it() {
    let mut w = World::new();
    w.init_both();
    let root = w.root.clone();
    let mut ring = w.unlock(&root);
    let good = w.health_case(&root, &mut ring, &w.staff[0], "記録");
    let bad = w.health_case(&root, &mut ring, &w.staff[1], "記録");
    drop(ring);
    w.close();
    {
        // One bit of the damaged case's ciphertext turns.
        let db = redb::Database::open(&w.path).unwrap();
        let tx = db.begin_write().unwrap();
        {
            let mut t = tx
                .open_table(redb::TableDefinition::<&str, &[u8]>::new("sealed_cases"))
                .unwrap();
            let key = format!("health/{bad}");
            let mut bytes = redb::ReadableTable::get(&t, key.as_str())
                .unwrap()
                .unwrap()
                .value()
                .to_vec();
            let last = bytes.len() - 1;
            bytes[last] ^= 1;
            t.insert(key.as_str(), bytes.as_slice()).unwrap();
        }
        tx.commit().unwrap();
    }
    w.reopen();
    let mut ring = w.s().unlock(&root, PASS).expect("unlocking is not blocked");
    assert!(w.s().case(&root, &mut ring, HEALTH, &good).is_ok());
    match w.s().cases(&root, &mut ring, HEALTH) {
        Err(ServiceError::Case(CaseFault::Damaged(detail))) => {
            assert!(detail.contains(&bad), "{detail}")
        }
        other => panic!("{other:?}"),
    }
}
