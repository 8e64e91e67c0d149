//! The access matrix, role by permission, every cell; and the service enforcing it for
//! accounts that hold each role.

use std::sync::Arc;

use kizuna::domain::{Date, FixedClock, Role};
use kizuna::service::access::{Permission, role_allows};
use kizuna::service::{self, Principal, Service, ServiceError};

/// The expected table, written out cell by cell: `x` where the role grants it.
/// Columns: admin, hr, health, counselor, auditor, viewer.
const EXPECTED: &[(Permission, [char; 6])] = &[
    (Permission::StaffRead, ['.', 'x', '.', '.', '.', 'x']),
    (Permission::StaffWrite, ['.', 'x', '.', '.', '.', '.']),
    (Permission::CatalogueRead, ['x', 'x', 'x', 'x', 'x', 'x']),
    (Permission::CatalogueEdit, ['x', '.', '.', '.', '.', '.']),
    (Permission::AccountsManage, ['x', '.', '.', '.', '.', '.']),
    (Permission::AuditRead, ['.', '.', '.', '.', 'x', '.']),
    (Permission::Maintain, ['x', '.', '.', '.', '.', '.']),
    (Permission::Stats, ['x', 'x', '.', '.', 'x', '.']),
    (Permission::HealthCases, ['.', '.', 'x', '.', '.', '.']),
    (Permission::HarassmentCases, ['.', '.', '.', 'x', '.', '.']),
];

const ROLES: [Role; 6] = [
    Role::Admin,
    Role::Hr,
    Role::Health,
    Role::Counselor,
    Role::Auditor,
    Role::Viewer,
];

#[test]
fn every_cell_of_the_matrix() {
    assert_eq!(
        EXPECTED.len(),
        Permission::ALL.len(),
        "a permission is missing here"
    );
    for (permission, row) in EXPECTED {
        for (role, cell) in ROLES.iter().zip(row) {
            assert_eq!(
                role_allows(*role, *permission),
                *cell == 'x',
                "{role} / {}",
                permission.code()
            );
        }
    }
}

#[test]
fn an_admin_without_a_case_role_reads_no_case() {
    assert!(!role_allows(Role::Admin, Permission::HealthCases));
    assert!(!role_allows(Role::Admin, Permission::HarassmentCases));
}

struct World {
    _dir: tempfile::TempDir,
    service: Service,
    admin: Principal,
}

/// A demo database whose creator holds every role, plus one account per single role.
fn world() -> World {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.redb");
    let clock = Arc::new(FixedClock::at_noon(Date::new(2026, 11, 25).unwrap()));
    let admin = Principal::named("root", 0);
    service::create_demo(&path, &admin, clock.clone(), 40, 3).unwrap();
    let service = Service::open(&path, clock).unwrap();
    for role in [Role::Admin, Role::Hr, Role::Auditor, Role::Viewer] {
        let name = format!("only.{}", role.code());
        service.add_account(&admin, &name, None).unwrap();
        service.grant(&admin, &name, role).unwrap();
    }
    World {
        _dir: dir,
        service,
        admin,
    }
}

fn as_role(role: &str) -> Principal {
    Principal::named(&format!("only.{role}"), 5000)
}

fn denied<T: std::fmt::Debug>(r: Result<T, ServiceError>) -> bool {
    matches!(r, Err(ServiceError::Denied { .. }))
}

#[test]
fn the_service_enforces_the_table() {
    let w = world();
    let s = &w.service;
    let some_staff = "260001";
    // Staff look-up: hr and viewer.
    assert!(s.employee(&as_role("hr"), some_staff).is_ok());
    assert!(s.employee(&as_role("viewer"), some_staff).is_ok());
    assert!(denied(s.employee(&as_role("admin"), some_staff)));
    assert!(denied(s.employee(&as_role("auditor"), some_staff)));
    // Accounts: admin only.
    assert!(s.accounts(&as_role("admin")).is_ok());
    assert!(denied(s.accounts(&as_role("hr"))));
    assert!(denied(s.add_account(&as_role("viewer"), "x", None)));
    // Catalogue: every role.
    for role in ["admin", "hr", "auditor", "viewer"] {
        assert!(s.catalogue(&as_role(role)).is_ok(), "{role}");
    }
    // Maintenance: admin only.
    assert!(s.check(&as_role("admin")).is_ok());
    assert!(denied(s.check(&as_role("hr"))));
    // Stats: admin, hr, auditor.
    assert!(s.stats(&as_role("auditor")).is_ok());
    assert!(denied(s.stats(&as_role("viewer"))));
    // An account the database does not know can do nothing at all.
    let stranger = Principal::named("stranger", 4242);
    assert!(denied(s.catalogue(&stranger)));
    assert!(denied(s.employee(&stranger, some_staff)));
}

#[test]
fn case_roles_are_not_granted_here() {
    let w = world();
    for role in [Role::Health, Role::Counselor] {
        let err = w.service.grant(&w.admin, "only.hr", role).unwrap_err();
        assert!(matches!(err, ServiceError::CaseRole(r) if r == role));
    }
}

#[test]
fn the_last_admin_keeps_the_role() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("k.redb");
    let clock = Arc::new(FixedClock::at_noon(Date::new(2026, 11, 25).unwrap()));
    let me = Principal::named("hr.first", 5001);
    let s = service::init(&path, &me, clock).unwrap();
    assert!(matches!(
        s.revoke(&me, "hr.first", Role::Admin),
        Err(ServiceError::LastAdmin)
    ));
    s.add_account(&me, "hr.second", None).unwrap();
    s.grant(&me, "hr.second", Role::Admin).unwrap();
    s.revoke(&me, "hr.first", Role::Admin).unwrap();
    assert!(denied(s.accounts(&me)), "no longer an admin");
}
