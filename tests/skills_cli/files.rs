//! Skill level files through the real binary: UTF-8, UTF-8 with BOM and CP932; broken
//! files that import nothing and name every bad line; retired skills; dry runs;
//! same-day corrections; export and import again without loss; CP932 export refusals.

use std::os::unix::fs::MetadataExt;
use std::sync::Arc;

use kizuna::domain::{Date, FixedClock};
use kizuna::service::{MapEdit, Principal, Service};

use super::common::{Home, stderr, stdout, tsv_cell};
use super::{LEVEL_HEADER, file, me, number_after, sample_home};

#[test]
fn level_files_in_utf8_bom_and_cp932_all_import() {
    let home = sample_home();
    let utf8 = file(
        &home,
        "utf8.csv",
        format!(
            "{LEVEL_HEADER}\n000123,部下育成・コーチング,2,令和8年6月1日,上司評価,\n000123,マインド,1,2026/6/1,研修修了,\n"
        ),
    );
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(
        "employee_id,skill,level,date,source\n000456,dx:basic,3,R8.6.1,training\n000456,ETHICS,２,2026-06-01,self\n"
            .as_bytes(),
    );
    let bom = file(&home, "bom.csv", bom);
    let text = format!(
        "{LEVEL_HEADER}\r\n260001,多文化・多様性理解（ダイバーシティ）,2,2026-06-01,研修修了,髙橋\r\n260001,公務員倫理,1,R8.6.1,本人申告,﨑山\r\n"
    );
    let (bytes, _, unmappable) = encoding_rs::SHIFT_JIS.encode(&text);
    assert!(!unmappable);
    let cp932 = file(&home, "cp932.csv", bytes);
    for (path, label) in [
        (&utf8, "(UTF-8)"),
        (&bom, "(UTF-8 (BOM))"),
        (&cp932, "(CP932)"),
    ] {
        let out = home.ok(&["import", "skills", path]);
        assert!(out.contains(label) && out.contains("追加 2 件"), "{out}");
    }
    let wrong = home.run(&["import", "skills", "--encoding", "utf-8", &cp932]);
    assert_eq!(wrong.status.code(), Some(1));
    assert!(
        stderr(&wrong).contains("UTF-8 として読めない"),
        "{}",
        stderr(&wrong)
    );
    assert!(
        home.ok(&["import", "skills", "--encoding", "cp932", &cp932])
            .contains("変更なし 2 件")
    );

    let exported = home.ok(&["export", "skills"]);
    let me = me();
    for line in [
        format!("000123,coaching,2,2026-06-01,上司評価,{me}"),
        format!("000123,dx:mind,1,2026-06-01,研修修了,{me}"),
        format!("000456,ethics,2,2026-06-01,本人申告,{me}"),
        format!("000456,dx:basic,3,2026-06-01,研修修了,{me}"),
        "260001,diversity,2,2026-06-01,研修修了,髙橋".to_string(),
        "260001,ethics,1,2026-06-01,本人申告,﨑山".to_string(),
    ] {
        assert!(exported.lines().any(|l| l == line), "{line} in\n{exported}");
    }
    assert!(exported.starts_with("職員番号,スキル,レベル,日付,区分,評価者\n"));
    // CP932 carries 髙 and 﨑 (IBM and NEC extensions) as they are.
    let sjis = home.path().join("out-cp932.csv");
    home.ok(&[
        "export",
        "skills",
        "--encoding",
        "cp932",
        "-o",
        sjis.to_str().unwrap(),
    ]);
    let bytes = std::fs::read(&sjis).unwrap();
    assert!(bytes.windows(2).any(|w| w == b"\xFB\xFC"), "髙 as FB FC");
    assert!(bytes.ends_with(b"\r\n"));
}

#[test]
fn a_broken_file_imports_nothing_and_names_every_line() {
    let home = sample_home();
    let broken = file(
        &home,
        "broken.csv",
        format!(
            "{LEVEL_HEADER}\n\
             999999,coaching,2,2026-11-01,上司評価,\n\
             000123,存在しないスキル,5,2026-02-30,上長,\n\
             000123,coaching,3,2025-04-01,上司評価,\n\
             000123,coaching\n\
             000123,dx:nothing,2,2026-11-01,self,\n\
             000123,ethics,2,2026-11-01,self,\n\
             000123,公務員倫理,3,R8.11.1,supervisor,\n\
             000123,ethics,,2026-11-02,self,\n"
        ),
    );
    let out = home.run(&["import", "skills", &broken]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    for want in [
        "2行目 列「職員番号」: 職員番号 999999 の職員はいません",
        "3行目 列「レベル」: 「5」は使えません (0〜4)",
        "3行目 列「日付」: 「2026-02-30」は日付として読めません",
        "3行目 列「区分」: 「上長」は使えません (本人申告/上司評価/研修修了)",
        "3行目 列「スキル」: 「存在しないスキル」はスキルマップのスキルでもデジタルスキル領域でもありません",
        "5行目: 項目の数が 2 個です (見出しは 6 個)",
        "6行目 列「スキル」: 「dx:nothing」はスキルマップのスキルでも",
        "8行目 列「スキル」: 000123 ethics 2026-11-01 は 7行目にもあります",
        "9行目 列「レベル」: 必須の項目が空です",
        "取り込みませんでした: 誤りが 9 件あります",
    ] {
        assert!(err.contains(want), "{want}\n{err}");
    }
    assert!(stdout(&out).is_empty());
    assert_eq!(
        home.ok(&["export", "skills"]),
        "職員番号,スキル,レベル,日付,区分,評価者\n"
    );
    let en = stderr(&home.run(&["--lang", "en", "import", "skills", &broken]));
    assert!(
        en.contains("line 2, column 職員番号: no employee 999999"),
        "{en}"
    );
    assert!(
        en.contains("line 5: 2 fields where the header has 6"),
        "{en}"
    );
    assert!(en.contains("Nothing imported: 9 problems"), "{en}");
    // Line 4, a level assessed before the policy's map took effect, was never a
    // problem: the history of a person is kept whatever its date.
    assert!(!err.contains("4行目"), "{err}");

    let missing = file(
        &home,
        "missing.csv",
        "職員番号,スキル,日付\n000123,ethics,2026-11-01\n",
    );
    let err = stderr(&home.run(&["import", "skills", &missing]));
    assert!(
        err.contains("1行目 列「レベル」: 必須の列がありません"),
        "{err}"
    );
    assert!(
        err.contains("1行目 列「区分」: 必須の列がありません"),
        "{err}"
    );
    assert!(err.contains("誤りが 2 件"), "{err}");
    let empty = file(&home, "empty.csv", "");
    assert!(stderr(&home.run(&["import", "skills", &empty])).contains("見出しの行がありません"));
    let bytes = b"\xE8\x81\xB7,skill,level,date,source\n\x82\xA0,\xFF\xFF,1,2026-11-01,self\n";
    let garbage = file(&home, "garbage.csv", bytes);
    let err = stderr(&home.run(&["import", "skills", &garbage]));
    assert!(
        err.contains("UTF-8 でも CP932 (Shift_JIS) でもありません"),
        "{err}"
    );
}

#[test]
fn a_retired_skill_takes_no_new_levels() {
    let home = sample_home();
    {
        let today = Date::new(2026, 11, 25).unwrap();
        let service = Service::open(&home.db(), Arc::new(FixedClock::at_noon(today))).unwrap();
        let retire = MapEdit::Retire {
            skill: "coaching".into(),
        };
        service.edit_map(&Principal::current(), &retire).unwrap();
    }
    let on_the_day = file(
        &home,
        "retired.csv",
        format!("{LEVEL_HEADER}\n000123,coaching,2,2026-11-25,上司評価,\n"),
    );
    let out = home.run(&["import", "skills", &on_the_day]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains(
            "2行目 列「スキル」: スキル「coaching」は 令和8年11月25日 (2026-11-25) に廃止されました"
        ),
        "{}",
        stderr(&out)
    );
    let earlier = file(
        &home,
        "earlier.csv",
        format!("{LEVEL_HEADER}\n000123,部下育成・コーチング,2,2026-11-24,上司評価,\n"),
    );
    // A new level is refused whatever its date, by key or by the skill's old name.
    let out = home.run(&["import", "skills", &earlier]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("に廃止されました"),
        "{}",
        stderr(&out)
    );
    // The retired skill leaves the map and the person's gaps.
    assert!(!home.ok(&["skills", "map"]).contains("coaching"));
    assert!(
        !home
            .ok(&["skills", "gaps", "--employee", "000123"])
            .contains("coaching")
    );
}

#[test]
fn a_dry_run_checks_and_writes_nothing() {
    let home = sample_home();
    let levels = file(
        &home,
        "levels.csv",
        format!(
            "{LEVEL_HEADER}\n000123,ethics,2,2026-11-01,上司評価,\n000456,ethics,3,2026-11-01,上司評価,\n"
        ),
    );
    let audit = |home: &Home| number_after(&home.ok(&["stats"]), "監査ログ\t");
    let before = audit(&home);
    let out = home.ok(&["import", "skills", "--dry-run", &levels]);
    assert!(
        out.contains("確認だけしました") && out.contains("追加 2 件"),
        "{out}"
    );
    assert_eq!(
        home.ok(&["export", "skills"]).lines().count(),
        1,
        "nothing written"
    );
    assert_eq!(audit(&home), before);
    let out = home.ok(&["import", "skills", &levels]);
    assert!(out.contains("スキルレベルを取り込みました"), "{out}");
    assert_eq!(audit(&home), before + 1, "one audit entry for the file");
    assert_eq!(home.ok(&["export", "skills"]).lines().count(), 3);
    // A dry run of a broken file lists its problems just the same.
    let broken = file(
        &home,
        "broken.csv",
        format!("{LEVEL_HEADER}\n000123,ethics,9,2026-11-01,上司評価,\n"),
    );
    let out = home.run(&["import", "skills", "--dry-run", &broken]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("2行目 列「レベル」"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_same_day_row_corrects_and_another_day_adds() {
    let home = sample_home();
    let first = file(
        &home,
        "1.csv",
        format!("{LEVEL_HEADER}\n000123,ethics,1,2026-10-01,本人申告,\n"),
    );
    home.ok(&["import", "skills", &first]);
    let fix = file(
        &home,
        "2.csv",
        format!("{LEVEL_HEADER}\n000123,ethics,2,R8.10.1,本人申告,佐藤 課長\n"),
    );
    let out = home.ok(&["import", "skills", &fix]);
    assert!(
        out.contains("追加 0 件、訂正 (同じ日の評価の置き換え) 1 件、変更なし 0 件"),
        "{out}"
    );
    // Another source on that day is another fact: it does not replace the level.
    let other = file(
        &home,
        "other.csv",
        format!("{LEVEL_HEADER}\n000123,ethics,4,2026-10-01,上司評価,\n"),
    );
    let out = home.run(&["import", "skills", &other]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains(
            "2行目 列「区分」: 令和8年10月1日 (2026-10-01) には本人申告のレベルが記録されています"
        ),
        "{}",
        stderr(&out)
    );
    // Nor is a level dated after today taken.
    let future = file(
        &home,
        "future.csv",
        format!("{LEVEL_HEADER}\n000123,ethics,4,2062-10-01,上司評価,\n"),
    );
    let out = home.run(&["import", "skills", &future]);
    assert!(
        stderr(&out)
            .contains("2行目 列「日付」: 令和44年10月1日 (2062-10-01) は今日より後の日付です"),
        "{}",
        stderr(&out)
    );
    let later = file(
        &home,
        "3.csv",
        format!("{LEVEL_HEADER}\n000123,ethics,3,2026-11-01,研修修了,\n"),
    );
    assert!(home.ok(&["import", "skills", &later]).contains("追加 1 件"));
    let me = me();
    assert_eq!(
        home.ok(&["export", "skills"]),
        format!(
            "{LEVEL_HEADER}\n000123,ethics,2,2026-10-01,本人申告,佐藤 課長\n000123,ethics,3,2026-11-01,研修修了,{me}\n"
        )
    );
    let mid = home.ok(&[
        "skills",
        "gaps",
        "--employee",
        "000123",
        "--as-of",
        "2026-10-15",
    ]);
    assert_eq!(tsv_cell(&mid, "スキル", "ethics", "レベル"), "2");
    assert!(
        !home
            .ok(&["skills", "gaps", "--employee", "000123"])
            .contains("ethics")
    );
}

#[test]
fn export_then_import_loses_nothing() {
    // The demo's levels (two dated rows per required skill, three assessors) come back
    // unchanged from their own export.
    let demo = Home::with_demo(120);
    let first = demo.path().join("levels.csv");
    let said = demo.ok(&["--demo", "export", "skills", "-o", first.to_str().unwrap()]);
    assert_eq!(std::fs::metadata(&first).unwrap().mode() & 0o777, 0o600);
    let levels = number_after(&said, "スキルレベル");
    assert!(levels > 1000, "{said}");
    let again = demo.ok(&["--demo", "import", "skills", first.to_str().unwrap()]);
    assert!(again.contains(&format!("変更なし {levels} 件")), "{again}");
    assert!(again.contains("追加 0 件"), "{again}");
    let text = std::fs::read_to_string(&first).unwrap();
    assert_eq!(demo.ok(&["--demo", "export", "skills"]), text);
    assert!(
        text.contains(",hr.sato\n") && text.contains(",本人申告,"),
        "assessors and sources are kept"
    );

    // Into another database with the same staff: the same file comes out again.
    let a = sample_home();
    let levels = file(
        &a,
        "levels.csv",
        format!(
            "{LEVEL_HEADER}\n\
             000123,coaching,1,2026-04-01,本人申告,\n\
             000123,coaching,2,2026-09-15,上司評価,佐藤 課長\n\
             000123,dx:design,3,2026-05-20,研修修了,hr.kato\n\
             000456,関係構築力・傾聴力,4,R8.7.1,supervisor,\"髙橋, 誠\"\n\
             000789,ethics,2,2026-04-01,self,\n"
        ),
    );
    assert!(a.ok(&["import", "skills", &levels]).contains("追加 5 件"));
    let exported = a.ok(&["export", "skills"]);
    let b = sample_home();
    let path = file(&b, "from-a.csv", &exported);
    assert!(b.ok(&["import", "skills", &path]).contains("追加 5 件"));
    assert_eq!(b.ok(&["export", "skills"]), exported);
    let path = file(&a, "own.csv", &exported);
    assert!(a.ok(&["import", "skills", &path]).contains("変更なし 5 件"));
    assert!(
        exported.contains("000456,listening,4,2026-07-01,上司評価,\"髙橋, 誠\"\n"),
        "{exported}"
    );
}

#[test]
fn cp932_export_names_the_row_and_column_it_cannot_hold() {
    let home = sample_home();
    let levels = file(
        &home,
        "levels.csv",
        format!(
            "{LEVEL_HEADER}\n000123,ethics,2,2026-10-01,上司評価,hr.sato\n000456,ethics,2,2026-10-01,上司評価,森〜鷗外\n"
        ),
    );
    home.ok(&["import", "skills", &levels]);
    let target = home.path().join("sjis.csv");
    let out = home.run(&[
        "export",
        "skills",
        "--encoding",
        "cp932",
        "-o",
        target.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("3行目 列「評価者」: 「〜」(U+301C) は CP932 で表せません"),
        "{err}"
    );
    assert!(err.contains("3行目 列「評価者」: 「鷗」"), "{err}");
    assert!(err.contains("書き出しませんでした"), "{err}");
    assert!(!err.contains("2行目"), "{err}");
    assert!(!target.exists(), "nothing written");
    let en = stderr(&home.run(&["--lang", "en", "export", "skills", "--encoding", "cp932"]));
    assert!(
        en.contains("line 3, column 評価者: \"〜\" (U+301C) has no CP932 form"),
        "{en}"
    );
    assert!(
        home.ok(&["export", "skills"]).contains("森〜鷗外"),
        "UTF-8 holds it"
    );
}
