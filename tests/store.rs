//! The database file: creation mode, refusals with clear reasons, one transaction per
//! command, and the lock held by another process.

mod common;

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::sync::Arc;

use common::{Home, stderr};
use kizuna::domain::{Date, FixedClock};
use kizuna::service::{self, Principal, Service, ServiceError};
use kizuna::store::{Store, StoreError};

fn clock() -> Arc<FixedClock> {
    Arc::new(FixedClock::at_noon(Date::new(2026, 11, 25).unwrap()))
}

fn root() -> Principal {
    Principal::current()
}

#[test]
fn new_databases_are_private_whatever_the_umask() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sub/kizuna.redb");
    // SAFETY: umask only changes this process's file-creation mask.
    let old = unsafe { libc::umask(0) };
    let made = service::init(&path, &root(), clock());
    unsafe { libc::umask(old) };
    made.unwrap();
    assert_eq!(std::fs::metadata(&path).unwrap().mode() & 0o777, 0o600);
    assert_eq!(
        std::fs::metadata(path.parent().unwrap()).unwrap().mode() & 0o777,
        0o700
    );
    // Nothing half-made is left beside it.
    let names: Vec<String> = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["kizuna.redb"]);
}

#[test]
fn init_refuses_an_existing_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("k.redb");
    std::fs::write(&path, b"keep me").unwrap();
    let err = service::init(&path, &root(), clock()).err().unwrap();
    assert!(
        matches!(err, ServiceError::Store(StoreError::Exists { .. })),
        "{err:?}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), b"keep me");
}

#[test]
fn a_file_others_may_read_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("k.redb");
    service::init(&path, &root(), clock()).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    let err = Store::open(&path).err().unwrap();
    assert!(
        matches!(err, StoreError::TooOpen { mode: 0o640, .. }),
        "{err:?}"
    );
}

#[test]
fn a_file_another_account_owns_is_refused() {
    if kizuna::store::file::effective_uid() != 0 {
        // Changing a file's owner needs root; CI runs as root, so this runs there.
        eprintln!("skipped: not root");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("k.redb");
    service::init(&path, &root(), clock()).unwrap();
    std::os::unix::fs::chown(&path, Some(1), None).unwrap();
    let err = Store::open(&path).err().unwrap();
    assert!(
        matches!(
            err,
            StoreError::NotOwner {
                owner: 1,
                me: 0,
                ..
            }
        ),
        "{err:?}"
    );
}

#[test]
fn garbage_and_truncated_files_are_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let garbage = dir.path().join("garbage.redb");
    std::fs::write(&garbage, vec![0x5a; 8192]).unwrap();
    std::fs::set_permissions(&garbage, std::fs::Permissions::from_mode(0o600)).unwrap();
    let err = Store::open(&garbage).err().unwrap();
    assert!(
        matches!(
            err,
            StoreError::Corrupt { .. } | StoreError::NotKizuna { .. }
        ),
        "{err:?}"
    );

    let good = dir.path().join("good.redb");
    service::create_demo(&good, &root(), clock(), 50, 1).unwrap();
    let bytes = std::fs::read(&good).unwrap();
    let cut = dir.path().join("cut.redb");
    std::fs::write(&cut, &bytes[..bytes.len() / 3]).unwrap();
    std::fs::set_permissions(&cut, std::fs::Permissions::from_mode(0o600)).unwrap();
    assert!(
        Store::open(&cut).is_err(),
        "a truncated file must not open as if whole"
    );
}

#[test]
fn a_redb_file_that_is_not_kizuna_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.redb");
    let db = redb::Database::create(&path).unwrap();
    let w = db.begin_write().unwrap();
    w.open_table(redb::TableDefinition::<&str, u64>::new("things"))
        .unwrap();
    w.commit().unwrap();
    drop(db);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    let err = Store::open(&path).err().unwrap();
    assert!(matches!(err, StoreError::NotKizuna { .. }), "{err:?}");
}

#[test]
fn a_newer_schema_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("k.redb");
    service::init(&path, &root(), clock()).unwrap();
    {
        let db = redb::Database::open(&path).unwrap();
        let w = db.begin_write().unwrap();
        w.open_table(redb::TableDefinition::<&str, &[u8]>::new("meta"))
            .unwrap()
            .insert("schema_version", 99u32.to_le_bytes().as_slice())
            .unwrap();
        w.commit().unwrap();
    }
    let err = Store::open(&path).err().unwrap();
    assert!(
        matches!(
            err,
            StoreError::Newer {
                found: 99,
                supported: kizuna::store::SCHEMA_VERSION,
                ..
            }
        ),
        "{err:?}"
    );
}

#[test]
fn a_failed_command_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("k.redb");
    let s = service::init(&path, &root(), clock()).unwrap();
    let before = s.check(&root()).unwrap();
    // Linking an account to a staff number that does not exist fails inside the
    // transaction: neither the account nor an audit entry may appear.
    let err = s
        .add_account(&root(), "hr.kato", Some("999999"))
        .unwrap_err();
    assert!(matches!(err, ServiceError::NotFound { .. }));
    let after = s.check(&root()).unwrap();
    assert_eq!(before.audit_entries, after.audit_entries);
    assert_eq!(before.counts, after.counts);
    assert!(
        s.accounts(&root())
            .unwrap()
            .iter()
            .all(|a| a.name != "hr.kato")
    );
}

#[test]
fn every_write_appends_to_the_audit_chain() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("k.redb");
    let s = service::init(&path, &root(), clock()).unwrap();
    s.add_account(&root(), "hr.kato", None).unwrap();
    s.grant(&root(), "hr.kato", kizuna::domain::Role::Hr)
        .unwrap();
    s.revoke(&root(), "hr.kato", kizuna::domain::Role::Hr)
        .unwrap();
    let report = s.check(&root()).unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    assert_eq!(report.audit_entries, 4, "init, add, grant, revoke");
}

#[test]
fn a_second_process_gets_a_clear_message_and_exit_code_3() {
    let home = Home::with_demo(30);
    let db = home.demo_db();
    let held = Service::open(&db, clock()).unwrap();
    // Taken while this process holds the file: what the refused ones must not change.
    // (The holder's own open may settle redb's free pages, so not before it.)
    let before = std::fs::read(&db).unwrap();
    for args in [
        vec!["--demo", "stats"],
        vec!["--demo", "check"],
        vec!["--demo", "user", "add", "x"],
    ] {
        let out = home.run(&args);
        assert_eq!(out.status.code(), Some(3), "{args:?}");
        let err = stderr(&out);
        assert!(
            err.contains(&db.display().to_string()),
            "names the file: {err}"
        );
        assert!(err.contains("別のプロセスが開いています"), "{err}");
        assert!(!err.contains("panicked"), "{err}");
    }
    let out = home.run(&["--demo", "--lang", "en", "stats"]);
    assert!(
        stderr(&out).contains("is open in another process"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        std::fs::read(&db).unwrap(),
        before,
        "the refused commands wrote nothing"
    );
    drop(held);
    home.ok(&["--demo", "check"]);
}

#[test]
fn check_reports_a_broken_index_by_table_and_key() {
    let home = Home::with_demo(30);
    let db = home.demo_db();
    {
        let raw = redb::Database::open(&db).unwrap();
        let w = raw.begin_write().unwrap();
        {
            let mut t = w
                .open_table(redb::TableDefinition::<(&str, u32, &str), ()>::new(
                    "idx_unit_history",
                ))
                .unwrap();
            t.insert(("0101", 20200401u32, "ghost"), ()).unwrap();
            let mut e = w
                .open_table(redb::TableDefinition::<&str, &[u8]>::new("employees"))
                .unwrap();
            e.insert("badrec", [1u8, 0, 0xff, 0xff].as_slice()).unwrap();
        }
        w.commit().unwrap();
    }
    let out = home.run(&["--demo", "check"]);
    assert_eq!(out.status.code(), Some(4));
    let text = common::stdout(&out);
    assert!(text.contains("配置索引\t0101/20200401/ghost"), "{text}");
    assert!(text.contains("職員\tbadrec\t読み取れません"), "{text}");
    assert!(stderr(&out).contains("2 件の問題"), "{}", stderr(&out));
}
