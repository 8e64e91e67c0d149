//! `kizuna roadmap` as a user runs it: the timeline as TSV and JSON against the
//! catalogue, the change commands and their refusals, the Markdown report for a known
//! database (delayed first, notes since the last report, the report remembered), and
//! Japanese help.

mod common;

use common::{Home, stderr, tsv_cell};

fn home() -> Home {
    let home = Home::new();
    home.ok(&["init"]);
    home
}

#[test]
fn the_timeline_prints_the_plan_period_as_the_catalogue_has_it() {
    let h = home();
    let tsv = h.ok(&["roadmap"]);
    let header = tsv.lines().next().unwrap();
    assert_eq!(
        header,
        "id\tapproach\tinitiative\towner\tstatus_R8\tstatus_R9\tstatus_R10\tstatus_R11\tstatus_R12\tplan_R8\tplan_R9\tplan_R10\tplan_R11\tplan_R12"
    );
    assert_eq!(tsv.lines().count(), 19);
    assert_eq!(tsv_cell(&tsv, "id", "1-2", "plan_R10"), "導入後評価・改善");
    assert_eq!(tsv_cell(&tsv, "id", "1-2", "plan_R11"), "");
    assert_eq!(tsv_cell(&tsv, "id", "1-2", "plan_R12"), "");
    assert_eq!(tsv_cell(&tsv, "id", "1-3", "plan_R11"), "→");
    assert_eq!(tsv_cell(&tsv, "id", "1-3", "plan_R12"), "→");
    assert_eq!(tsv_cell(&tsv, "id", "1-3", "status_R8"), "未着手");
    assert_eq!(tsv_cell(&tsv, "id", "5-1", "approach"), "デジタル人材");

    h.ok(&["roadmap", "status", "1-3", "遅延", "--fy", "R8"]);
    h.ok(&["roadmap", "owner", "1-3", "職員課"]);
    let tsv = h.ok(&["roadmap"]);
    assert_eq!(tsv_cell(&tsv, "id", "1-3", "status_R8"), "遅延");
    assert_eq!(tsv_cell(&tsv, "id", "1-3", "owner"), "職員課");
    let json: serde_json::Value =
        serde_json::from_str(&h.ok(&["roadmap", "--format", "json", "--lang", "en"])).unwrap();
    let row = json
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "1-3")
        .unwrap();
    assert_eq!(row["years"][0]["status"], "delayed");
    assert_eq!(row["years"][4]["arrow"], true);
    assert_eq!(row["years"][1]["plan"], "システム導入");
    let en = h.ok(&["--lang", "en", "roadmap"]);
    assert_eq!(tsv_cell(&en, "id", "1-3", "status_R8"), "delayed");
}

#[test]
fn changes_say_what_they_did_and_refusals_say_why() {
    let h = home();
    assert_eq!(
        h.ok(&["roadmap", "status", "1-3", "進行中"]),
        "1-3 R8: 進行中\n",
        "this fiscal year by default (today is 2026-11-25)"
    );
    assert_eq!(
        h.ok(&["roadmap", "note", "1-3", "予算要求を提出", "--fy", "R8"]),
        "1-3: 記録を追加しました\n"
    );
    assert_eq!(
        h.ok(&["roadmap", "plan", "1-3", "--fy", "R9", "システム選定"]),
        "1-3 R9: 計画を改訂しました\n"
    );
    assert_eq!(
        h.ok(&["roadmap", "link", "1-3", "overtime-hours"]),
        "1-3: KPI overtime-hours\n"
    );
    assert_eq!(
        h.ok(&["roadmap", "link", "1-3", "overtime-hours", "--remove"]),
        "1-3: KPI \n"
    );
    let show = h.ok(&["roadmap", "show", "1-3"]);
    for part in [
        "1-3 人事評価システムの導入と評価結果の活用",
        "・AI活用による評価の公平性の担保",
        "R8 [進行中] 情報収集・制度設計・予算要求",
        "R9 [未着手] システム選定",
        "方針の計画: 計画 システム導入",
        "令和8年11月25日 (2026-11-25)",
        "予算要求を提出",
        "本市における人事評価制度は",
    ] {
        assert!(show.contains(part), "{part} in:\n{show}");
    }

    for (args, says) in [
        (vec!["roadmap", "status", "1-3", "進行中"], "既に進行中です"),
        (
            vec!["roadmap", "status", "1-3", "完了", "--fy", "R13"],
            "令和13年度 は計画期間 (令和8年度〜令和12年度) の外です",
        ),
        (
            vec!["roadmap", "note", "9-9", "x"],
            "取組 9-9 は見つかりません",
        ),
        (vec!["roadmap", "note", "1-3", "  "], "文が空です"),
        (
            vec!["roadmap", "link", "1-3", "nothing"],
            "KPI の系列 nothing はありません",
        ),
    ] {
        let out = h.run(&args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(stderr(&out).contains(says), "{args:?}: {}", stderr(&out));
    }
    let out = h.run(&["roadmap", "status", "1-3", "保留"]);
    assert_eq!(out.status.code(), Some(2), "not a status");
    let out = h.run(&["--lang", "en", "roadmap", "status", "1-3", "in-progress"]);
    assert!(
        stderr(&out).contains("already in-progress"),
        "{}",
        stderr(&out)
    );
}

/// A database the report is known for: two delayed, one done, notes before and after
/// the first report.
fn known() -> Home {
    let h = home();
    h.ok(&["roadmap", "status", "1-4", "完了", "--fy", "R8"]);
    h.ok(&["roadmap", "status", "3-4", "遅延", "--fy", "R8"]);
    h.ok(&["roadmap", "status", "1-3", "遅延", "--fy", "R8"]);
    h.ok(&["roadmap", "owner", "1-3", "職員課"]);
    h.ok(&[
        "roadmap",
        "note",
        "1-3",
        "予算要求が見送られた",
        "--fy",
        "R8",
    ]);
    h.ok(&["roadmap", "note", "1-4", "2名を採用した"]);
    h
}

fn position(text: &str, part: &str) -> usize {
    text.find(part)
        .unwrap_or_else(|| panic!("{part} not in:\n{text}"))
}

#[test]
fn the_report_opens_with_the_delayed_and_lists_notes_since_the_last_report() {
    let h = known();
    let first = h.ok(&["roadmap", "report", "--fy", "R8"]);
    assert!(first.starts_with("# 人材育成の取組み 進捗報告 令和8年度 (第1回)\n"));
    assert!(first.contains("- 前回の報告: なし (今年度の記録をすべて載せます)"));
    assert!(first.contains("- 状況: 未着手 15 / 進行中 0 / 完了 1 / 遅延 2 / 中止 0"));
    // Sections in order: delayed first, then the five approaches.
    let order = [
        "## 遅延している取組",
        "### 1-3 人事評価システムの導入と評価結果の活用",
        "### 3-4 ハラスメント対策",
        "## 人事管理からのアプローチ",
        "### 1-1a 複線型人事制度の導入",
        "### 1-4 採用試験の見直し・新たな採用枠新設",
        "## 職員研修からのアプローチ",
        "## 職場環境からのアプローチ",
        "### 3-3 メンタルヘルス対策",
        "## 地域活動からのアプローチ",
        "## デジタル人材の確保・育成",
        "### 5-3 デジタル人材育成推進体制及び庁内環境の整備",
    ];
    let at: Vec<usize> = order.iter().map(|p| position(&first, p)).collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{at:?}");
    assert_eq!(
        first.matches("### 1-3 ").count(),
        1,
        "a delayed item is listed once"
    );
    assert_eq!(first.matches("### ").count(), 18);
    let item = &first[position(&first, "### 1-3 ")..position(&first, "### 3-4 ")];
    for line in [
        "- アプローチ: 人事管理",
        "- 今年度の状況: **遅延** (令和8年11月25日 (2026-11-25) ",
        "- 今年度の計画: 情報収集・制度設計・予算要求",
        "- 担当: 職員課",
        "- 前回の報告以降の記録:\n  - 令和8年11月25日 (2026-11-25) ",
        " (R8): 予算要求が見送られた",
    ] {
        assert!(item.contains(line), "{line} in:\n{item}");
    }
    let done = &first[position(&first, "### 1-4 ")..position(&first, "### 1-5 ")];
    assert!(
        done.contains("**完了**") && done.contains(": 2名を採用した"),
        "{done}"
    );
    let quiet = &first[position(&first, "### 1-5 ")..position(&first, "### 1-6 ")];
    assert!(quiet.contains("- 前回の報告以降の記録: なし"), "{quiet}");

    // The first report is remembered: the second lists only what came after it.
    h.ok(&["roadmap", "note", "1-3", "制度設計を先行する", "--fy", "R8"]);
    let file = h.path().join("report.md");
    let said = h.ok(&[
        "roadmap",
        "report",
        "--fy",
        "R8",
        "-o",
        file.to_str().unwrap(),
    ]);
    assert!(said.contains("report.md に書き出しました"), "{said}");
    let second = std::fs::read_to_string(&file).unwrap();
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    assert!(second.starts_with("# 人材育成の取組み 進捗報告 令和8年度 (第2回)\n"));
    assert!(second.contains("- 前回の報告: 令和8年11月25日 (2026-11-25) "));
    let item = &second[position(&second, "### 1-3 ")..position(&second, "### 3-4 ")];
    assert!(item.contains("制度設計を先行する"), "{item}");
    assert!(
        !item.contains("予算要求が見送られた"),
        "already reported: {item}"
    );
    let done = &second[position(&second, "### 1-4 ")..position(&second, "### 1-5 ")];
    assert!(done.contains("- 前回の報告以降の記録: なし"), "{done}");

    // A preview remembers nothing: the next real report is still the third.
    let draft = h.ok(&["roadmap", "report", "--preview"]);
    assert!(draft.contains("(第3回)") && draft.contains("> 下書き (記録されていません)"));
    let third = h.ok(&["roadmap", "report"]);
    assert!(third.contains("(第3回)") && !third.contains("下書き"));
    let en = h.ok(&["--lang", "en", "roadmap", "report", "--preview"]);
    assert!(
        en.starts_with("# Progress report FY2026 (R8) (no. 4)"),
        "{en}"
    );
    assert!(
        en.contains("## Delayed initiatives") && en.contains("- Status this year: **delayed**")
    );
}

#[test]
fn a_report_that_cannot_be_written_is_not_remembered() {
    let h = known();
    let out = h.run(&["roadmap", "report", "-o", "/nonexistent/dir/r.md"]);
    assert_eq!(out.status.code(), Some(1));
    let next = h.ok(&["roadmap", "report"]);
    assert!(next.contains("(第1回)"), "the failed one was not counted");
    assert!(next.contains("予算要求が見送られた"));
}

#[test]
fn the_commands_speak_japanese_help() {
    let h = home();
    let help = h.ok(&["roadmap", "--help"]);
    assert!(help.contains("ロードマップ (R8-R12)"), "{help}");
    assert!(help.contains("一覧の出力形式"));
    for sub in ["report", "status", "note", "plan", "owner", "link", "show"] {
        let text = h.ok(&["roadmap", sub, "--help"]);
        assert!(
            text.contains("取組") || text.contains("年度"),
            "{sub}: {text}"
        );
        assert!(
            !text.contains("The initiative"),
            "{sub} left in English: {text}"
        );
    }
    let report = h.ok(&["roadmap", "report", "--help"]);
    assert!(report.contains("下書き") && report.contains("書き出すファイル"));
}
