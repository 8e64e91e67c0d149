//! The self-study subsidy through the real binary: a year's applications with a budget
//! whose numbers add up, an application through approval, and the refusals.

use serde_json::Value;

use super::common::{Home, stderr, stdout};
use super::{column, demo, demo_ok, json, number_after, table, with_title};

#[test]
fn the_subsidy_list_shows_a_budget_that_adds_up() {
    let home = Home::with_demo(300);
    let out = demo(&home, &["subsidy", "list"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let tsv = stdout(&out);
    let (header, rows) = table(&tsv);
    assert_eq!(
        header,
        [
            "申請番号",
            "職員番号",
            "講座・資格",
            "費用(円)",
            "スキル",
            "状態",
            "助成率(%)",
            "助成額(円)",
            "予算計上(円)",
            "申請日",
            "理由"
        ]
    );
    let sum: u64 = column(&tsv, "予算計上(円)")
        .iter()
        .map(|c| c.parse::<u64>().unwrap())
        .sum();
    let note = stderr(&out);
    let total = number_after(&note, "令和8年度の予算");
    let committed = number_after(&note, "計上済み");
    let remaining = number_after(&note, "残り");
    assert_eq!(total, 3_000_000, "{note}");
    assert_eq!(committed, sum, "{note}");
    assert_eq!(committed + remaining, total, "{note}");
    assert_eq!(number_after(&note, "申請") as usize, rows.len(), "{note}");
    // Only approved applications carry a rate.
    for r in &rows {
        if r[5] == "申請" {
            assert_eq!((r[6].as_str(), r[8].as_str()), ("", "0"), "{r:?}");
        }
    }

    let who = &with_title(&home, "主事")[0];
    let refused = demo(
        &home,
        &[
            "subsidy",
            "apply",
            who,
            "--title",
            "宅地建物取引士",
            "--cost",
            "20000",
        ],
    );
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        stderr(&refused).contains("スキルマップのスキルを選ぶか、対象とする理由を入力してください"),
        "{}",
        stderr(&refused)
    );
    let out = demo_ok(
        &home,
        &[
            "subsidy",
            "apply",
            who,
            "--title",
            "統計検定2級",
            "--cost",
            "7000",
            "--skill",
            "data-analysis",
        ],
    );
    let id = format!("S8-{:04}", rows.len() + 1);
    assert!(
        out.starts_with(&format!("申請 {id} を受け付けました: {who} "))
            && out.contains("「統計検定2級」費用 7,000円 (スキル data-analysis)"),
        "{out}"
    );
    let out = demo_ok(&home, &["subsidy", "decide", &id, "承認"]);
    let left = remaining - 3_500;
    assert!(
        out.contains(&format!("申請 {id}: 承認 (助成率 50%、助成額 3,500円)"))
            && out.contains(&format!(
                "予算の残り {} / 3,000,000円",
                kizuna::i18n::yen(left, kizuna::i18n::Lang::Ja)
            )),
        "{out}"
    );
    let wrong = demo(&home, &["subsidy", "decide", &id, "支給"]);
    assert_eq!(wrong.status.code(), Some(1));
    assert!(
        stderr(&wrong).contains("承認から支給にはできません"),
        "{}",
        stderr(&wrong)
    );
    let bad = demo(&home, &["subsidy", "decide", &id, "完了"]);
    assert_eq!(bad.status.code(), Some(2));

    let j = json(&demo_ok(&home, &["subsidy", "list", "--format", "json"]));
    let budget = &j["budget"];
    assert_eq!(budget["committed"], committed + 3_500);
    assert_eq!(budget["remaining"], left);
    assert_eq!(
        budget["total"].as_u64(),
        Some(budget["committed"].as_u64().unwrap() + budget["remaining"].as_u64().unwrap())
    );
    let mine = j["applications"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == id.as_str())
        .unwrap();
    assert_eq!(
        (&mine["status"], &mine["amount"], &mine["rate_percent"]),
        (
            &Value::from("approved"),
            &Value::from(3_500),
            &Value::from(50)
        )
    );
    let en = demo(&home, &["--lang", "en", "subsidy", "list", "--fy", "R9"]);
    assert_eq!(table(&stdout(&en)).1.len(), 0);
    assert!(
        stderr(&en).contains(
            "FY2027 (R9) budget 3,000,000 yen: committed 0 yen (approved, reported, paid), remaining 3,000,000 yen"
        ),
        "{}",
        stderr(&en)
    );
}
