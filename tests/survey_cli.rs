//! `kizuna survey` run as HR runs it: real files, the real binary, the database file
//! read back byte by byte.

mod common;

use common::{Home, stderr, tsv_cell};

fn home() -> Home {
    let home = Home::new();
    home.ok(&["init"]);
    let orgs = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/csv/orgs.csv");
    home.ok(&["import", "orgs", orgs]);
    home
}

fn write(home: &Home, name: &str, bytes: &[u8]) -> String {
    let path = home.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_string_lossy().into_owned()
}

/// Item-level answers with a respondent id: 職員課 (0102) 12 people, 人事係 (010201)
/// 9, 市民課 (0201) 15. Every answer row is distinct and carries a unique id.
fn answers() -> String {
    let mut out = String::from("回答者ID,組織コード,Q1,Q2,Q3,Q4,Q5,Q6,Q7,Q8,Q9\n");
    let mut n = 0;
    for (org, count) in [("0102", 12), ("010201", 9), ("0201", 15)] {
        for i in 0..count {
            n += 1;
            let a: Vec<String> = (0..9)
                .map(|k| ((i * 7 + k * 3 + n) % 7).to_string())
                .collect();
            out.push_str(&format!("RESP-ZQX-{n:05},{org},{}\n", a.join(",")));
        }
    }
    out
}

#[test]
fn answers_are_folded_and_never_reach_the_database_file() {
    let home = home();
    let text = answers();
    let file = write(&home, "answers.csv", text.as_bytes());
    let out = home.ok(&["survey", "import", &file, "--fy", "R8"]);
    assert!(
        out.contains("36") && out.contains("個々の回答は保存していません"),
        "{out}"
    );
    // The process has ended: the file is closed. Look for any trace of a person.
    let db = std::fs::read(home.db()).unwrap();
    let find = |needle: &[u8]| db.windows(needle.len()).any(|w| w == needle);
    assert!(!find(b"RESP-ZQX"), "a respondent id is in the file");
    for line in text.lines().skip(1) {
        let answers = line.splitn(3, ',').nth(2).unwrap();
        assert!(
            !find(answers.as_bytes()),
            "answers {answers} are in the file"
        );
        let digits: Vec<u8> = answers.split(',').map(|d| d.parse().unwrap()).collect();
        assert!(!find(&digits), "answers {answers} are in the file as bytes");
    }
    // What is there is one result per workplace: 0102, 010201 and 0201.
    assert!(find(b"0102") && find(b"010201") && find(b"0201"));
    let tsv = home.ok(&["survey", "show", "--fy", "R8"]);
    assert_eq!(tsv_cell(&tsv, "org_code", "0102", "respondents"), "21");
    assert_eq!(tsv_cell(&tsv, "org_code", "0102", "merged"), "010201");
    assert_eq!(tsv_cell(&tsv, "org_code", "0201", "respondents"), "15");
    assert_eq!(
        tsv_cell(&tsv, "org_code", "010201", "respondents"),
        "",
        "9 never alone"
    );
    assert!(tsv_cell(&tsv, "org_code", "010201", "note").contains("0102"));
}

#[test]
fn the_report_is_for_a_shown_group_and_points_a_small_one_to_its_row() {
    let home = home();
    let text = "組織コード,組織名,回答者数,ワーク・エンゲイジメント,上司の支援\n\
                0102,職員課,10,3.2,2.9\n010201,人事係,9,2.1,2.0\n0201,市民課,40,3.0,2.5\n";
    let file = write(&home, "groups.csv", text.as_bytes());
    home.ok(&["survey", "import", &file, "--fy", "R8"]);
    let sheet = home.path().join("sheet.md");
    let sheet_arg = sheet.to_string_lossy().into_owned();
    home.ok(&[
        "survey", "report", "--fy", "R8", "--org", "0102", "-o", &sheet_arg,
    ]);
    let md = std::fs::read_to_string(&sheet).unwrap();
    assert!(md.starts_with("# ワーク・エンゲイジメント調査"), "{md}");
    assert!(
        md.contains("回答者数: 19人"),
        "10 of its own and 9 merged: {md}"
    );
    assert!(md.contains("統合した所属: 人事係 (010201)"), "{md}");
    // (10 × 3.2 + 9 × 2.1) / 19 = 2.68; the city (59) is 170.9 / 59 = 2.90.
    assert!(
        md.contains("| ワーク・エンゲイジメント | 2.68 | 2.90 | -0.22 |"),
        "{md}"
    );
    assert!(md.contains("## 読み方"));
    let refused = home.run(&["survey", "report", "--fy", "R8", "--org", "010201"]);
    assert_eq!(refused.status.code(), Some(1));
    let msg = stderr(&refused);
    assert!(
        msg.contains("10人未満") && msg.contains("--org 0102"),
        "{msg}"
    );
    let en = home.run(&[
        "--lang", "en", "survey", "report", "--fy", "R8", "--org", "0201",
    ]);
    assert!(
        String::from_utf8_lossy(&en.stdout).contains("| work engagement | 3.00 | 2.90 | +0.10 |")
    );
}

#[test]
fn a_cp932_file_is_read_and_a_bad_cell_is_named_by_line_and_column() {
    let home = home();
    let text = "組織コード,回答者数,ワーク・エンゲイジメント,仕事のコントロール\n0102,12,3.5,2.5\n0201,20,3.0,2.0\n";
    let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode(text);
    let file = write(&home, "cp932.csv", &bytes);
    let out = home.ok(&["survey", "import", &file, "--fy", "R8", "--dry-run"]);
    assert!(
        out.contains("CP932") && out.contains("何も書き込んでいません"),
        "{out}"
    );
    let no = home.run(&["survey", "show", "--fy", "R8"]);
    assert!(!no.status.success(), "a dry run writes nothing");
    home.ok(&["survey", "import", &file, "--fy", "R8"]);
    let json = home.ok(&["survey", "show", "--fy", "R8", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["scales"][1]["name"], "仕事のコントロール");
    assert_eq!(v["rows"][0]["org_code"], "0102");
    assert_eq!(v["city"]["respondents"], 32);
    let bad = "組織コード,回答者数,活力\n0102,12,3.5\n0201,二十,3.0\n9999,12,1\n";
    let file = write(&home, "bad.csv", bad.as_bytes());
    let out = home.run(&["survey", "import", &file, "--fy", "R8"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("3行目 列「回答者数」: 「二十」は回答者数として使えません"),
        "{err}"
    );
    let items =
        "組織コード,Q1,Q2,Q3,Q4,Q5,Q6,Q7,Q8,Q9\n0102,1,2,3,4,5,6,0,1,2\n9999,1,1,1,1,1,1,1,1,9\n";
    let file = write(&home, "items.csv", items.as_bytes());
    let err = stderr(&home.run(&["--lang", "en", "survey", "import", &file, "--fy", "R8"]));
    assert!(
        err.contains("line 3, column Q9: \"9\" is not an answer"),
        "{err}"
    );
    // The file had problems: the year is still the CP932 import.
    let tsv = home.ok(&["survey", "show", "--fy", "R8"]);
    assert_eq!(tsv_cell(&tsv, "org_code", "0201", "respondents"), "20");
}

#[test]
fn reimporting_says_it_replaces_and_the_floor_is_a_setting() {
    let home = home();
    let one = write(
        &home,
        "one.csv",
        "組織コード,回答者数,活力\n0102,12,3.5\n0201,20,3.0\n".as_bytes(),
    );
    let two = write(
        &home,
        "two.csv",
        "組織コード,回答者数,活力\n0201,25,3.1\n0101,14,2.0\n".as_bytes(),
    );
    home.ok(&["survey", "import", &one, "--fy", "R8"]);
    let out = home.ok(&["survey", "import", &two, "--fy", "R8"]);
    assert!(
        out.contains("以前の結果 (2 集団) を置き換えました"),
        "{out}"
    );
    let tsv = home.ok(&["survey", "show", "--fy", "R8"]);
    assert!(!tsv.lines().any(|l| l.starts_with("0102\t")), "{tsv}");
    assert_eq!(tsv_cell(&tsv, "org_code", "0201", "respondents"), "25");
    let none = home.run(&["survey", "show", "--fy", "R7"]);
    assert!(stderr(&none).contains("令和7年度のワーク・エンゲイジメント調査の結果はありません"));
    let help = home.ok(&["survey", "import", "--help"]);
    assert!(
        help.contains("結果の年度") && help.contains("確認だけして"),
        "{help}"
    );
    let floor = home.run(&["settings", "survey-floor", "9"]);
    assert_eq!(floor.status.code(), Some(2), "a floor under ten is refused");
    home.ok(&["settings", "survey-floor", "12"]);
    assert!(home.ok(&["settings", "show"]).contains("survey.floor\t12"));
}

/// One person's answers under a unit of their own, beside bigger groups.
fn with_a_lone_answer() -> String {
    let mut out = String::from("組織コード,Q1,Q2,Q3,Q4,Q5,Q6,Q7,Q8,Q9\n");
    out.push_str("010201,1,2,3,4,5,6,0,1,2\n");
    for (org, count) in [("0102", 12), ("0201", 20)] {
        for i in 0..count {
            out.push_str(&format!("{org},3,3,3,3,3,3,3,3,{}\n", i % 2 + 3));
        }
    }
    out
}

#[test]
fn a_group_under_ten_is_never_stored_on_its_own() {
    let home = home();
    let file = write(&home, "lone.csv", with_a_lone_answer().as_bytes());
    home.ok(&["survey", "import", &file, "--fy", "R8"]);
    // Read the stored groups themselves: none is under ten people, and the lone
    // person's own means are nowhere.
    let store = kizuna::store::Store::open(&home.db()).unwrap();
    let groups = store
        .read()
        .unwrap()
        .all::<kizuna::domain::survey::GroupResult>()
        .unwrap();
    assert!(!groups.is_empty());
    for g in &groups {
        assert!(g.respondents >= 10, "{g:?}");
        assert_ne!(
            g.org_code, "010201",
            "the lone answer has no group of its own"
        );
    }
    let lone = [8.0 / 3.0, 7.0 / 3.0, 3.0, 24.0 / 9.0];
    for g in &groups {
        let same = g
            .scores
            .iter()
            .zip(lone)
            .all(|(score, mean)| score.is_some_and(|s| (s - mean).abs() < 1e-9));
        assert!(!same, "{g:?} holds one person's figures");
    }
    let pooled = groups.iter().find(|g| g.org_code == "0102").unwrap();
    assert_eq!(
        (pooled.respondents, pooled.merged.clone()),
        (13, vec!["010201".to_string()])
    );
    drop(store);
    let tsv = home.ok(&["survey", "show", "--fy", "R8"]);
    assert_eq!(tsv_cell(&tsv, "org_code", "0102", "merged"), "010201");

    // Fewer than ten answers in the whole file: nothing is imported.
    let few = write(
        &home,
        "few.csv",
        "組織コード,Q1,Q2,Q3,Q4,Q5,Q6,Q7,Q8,Q9\n0201,1,1,1,1,1,1,1,1,1\n".as_bytes(),
    );
    let out = home.run(&["survey", "import", &few, "--fy", "R7"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("10 人未満"), "{}", stderr(&out));
}
