//! The skill commands through the real binary: the map, gaps, matrix and digital targets
//! on a demo database and on a small one built from the sample files, and English on
//! request. The skill level files (import and export) are in `skills_cli/files.rs`.

mod common;
#[path = "skills_cli/files.rs"]
mod files;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use common::{Home, stderr, stdout, tsv_cell};
use kizuna::service::Principal;
use serde::Deserialize;
use serde_json::Value;

const BANDS_JA: [&str; 4] = ["主任・主事", "係長・専門員", "課長補佐・主査", "部長・課長"];
const LEVEL_HEADER: &str = "職員番号,スキル,レベル,日付,区分,評価者";

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(path)
}

/// A database made by `kizuna init`, with the sample units, titles and staff: 000123
/// is a 係長 (band 2), 000456 a 主任 (band 1), 000789 has left, 260001 is a 主事補.
fn sample_home() -> Home {
    let home = Home::new();
    home.ok(&["init"]);
    for (what, file) in [
        ("orgs", "csv/orgs.csv"),
        ("titles", "csv/titles.csv"),
        ("employees", "csv/employees.csv"),
    ] {
        home.ok(&["import", what, fixture(file).to_str().unwrap()]);
    }
    home
}

/// Writes a file into the home; returns its path.
fn file(home: &Home, name: &str, bytes: impl AsRef<[u8]>) -> String {
    let path = home.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_str().unwrap().to_string()
}

/// A TSV's header and rows.
fn table(tsv: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut lines = tsv
        .lines()
        .map(|l| l.split('\t').map(str::to_string).collect());
    let header = lines.next().unwrap();
    (header, lines.collect())
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

/// The account running the tests: it assesses rows without an assessor.
fn me() -> String {
    Principal::current().account
}

/// The first number in a text (a count in a summary or a note).
fn number_after(text: &str, marker: &str) -> u64 {
    let at = text
        .find(marker)
        .unwrap_or_else(|| panic!("{marker} in {text}"));
    let digits: String = text[at + marker.len()..]
        .trim_start()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits
        .parse()
        .unwrap_or_else(|_| panic!("{marker} in {text}"))
}

#[derive(Deserialize)]
struct PolicyMap {
    skill: Vec<PolicySkill>,
    foundation: Vec<PolicyFoundation>,
}

#[derive(Deserialize)]
struct PolicySkill {
    key: String,
    name: String,
    required: Vec<u8>,
}

#[derive(Deserialize)]
struct PolicyFoundation {
    key: String,
    name: String,
}

fn policy_map() -> PolicyMap {
    let text = std::fs::read_to_string(fixture("policy/skills.toml")).unwrap();
    toml::from_str(&text).unwrap()
}

#[test]
fn the_map_marks_what_the_policy_marks() {
    let home = Home::with_demo(300);
    let out = home.run(&["--demo", "skills", "map"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let tsv = stdout(&out);
    let (header, rows) = table(&tsv);
    let mut want = vec!["目指すべき職員像", "カテゴリ", "スキル", "スキル名"];
    want.extend(BANDS_JA);
    assert_eq!(header, want);
    let policy = policy_map();
    for s in &policy.skill {
        assert_eq!(tsv_cell(&tsv, "スキル", &s.key, "スキル名"), s.name);
        for (band, label) in (1..=4).zip(BANDS_JA) {
            let mark = if s.required.contains(&band) {
                "○"
            } else {
                ""
            };
            assert_eq!(
                tsv_cell(&tsv, "スキル", &s.key, label),
                mark,
                "{} at band {band}",
                s.key
            );
        }
    }
    assert_eq!(
        tsv_cell(&tsv, "スキル", "coaching", "カテゴリ"),
        "組織マネジメント力"
    );
    // Foundation skills come last, marked 基盤 and required of every band; then the
    // digital domains, under the keys an import takes.
    let n = policy.skill.len();
    for (i, f) in policy.foundation.iter().enumerate() {
        let row = &rows[n + i];
        assert_eq!(
            (row[1].as_str(), &row[2], &row[3]),
            ("基盤", &f.key, &f.name)
        );
        assert!(row[4..].iter().all(|c| c == "○"), "{row:?}");
    }
    let domains: Vec<&str> = rows[n + policy.foundation.len()..]
        .iter()
        .map(|r| r[2].as_str())
        .collect();
    assert_eq!(domains, ["dx:mind", "dx:design", "dx:digital", "dx:basic"]);
    assert_eq!(tsv_cell(&tsv, "スキル", "dx:mind", "スキル名"), "マインド");
    assert!(
        stderr(&out).contains("令和8年度のスキルマップ"),
        "{}",
        stderr(&out)
    );

    let j = json(&home.ok(&["--demo", "skills", "map", "--format", "json"]));
    assert_eq!(j["fiscal_year"], "R8");
    assert_eq!(j["on"], "2026-11-25");
    assert_eq!(j["skills"].as_array().unwrap().len(), n + 2);
    let coaching = j["skills"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["key"] == "coaching")
        .unwrap();
    assert_eq!(coaching["name"], "部下育成・コーチング");
    assert_eq!(coaching["required_bands"], serde_json::json!([2, 3, 4]));
    assert_eq!(j["digital_domains"][0]["key"], "dx:mind");
    assert_eq!(j["bands"][1]["label"], "係長・専門員");

    let en = home.ok(&["--demo", "--lang", "en", "skills", "map"]);
    let (header, _) = table(&en);
    assert_eq!(
        header,
        ["image", "category", "skill", "name", "b1", "b2", "b3", "b4"]
    );
    assert_eq!(tsv_cell(&en, "skill", "ethics", "category"), "foundation");
}

#[test]
fn the_map_of_a_year_is_read_on_its_last_day_or_today() {
    let home = Home::with_demo(30);
    let now = home.ok(&["--demo", "skills", "map"]);
    // R7 ended before the policy's map took effect (2026-04-01): only the digital
    // domains, which are not dated, are listed.
    let r7 = home.run(&["--demo", "skills", "map", "--fy", "R7"]);
    let (_, rows) = table(&stdout(&r7));
    assert!(rows.iter().all(|r| r[2].starts_with("dx:")), "{rows:?}");
    assert_eq!(rows.len(), 4);
    assert!(stderr(&r7).contains("2026-03-31"), "{}", stderr(&r7));
    // The last day of FY2030 is still to come: the map as it stands today.
    let later = home.run(&["--demo", "skills", "map", "--fy", "2030"]);
    assert_eq!(stdout(&later), now);
    assert!(stderr(&later).contains("令和12年度"), "{}", stderr(&later));
    assert!(stderr(&later).contains("2026-11-25"), "{}", stderr(&later));
    let bad = home.run(&["--demo", "skills", "map", "--fy", "来年"]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn a_band_two_person_lacking_coaching_has_that_gap() {
    let home = sample_home();
    let out = home.run(&["skills", "gaps", "--employee", "000123"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let tsv = stdout(&out);
    let (header, _) = table(&tsv);
    assert_eq!(header, ["スキル", "スキル名", "レベル", "目標", "不足"]);
    assert_eq!(
        tsv_cell(&tsv, "スキル", "coaching", "スキル名"),
        "部下育成・コーチング"
    );
    assert_eq!(tsv_cell(&tsv, "スキル", "coaching", "レベル"), "未評価");
    assert_eq!(tsv_cell(&tsv, "スキル", "coaching", "不足"), "3");
    assert!(
        stderr(&out).contains("職層 2 係長・専門員"),
        "{}",
        stderr(&out)
    );
    // 部下育成・コーチング carries no ○ for 主任・主事.
    let band1 = home.ok(&["skills", "gaps", "--employee", "000456"]);
    assert!(!band1.contains("coaching"), "{band1}");
    assert!(band1.contains("logical-thinking"), "{band1}");

    let levels = file(
        &home,
        "coaching.csv",
        format!("{LEVEL_HEADER}\n000123,部下育成・コーチング,1,R8.10.1,上司評価,\n"),
    );
    home.ok(&["import", "skills", &levels]);
    let tsv = home.ok(&["skills", "gaps", "--employee", "000123"]);
    assert_eq!(tsv_cell(&tsv, "スキル", "coaching", "レベル"), "1");
    assert_eq!(tsv_cell(&tsv, "スキル", "coaching", "目標"), "3");
    assert_eq!(tsv_cell(&tsv, "スキル", "coaching", "不足"), "2");
    let j = json(&home.ok(&["skills", "gaps", "--employee", "000123", "--format", "json"]));
    assert_eq!(j["band"], 2);
    let gap = j["gaps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["skill"] == "coaching")
        .unwrap();
    assert_eq!(
        (gap["level"].as_u64(), gap["distance"].as_u64()),
        (Some(1), Some(2))
    );
    // Reaching the target closes the gap from its date on; the day before still shows it.
    let reached = file(
        &home,
        "reached.csv",
        format!("{LEVEL_HEADER}\n000123,coaching,3,2026-11-01,研修修了,\n"),
    );
    home.ok(&["import", "skills", &reached]);
    assert!(
        !home
            .ok(&["skills", "gaps", "--employee", "000123"])
            .contains("coaching")
    );
    let before = home.ok(&[
        "skills",
        "gaps",
        "--employee",
        "000123",
        "--as-of",
        "2026-10-31",
    ]);
    assert_eq!(tsv_cell(&before, "スキル", "coaching", "レベル"), "1");
    let nobody = home.run(&["skills", "gaps", "--employee", "999999"]);
    assert_eq!(nobody.status.code(), Some(1));
    assert!(stderr(&nobody).contains("職員番号 999999 の職員はいません"));
}

/// The matrix of a demo department as JSON.
fn matrix_json(home: &Home, org: &str) -> Value {
    json(&home.ok(&[
        "--demo", "skills", "matrix", "--org", org, "--format", "json",
    ]))
}

#[test]
fn the_matrix_marks_required_cells_below_target_and_agrees_with_gaps() {
    let home = Home::with_demo(300);
    let map = home.ok(&["--demo", "skills", "map"]);
    let tsv = home.ok(&["--demo", "skills", "matrix", "--org", "01"]);
    let (header, rows) = table(&tsv);
    assert_eq!(header[..5], ["職員番号", "氏名", "所属", "職名", "職層"]);
    assert_eq!(header[5], "logical-thinking");
    assert!(header.contains(&"coaching".to_string()));
    assert!(header.contains(&"dx:mind".to_string()));
    assert!(rows.len() > 10, "{tsv}");
    let mut marked = 0;
    for row in &rows {
        assert_eq!(row.len(), header.len(), "{row:?}");
        let band: Option<usize> = row[4].parse().ok();
        for (key, cell) in header[5..].iter().zip(&row[5..]) {
            let required = !key.starts_with("dx:")
                && band.is_some_and(|b| tsv_cell(&map, "スキル", key, BANDS_JA[b - 1]) == "○");
            let level: Option<u8> = cell.trim_end_matches('!').parse().ok();
            let below = level.is_none_or(|l| l < 3);
            assert_eq!(
                cell.ends_with('!'),
                required && below,
                "{} {key}: {cell:?}",
                row[0]
            );
            marked += usize::from(cell.ends_with('!'));
        }
    }
    assert!(marked > 0);
    let j = matrix_json(&home, "01");
    let short: usize = j["rows"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|r| r["cells"].as_array().unwrap())
        .filter(|c| c["short"] == true)
        .count();
    assert_eq!(short, marked);
    let coaching = j["columns"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["key"] == "coaching")
        .unwrap();
    assert_eq!(coaching["name"], "部下育成・コーチング");

    // A band-2 person of the demo whose coaching is below target: the same gap,
    // level and distance in `skills gaps`, and exactly the matrix's marks.
    let (staff_no, level, marks) = ["01", "02", "03", "04", "05", "06", "07"]
        .iter()
        .find_map(|org| {
            let m = matrix_json(&home, org);
            let col = m["columns"]
                .as_array()
                .unwrap()
                .iter()
                .position(|c| c["key"] == "coaching")
                .unwrap();
            m["rows"].as_array().unwrap().iter().find_map(|r| {
                let cell = &r["cells"][col];
                (r["band"] == 2 && cell["short"] == true).then(|| {
                    let marks: BTreeSet<String> = r["cells"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .filter(|c| c["short"] == true)
                        .map(|c| c["skill"].as_str().unwrap().to_string())
                        .collect();
                    (
                        r["staff_no"].as_str().unwrap().to_string(),
                        cell["level"].as_u64(),
                        marks,
                    )
                })
            })
        })
        .expect("a band-2 person below target in coaching");
    let gaps = home.ok(&["--demo", "skills", "gaps", "--employee", &staff_no]);
    let shown = tsv_cell(&gaps, "スキル", "coaching", "レベル");
    match level {
        Some(l) => {
            assert_eq!(shown, l.to_string());
            let distance = tsv_cell(&gaps, "スキル", "coaching", "不足");
            assert_eq!(distance, (3 - l).to_string());
        }
        None => assert_eq!(shown, "未評価"),
    }
    let (_, gap_rows) = table(&gaps);
    let gap_keys: BTreeSet<String> = gap_rows.iter().map(|r| r[0].clone()).collect();
    assert_eq!(gap_keys, marks);

    let unknown = home.run(&["--demo", "skills", "matrix", "--org", "99"]);
    assert_eq!(unknown.status.code(), Some(1));
    assert!(
        stderr(&unknown).contains("所属コード 99 は組織の表にありません"),
        "{}",
        stderr(&unknown)
    );
}

#[test]
fn the_share_report_is_worst_first_and_counts_people() {
    let home = Home::with_demo(300);
    let out = home.run(&["--demo", "skills", "gaps"]);
    let tsv = stdout(&out);
    let (header, rows) = table(&tsv);
    assert_eq!(
        header,
        ["スキル", "スキル名", "対象人数", "達成人数", "達成率(%)"]
    );
    assert_eq!(
        rows.len(),
        20,
        "every skill of the map is required of someone"
    );
    let mut last = -1.0;
    for row in &rows {
        let required: f64 = row[2].parse().unwrap();
        let meeting: f64 = row[3].parse().unwrap();
        let share: f64 = row[4].parse().unwrap();
        assert!(meeting <= required, "{row:?}");
        assert_eq!(
            row[4],
            format!("{:.1}", (meeting / required * 1000.0).round() / 10.0)
        );
        assert!(row[4].split('.').nth(1).is_some_and(|d| d.len() == 1));
        assert!(share >= last, "worst first: {row:?}");
        last = share;
    }
    assert_eq!(
        tsv_cell(&tsv, "スキル", "creativity", "スキル名"),
        "創造的思考（クリエイティビティ）"
    );
    let note = stderr(&out);
    let people = number_after(&note, "全庁の職員");
    let j = json(&home.ok(&["--demo", "skills", "gaps", "--format", "json"]));
    assert_eq!(j["people"].as_u64(), Some(people));
    // Foundation skills are required of everyone counted.
    assert_eq!(
        tsv_cell(&tsv, "スキル", "ethics", "対象人数"),
        people.to_string()
    );
    let dept = home.run(&["--demo", "skills", "gaps", "--org", "01"]);
    let in_dept = number_after(&stderr(&dept), "職員");
    assert!(in_dept > 0 && in_dept < people, "{in_dept} of {people}");
    let en = home.ok(&["--demo", "--lang", "en", "skills", "gaps", "--org", "01"]);
    assert!(
        en.starts_with("skill\tname\trequired\tmeeting\tshare_percent\n"),
        "{en}"
    );
    let both = home.run(&["--demo", "skills", "gaps", "--org", "01", "--employee", "1"]);
    assert_eq!(both.status.code(), Some(2));
}

#[test]
fn digital_targets_per_tier_and_the_sections_below_the_floor() {
    let home = Home::with_demo(300);
    let out = home.run(&["--demo", "digital", "targets"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let (tiers, sections) = text.split_once("\n\n").expect("two tables");
    let tiers = format!("{tiers}\n");
    let (header, rows) = table(&tiers);
    assert_eq!(
        header[..4],
        ["区分", "人材像", "現在の人数", "2030年度目標"]
    );
    let names: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(names, ["スターター", "リーダー", "アーキテクト"]);
    assert_eq!(tsv_cell(&tiers, "区分", "リーダー", "2030年度目標"), "100");
    assert_eq!(
        tsv_cell(&tiers, "区分", "アーキテクト", "2030年度目標"),
        "25"
    );
    assert_eq!(tsv_cell(&tiers, "区分", "リーダー", "長期目標(人)"), "200");
    assert_eq!(
        tsv_cell(&tiers, "区分", "アーキテクト", "長期目標(人)"),
        "40-50"
    );
    assert!(tsv_cell(&tiers, "区分", "リーダー", "長期目標").contains("各所属に2人以上"));
    // Everyone in post is counted once: active and on leave, not those who left.
    let stats = home.ok(&["--demo", "stats"]);
    let in_post = number_after(&stats, "在職\t") + number_after(&stats, "休職\t");
    let counted: u64 = rows.iter().map(|r| r[2].parse::<u64>().unwrap()).sum();
    assert_eq!(counted, in_post);
    let architects: u64 = tsv_cell(&tiers, "区分", "アーキテクト", "現在の人数")
        .parse()
        .unwrap();
    let in_systems: u64 = tsv_cell(&tiers, "区分", "アーキテクト", "うちデジタル・基幹系所管課")
        .parse()
        .unwrap();
    assert!(in_systems <= architects);
    let (header, below) = table(sections);
    assert_eq!(header, ["所属コード", "所属名", "リーダー"]);
    assert!(!below.is_empty());
    assert!(
        below.iter().all(|r| r[2].parse::<u32>().unwrap() < 2),
        "{below:?}"
    );
    assert!(below.iter().any(|r| r[1] == "総務部 総務課"), "{below:?}");

    let j = json(&home.ok(&["--demo", "digital", "targets", "--format", "json"]));
    assert_eq!(j["sections_below"].as_array().unwrap().len(), below.len());
    assert_eq!(j["per_section"], 2);
    assert_eq!(j["tiers"][2]["tier"], "architect");
    assert_eq!(
        j["tiers"][2]["long_term_count"],
        serde_json::json!([40, 50])
    );
    assert_eq!(j["architects_in_systems"].as_u64(), Some(in_systems));
    let en = home.ok(&["--demo", "--lang", "en", "digital", "targets"]);
    assert!(
        en.starts_with("tier\timage\tcount\ttarget_fy2030\t"),
        "{en}"
    );
    assert!(en.contains("\nleader\t"), "{en}");
}

#[test]
fn english_on_request() {
    let home = sample_home();
    let gaps = home.ok(&["--lang", "en", "skills", "gaps", "--employee", "000123"]);
    assert!(
        gaps.starts_with("skill\tname\tlevel\ttarget\tdistance\n"),
        "{gaps}"
    );
    assert_eq!(tsv_cell(&gaps, "skill", "coaching", "level"), "unassessed");
    let levels = file(
        &home,
        "l.csv",
        "employee_id,skill,level,date,source\n000123,coaching,1,2026-10-01,supervisor\n",
    );
    let out = home.ok(&["--lang", "en", "import", "skills", &levels]);
    assert_eq!(
        out,
        "Imported skill levels (UTF-8): added 1, changed (same-day corrections) 0, unchanged 0\n"
    );
    let out = home.run(&["--lang", "en", "skills", "gaps", "--employee", "000123"]);
    assert!(
        stderr(&out).contains("Employee 000123 (band 2, as of 2026-11-25)"),
        "{}",
        stderr(&out)
    );
    let matrix = home.run(&["--lang", "en", "skills", "matrix", "--org", "01"]);
    let tsv = stdout(&matrix);
    assert!(
        tsv.starts_with("staff_no\tname\tunit\ttitle\tband\tlogical-thinking\t"),
        "{tsv}"
    );
    assert_eq!(tsv_cell(&tsv, "staff_no", "000123", "coaching"), "1!");
    assert!(stderr(&matrix).contains("\"!\" marks a required skill below the band's target"));
    let export = home.run(&["--lang", "en", "export", "skills"]);
    assert!(
        stderr(&export).contains("Exported 1 skill levels (UTF-8)"),
        "{}",
        stderr(&export)
    );
    let help = home.ok(&["--lang", "en", "skills", "matrix", "--help"]);
    assert!(help.contains("\"!\""), "{help}");
    let help = home.ok(&["skills", "matrix", "--help"]);
    assert!(help.contains("「!」") && help.contains("使い方"), "{help}");
}
