//! The access matrix of the restricted case logs: every kind of account against every
//! case action, in both domains, each cell asserted against a table written out by hand.
//!
//! Accounts that cannot unlock a keyring of their own are handed the unlocked keyring of
//! a holder of both domains (root's, with its case keys already cached): holding someone
//! else's unlocked keys must not open anything either.

#[path = "common/cases.rs"]
mod cases_world;

use cases_world::{PASS, World, add_entry, day, deny, refused};
use kizuna::domain::Role;
use kizuna::domain::cases::{
    CaseDomain, CaseItem, Channel, Complainant, HarassmentCase, HarassmentKind, HealthCase,
    HealthKind, Respondent,
};
use kizuna::service::cases::{CaseFault, Keyring};
use kizuna::service::{Principal, ServiceError};

/// The columns of each domain's table.
const COLUMNS: [&str; 10] = [
    "unlock", "list", "visible", "view", "create", "change", "grant", "revoke", "recover", "init",
];

/// Who asks: the row's label and the account it runs as.
const ROWS: [(&str, &str); 14] = [
    ("admin", "only.admin"),
    ("hr", "only.hr"),
    ("health", "only.health"),
    ("counselor", "only.counselor"),
    ("auditor", "only.auditor"),
    ("viewer", "only.viewer"),
    ("no role", "no.role"),
    ("unknown account", "stranger"),
    ("involved: subject", "inv.subject"),
    ("involved: complainant", "inv.complainant"),
    ("involved: respondent", "inv.respondent"),
    ("denied", "denied"),
    ("admin + case roles", "adm.holder"),
    ("revoked holder", "revoked"),
];

/// Mental-health cases. `x`: allowed (for `unlock`: the keyring opens the domain; for
/// `visible`: the case appears in the list; for `init`: the domain is refused only
/// because it is set up already). `.`: refused. Column heads: unlock, list, visible,
/// view, create, change, grant, revoke, recover, init.
#[rustfmt::skip]
const HEALTH: [(&str, [char; 10]); 14] = [
    //                           unlk list vis  view make chng grnt rvke recv init
    ("admin",                   ['.', '.', '.', '.', '.', '.', '.', '.', 'x', 'x']),
    ("hr",                      ['.', '.', '.', '.', '.', '.', '.', '.', '.', '.']),
    ("health",                  ['x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', '.', '.']),
    ("counselor",               ['.', '.', '.', '.', '.', '.', '.', '.', '.', '.']),
    ("auditor",                 ['.', '.', '.', '.', '.', '.', '.', '.', '.', '.']),
    ("viewer",                  ['.', '.', '.', '.', '.', '.', '.', '.', '.', '.']),
    ("no role",                 ['.', '.', '.', '.', '.', '.', '.', '.', '.', '.']),
    ("unknown account",         ['.', '.', '.', '.', '.', '.', '.', '.', '.', '.']),
    ("involved: subject",       ['x', 'x', '.', '.', 'x', '.', 'x', 'x', '.', '.']),
    ("involved: complainant",   ['x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', '.', '.']),
    ("involved: respondent",    ['x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', '.', '.']),
    ("denied",                  ['x', 'x', '.', '.', 'x', '.', 'x', 'x', '.', '.']),
    ("admin + case roles",      ['x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x']),
    ("revoked holder",          ['.', '.', '.', '.', '.', '.', '.', '.', '.', '.']),
];

/// Harassment cases, read as [`HEALTH`].
#[rustfmt::skip]
const HARASSMENT: [(&str, [char; 10]); 14] = [
    //                           unlk list vis  view make chng grnt rvke recv init
    ("admin",                   ['.', '.', '.', '.', '.', '.', '.', '.', 'x', 'x']),
    ("hr",                      ['.', '.', '.', '.', '.', '.', '.', '.', '.', '.']),
    ("health",                  ['.', '.', '.', '.', '.', '.', '.', '.', '.', '.']),
    ("counselor",               ['x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', '.', '.']),
    ("auditor",                 ['.', '.', '.', '.', '.', '.', '.', '.', '.', '.']),
    ("viewer",                  ['.', '.', '.', '.', '.', '.', '.', '.', '.', '.']),
    ("no role",                 ['.', '.', '.', '.', '.', '.', '.', '.', '.', '.']),
    ("unknown account",         ['.', '.', '.', '.', '.', '.', '.', '.', '.', '.']),
    ("involved: subject",       ['x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', '.', '.']),
    ("involved: complainant",   ['x', 'x', '.', '.', 'x', '.', 'x', 'x', '.', '.']),
    ("involved: respondent",    ['x', 'x', '.', '.', 'x', '.', 'x', 'x', '.', '.']),
    ("denied",                  ['x', 'x', '.', '.', 'x', '.', 'x', 'x', '.', '.']),
    ("admin + case roles",      ['x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x']),
    ("revoked holder",          ['.', '.', '.', '.', '.', '.', '.', '.', '.', '.']),
];

const DOMAINS: [CaseDomain; 2] = [CaseDomain::Health, CaseDomain::Harassment];

fn expected(domain: CaseDomain) -> &'static [(&'static str, [char; 10]); 14] {
    match domain {
        CaseDomain::Health => &HEALTH,
        CaseDomain::Harassment => &HARASSMENT,
    }
}

/// The cells found, by (domain, row, column), with what was seen when unexpected.
struct Found {
    cells: Vec<(CaseDomain, usize, usize, char, String)>,
}

impl Found {
    fn put<T>(&mut self, d: CaseDomain, row: usize, col: usize, r: &Result<T, ServiceError>) {
        let (cell, seen) = match r {
            Ok(_) => ('x', "allowed".to_string()),
            Err(e) if refused(e) => ('.', format!("{e:?}")),
            Err(e) => ('?', format!("unexpected error {e:?}")),
        };
        self.cells.push((d, row, col, cell, seen));
    }

    fn set(&mut self, d: CaseDomain, row: usize, col: usize, cell: char, seen: String) {
        self.cells.push((d, row, col, cell, seen));
    }

    /// Every cell must be found exactly once and match the table; the message names
    /// every wrong cell.
    fn check(&self) {
        let mut wrong = Vec::new();
        for d in DOMAINS {
            for (row, (label, cells)) in expected(d).iter().enumerate() {
                assert_eq!(*label, ROWS[row].0, "the tables list the rows in order");
                for (col, want) in cells.iter().enumerate() {
                    let got: Vec<_> = self
                        .cells
                        .iter()
                        .filter(|c| c.0 == d && c.1 == row && c.2 == col)
                        .collect();
                    assert_eq!(
                        got.len(),
                        1,
                        "{} / {label} / {}: found {} times",
                        d.code(),
                        COLUMNS[col],
                        got.len()
                    );
                    if got[0].3 != *want {
                        wrong.push(format!(
                            "{} / {label} / {}: expected '{want}', got '{}' ({})",
                            d.code(),
                            COLUMNS[col],
                            got[0].3,
                            got[0].4
                        ));
                    }
                }
            }
        }
        assert!(wrong.is_empty(), "wrong cells:\n{}", wrong.join("\n"));
    }
}

fn col(name: &str) -> usize {
    COLUMNS.iter().position(|c| *c == name).unwrap()
}

/// A new case about staff who are party to nothing else here.
fn build(
    domain: CaseDomain,
    by: &str,
    staff: &str,
) -> impl FnOnce(kizuna::domain::cases::CaseId) -> Result<CaseItem, kizuna::domain::cases::CaseError>
{
    let by = by.to_string();
    let staff = staff.to_string();
    move |id| match domain {
        CaseDomain::Health => Ok(CaseItem::Health(HealthCase::new(
            id,
            staff,
            HealthKind::Consultation,
            day(2026, 11, 20),
            vec![by],
        )?)),
        CaseDomain::Harassment => Ok(CaseItem::Harassment(HarassmentCase::new(
            id,
            day(2026, 11, 20),
            Channel::Phone,
            HarassmentKind::Other,
            Complainant::Anonymous,
            vec![Respondent::Employee(staff)],
            vec![by.clone()],
            &by,
        )?)),
    }
}

#[test]
fn every_cell_of_the_case_matrix() {
    let w = World::new();
    let s = w.s();
    let (rec_health, rec_harassment) = w.init_both();
    let recovery = |d: CaseDomain| match d {
        CaseDomain::Health => rec_health.clone(),
        CaseDomain::Harassment => rec_harassment.clone(),
    };
    let (subject, complainant, respondent, other) = (
        w.staff[0].clone(),
        w.staff[1].clone(),
        w.staff[2].clone(),
        w.staff[3].clone(),
    );

    // The accounts. Case roles come only with keys, through `cases grant`.
    w.account("only.admin", None, &[Role::Admin], true);
    w.account("only.hr", None, &[Role::Hr], true);
    w.account("only.health", None, &[], true);
    w.account("only.counselor", None, &[], true);
    w.account("only.auditor", None, &[Role::Auditor], true);
    w.account("only.viewer", None, &[Role::Viewer], true);
    w.account("no.role", None, &[], true);
    w.account("inv.subject", Some(&subject), &[], true);
    w.account("inv.complainant", Some(&complainant), &[], true);
    w.account("inv.respondent", Some(&respondent), &[], true);
    w.account("denied", None, &[], true);
    w.account("adm.holder", None, &[Role::Admin], true);
    w.account("revoked", None, &[], true);
    w.account("victim", None, &[], true);
    w.account("grantee", None, &[], true);
    for role in [Role::Health, Role::Counselor] {
        assert!(
            matches!(s.grant(&w.root, "only.health", role), Err(ServiceError::CaseRole(r)) if r == role),
            "the plain grant refuses case roles"
        );
    }

    let mut root_ring = w.unlock(&w.root);
    // The health case exists before its holders are granted (grant shares it); the
    // harassment case is made after (creation wraps it for them).
    let health_id = w.health_case(&w.root, &mut root_ring, &subject, "面談記録");
    let holders_of = |d: CaseDomain| -> Vec<&str> {
        let own = match d {
            CaseDomain::Health => "only.health",
            CaseDomain::Harassment => "only.counselor",
        };
        vec![
            own,
            "inv.subject",
            "inv.complainant",
            "inv.respondent",
            "denied",
            "adm.holder",
            "revoked",
            "victim",
        ]
    };
    for d in DOMAINS {
        for account in holders_of(d) {
            s.cases_grant(&w.root, &mut root_ring, account, d).unwrap();
        }
    }
    let harassment_id = w.harassment_case(
        &w.root,
        &mut root_ring,
        &complainant,
        &respondent,
        "相談受付",
    );
    let fixture = |d: CaseDomain| match d {
        CaseDomain::Health => health_id.clone(),
        CaseDomain::Harassment => harassment_id.clone(),
    };
    for d in DOMAINS {
        s.change_case(&w.root, &mut root_ring, d, &fixture(d), |item, _, _| {
            deny(item, "denied");
            Ok(())
        })
        .unwrap();
    }
    // A holder who opened both cases, then lost both roles: the keyring they unlocked
    // then, with the case keys in it, is what they try with.
    let revoked = Principal::named("revoked", 1000);
    let mut revoked_ring = w.unlock(&revoked);
    for d in DOMAINS {
        assert!(
            w.listed(&revoked, &mut revoked_ring, d)
                .contains(&fixture(d))
        );
    }
    for d in DOMAINS {
        s.cases_revoke(&w.root, &mut root_ring, "revoked", d)
            .unwrap();
    }
    // Root's keyring, with both cases' keys cached, is the one others borrow.
    for d in DOMAINS {
        s.case(&w.root, &mut root_ring, d, &fixture(d)).unwrap();
    }

    let mut found = Found { cells: Vec::new() };
    let principal = |row: usize| Principal::named(ROWS[row].1, 1000);

    // Reading and writing cases.
    for row in 0..ROWS.len() {
        let p = principal(row);
        let unlocked = s.unlock(&p, PASS);
        for d in DOMAINS {
            match &unlocked {
                Ok(ring) if ring.holds(d) => {
                    found.set(d, row, col("unlock"), 'x', "opens the domain".into())
                }
                Ok(_) => found.set(d, row, col("unlock"), '.', "unlocked without it".into()),
                Err(e) => found.put::<()>(d, row, col("unlock"), &Err(clone_err(e))),
            }
        }
        let mut own = unlocked.ok();
        let ring = pick(&mut own, row, &mut revoked_ring, &mut root_ring);
        for d in DOMAINS {
            let listed = s.cases(&p, ring, d);
            found.put(d, row, col("list"), &listed);
            let visible = listed
                .as_ref()
                .map(|l| l.iter().any(|v| v.item.id().as_str() == fixture(d)))
                .unwrap_or(false);
            found.set(
                d,
                row,
                col("visible"),
                if visible { 'x' } else { '.' },
                format!("visible: {visible}"),
            );
            let viewed = s.case(&p, ring, d, &fixture(d));
            if let Ok(v) = &viewed {
                assert_eq!(v.item.id().as_str(), fixture(d));
            }
            found.put(d, row, col("view"), &viewed);
            let made = s.create_case(&p, ring, d, build(d, &p.account, &other));
            found.put(d, row, col("create"), &made);
            let text = format!("{} の記録", p.account);
            let changed = s.change_case(&p, ring, d, &fixture(d), |item, by, on| {
                add_entry(item, by, on, &text)
            });
            if let Ok(v) = &changed {
                let entries = match &v.item {
                    CaseItem::Health(c) => &c.entries,
                    CaseItem::Harassment(c) => &c.entries,
                    CaseItem::Incident(c) => &c.entries,
                };
                assert_eq!(entries.last().map(|e| e.text.as_str()), Some(text.as_str()));
            }
            found.put(d, row, col("change"), &changed);
        }
    }

    // Granting and revoking, each with a keyring unlocked just before, since every
    // revocation renews the domain's secret. The revocation takes back the grant when
    // it was made, else tries a standing holder.
    for row in 0..ROWS.len() {
        let p = principal(row);
        let mut own = s.unlock(&p, PASS).ok();
        let ring = pick(&mut own, row, &mut revoked_ring, &mut root_ring);
        for d in DOMAINS {
            let granted = s.cases_grant(&p, ring, "grantee", d);
            found.put(d, row, col("grant"), &granted);
            let target = if granted.is_ok() { "grantee" } else { "victim" };
            let revoked = s.cases_revoke(&p, ring, target, d);
            found.put(d, row, col("revoke"), &revoked);
        }
    }

    // Recovery with the key from the safe, and setting a domain up.
    for row in 0..ROWS.len() {
        let p = principal(row);
        for d in DOMAINS {
            let recovered = s.cases_recover(&p, d, &recovery(d));
            found.put(d, row, col("recover"), &recovered);
        }
    }
    for row in 0..ROWS.len() {
        let p = principal(row);
        for d in DOMAINS {
            match s.cases_init(&p, d) {
                Err(ServiceError::Case(CaseFault::AlreadyReady(x))) if x == d => {
                    found.set(d, row, col("init"), 'x', "already set up".into())
                }
                Ok(_) => found.set(d, row, col("init"), '?', "set up a second time".into()),
                Err(e) => found.put::<()>(d, row, col("init"), &Err(e)),
            }
        }
    }

    found.check();
}

/// The keyring a row acts with: its own when it unlocks one; the one a revoked holder
/// kept from before; else another holder's, borrowed.
fn pick<'a>(
    own: &'a mut Option<Keyring>,
    row: usize,
    revoked: &'a mut Keyring,
    borrowed: &'a mut Keyring,
) -> &'a mut Keyring {
    match own {
        Some(r) => r,
        None if ROWS[row].1 == "revoked" => revoked,
        None => borrowed,
    }
}

/// `ServiceError` is not `Clone`; the refusals compared here are.
fn clone_err(e: &ServiceError) -> ServiceError {
    match e {
        ServiceError::Denied {
            account,
            permission,
        } => ServiceError::Denied {
            account: account.clone(),
            permission: *permission,
        },
        ServiceError::Case(f) => ServiceError::Case(f.clone()),
        other => ServiceError::Case(CaseFault::Damaged(format!("{other:?}"))),
    }
}

#[test]
fn an_admin_without_the_case_role_sees_nothing() {
    let mut w = World::new();
    let s = w.s();
    w.init_both();
    let admin = w.account("only.admin", None, &[Role::Admin], true);
    let mut root_ring = w.unlock(&w.root);
    let id = w.health_case(&w.root, &mut root_ring, &w.staff[0], "面談");
    w.harassment_case(&w.root, &mut root_ring, &w.staff[1], &w.staff[2], "相談");

    let session = s.session(&admin).unwrap();
    assert!(!session.roles.contains(&Role::Health));
    assert!(!session.roles.contains(&Role::Counselor));
    assert!(matches!(
        s.unlock(&admin, PASS),
        Err(ServiceError::Denied { .. })
    ));
    // The admin's own view: no domain is theirs, so they hold zero cases.
    for d in DOMAINS {
        assert!(refused(&s.cases(&admin, &mut root_ring, d).unwrap_err()));
        assert!(refused(
            &s.case(&admin, &mut root_ring, d, &id).unwrap_err()
        ));
    }
    // Their key pair opens no slot in the file: zero cases, cryptographically too.
    w.close();
    let pair = cases_world::key_pair(&w.path, "only.admin");
    assert_eq!(
        cases_world::cases_opened_by(&w.path, &pair),
        Vec::<String>::new()
    );
    assert_eq!(
        cases_world::domain_wraps_opened_by(&w.path, &pair),
        Vec::<String>::new()
    );
    // The root admin holds the case roles as well, and so reads both cases.
    let root_pair = cases_world::key_pair(&w.path, "root");
    assert_eq!(cases_world::cases_opened_by(&w.path, &root_pair).len(), 2);
}

#[test]
fn only_an_admin_with_a_key_pair_sets_a_domain_up() {
    let w = World::new();
    let s = w.s();
    let hr = w.account("only.hr", None, &[Role::Hr], true);
    let keyless = w.account("keyless.admin", None, &[Role::Admin], false);
    let admin = w.account("only.admin", None, &[Role::Admin], true);
    for d in DOMAINS {
        assert!(matches!(
            s.cases_init(&hr, d),
            Err(ServiceError::Denied { .. })
        ));
        assert!(matches!(
            s.cases_init(&keyless, d),
            Err(ServiceError::Case(CaseFault::NoKeys))
        ));
        let recovery = s.cases_init(&admin, d).unwrap();
        assert!(
            recovery.starts_with("AGE-SECRET-KEY-1"),
            "shown once for the safe"
        );
        assert!(matches!(
            s.cases_init(&admin, d),
            Err(ServiceError::Case(CaseFault::AlreadyReady(x))) if x == d
        ));
    }
    // Setting up made the admin the first holder of both, and nothing else.
    let session = s.session(&admin).unwrap();
    assert!(session.roles.contains(&Role::Health));
    assert!(session.roles.contains(&Role::Counselor));
    let mut ring = w.unlock(&admin);
    assert_eq!(ring.domains(), DOMAINS.to_vec());
    for d in DOMAINS {
        assert_eq!(w.listed(&admin, &mut ring, d), Vec::<String>::new());
    }
    let status = s.case_domains().unwrap();
    assert!(
        status.iter().all(|st| st.ready && st.holders == 1),
        "{status:?}"
    );
    assert!(!s.session(&hr).unwrap().roles.contains(&Role::Health));
}
