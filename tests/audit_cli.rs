//! `kizuna audit list|verify` through the real binary: the log listed and filtered by
//! day, refused to an account without the role, a rewritten entry named by its number,
//! and a cut or rewritten tail found only against a head kept outside the file.

mod common;

use common::{Home, stderr, stdout};
use kizuna::service::{AuditEntry, Principal};
use redb::{ReadableTable, TableDefinition};

const AUDIT: TableDefinition<u64, &[u8]> = TableDefinition::new("audit");

type AuditTable<'t> = redb::Table<'t, u64, &'static [u8]>;

/// The account running the tests: `init` makes it admin and hr.
fn me() -> String {
    Principal::current().account
}

/// init on 2026-11-20 (entry 1), then on 2026-11-25: the auditor role granted (2) and
/// three accounts added (3-5).
fn home_with_log() -> Home {
    let home = Home::new();
    let out = home
        .kizuna()
        .env("KIZUNA_NOW", "2026-11-20")
        .arg("init")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    home.ok(&["user", "grant", &me(), "auditor"]);
    for name in ["hr.sato", "hr.ito", "hr.kato"] {
        home.ok(&["user", "add", name]);
    }
    home
}

/// The hash at the end of the last line (`backup` prints the head there).
fn last_word(text: &str) -> String {
    let word = text.lines().last().unwrap().rsplit(' ').next().unwrap();
    assert_eq!(word.len(), 64, "{text}");
    word.to_string()
}

fn backup_head(home: &Home, name: &str) -> String {
    last_word(&home.ok(&["backup", home.path().join(name).to_str().unwrap()]))
}

/// Rewrites the stored entries with `change`, straight in the file, as someone with
/// the file but without kizuna would.
fn rewrite(home: &Home, change: impl FnOnce(&mut AuditTable<'_>)) {
    let db = redb::Database::open(home.db()).unwrap();
    let w = db.begin_write().unwrap();
    {
        let mut t = w.open_table(AUDIT).unwrap();
        change(&mut t);
    }
    w.commit().unwrap();
}

fn entry(t: &AuditTable<'_>, seq: u64) -> AuditEntry {
    AuditEntry::from_bytes(t.get(seq).unwrap().unwrap().value()).unwrap()
}

fn put(t: &mut AuditTable<'_>, e: &AuditEntry) {
    t.insert(e.seq, e.to_bytes().unwrap().as_slice()).unwrap();
}

fn rows(tsv: &str) -> Vec<Vec<String>> {
    tsv.lines()
        .skip(1)
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect()
}

#[test]
fn a_fresh_database_verifies_intact_and_reading_writes_nothing() {
    let home = Home::new();
    home.ok(&["init"]);
    // An admin verifies (as `check` does) without the auditor role.
    let out = home.run(&["audit", "verify"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("監査ログ 1 件、先頭ハッシュ "), "{text}");
    assert!(text.contains("結果: 監査ログの連鎖は完全です"), "{text}");
    assert!(stderr(&out).contains("--expect"), "the hint about the tail");
    let en = home.ok(&["--lang", "en", "audit", "verify"]);
    assert!(en.contains("1 audit entries") && en.contains("verdict: intact"));
    // Verifying left no entry of its own.
    assert!(home.ok(&["audit", "verify"]).starts_with("監査ログ 1 件"));
    assert!(home.ok(&["check"]).contains("監査ログ 1 件"));
}

#[test]
fn list_shows_every_entry_and_since_keeps_the_later_days() {
    let home = home_with_log();
    let all = home.ok(&["audit", "list"]);
    assert_eq!(
        all.lines().next(),
        Some("番号\t日時\tアカウント\t操作\tID\tハッシュ")
    );
    let r = rows(&all);
    assert_eq!(r.len(), 5, "{all}");
    assert_eq!(r[0][..4], ["1", "2026-11-20T12:00:00+09:00", &me(), "init"]);
    assert_eq!(r[1][3..5], ["account.grant", &format!("{},auditor", me())]);
    assert_eq!(
        r[4][..5],
        [
            "5",
            "2026-11-25T12:00:00+09:00",
            &me(),
            "account.add",
            "hr.kato"
        ]
    );
    assert!(r.iter().all(|row| row[5].len() == 12), "short hashes");
    // Japan-time days: the entry of the 20th is before the 21st, in any notation.
    for since in ["2026-11-21", "R8.11.25", "令和8年11月25日"] {
        let later = rows(&home.ok(&["audit", "list", "--since", since]));
        let seqs: Vec<&str> = later.iter().map(|r| r[0].as_str()).collect();
        assert_eq!(seqs, ["2", "3", "4", "5"], "{since}");
    }
    assert_eq!(
        rows(&home.ok(&["audit", "list", "--since", "2026-11-20"])).len(),
        5
    );
    assert!(rows(&home.ok(&["audit", "list", "--since", "2026-11-26"])).is_empty());
    let json: serde_json::Value =
        serde_json::from_str(&home.ok(&["audit", "list", "--format", "json"])).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 5);
    assert_eq!(json[1]["ids"], serde_json::json!([me(), "auditor"]));
    assert_eq!(json[4]["hash"].as_str().unwrap().len(), 64);
    assert_eq!(
        home.ok(&["--lang", "en", "audit", "list"]).lines().next(),
        Some("seq\ttime\taccount\taction\tids\thash")
    );
    // Listing is not audited.
    assert_eq!(rows(&home.ok(&["audit", "list"])).len(), 5);
}

#[test]
fn an_account_without_the_role_is_refused() {
    let home = Home::new();
    home.ok(&["init"]);
    // admin and hr, not auditor: the log itself is not theirs to read.
    let out = home.run(&["audit", "list"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("audit.read"), "{}", stderr(&out));
    assert!(stdout(&out).is_empty());
    // Neither auditor nor admin: verifying is refused too.
    home.ok(&["user", "add", "it.admin"]);
    home.ok(&["user", "grant", "it.admin", "admin"]);
    home.ok(&["user", "revoke", &me(), "admin"]);
    let out = home.run(&["audit", "verify"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("audit.read"), "{}", stderr(&out));
    let out = home.run(&["--lang", "en", "audit", "list"]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn a_rewritten_entry_is_named_by_its_number() {
    let home = home_with_log();
    rewrite(&home, |t| {
        let mut e = entry(t, 3);
        e.actor = "intruder".into();
        put(t, &e);
    });
    let out = home.run(&["audit", "verify"]);
    assert_eq!(out.status.code(), Some(4), "{}", stdout(&out));
    let text = stdout(&out);
    assert!(
        text.contains("最初の問題: 記録 3 の内容がハッシュと一致しません"),
        "{text}"
    );
    assert!(text.contains("結果: 監査ログに問題があります"), "{text}");
    assert!(stderr(&out).contains("問題"), "{}", stderr(&out));
    // The list still shows what is stored: the auditor sees the rewritten line.
    assert_eq!(rows(&home.ok(&["audit", "list"]))[2][2], "intruder");

    // Other ids on an earlier entry: that one is now the first problem.
    rewrite(&home, |t| {
        let mut e = entry(t, 2);
        e.ids = vec!["someone.else".into(), "auditor".into()];
        put(t, &e);
    });
    let out = home.run(&["--lang", "en", "audit", "verify"]);
    assert_eq!(out.status.code(), Some(4));
    let text = stdout(&out);
    assert!(
        text.contains("first problem: entry 2: its body does not match its hash"),
        "{text}"
    );
    assert!(
        text.contains("(1 more)") && text.contains("verdict: BROKEN"),
        "{text}"
    );

    // An entry taken out of the middle is a gap, named by the missing number.
    let home = home_with_log();
    rewrite(&home, |t| {
        t.remove(4).unwrap();
    });
    let out = home.run(&["audit", "verify"]);
    assert_eq!(out.status.code(), Some(4));
    assert!(
        stdout(&out).contains("最初の問題: 記録 4 がありません"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn a_cut_tail_is_found_only_against_the_head_backup_printed() {
    let home = home_with_log();
    // The backup logs itself (entry 6) and prints the head after it.
    let head = backup_head(&home, "b1.redb");
    assert_eq!(rows(&home.ok(&["audit", "list"])).len(), 6);
    rewrite(&home, |t| {
        t.remove(6).unwrap();
        t.remove(5).unwrap();
    });
    // Without an anchor a cut tail is invisible: what is left is a whole, shorter chain.
    let out = home.run(&["audit", "verify"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(stdout(&out).starts_with("監査ログ 4 件"));
    // Against the head kept outside the file, it shows, with the last entry left.
    let out = home.run(&["audit", "verify", "--expect", &head]);
    assert_eq!(out.status.code(), Some(4), "{}", stdout(&out));
    let text = stdout(&out);
    assert!(text.contains("どの記録のハッシュでもありません"), "{text}");
    assert!(
        text.contains("残っている最後の記録は 4 (2026-11-25T12:00:00+09:00) です"),
        "{text}"
    );
    assert!(
        !text.contains("最初の問題"),
        "the chain itself is whole: {text}"
    );
    let out = home.run(&["--lang", "en", "audit", "verify", "--expect", &head]);
    assert_eq!(out.status.code(), Some(4));
    assert!(
        stdout(&out).contains("truncated; the last entry present is 4"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn a_tail_rewritten_with_fresh_hashes_is_found_only_against_the_head() {
    let home = home_with_log();
    let head = backup_head(&home, "b1.redb");
    // Whoever rewrites entry 6 and recomputes its hashes leaves a chain that walks.
    rewrite(&home, |t| {
        let old = entry(t, 6);
        let forged =
            AuditEntry::new(6, old.at, "intruder", &old.action, old.ids, old.prev).unwrap();
        put(t, &forged);
    });
    assert_eq!(home.run(&["audit", "verify"]).status.code(), Some(0));
    let out = home.run(&["audit", "verify", "--expect", &head]);
    assert_eq!(out.status.code(), Some(4));
    assert!(
        stdout(&out).contains("残っている最後の記録は 6 "),
        "{}",
        stdout(&out)
    );
}

#[test]
fn an_earlier_head_passes_and_says_how_many_came_after() {
    let home = home_with_log();
    let earlier = backup_head(&home, "b1.redb");
    home.ok(&["user", "add", "hr.abe"]);
    home.ok(&["user", "add", "hr.ueda"]);
    let out = home.run(&["audit", "verify", "--expect", &earlier]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let text = stdout(&out);
    assert!(
        text.contains(&format!(
            "指定のハッシュ {} は記録 6 のハッシュです。その後に 2 件が記録されています",
            &earlier[..12]
        )),
        "{text}"
    );
    assert!(text.contains("完全です"), "{text}");
    // The head now is the last entry's.
    let now = text
        .lines()
        .next()
        .unwrap()
        .rsplit(' ')
        .next()
        .unwrap()
        .to_string();
    let out = home.ok(&["--lang", "en", "audit", "verify", "--expect", &now]);
    assert!(out.contains("is the head (entry 8)"), "{out}");
    // An expected hash that is not one is a usage error.
    let out = home.run(&["audit", "verify", "--expect", "abc"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
}
