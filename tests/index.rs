//! The unit-history index follows every change of a person's posts, in the same
//! transaction, and `check` agrees with it.

use kizuna::catalogue::demo;
use kizuna::domain::{Assignment, AssignmentKind, Date, Employee};
use kizuna::store::{Store, check};

fn entries(store: &Store, unit: &str) -> Vec<(u32, String)> {
    store.read().unwrap().staff_in_unit(unit).unwrap()
}

#[test]
fn put_update_and_delete_keep_the_index_exact() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::create(&dir.path().join("k.redb")).unwrap();
    let data = demo::generate(1, 5).unwrap();
    let mut w = store.write().unwrap();
    data.units.iter().for_each(|u| w.put(u).unwrap());
    let mut e: Employee = data.staff[0].clone();
    e.history.truncate(1);
    let first_unit = e.history[0].unit.clone();
    w.put(&e).unwrap();
    w.commit().unwrap();
    assert_eq!(entries(&store, &first_unit).len(), 1);

    // A transfer adds an entry in the new unit and keeps the old one.
    e.assign(Assignment {
        effective: Date::new(2030, 4, 1).unwrap(),
        unit: "0101".into(),
        title: e.history[0].title.clone(),
        kind: AssignmentKind::Transfer,
    })
    .unwrap();
    let mut w = store.write().unwrap();
    w.put(&e).unwrap();
    w.commit().unwrap();
    assert_eq!(entries(&store, "0101"), [(20300401, e.staff_no.clone())]);
    assert_eq!(
        entries(&store, &first_unit).len(),
        1 + usize::from(first_unit == "0101")
    );

    // An uncommitted change leaves nothing behind.
    let mut w = store.write().unwrap();
    w.delete::<Employee>(&e.staff_no).unwrap();
    drop(w);
    assert_eq!(entries(&store, "0101").len(), 1);

    // Deleting removes every entry of the person.
    let mut w = store.write().unwrap();
    assert!(w.delete::<Employee>(&e.staff_no).unwrap());
    w.commit().unwrap();
    assert!(entries(&store, "0101").is_empty());
    assert!(entries(&store, &first_unit).is_empty());
    let report = check::check(&store.read().unwrap()).unwrap();
    assert!(
        report
            .problems
            .iter()
            .all(|p| p.table != "idx_unit_history"),
        "{:?}",
        report.problems
    );
}
