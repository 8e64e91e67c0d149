//! `kizuna settings`: the level names and the targets per band, as an admin changes
//! them and as the reports then measure.

mod common;

use common::{Home, stderr};

/// How many gaps a person of the demo has.
fn gaps_of(home: &Home, staff_no: &str) -> usize {
    home.ok(&["--demo", "skills", "gaps", "--employee", staff_no])
        .lines()
        .skip(1)
        .count()
}

#[test]
fn the_defaults_show_and_changes_are_kept_and_measured() {
    let home = Home::new();
    home.ok(&["demo", "--staff", "60", "--create-only"]);
    let shown = home.ok(&["--demo", "settings", "show"]);
    for line in [
        "項目\t値",
        "level.0\t未習得",
        "level.2\t支援があればできる",
        "level.4\t指導できる",
        "target.1\t3",
        "target.4\t3",
    ] {
        assert!(shown.lines().any(|l| l == line), "{line} in\n{shown}");
    }

    let home_demo = |args: &[&str]| {
        let mut all = vec!["--demo"];
        all.extend_from_slice(args);
        home.ok(&all)
    };
    let someone = home_demo(&["skills", "matrix", "--org", "01"])
        .lines()
        .nth(1)
        .and_then(|l| l.split('\t').next())
        .map(str::to_string)
        .unwrap();
    let before = gaps_of(&home, &someone);
    assert!(home_demo(&["settings", "target", "1", "4"]).contains("保存しました"));
    assert!(home_demo(&["settings", "target", "2", "4"]).contains("保存しました"));
    assert!(home_demo(&["settings", "target", "3", "4"]).contains("保存しました"));
    assert!(home_demo(&["settings", "target", "4", "4"]).contains("保存しました"));
    home_demo(&["settings", "level-name", "1", "基礎知識"]);
    let shown = home_demo(&["settings", "show", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&shown).unwrap();
    assert_eq!(v["level_names"][1], "基礎知識");
    assert_eq!(v["targets"][3]["level"], 4);
    let after = gaps_of(&home, &someone);
    assert!(
        after > before,
        "a higher target widens the gaps: {before} -> {after}"
    );

    // Out of range: refused by the command line, nothing changed.
    let out = home.run(&["--demo", "settings", "target", "5", "3"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let out = home.run(&["--demo", "settings", "level-name", "2", "  "]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("レベルの名前"), "{}", stderr(&out));
    assert!(home_demo(&["settings", "show"]).contains("level.2\t支援があればできる"));

    // The self-study subsidy's settings.
    for line in [
        "subsidy.rate.1\t50",
        "subsidy.budget\t3000000",
        "subsidy.skill_rule\ton",
    ] {
        assert!(
            home_demo(&["settings", "show"]).lines().any(|l| l == line),
            "{line}"
        );
    }
    home_demo(&["settings", "subsidy-rate", "2", "40"]);
    home_demo(&["settings", "subsidy-budget", "1500000"]);
    home_demo(&["settings", "subsidy-skill-rule", "off"]);
    home_demo(&["settings", "subsidy-budget", "500000", "--fy", "R9"]);
    let shown = home_demo(&["settings", "show"]);
    for line in [
        "subsidy.rate.2\t40",
        "subsidy.budget\t1500000",
        "subsidy.budget.R9\t500000",
        "subsidy.skill_rule\toff",
    ] {
        assert!(shown.lines().any(|l| l == line), "{line} in\n{shown}");
    }
    let out = home.run(&["--demo", "settings", "subsidy-rate", "1", "101"]);
    assert_eq!(out.status.code(), Some(2));
    let en = home.ok(&["--demo", "--lang", "en", "settings", "show"]);
    assert!(en.starts_with("key\tvalue\n"), "{en}");
}
