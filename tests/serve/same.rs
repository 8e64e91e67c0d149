//! The same commands give the same answers through the server (by `--socket` and by
//! `KIZUNA_SOCKET`) as on the database file; a configured socket where nothing answers
//! is an error that names it, and the file is never used instead.

use std::os::unix::net::UnixListener;
use std::process::Output;

use crate::common::{Home, stderr, stdout};
use crate::data::{employee_file, home, row};
use crate::support::{COMMAND_LIMIT, Server, output};

/// What a user sees of a command: its exit code and both streams.
fn seen(out: &Output) -> (Option<i32>, String, String) {
    (out.status.code(), stdout(out), stderr(out))
}

const READS: &[&[&str]] = &[
    &["stats"],
    &["search", "たかはし"],
    &["show", "000123"],
    &["show", "000456", "--format", "json"],
    &["show", "999999"],
    &["user", "list"],
    &["audit", "list"],
    &["audit", "verify"],
    &["export", "employees"],
    &["catalogue", "skills"],
    &["--lang", "en", "show", "000789"],
];

#[test]
fn commands_answer_through_the_socket_and_kizuna_socket_as_on_the_file() {
    let home = home();
    let db = home.db();
    let on_file: Vec<_> = READS.iter().map(|args| seen(&home.run(args))).collect();
    assert!(
        on_file[0].1.contains("職員\t4"),
        "the sample has four people: {}",
        on_file[0].1
    );
    assert_eq!(on_file[4].0, Some(1), "an unknown staff number is refused");
    let copy = home.path().join("copy.redb");
    std::fs::copy(&db, &copy).unwrap();

    let socket = home.path().join("k.sock");
    let mut server = Server::start(&home, &db, &socket);
    for (args, expected) in READS.iter().zip(&on_file) {
        assert_eq!(
            &seen(&server.run(&home, args)),
            expected,
            "--socket {args:?}"
        );
        let mut cmd = home.kizuna();
        cmd.env("KIZUNA_SOCKET", &socket).args(*args);
        assert_eq!(
            &seen(&output(cmd, COMMAND_LIMIT)),
            expected,
            "KIZUNA_SOCKET {args:?}"
        );
    }

    // A write answers the same too, and writes the same.
    let file = employee_file(
        &home,
        "one.csv",
        &[row("900001", "閖上　瑠璃子", "ゆりあげ　るりこ")],
    );
    let copy_arg = copy.display().to_string();
    let at_home = seen(&home.run(&["--db", &copy_arg, "import", "employees", &file]));
    assert_eq!(at_home.0, Some(0), "{at_home:?}");
    assert_eq!(
        seen(&server.run(&home, &["import", "employees", &file])),
        at_home
    );
    // While the server holds the file, a command on the file is refused, never run.
    let held = home.run(&["stats"]);
    assert_ne!(held.status.code(), Some(0));
    assert!(stderr(&held).contains("kizuna serve"), "{}", stderr(&held));

    assert!(server.stop().success(), "{}", server.log());
    let exported = home.ok(&["export", "employees"]);
    assert!(exported.contains("900001,閖上　瑠璃子,"), "{exported}");
    assert_eq!(
        exported,
        home.ok(&["--db", &copy_arg, "export", "employees"])
    );
}

/// Runs `args` with the socket configured but nothing answering; insists it fails
/// naming the socket and leaves the database file byte for byte as it was.
fn refused_without_fallback(home: &Home, socket: &str, setup: &dyn Fn(&mut std::process::Command)) {
    let db = home.db();
    let before = std::fs::read(&db).unwrap();
    let file = employee_file(
        home,
        "dead.csv",
        &[row("900002", "鶴岡　次郎", "つるおか　じろう")],
    );
    for args in [&["stats"][..], &["import", "employees", &file][..]] {
        let mut cmd = home.kizuna();
        setup(&mut cmd);
        cmd.args(args);
        let out = output(cmd, COMMAND_LIMIT);
        assert_ne!(out.status.code(), Some(0), "{args:?} {}", stdout(&out));
        assert!(stdout(&out).is_empty(), "{args:?} printed {}", stdout(&out));
        let err = stderr(&out);
        assert!(
            err.contains(socket),
            "{args:?} does not name {socket}: {err}"
        );
        assert!(err.contains("応答しません"), "{err}");
    }
    assert!(
        std::fs::read(&db).unwrap() == before,
        "the file was written"
    );
    let db = db.display().to_string();
    let people = home.ok(&["--db", &db, "export", "employees"]);
    assert!(!people.contains("900002"), "{people}");
}

#[test]
fn a_configured_socket_with_nothing_listening_is_an_error_naming_it() {
    let home = home();
    let missing = home.path().join("none.sock");
    let missing_s = missing.display().to_string();
    // A socket left by a server that died: the file is there, nobody listens.
    let stale = home.path().join("stale.sock");
    drop(UnixListener::bind(&stale).unwrap());
    let stale_s = stale.display().to_string();

    refused_without_fallback(&home, &missing_s, &|c| {
        c.arg("--socket").arg(&missing);
    });
    refused_without_fallback(&home, &stale_s, &|c| {
        c.env("KIZUNA_SOCKET", &stale);
    });

    // The host's config.
    let etc = home.path().join("etc");
    std::fs::create_dir_all(&etc).unwrap();
    std::fs::write(etc.join("config.toml"), format!("socket = \"{stale_s}\"\n")).unwrap();
    refused_without_fallback(&home, &stale_s, &|_| {});
    std::fs::remove_file(etc.join("config.toml")).unwrap();

    // The person's own config.
    let mine = home.path().join("config/kizuna");
    std::fs::create_dir_all(&mine).unwrap();
    std::fs::write(
        mine.join("config.toml"),
        format!("socket = \"{missing_s}\"\n"),
    )
    .unwrap();
    refused_without_fallback(&home, &missing_s, &|_| {});
    // Named on the command line, the file wins over the config again.
    let db = home.db().display().to_string();
    assert!(home.ok(&["--db", &db, "stats"]).contains("職員\t4"));
}
