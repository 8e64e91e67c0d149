//! The real binary on real files: what an HR user types, what they read back.

mod common;

use std::os::unix::fs::MetadataExt;

use common::{Home, stderr, stdout};

#[test]
fn no_database_names_init_and_demo() {
    let home = Home::new();
    for args in [vec![], vec!["stats"], vec!["show", "000123"]] {
        let out = home.run(&args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = stderr(&out);
        assert!(err.contains("データベースがありません"), "{err}");
        assert!(
            err.contains("kizuna init") && err.contains("kizuna demo"),
            "{err}"
        );
        assert!(err.contains(&home.db().display().to_string()), "{err}");
    }
    assert!(!home.db().exists(), "only init creates a database");
}

#[test]
fn japanese_by_default_english_on_request() {
    let home = Home::new();
    let ja = stderr(&home.run(&["stats"]));
    assert!(ja.contains("データベースがありません"));
    let c = stderr(
        &home
            .kizuna()
            .env("LANG", "C")
            .arg("stats")
            .output()
            .unwrap(),
    );
    assert!(
        c.contains("データベースがありません"),
        "LANG=C stays Japanese: {c}"
    );
    let en = stderr(
        &home
            .kizuna()
            .env("LANG", "en_US.UTF-8")
            .arg("stats")
            .output()
            .unwrap(),
    );
    assert!(en.contains("No database at"), "{en}");
    let flag = stderr(&home.run(&["--lang", "en", "stats"]));
    assert!(flag.contains("No database at"), "{flag}");
    std::fs::create_dir_all(home.path().join("config/kizuna")).unwrap();
    std::fs::write(
        home.path().join("config/kizuna/config.toml"),
        "lang = \"en\"\n",
    )
    .unwrap();
    assert!(stderr(&home.run(&["stats"])).contains("No database at"));
}

#[test]
fn a_bad_config_file_is_named_with_its_line() {
    let home = Home::new();
    std::fs::create_dir_all(home.path().join("etc")).unwrap();
    std::fs::write(home.path().join("etc/config.toml"), "# host\ndb = 42\n").unwrap();
    let out = home.run(&["stats"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("config.toml") && err.contains("line 2"),
        "{err}"
    );
}

#[test]
fn init_then_everything_reads_back() {
    let home = Home::new();
    let out = home.ok(&["init"]);
    assert!(out.contains("admin") && out.contains("hr"), "{out}");
    assert_eq!(std::fs::metadata(home.db()).unwrap().mode() & 0o777, 0o600);
    let again = home.run(&["init"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(stderr(&again).contains("既にあります"));
    let stats = home.ok(&["stats"]);
    assert!(stats.contains("スキル\t20"), "{stats}");
    assert!(stats.contains("取組\t18"), "{stats}");
    assert!(stats.contains("職員\t0"), "{stats}");
    assert!(!stats.contains("デモ"), "a real database is not the demo");
    let check = home.ok(&["check"]);
    assert!(check.contains("問題はありません"), "{check}");
    // Without a terminal the screens cannot open: the status line, then why.
    let out = home.run(&[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("端末"), "{}", stderr(&out));
    let status = stdout(&out);
    assert!(status.contains("令和8年度"), "{status}");
    assert!(
        status.contains("admin") && !status.contains("DEMO"),
        "{status}"
    );
}

#[test]
fn demo_is_its_own_file_and_says_demo() {
    let home = Home::new();
    let out = home.ok(&["demo", "--create-only"]);
    assert!(out.contains("2000"), "{out}");
    assert!(home.demo_db().exists());
    assert!(
        !home.db().exists(),
        "the demo never touches the real database"
    );
    let status = stdout(&home.run(&["--demo"]));
    assert!(status.contains("[DEMO]"), "{status}");
    for role in ["admin", "hr", "health", "counselor", "auditor", "viewer"] {
        assert!(status.contains(role), "{role}: {status}");
    }
    let stats = home.ok(&["--demo", "stats"]);
    assert!(stats.starts_with("[デモ]"), "{stats}");
    assert!(stats.contains("職員\t2000"), "{stats}");
    assert!(home.ok(&["--demo", "check"]).contains("問題はありません"));
    // A second demo run reuses it.
    assert!(home.ok(&["demo", "--create-only"]).contains("既にあります"));
    // Without --create-only it opens the screens; without a terminal it says so.
    assert!(stdout(&home.run(&["demo"])).contains("[DEMO]"));
}

#[test]
fn same_seed_same_database_content() {
    let a = Home::new();
    let b = Home::new();
    a.ok(&["demo", "--create-only", "--staff", "120", "--seed", "9"]);
    b.ok(&["demo", "--create-only", "--staff", "120", "--seed", "9"]);
    let show = |h: &Home| h.ok(&["--demo", "show", "260001", "--format", "json"]);
    assert_eq!(show(&a), show(&b));
    let c = Home::new();
    c.ok(&["demo", "--create-only", "--staff", "120", "--seed", "10"]);
    assert_ne!(show(&a), show(&c));
}

#[test]
fn show_an_employee_and_an_initiative() {
    let home = Home::with_demo(200);
    let json: serde_json::Value =
        serde_json::from_str(&home.ok(&["--demo", "show", "260001", "--format", "json"])).unwrap();
    assert_eq!(json["employee"]["staff_no"], "260001");
    assert_eq!(json["as_of"], "2026-11-25");
    let text = home.ok(&["--demo", "show", "260001"]);
    assert!(
        text.contains("職員番号") && text.contains("260001"),
        "{text}"
    );
    assert!(text.contains("令和"), "dates in both calendars: {text}");
    let en = home.ok(&["--demo", "--lang", "en", "show", "260001"]);
    assert!(en.contains("Staff no."), "{en}");
    let initiative = home.ok(&["--demo", "show", "1-3"]);
    assert!(initiative.contains("人事評価システムの導入と評価結果の活用"));
    assert!(initiative.contains("R12  →"), "{initiative}");
    let missing = home.run(&["--demo", "show", "777777"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(stderr(&missing).contains("職員 777777 は見つかりません"));
}

#[test]
fn staff_numbers_keep_leading_zeros() {
    let home = Home::with_demo(400);
    let json: serde_json::Value =
        serde_json::from_str(&home.ok(&["--demo", "show", "050001", "--format", "json"])).unwrap();
    assert_eq!(json["employee"]["staff_no"], "050001");
    assert!(home.run(&["--demo", "show", "50001"]).status.code() == Some(1));
}

#[test]
fn users_and_roles() {
    let home = Home::new();
    home.ok(&["init"]);
    assert!(home.ok(&["user", "add", "hr.sato"]).contains("hr.sato"));
    assert!(
        home.ok(&["user", "grant", "hr.sato", "viewer"])
            .contains("viewer")
    );
    let list = home.ok(&["user", "list"]);
    assert!(list.lines().any(|l| l == "hr.sato\tviewer\t"), "{list}");
    let case = home.run(&["user", "grant", "hr.sato", "health"]);
    assert_eq!(case.status.code(), Some(1));
    assert!(
        stderr(&case).contains("kizuna cases grant"),
        "{}",
        stderr(&case)
    );
    let bad = home.run(&["user", "grant", "hr.sato", "boss"]);
    assert!(stderr(&bad).contains("boss"), "{}", stderr(&bad));
    home.ok(&["user", "revoke", "hr.sato", "viewer"]);
    assert!(
        home.ok(&["user", "list"])
            .lines()
            .any(|l| l == "hr.sato\t\t")
    );
    let linked = home.run(&["user", "add", "hr.ito", "--employee", "999999"]);
    assert!(stderr(&linked).contains("999999"), "{}", stderr(&linked));
    // init, add, grant and revoke wrote; the refused commands left no entry.
    assert!(home.ok(&["check"]).contains("監査ログ 4 件"));
}

#[test]
fn backup_then_restore() {
    let home = Home::with_demo(150);
    let dest = home.path().join("backup/2026-11-25.redb");
    std::fs::create_dir_all(dest.parent().unwrap()).unwrap();
    let out = home.ok(&["--demo", "backup", dest.to_str().unwrap()]);
    assert!(out.contains("監査ログの先頭ハッシュ"), "{out}");
    let head = out
        .lines()
        .last()
        .unwrap()
        .rsplit(' ')
        .next()
        .unwrap()
        .to_string();
    assert_eq!(head.len(), 64);
    assert_eq!(std::fs::metadata(&dest).unwrap().mode() & 0o777, 0o600);
    // The copy is a working database with the same records.
    let copy_stats = home.ok(&["--db", dest.to_str().unwrap(), "stats"]);
    assert!(copy_stats.contains("職員\t150"), "{copy_stats}");
    // A backup never overwrites.
    assert_eq!(
        home.run(&["--demo", "backup", dest.to_str().unwrap()])
            .status
            .code(),
        Some(1)
    );

    // Restore refuses to replace without --force, then replaces.
    let target = home.path().join("restored.redb");
    std::fs::copy(home.demo_db(), &target).unwrap();
    let refused = home.run(&[
        "--db",
        target.to_str().unwrap(),
        "restore",
        dest.to_str().unwrap(),
    ]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        stderr(&refused).contains("--force"),
        "names the way to replace: {}",
        stderr(&refused)
    );
    let done = home.ok(&[
        "--db",
        target.to_str().unwrap(),
        "restore",
        dest.to_str().unwrap(),
        "--force",
    ]);
    assert!(
        done.contains(&head),
        "the restored head matches the backup's: {done}"
    );
    assert!(
        home.ok(&["--db", target.to_str().unwrap(), "check"])
            .contains("問題はありません")
    );
}

#[test]
fn restore_checks_the_copy_first() {
    let home = Home::with_demo(30);
    let junk = home.path().join("junk.redb");
    std::fs::write(&junk, b"not a database at all").unwrap();
    let before = std::fs::read(home.demo_db()).unwrap();
    let out = home.run(&["--demo", "restore", junk.to_str().unwrap(), "--force"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("junk.redb"), "{}", stderr(&out));
    assert_eq!(
        std::fs::read(home.demo_db()).unwrap(),
        before,
        "the database is untouched"
    );
}

#[test]
fn every_subcommand_has_help_and_completions_exist() {
    let home = Home::new();
    for sub in [
        "init",
        "demo",
        "check",
        "backup",
        "restore",
        "show",
        "user",
        "catalogue",
        "stats",
        "completions",
    ] {
        let out = home.run(&[sub, "--help"]);
        assert!(out.status.success(), "{sub}");
        let text = stdout(&out);
        assert!(text.contains("使い方"), "{sub}: {text}");
    }
    for sub in ["list", "add", "grant", "revoke"] {
        assert!(
            home.run(&["user", sub, "--help"]).status.success(),
            "user {sub}"
        );
    }
    let en = stdout(&home.run(&["--lang", "en", "demo", "--help"]));
    assert!(en.contains("Number of fictional staff"), "{en}");
    let bash = home.ok(&["completions", "bash"]);
    assert!(
        bash.contains("kizuna") && bash.contains("catalogue"),
        "completion script"
    );
    let usage = home.run(&["demo", "--staff", "0"]);
    assert_eq!(usage.status.code(), Some(2), "usage errors exit 2");
}

#[test]
fn restore_from_a_copy_with_loose_permissions_gives_a_private_database() {
    use std::os::unix::fs::PermissionsExt;
    let home = Home::with_demo(40);
    let dest = home.path().join("b.redb");
    home.ok(&["--demo", "backup", dest.to_str().unwrap()]);
    // A backup carried over on a USB stick often arrives world-readable.
    std::fs::set_permissions(&dest, std::fs::Permissions::from_mode(0o644)).unwrap();
    let target = home.path().join("data/kizuna/kizuna.redb");
    home.ok(&["restore", dest.to_str().unwrap()]);
    assert_eq!(std::fs::metadata(&target).unwrap().mode() & 0o777, 0o600);
    assert!(home.ok(&["stats"]).contains("職員\t40"));
    assert!(home.ok(&["check"]).contains("問題はありません"));
}

#[test]
fn restore_force_replaces_a_damaged_database() {
    use std::os::unix::fs::PermissionsExt;
    let home = Home::with_demo(40);
    let dest = home.path().join("b.redb");
    home.ok(&["--demo", "backup", dest.to_str().unwrap()]);
    let target = home.db();
    std::fs::create_dir_all(target.parent().unwrap()).unwrap();
    std::fs::write(&target, vec![0x42; 4096]).unwrap();
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o600)).unwrap();
    let broken = home.run(&["stats"]);
    assert!(
        stderr(&broken).contains("壊れている"),
        "{}",
        stderr(&broken)
    );
    home.ok(&["restore", dest.to_str().unwrap(), "--force"]);
    assert!(home.ok(&["check"]).contains("問題はありません"));
    let names: Vec<String> = std::fs::read_dir(target.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(names.is_empty(), "no staging file left: {names:?}");
}

#[test]
fn restore_never_replaces_a_database_in_use() {
    use std::sync::Arc;
    let home = Home::with_demo(40);
    let dest = home.path().join("b.redb");
    home.ok(&["--demo", "backup", dest.to_str().unwrap()]);
    let clock = Arc::new(kizuna::domain::FixedClock::at_noon(
        kizuna::domain::Date::new(2026, 11, 25).unwrap(),
    ));
    let held = kizuna::service::Service::open(&home.demo_db(), clock).unwrap();
    let out = home.run(&["--demo", "restore", dest.to_str().unwrap(), "--force"]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    drop(held);
}

#[test]
fn usage_errors_are_in_japanese() {
    let home = Home::new();
    let out = home.run(&["frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("frobnicate というコマンドはありません"),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("kizuna --help"));
    let out = home.run(&["show"]);
    assert!(
        stderr(&out).contains("を指定してください"),
        "{}",
        stderr(&out)
    );
    let out = home.run(&["--lang", "en", "frobnicate"]);
    assert!(
        stderr(&out).contains("unrecognized subcommand"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn the_unit_filter_follows_the_tree_not_the_codes() {
    let home = Home::new();
    home.ok(&["init"]);
    let orgs = home.path().join("orgs.csv");
    std::fs::write(
        &orgs,
        "所属コード,名称,上位コード,区分\n1100,総務部,,部\n1110,総務課,1100,課\n2000,市民部,,部\n2100,市民課,2000,課\n",
    )
    .unwrap();
    home.ok(&["import", "orgs", orgs.to_str().unwrap()]);
    let staff = home.path().join("staff.csv");
    std::fs::write(
        &staff,
        "職員番号,氏名,フリガナ,所属コード,職名,生年月日,採用日\n\
         000001,青木　一,あおき はじめ,1110,主事,1990-01-01,2012-04-01\n\
         000002,井上　二,いのうえ じろう,2100,主事,1991-01-01,2013-04-01\n",
    )
    .unwrap();
    home.ok(&["import", "employees", staff.to_str().unwrap()]);
    let found = home.ok(&["search", "--unit", "1100", "--limit", "10", "あ"]);
    assert!(found.contains("000001"), "{found}");
    assert!(!found.contains("000002"), "{found}");
    let none = home.ok(&["search", "--unit", "1100", "--limit", "10", "いのうえ"]);
    assert_eq!(none.lines().count(), 1, "only the header: {none}");
}
