//! The policy catalogue holds the agreed reading of the policy, cell by cell: in the
//! built-in files, and as `kizuna catalogue` prints it from a new database.

mod common;

use common::{Home, tsv_cell};
use kizuna::catalogue::Policy;
use kizuna::domain::roadmap::Cell;
use kizuna::domain::{Band, FiscalYear};

fn bands(policy: &Policy, skill: &str) -> Vec<u8> {
    let s = policy.skills.iter().find(|s| s.name == skill).unwrap();
    Band::ALL
        .iter()
        .filter(|b| s.required_at(**b))
        .map(|b| b.number())
        .collect()
}

#[test]
fn skill_map_cells() {
    let p = Policy::builtin().unwrap();
    assert_eq!(p.images.len(), 3);
    assert_eq!(p.categories.len(), 5);
    assert_eq!(p.skills.iter().filter(|s| !s.is_foundation()).count(), 18);
    assert_eq!(bands(&p, "リスクマネジメント"), [3, 4]);
    assert_eq!(bands(&p, "アウトリーチ・地域活動推進スキル"), [1, 4]);
    assert_eq!(bands(&p, "創造的思考（クリエイティビティ）"), [4]);
    assert_eq!(bands(&p, "業務プロセス分析・改善スキル"), [2]);
    assert_eq!(bands(&p, "デジタルリテラシー"), [1, 2]);
    assert_eq!(bands(&p, "ファシリテーションスキル"), [1, 2, 3]);
    assert_eq!(bands(&p, "関係構築力・傾聴力"), [1, 2, 3, 4]);
    // Foundation skills are required of every band.
    assert_eq!(bands(&p, "公務員倫理"), [1, 2, 3, 4]);
    assert_eq!(bands(&p, "文書・法令・財務・契約"), [1, 2, 3, 4]);
    let third = &p.images[2].name;
    assert_eq!(third, "つなぎ、ひらき、ともにつくる職員（コーディネート）");
}

#[test]
fn roadmap_cells() {
    let p = Policy::builtin().unwrap();
    assert_eq!(p.initiatives.len(), 18);
    assert_eq!(p.approaches.len(), 5);
    let r = FiscalYear::reiwa;
    let get = |id: &str| p.initiatives.iter().find(|i| i.id == id).unwrap();
    let one_two = get("1-2");
    assert_eq!(one_two.cell(r(10)), Cell::Plan("導入後評価・改善"));
    assert_eq!(one_two.cell(r(11)), Cell::Empty);
    assert_eq!(one_two.cell(r(12)), Cell::Empty);
    let one_three = get("1-3");
    assert_eq!(one_three.cell(r(11)), Cell::Arrow);
    assert_eq!(one_three.cell(r(12)), Cell::Arrow);
    assert_eq!(one_three.last_active_year(), Some(r(12)));
    assert_eq!(
        one_three.actions[..4],
        [
            "現状の評価スキームの抜本的見直し",
            "システム導入による評価プロセスの効率化",
            "AI活用による評価の公平性の担保",
            "評価結果によるインセンティブ付与",
        ]
    );
    assert_eq!(
        get("1-4").cell(r(9)),
        Cell::Plan("その他採用枠の検討・実施")
    );
    assert_eq!(get("1-4").cell(r(10)), Cell::Arrow);
    assert_eq!(get("1-5").cell(r(10)), Cell::Empty);
    assert_eq!(get("5-3").cell(r(10)), Cell::Empty);
    assert_eq!(get("2-1").cell(r(9)), Cell::Arrow);
    assert!(get("3-3").description.contains("メンタルヘルス"));
    assert_eq!(
        p.plan_period.years().map(|y| y.short()).collect::<Vec<_>>(),
        ["R8", "R9", "R10", "R11", "R12"]
    );
}

#[test]
fn kpi_cells() {
    let p = Policy::builtin().unwrap();
    let series = |key: &str| p.kpis.iter().find(|k| k.key == key).unwrap();
    let r = FiscalYear::reiwa;
    assert_eq!(series("overtime-hours").values[&r(6)], 90_644);
    assert_eq!(series("overtime-hours").values[&r(1)], 91_918);
    assert_eq!(series("young-resignations").values[&r(6)], 13);
    assert_eq!(series("young-resignations").values[&r(1)], 0);
}

#[test]
fn digital_targets() {
    use kizuna::domain::DigitalTier;
    let p = Policy::builtin().unwrap();
    let tier = |t| p.tiers.iter().find(|x| x.tier == t).unwrap();
    assert_eq!(tier(DigitalTier::Leader).target_count, Some(100));
    assert_eq!(tier(DigitalTier::Leader).long_term_count, Some((200, 200)));
    assert_eq!(tier(DigitalTier::Leader).per_section, Some(2));
    assert_eq!(tier(DigitalTier::Architect).target_count, Some(25));
    assert_eq!(tier(DigitalTier::Architect).long_term_count, Some((40, 50)));
    assert_eq!(
        tier(DigitalTier::Architect).per_section,
        None,
        "the per-section floor is for leaders"
    );
    let names: Vec<&str> = p.domains.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(names, ["マインド", "デザイン", "デジタル", "ベーシック"]);
}

#[test]
fn the_command_line_prints_the_same_cells_from_a_new_database() {
    let home = Home::new();
    home.ok(&["init"]);
    let skills = home.ok(&["catalogue", "skills"]);
    assert_eq!(
        skills.lines().next(),
        Some("image\tcategory\tskill\tb1\tb2\tb3\tb4")
    );
    let cell = |skill, band| tsv_cell(&skills, "skill", skill, band);
    assert_eq!(
        [
            cell("リスクマネジメント", "b1"),
            cell("リスクマネジメント", "b2"),
            cell("リスクマネジメント", "b3"),
            cell("リスクマネジメント", "b4")
        ],
        ["", "", "○", "○"]
    );
    let outreach = "アウトリーチ・地域活動推進スキル";
    assert_eq!(
        [
            cell(outreach, "b1"),
            cell(outreach, "b2"),
            cell(outreach, "b3"),
            cell(outreach, "b4")
        ],
        ["○", "", "", "○"]
    );
    assert_eq!(skills.lines().count(), 1 + 18 + 2);

    let roadmap = home.ok(&["catalogue", "roadmap"]);
    assert_eq!(
        roadmap.lines().next(),
        Some("id\tapproach\tinitiative\tR8\tR9\tR10\tR11\tR12")
    );
    assert_eq!(tsv_cell(&roadmap, "id", "1-2", "R10"), "導入後評価・改善");
    assert_eq!(tsv_cell(&roadmap, "id", "1-2", "R11"), "");
    assert_eq!(tsv_cell(&roadmap, "id", "1-2", "R12"), "");
    assert_eq!(tsv_cell(&roadmap, "id", "1-3", "R11"), "→");
    assert_eq!(tsv_cell(&roadmap, "id", "1-3", "R12"), "→");
    assert_eq!(
        tsv_cell(&roadmap, "id", "5-1", "R8"),
        "デジタル人材の育成計画の立案／先行的なデジタル人材育成研修の実施"
    );
    assert_eq!(roadmap.lines().count(), 19);

    let kpi = home.ok(&["catalogue", "kpi"]);
    assert_eq!(
        kpi.lines().next(),
        Some("series\tunit\tR1\tR2\tR3\tR4\tR5\tR6")
    );
    assert_eq!(
        tsv_cell(&kpi, "series", "年度別総時間外勤務時間", "R6"),
        "90644"
    );
    assert_eq!(
        tsv_cell(&kpi, "series", "40歳以下職員の年度別退職者数", "R6"),
        "13"
    );

    let json: serde_json::Value =
        serde_json::from_str(&home.ok(&["catalogue", "roadmap", "--format", "json"])).unwrap();
    let one_three = json
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "1-3")
        .unwrap();
    assert_eq!(one_three["years"][4]["fy"], "R12");
    assert_eq!(one_three["years"][4]["arrow"], true);
    let kpi_json: serde_json::Value =
        serde_json::from_str(&home.ok(&["catalogue", "kpi", "--format", "json"])).unwrap();
    assert_eq!(kpi_json[1]["values"][5], serde_json::json!(["R6", 90644]));
    let skills_json: serde_json::Value =
        serde_json::from_str(&home.ok(&["catalogue", "skills", "--format", "json"])).unwrap();
    let risk = skills_json
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["skill"] == "リスクマネジメント")
        .unwrap();
    assert_eq!(risk["required_bands"], serde_json::json!([3, 4]));
}
