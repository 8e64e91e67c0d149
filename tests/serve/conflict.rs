//! Two HR staff open the same person through the server; the first save wins, the
//! second is refused with the conflict (both revisions and the stored version) and
//! writes nothing; saved again from the new revision, it lands.

use std::time::Duration;

use kizuna::i18n::{Lang, conflict_message};
use kizuna::service::{Principal, ServiceError, Theirs};

use crate::data::home;
use crate::support::{Server, connect, wait_until};

#[test]
fn a_stale_save_through_the_server_is_refused_with_the_other_version() {
    let home = home();
    let socket = home.path().join("k.sock");
    let mut server = Server::start(&home, &home.db(), &socket);
    let me = Principal::current();
    let first = connect(&socket);
    let second = connect(&socket);

    let mine = first.employee(&me, "000123").unwrap();
    let theirs = second.employee(&me, "000123").unwrap();
    assert_eq!(mine.revision, theirs.revision);
    let opened = mine.revision;
    let audit_before = server.ok(&home, &["audit", "list"]).lines().count();

    let mut saved = mine.employee.clone();
    saved.name = "髙橋　誠一".into();
    first.update_employee(&me, &saved, opened).unwrap();
    wait_until(Duration::from_secs(5), "news of the save", || {
        second.commits() > 0
    });

    let mut stale = theirs.employee.clone();
    stale.alias = Some("マコ".into());
    let refused = second.update_employee(&me, &stale, opened).unwrap_err();
    let ServiceError::Conflict(conflict) = &refused else {
        panic!("not a conflict: {refused:?}");
    };
    assert_eq!(conflict.id, "000123");
    assert_eq!(conflict.opened, opened);
    assert!(conflict.current > opened, "{conflict:?}");
    let Theirs::Employee(stored) = &conflict.theirs else {
        panic!("not an employee: {conflict:?}");
    };
    assert_eq!(**stored, saved, "the conflict carries the first save");
    let message = conflict_message(conflict, Lang::Ja);
    assert!(message.contains("000123"), "{message}");

    // Nothing of the refused save was written.
    let shown = server.ok(&home, &["show", "000123", "--format", "json"]);
    assert!(
        shown.contains("髙橋　誠一") && !shown.contains("マコ"),
        "{shown}"
    );
    let audit = server.ok(&home, &["audit", "list"]);
    assert_eq!(audit.lines().count(), audit_before + 1, "{audit}");

    // Reloaded, the second save goes through on top of the first.
    let again = second.employee(&me, "000123").unwrap();
    assert_eq!(again.revision, conflict.current);
    let mut merged = again.employee;
    merged.alias = Some("マコ".into());
    second
        .update_employee(&me, &merged, again.revision)
        .unwrap();
    let shown = server.ok(&home, &["show", "000123", "--format", "json"]);
    assert!(
        shown.contains("髙橋　誠一") && shown.contains("マコ"),
        "{shown}"
    );
    drop((first, second));
    assert!(server.stop().success(), "{}", server.log());
}
