//! Record revisions: every write of a record raises its revision in the same
//! transaction, and a save from a stale revision is refused with both versions, so
//! that several HR staff working at once through one server never lose an update.

mod common;

use std::sync::Arc;

use kizuna::catalogue::demo;
use kizuna::domain::{Date, Employee, FixedClock};
use kizuna::i18n::Lang;
use kizuna::service::{self, Principal, Service, ServiceError, Theirs};
use kizuna::store::{Record, Store, check};

fn clock() -> Arc<FixedClock> {
    Arc::new(FixedClock::at_noon(Date::new(2026, 11, 25).unwrap()))
}

fn person() -> Employee {
    demo::generate(1, 1).unwrap().staff.remove(0)
}

/// A demo database of 30 people, closed again.
fn demo_db() -> (tempfile::TempDir, std::path::PathBuf, Principal) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.redb");
    let p = Principal::named("hr.test", 5000);
    service::create_demo(&path, &p, clock(), 30, 7).unwrap();
    (dir, path, p)
}

#[test]
fn every_put_raises_the_revision_and_a_dropped_transaction_does_not() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::create(&dir.path().join("new.redb")).unwrap();
    let e = person();
    let key = e.staff_no.clone();
    assert_eq!(store.read().unwrap().revision::<Employee>(&key).unwrap(), 0);

    for expected in 1..=3 {
        let mut w = store.write().unwrap();
        w.put(&e).unwrap();
        assert_eq!(
            w.revision::<Employee>(&key).unwrap(),
            expected,
            "seen inside"
        );
        w.commit().unwrap();
        let r = store.read().unwrap();
        assert_eq!(r.revision::<Employee>(&key).unwrap(), expected);
    }

    // A transaction dropped without commit leaves the revision where it was.
    let mut w = store.write().unwrap();
    w.put(&e).unwrap();
    assert_eq!(w.revision::<Employee>(&key).unwrap(), 4);
    drop(w);
    assert_eq!(store.read().unwrap().revision::<Employee>(&key).unwrap(), 3);

    // A delete raises it and keeps it: the same key made again never repeats one.
    let mut w = store.write().unwrap();
    assert!(w.delete::<Employee>(&key).unwrap());
    w.commit().unwrap();
    assert_eq!(store.read().unwrap().revision::<Employee>(&key).unwrap(), 4);
    let mut w = store.write().unwrap();
    w.put(&e).unwrap();
    w.commit().unwrap();
    let r = store.read().unwrap();
    assert_eq!(r.revision::<Employee>(&key).unwrap(), 5);
    assert_eq!(r.revision::<Employee>("no-such-person").unwrap(), 0);
    assert_eq!(
        r.revisions().unwrap(),
        vec![(Employee::TABLE.to_string(), key.clone(), 5)]
    );
}

#[test]
fn a_backup_keeps_the_revisions() {
    let (dir, path, _p) = demo_db();
    let store = Store::open(&path).unwrap();
    let before = store.read().unwrap().revisions().unwrap();
    assert!(!before.is_empty(), "the demo's records were written");
    assert!(before.iter().all(|(_, _, rev)| *rev >= 1));
    let report = check::check(&store.read().unwrap()).unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    let copy = dir.path().join("copy.redb");
    store.backup_to(&copy).unwrap();
    let copied = Store::open_read_only(&copy).unwrap();
    assert_eq!(copied.read().unwrap().revisions().unwrap(), before);
}

#[test]
fn an_older_database_reads_revision_zero_read_only_and_after_migrating() {
    let (_dir, path) = common::fixture_copy("tests/fixtures/schema-v5/demo-40.redb");
    let no = {
        let store = Store::open_read_only(&path).unwrap();
        let r = store.read().unwrap();
        let no = r.all::<Employee>().unwrap()[0].staff_no.clone();
        assert_eq!(r.revision::<Employee>(&no).unwrap(), 0);
        assert!(r.revisions().unwrap().is_empty());
        no
    };
    let s = Service::open(&path, clock()).unwrap();
    let root = Principal::named("root", 0);
    let view = s.employee(&root, &no).unwrap();
    assert_eq!(view.revision, 0);
    let mut e = view.employee.clone();
    e.alias = Some("通称".into());
    s.update_employee(&root, &e, 0).unwrap();
    assert_eq!(s.employee(&root, &no).unwrap().revision, 1);
}

#[test]
fn a_stale_update_is_refused_with_both_versions_and_writes_nothing() {
    let (_dir, path, p) = demo_db();
    let s = Service::open(&path, clock()).unwrap();
    let no = s.directory(&p).unwrap().entries[0].staff_no.clone();
    let opened = s.employee(&p, &no).unwrap();

    // Two people open the same record; the first saves.
    let mut theirs = opened.employee.clone();
    theirs.alias = Some("さっちゃん".into());
    s.update_employee(&p, &theirs, opened.revision).unwrap();
    let after_theirs = s.employee(&p, &no).unwrap();
    assert_eq!(after_theirs.revision, opened.revision + 1);
    let audit = s.stats(&p).unwrap().counts;

    // The second saves from the revision they opened: refused, nothing written.
    let mut mine = opened.employee.clone();
    mine.former_name = Some("旧姓".into());
    let err = s
        .update_employee(&p, &mine, opened.revision)
        .expect_err("a stale save is refused");
    let ServiceError::Conflict(c) = &err else {
        panic!("{err:?}");
    };
    assert_eq!((c.kind, c.id.as_str()), ("employee", no.as_str()));
    assert_eq!(
        (c.opened, c.current),
        (opened.revision, opened.revision + 1)
    );
    assert_eq!(c.theirs, Theirs::Employee(Box::new(theirs.clone())));
    let stored = s.employee(&p, &no).unwrap();
    assert_eq!(stored.employee, theirs, "their save stays");
    assert_eq!(stored.revision, after_theirs.revision);
    assert_eq!(s.stats(&p).unwrap().counts, audit, "no audit entry either");

    // The message names the record and both revisions, in either language.
    let ja = kizuna::cli::service_message(&err, Lang::Ja);
    let en = kizuna::cli::service_message(&err, Lang::En);
    for text in [&ja, &en] {
        assert!(text.contains(&no), "{text}");
        assert!(text.contains(&format!("{}", opened.revision)), "{text}");
        assert!(text.contains(&format!("{}", opened.revision + 1)), "{text}");
    }
    assert!(ja.contains("別の人が保存しました"), "{ja}");
    assert!(en.contains("saved by someone else"), "{en}");

    // Knowing their version, the save from their revision goes through.
    mine.alias = theirs.alias.clone();
    s.update_employee(&p, &mine, c.current).unwrap();
    let last = s.employee(&p, &no).unwrap();
    assert_eq!(last.employee, mine);
    assert_eq!(last.revision, c.current + 1);
}

#[test]
fn the_conflict_crosses_the_socket_whole() {
    let (_dir, path, p) = demo_db();
    let api = kizuna::remote::Api::local(Service::open(&path, clock()).unwrap());
    let no = api.directory(&p).unwrap().entries[0].staff_no.clone();
    let v = api.employee(&p, &no).unwrap();
    let mut e = v.employee.clone();
    e.alias = Some("一".into());
    api.update_employee(&p, &e, v.revision).unwrap();
    let err = api.update_employee(&p, &e, v.revision).unwrap_err();
    let err = kizuna::remote::Fault::for_wire(err, Lang::En);
    let config = bincode::config::standard();
    let bytes = bincode::serde::encode_to_vec(&err, config).unwrap();
    let (back, _): (ServiceError, usize) =
        bincode::serde::decode_from_slice(&bytes, config).unwrap();
    match back {
        ServiceError::Conflict(c) => {
            assert_eq!((c.opened, c.current), (v.revision, v.revision + 1));
            assert_eq!(c.theirs, Theirs::Employee(Box::new(e)));
        }
        other => panic!("{other:?}"),
    }
}
