//! Every change `kizuna cases` makes to a case, from a script: a health case through
//! its leave, return-to-work plan, follow-up, deny list and closing; an incident linked
//! to a harassment case. Each command unlocks, changes and locks again.

mod common;

use common::{Home, stderr, stdout};

const PASS: &str = "correct horse battery";

/// Runs a case command with the passphrase on standard input; insists on success.
fn with_pass(home: &Home, args: &[&str]) -> String {
    let mut all = args.to_vec();
    all.push("--passphrase-stdin");
    let out = home.fed(&all, &format!("{PASS}\n"));
    assert!(
        out.status.success(),
        "kizuna {args:?}: {}\n{}",
        stderr(&out),
        stdout(&out)
    );
    stdout(&out)
}

/// A database with the sample staff, keys for the caller and both domains set up.
fn ready() -> (Home, Vec<String>) {
    let home = Home::with_samples();
    let staff = common::sample_staff(3);
    let made = home.fed(
        &["keys", "init", "--passphrase-stdin"],
        &format!("{PASS}\n"),
    );
    assert!(made.status.success(), "{}", stderr(&made));
    home.ok(&["cases", "init", "--domain", "health"]);
    home.ok(&["cases", "init", "--domain", "harassment"]);
    (home, staff)
}

#[test]
fn a_health_case_through_leave_plan_follow_up_deny_list_and_closing() {
    let (home, staff) = ready();
    let id = with_pass(
        &home,
        &[
            "cases",
            "open-health",
            "--subject",
            &staff[0],
            "--kind",
            "休職",
            "--opened",
            "2026-11-01",
        ],
    )
    .trim()
    .to_string();
    let steps: &[&[&str]] = &[
        &[
            "leave",
            &id,
            "--start",
            "2026-11-05",
            "--planned-end",
            "2026-12-20",
        ],
        &["leave-end", &id, "1", "--on", "2026-11-20"],
        &[
            "step",
            &id,
            "試し出勤",
            "--start",
            "2026-11-21",
            "--end",
            "2026-12-05",
        ],
        &["step-status", &id, "1", "実施中"],
        &["follow-up", &id, "2026-12-10"],
        &["note", &id, "本人と面談した"],
        &["deny", &id, "someone.else"],
        &["deny", &id, "another.one"],
        &["allow", &id, "someone.else"],
    ];
    for step in steps {
        let mut args = vec!["cases"];
        args.extend_from_slice(step);
        let saved = with_pass(&home, &args);
        assert!(saved.contains(&id), "{step:?}: {saved}");
    }
    let shown = with_pass(&home, &["cases", "show", &id]);
    assert!(
        shown.contains("2026-11-05 – 2026-12-20 (2026-11-20)"),
        "{shown}"
    );
    assert!(
        shown.contains("試し出勤 2026-11-21 – 2026-12-05 [実施中]; 2026-11-25 実施中"),
        "the status is dated the service's today: {shown}"
    );
    assert!(shown.contains("2026-12-10"), "{shown}");
    assert!(
        shown.contains("2026-11-25 "),
        "the note is dated today: {shown}"
    );
    assert!(shown.contains("本人と面談した"), "{shown}");
    assert!(shown.contains("another.one"), "{shown}");
    assert!(!shown.contains("someone.else"), "allowed again: {shown}");

    with_pass(&home, &["cases", "close", &id]);
    let refused = home.fed(
        &["cases", "note", &id, "また連絡", "--passphrase-stdin"],
        &format!("{PASS}\n"),
    );
    assert_eq!(
        refused.status.code(),
        Some(1),
        "a closed case takes no note"
    );
    let shown = with_pass(&home, &["cases", "show", &id]);
    assert!(shown.contains("令和8年11月25日"), "closed today: {shown}");
}

#[test]
fn an_incident_linked_to_a_harassment_case_and_a_health_change_refused_on_it() {
    let (home, staff) = ready();
    let case = with_pass(
        &home,
        &[
            "cases",
            "open-harassment",
            "--channel",
            "電話",
            "--kind",
            "カスタマーハラスメント",
            "--complainant",
            &staff[1],
            "--outside",
            "窓口に来た住民",
        ],
    )
    .trim()
    .to_string();
    let incident = with_pass(
        &home,
        &[
            "cases",
            "incident",
            "--channel",
            "面談",
            "--recording",
            "録音-0042",
            "--measures",
            "複数の職員で対応した",
            "--case",
            &case,
        ],
    )
    .trim()
    .to_string();
    assert_ne!(incident, case);
    let shown = with_pass(
        &home,
        &["cases", "show", &incident, "--domain", "harassment"],
    );
    assert!(shown.contains(&case), "linked: {shown}");
    assert!(shown.contains("録音-0042"), "{shown}");
    assert!(shown.contains("令和8年11月25日"), "on today: {shown}");

    let refused = home.fed(
        &["cases", "close", &incident, "--passphrase-stdin"],
        &format!("{PASS}\n"),
    );
    assert_eq!(refused.status.code(), Some(1));
    assert!(!stderr(&refused).is_empty());
}
