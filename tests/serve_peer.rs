//! The account at the other end of the socket comes from the kernel (SO_PEERCRED), and
//! each account sees only what its roles allow. Real throw-away OS accounts: an `hr`
//! and an `auditor`, in the group of the socket, running the binary with `runuser`.
//!
//! Needs root, `useradd` and `runuser`, so it is ignored by a plain `cargo test`.
//! `.ci/run` runs it as root with `KIZUNA_PEER_TEST=1`, which makes a missing
//! precondition a failure rather than a skip.

#[path = "serve/accounts.rs"]
mod accounts;
mod common;
#[path = "serve/data.rs"]
mod data;
#[path = "common/serve.rs"]
mod support;

use std::os::unix::fs::MetadataExt;
use std::process::{Command, Output};

use accounts::{Accounts, Place, chmod, chown, missing, run_tool, tool};
use common::{Home, stderr, stdout};
use data::{employee_file, home, row};
use support::{COMMAND_LIMIT, Server, connect, output};

/// Insists `out` was refused for lack of `permission`, naming `account`.
fn refused(out: &Output, account: &str, permission: &str) {
    assert_ne!(out.status.code(), Some(0), "{}", stdout(out));
    let err = stderr(out);
    assert!(
        err.contains(&format!("アカウント {account} には")) && err.contains(permission),
        "{err}"
    );
}

#[test]
#[ignore = "needs root, useradd and runuser; .ci/run runs it with KIZUNA_PEER_TEST=1"]
fn each_account_sees_only_what_its_roles_allow() {
    if let Some(why) = missing() {
        assert!(
            std::env::var_os("KIZUNA_PEER_TEST").is_none(),
            "KIZUNA_PEER_TEST is set and the test cannot run: {why}"
        );
        eprintln!("skipped: {why}");
        return;
    }
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .subsec_nanos();
    let tag = format!("kz{:x}{:x}", std::process::id(), nanos & 0xfff);
    let mut accounts = Accounts::new(&tag);
    let (hr, auditor) = (format!("{tag}h"), format!("{tag}a"));
    let hr_uid = accounts.add(&hr);
    let auditor_uid = accounts.add(&auditor);
    let gid = accounts.gid();

    // The database, private to root; the accounts get roles in it.
    let home: Home = home();
    home.ok(&["user", "add", &hr]);
    home.ok(&["user", "grant", &hr, "hr"]);
    home.ok(&["user", "add", &auditor]);
    home.ok(&["user", "grant", &auditor, "auditor"]);

    // The binary where the accounts can run it; the socket in a directory of their
    // group (the socket, mode 0660, takes the directory's group).
    let place = Place {
        root: tempfile::tempdir().unwrap(),
    };
    let root = place.root.path();
    chmod(root, 0o755);
    std::fs::create_dir_all(root.join("bin")).unwrap();
    std::fs::copy(env!("CARGO_BIN_EXE_kizuna"), place.bin()).unwrap();
    chmod(&root.join("bin"), 0o755);
    chmod(&place.bin(), 0o755);
    for (user, uid) in [(&hr, hr_uid), (&auditor, auditor_uid)] {
        let dir = place.home(user);
        std::fs::create_dir_all(&dir).unwrap();
        chown(&dir, uid, gid);
        chmod(&dir, 0o700);
    }
    chmod(&root.join("home"), 0o755);
    let run = root.join("run");
    std::fs::create_dir(&run).unwrap();
    chown(&run, 0, gid);
    chmod(&run, 0o2750);
    let socket = run.join("kizuna.sock");
    let mut server = Server::start(&home, &home.db(), &socket);
    let meta = std::fs::metadata(&socket).unwrap();
    assert_eq!(meta.mode() & 0o777, 0o660);
    assert_eq!(meta.gid(), gid, "the socket is in the accounts' group");
    let s = socket.display().to_string();

    // The file itself is out of their reach: only the server opens it.
    let db = home.db().display().to_string();
    let direct = place.run_as(&hr, &[], &["--db", &db, "stats"]);
    assert_ne!(direct.status.code(), Some(0), "{}", stdout(&direct));
    assert!(!stderr(&direct).is_empty());

    // hr: reads and changes staff records; no audit log.
    let found = place.run_as(&hr, &[], &["--socket", &s, "search", "たかはし"]);
    assert!(found.status.success(), "{}", stderr(&found));
    assert!(stdout(&found).contains("000123"), "{}", stdout(&found));
    let file = employee_file(
        &home,
        "one.csv",
        &[row("900001", "閖上　瑠璃子", "ゆりあげ　るりこ")],
    );
    let readable = root.join("one.csv");
    std::fs::copy(&file, &readable).unwrap();
    chmod(&readable, 0o644);
    let readable = readable.display().to_string();
    let added = place.run_as(
        &hr,
        &[],
        &["--socket", &s, "import", "employees", &readable],
    );
    assert!(added.status.success(), "{}", stderr(&added));
    assert!(stdout(&added).contains("追加 1 人"), "{}", stdout(&added));
    refused(
        &place.run_as(&hr, &[], &["--socket", &s, "audit", "list"]),
        &hr,
        "audit.read",
    );

    // auditor: the audit log, where the change stands under the hr account; no staff
    // records, to read or to change.
    let audit = place.run_as(&auditor, &[], &["--socket", &s, "audit", "list"]);
    assert!(audit.status.success(), "{}", stderr(&audit));
    let audit = stdout(&audit);
    assert!(
        audit
            .lines()
            .any(|l| l.contains(&format!("\t{hr}\temployee.import\t900001\t"))),
        "{audit}"
    );
    let verified = place.run_as(&auditor, &[], &["--socket", &s, "audit", "verify"]);
    assert!(
        stdout(&verified).contains("連鎖は完全です"),
        "{}",
        stderr(&verified)
    );
    refused(
        &place.run_as(&auditor, &[], &["--socket", &s, "search", "たかはし"]),
        &auditor,
        "staff.read",
    );
    refused(
        &place.run_as(
            &auditor,
            &[],
            &["--socket", &s, "import", "employees", &readable],
        ),
        &auditor,
        "staff.write",
    );

    // Claiming to be the hr account changes nothing: the server asks the kernel.
    let posing = [("USER", hr.as_str()), ("LOGNAME", hr.as_str())];
    refused(
        &place.run_as(&auditor, &posing, &["--socket", &s, "search", "たかはし"]),
        &auditor,
        "staff.read",
    );
    // Nor does a principal passed to the library's client: no call carries one.
    let api = connect(&socket);
    let claimed = kizuna::service::Principal::named(&auditor, auditor_uid);
    let mut e = api.employee(&claimed, "000456").unwrap().employee;
    e.staff_no = "900002".into();
    e.name = "鶴岡　次郎".into();
    e.reading = "つるおか　じろう".into();
    api.add_employee(&claimed, &e).unwrap();
    drop(api);
    let audit = place.run_as(&auditor, &[], &["--socket", &s, "audit", "list"]);
    let me = kizuna::service::Principal::current().account;
    assert!(
        stdout(&audit)
            .lines()
            .any(|l| l.contains(&format!("\t{me}\temployee.add\t900002\t"))),
        "{}",
        stdout(&audit)
    );
    assert!(
        server
            .log()
            .contains(&format!("connected: {hr} (uid {hr_uid})"))
    );
    assert!(
        server
            .log()
            .contains(&format!("connected: {auditor} (uid {auditor_uid})"))
    );

    // An account outside the group cannot reach the socket at all.
    if run_tool("runuser", &["-u", "nobody", "--", "true"])
        .status
        .success()
    {
        let mut cmd = Command::new(tool("runuser").unwrap());
        cmd.args(["-u", "nobody", "--", "env", "-i", "HOME=/nonexistent"])
            .arg("KIZUNA_SYSTEM_CONFIG=/nonexistent")
            .arg(place.bin())
            .args(["--socket", &s, "stats"]);
        let out = output(cmd, COMMAND_LIMIT);
        assert_ne!(out.status.code(), Some(0));
        assert!(stderr(&out).contains(&s), "{}", stderr(&out));
    }

    assert!(server.stop().success(), "{}", server.log());
    let people = home.ok(&["export", "employees"]);
    assert!(people.contains("900001,閖上　瑠璃子,") && people.contains("900002,"));
}
