//! `kizuna keys` and `kizuna cases` as a script runs them: secrets on standard input,
//! sensitive arguments given as `-`, the recovery key shown once and taken back, the
//! workflow refused without its field, and the warnings of a domain with one holder.

mod common;

use common::{Home, stderr, stdout, tsv_cell};

const PASS: &str = "correct horse battery";

fn fed_ok(home: &Home, args: &[&str], input: &str) -> String {
    let out = home.fed(args, input);
    assert!(
        out.status.success(),
        "kizuna {args:?}: {}\n{}",
        stderr(&out),
        stdout(&out)
    );
    stdout(&out)
}

/// A database with a handful of staff (from the sample CSV), keys for the caller and
/// both domains set up; returns the health recovery key as printed.
fn ready() -> (Home, String, Vec<String>) {
    let home = Home::with_samples();
    let staff = common::sample_staff(5);
    assert!(staff.len() >= 3, "{staff:?}");
    let made = fed_ok(
        &home,
        &["keys", "init", "--passphrase-stdin"],
        &format!("{PASS}\n"),
    );
    assert!(made.contains("age1"), "{made}");
    let shown = home.ok(&["cases", "init", "--domain", "health"]);
    let recovery = shown
        .split_whitespace()
        .find(|w| w.starts_with("AGE-SECRET-KEY-1"))
        .expect("the recovery key is shown")
        .to_string();
    home.ok(&["cases", "init", "--domain", "harassment"]);
    (home, recovery, staff)
}

#[test]
fn a_health_case_from_a_script_with_its_text_kept_off_the_command_line() {
    let (home, _, staff) = ready();
    let input = format!("{PASS}\n{}\n", staff[0]);
    let id = fed_ok(
        &home,
        &[
            "cases",
            "open-health",
            "--subject",
            "-",
            "--kind",
            "休職",
            "--opened",
            "2026-11-01",
            "--passphrase-stdin",
        ],
        &input,
    )
    .trim()
    .to_string();
    assert_eq!(id.len(), 13, "a random case id: {id}");
    let secret = "夜眠れない日が続いていると本人から申し出があった";
    fed_ok(
        &home,
        &["cases", "note", &id, "-", "--passphrase-stdin"],
        &format!("{PASS}\n{secret}\n"),
    );
    fed_ok(
        &home,
        &[
            "cases",
            "leave",
            &id,
            "--start",
            "2026-11-05",
            "--planned-end",
            "2026-12-20",
            "--passphrase-stdin",
        ],
        &format!("{PASS}\n"),
    );
    let list = fed_ok(
        &home,
        &["cases", "list", "--domain", "health", "--passphrase-stdin"],
        &format!("{PASS}\n"),
    );
    assert_eq!(tsv_cell(&list, "ケースID", &id, "職員番号"), staff[0]);
    assert_eq!(tsv_cell(&list, "ケースID", &id, "次の予定"), "2026-12-20");
    let shown = fed_ok(
        &home,
        &["cases", "show", &id, "--passphrase-stdin"],
        &format!("{PASS}\n"),
    );
    assert!(shown.contains(secret), "{shown}");
    assert!(shown.contains("2026-11-05 – 2026-12-20"), "{shown}");

    // The text never went through the command line, and the audit log has the id only.
    home.ok(&["user", "grant", &whoami(), "auditor"]);
    let log = home.ok(&["audit", "list"]);
    assert!(log.contains(&id), "{log}");
    for line in log.lines().filter(|l| l.contains("case")) {
        assert!(!line.contains(&staff[0]), "a staff number in {line}");
    }
    assert!(!log.contains(secret));
}

fn whoami() -> String {
    kizuna::service::Principal::current().account
}

#[test]
fn a_wrong_passphrase_is_refused_and_the_workflow_needs_its_fields() {
    let (home, _, staff) = ready();
    let out = home.fed(
        &[
            "cases",
            "list",
            "--domain",
            "harassment",
            "--passphrase-stdin",
        ],
        "not the passphrase\n",
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("パスフレーズが違います"),
        "{}",
        stderr(&out)
    );

    let id = fed_ok(
        &home,
        &[
            "cases",
            "open-harassment",
            "--channel",
            "面談",
            "--kind",
            "パワハラ",
            "--respondent",
            &staff[1],
            "--passphrase-stdin",
        ],
        &format!("{PASS}\n"),
    )
    .trim()
    .to_string();
    let advance = |home: &Home| {
        home.fed(
            &["cases", "advance", &id, "--passphrase-stdin"],
            &format!("{PASS}\n"),
        )
    };
    assert!(advance(&home).status.success(), "to 事実確認");
    let refused = advance(&home);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        stderr(&refused).contains("「対応検討」に進むには先に「事実確認の結果」"),
        "{}",
        stderr(&refused)
    );
    fed_ok(
        &home,
        &[
            "cases",
            "set",
            &id,
            "fact-summary",
            "-",
            "--passphrase-stdin",
        ],
        &format!("{PASS}\n聞き取りで事実を確認した\n"),
    );
    assert!(
        advance(&home).status.success(),
        "to 対応検討 with its field"
    );
    let shown = fed_ok(
        &home,
        &[
            "cases",
            "show",
            &id,
            "--domain",
            "harassment",
            "--passphrase-stdin",
        ],
        &format!("{PASS}\n"),
    );
    assert!(shown.contains("段階: 対応検討"), "{shown}");
}

#[test]
fn one_holder_is_warned_about_and_the_recovery_key_brings_the_cases_back() {
    let (home, recovery, staff) = ready();
    let status = home.ok(&["cases", "status"]);
    assert!(status.contains("担当が1人です"), "{status}");
    let check = home.run(&["check"]);
    assert!(check.status.success());
    assert!(
        stderr(&check).contains("担当が1人です"),
        "{}",
        stderr(&check)
    );

    let id = fed_ok(
        &home,
        &[
            "cases",
            "open-health",
            "--subject",
            &staff[2],
            "--kind",
            "相談",
            "--passphrase-stdin",
        ],
        &format!("{PASS}\n"),
    )
    .trim()
    .to_string();
    // A mistyped key is refused; the printed one, spaced and in lower case, is taken.
    let bad = home.fed(
        &[
            "cases",
            "recover",
            "--domain",
            "health",
            "--recovery-key-stdin",
        ],
        "AGE-SECRET-KEY-1QQQQ\n",
    );
    assert_eq!(bad.status.code(), Some(1));
    assert!(
        stderr(&bad).contains("回復キーが正しくない"),
        "{}",
        stderr(&bad)
    );
    let spaced: String = recovery
        .to_lowercase()
        .chars()
        .enumerate()
        .flat_map(|(i, c)| if i % 4 == 3 { vec![c, ' '] } else { vec![c] })
        .collect();
    let back = fed_ok(
        &home,
        &[
            "cases",
            "recover",
            "--domain",
            "health",
            "--recovery-key-stdin",
        ],
        &format!("{spaced}\n"),
    );
    assert!(back.contains("回復キー"), "{back}");
    let list = fed_ok(
        &home,
        &[
            "cases",
            "list",
            "--domain",
            "health",
            "--format",
            "json",
            "--passphrase-stdin",
        ],
        &format!("{PASS}\n"),
    );
    assert!(list.contains(&id), "{list}");
}
