//! Enrollment files through the real binary: UTF-8, UTF-8 with BOM and CP932; rows
//! judged in file order, a full session queueing the later ones; broken files that
//! import nothing and name every bad line; dry runs that write nothing.

use super::common::{Home, stderr, stdout, tsv_cell};
use super::{add_session, audit_entries, column, d, demo, demo_ok, table, with_title};

/// Writes a file into the home; returns its path.
fn file(home: &Home, name: &str, bytes: impl AsRef<[u8]>) -> String {
    let path = home.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_str().unwrap().to_string()
}

/// The staff numbers of a roster in its order, with their status and place in line.
fn roster(home: &Home, session: &str) -> Vec<(String, String, String)> {
    table(&demo_ok(home, &["training", "roster", session]))
        .1
        .into_iter()
        .map(|r| (r[0].clone(), r[4].clone(), r[6].clone()))
        .collect()
}

fn entry(staff_no: &str, status: &str, in_line: &str) -> (String, String, String) {
    (staff_no.into(), status.into(), in_line.into())
}

#[test]
fn enrollment_files_in_utf8_bom_and_cp932_all_import_in_file_order() {
    let home = Home::with_demo(2000);
    add_session(&home, "R8-901", "kakaricho", d(2027, 2, 10), 3);
    let k = with_title(&home, "係長");
    let shuji = &with_title(&home, "主事")[0];

    // UTF-8: the first three take the three places.
    let utf8 = file(
        &home,
        "utf8.csv",
        format!(
            "研修の回,職員番号\nR8-901,{}\nR8-901,{}\nｒ８－９０１,{}\n",
            k[0], k[1], k[2]
        ),
    );
    let out = demo(&home, &["import", "enrollments", &utf8]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stdout(&out).trim(),
        "研修の申込を取り込みました (UTF-8): 受講予定 3 人、待機 0 人 (研修の回 1 件)"
    );

    // UTF-8 with BOM, English headers, an extra column: the session is full, so the
    // rows queue in file order; someone outside the audience comes in with a reason.
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(
        format!(
            "session,employee_id,status,reason,memo\nR8-901,{},,,x\nR8-901,{shuji},booked,係長昇任予定,\n",
            k[3]
        )
        .as_bytes(),
    );
    let bom = file(&home, "bom.csv", bom);
    let out = demo(&home, &["import", "enrollments", &bom]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("(UTF-8 (BOM)): 受講予定 0 人、待機 2 人"),
        "{}",
        stdout(&out)
    );
    let err = stderr(&out);
    assert!(err.contains("次の列は読み込みません: memo"), "{err}");
    assert!(
        err.contains(&format!("2行目: {} は R8-901 の待機 1番目", k[3]))
            && err.contains(&format!("3行目: {shuji} は R8-901 の待機 2番目")),
        "{err}"
    );

    // CP932 with a reason the NEC and IBM extensions carry, and 待機 asked for.
    let text = format!(
        "研修の回,職員番号,状態,理由\r\nR8-901,{},待機,髙橋課長の推薦 ①\r\n",
        k[4]
    );
    let (bytes, _, unmappable) = encoding_rs::SHIFT_JIS.encode(&text);
    assert!(!unmappable);
    let cp932 = file(&home, "cp932.csv", bytes);
    let out = demo_ok(&home, &["import", "enrollments", &cp932]);
    assert!(out.contains("(CP932): 受講予定 0 人、待機 1 人"), "{out}");
    // Those with a place come first, by staff number; then the line, in its order.
    let mut placed = [&k[0], &k[1], &k[2]];
    placed.sort();
    assert_eq!(
        roster(&home, "R8-901"),
        [
            entry(placed[0], "受講予定", ""),
            entry(placed[1], "受講予定", ""),
            entry(placed[2], "受講予定", ""),
            entry(&k[3], "待機", "1"),
            entry(shuji, "待機", "2"),
            entry(&k[4], "待機", "3"),
        ]
    );

    // 待機 asked for where places are free still gets a place: nobody is held back
    // while places stand empty.
    add_session(&home, "R8-902", "kakaricho", d(2027, 2, 17), 2);
    let mixed = file(
        &home,
        "mixed.csv",
        format!(
            "研修の回,職員番号,状態\nR8-902,{},待機\nR8-902,{},\nR8-902,{},受講予定\nR8-902,{},\n",
            k[5], k[6], k[7], k[8]
        ),
    );
    let out = demo(&home, &["--lang", "en", "import", "enrollments", &mixed]);
    assert!(
        stdout(&out).contains("Imported enrollments (UTF-8): booked 2, waiting 2 (sessions: 1)"),
        "{}",
        stdout(&out)
    );
    assert!(
        stderr(&out).contains(&format!("line 5: {} waits for R8-902, #2 in line", k[8])),
        "{}",
        stderr(&out)
    );
    let mut placed = [&k[5], &k[6]];
    placed.sort();
    assert_eq!(
        roster(&home, "R8-902"),
        [
            entry(placed[0], "受講予定", ""),
            entry(placed[1], "受講予定", ""),
            entry(&k[7], "待機", "1"),
            entry(&k[8], "待機", "2"),
        ]
    );
    let wrong = demo(
        &home,
        &["import", "enrollments", "--encoding", "utf-8", &cp932],
    );
    assert_eq!(wrong.status.code(), Some(1));
    assert!(
        stderr(&wrong).contains("UTF-8 として読めないバイトがあります"),
        "{}",
        stderr(&wrong)
    );
}

#[test]
fn a_broken_enrollment_file_imports_nothing_and_names_every_line() {
    let home = Home::with_demo(2000);
    let day = d(2027, 2, 10);
    add_session(&home, "R8-901", "kakaricho", day, 30);
    add_session(&home, "R8-902", "harassment", day, 30);
    let k = with_title(&home, "係長");
    let shuji = &with_title(&home, "主事")[0];
    let audit = audit_entries(&home);
    let broken = file(
        &home,
        "broken.csv",
        format!(
            "研修の回,職員番号,状態,理由\n\
             R8-901,{k0},,\n\
             R8-999,{k1},,\n\
             R8-901,999999,,\n\
             R8-901,{shuji},,\n\
             R8-901,{k2}\n\
             R8-901,,受講予定,\n\
             R8-901,{k3},修了,\n\
             R8-901,{k0},,\n\
             R8-902,{k0},,\n\
             R8-004,{k4},,\n",
            k0 = k[0],
            k1 = k[1],
            k2 = k[2],
            k3 = k[3],
            k4 = k[4],
        ),
    );
    let out = demo(&home, &["import", "enrollments", &broken]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).is_empty());
    let err = stderr(&out);
    for want in [
        "3行目 列「研修の回」: 研修の回 R8-999 はありません".to_string(),
        "4行目 列「職員番号」: 職員番号 999999 の職員はいません".to_string(),
        "5行目 列「職員番号」: 「係長研修」の対象 (職層・職名・デジタル人材区分) ではありません。対象外で申し込むには理由を入力してください".to_string(),
        "6行目: 項目の数が 2 個です (見出しは 4 個)".to_string(),
        "7行目 列「職員番号」: 必須の項目が空です".to_string(),
        "8行目 列「状態」: 「修了」は使えません (受講予定/待機。出席・修了などは kizuna training attend で記録します)".to_string(),
        format!("9行目 列「職員番号」: R8-901 {} は 2行目にもあります", k[0]),
        "10行目 列「職員番号」: 令和9年2月10日 (2027-02-10) は別の研修 (R8-901) を受講する日です"
            .to_string(),
        "11行目 列「研修の回」: R8-004 は実施済のため申し込めません".to_string(),
        "取り込みませんでした: 誤りが 9 件あります".to_string(),
    ] {
        assert!(err.contains(&want), "{want}\n{err}");
    }
    assert!(!err.contains("2行目 "), "line 2 is fine: {err}");
    // Nothing was written, not even the good line.
    assert!(roster(&home, "R8-901").is_empty());
    assert!(roster(&home, "R8-902").is_empty());
    assert_eq!(audit_entries(&home), audit);

    let en = stderr(&demo(
        &home,
        &["--lang", "en", "import", "enrollments", &broken],
    ));
    for want in [
        "line 3, column 研修の回: no session R8-999",
        "line 4, column 職員番号: no employee 999999",
        "line 5, column 職員番号: not in the audience of 係長研修 (kakaricho",
        "line 6: 2 fields where the header has 4",
        "line 8, column 状態: \"修了\" is not one of booked/waiting",
        "Nothing imported: 9 problems",
    ] {
        assert!(en.contains(want), "{want}\n{en}");
    }

    let missing = file(&home, "missing.csv", "職員番号,理由\n000001,\n");
    let out = demo(&home, &["import", "enrollments", &missing]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("1行目 列「研修の回」: 必須の列がありません"),
        "{}",
        stderr(&out)
    );
    let empty = file(&home, "empty.csv", "");
    let out = demo(&home, &["import", "enrollments", &empty]);
    assert!(
        stderr(&out).contains("見出しの行がありません"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_dry_run_writes_nothing() {
    let home = Home::with_demo(2000);
    add_session(&home, "R8-901", "kakaricho", d(2027, 2, 10), 1);
    let k = with_title(&home, "係長");
    let good = file(
        &home,
        "good.csv",
        format!("研修の回,職員番号\nR8-901,{}\nR8-901,{}\n", k[0], k[1]),
    );
    let audit = audit_entries(&home);
    let out = demo_ok(&home, &["import", "enrollments", "--dry-run", &good]);
    assert_eq!(
        out.trim(),
        "確認だけしました (書き込んでいません) (UTF-8): 受講予定 1 人、待機 1 人になります (研修の回 1 件)"
    );
    assert!(roster(&home, "R8-901").is_empty());
    assert_eq!(audit_entries(&home), audit);
    let out = demo(
        &home,
        &["--lang", "en", "import", "enrollments", "--dry-run", &good],
    );
    assert!(
        stdout(&out).contains("Checked only, nothing written (UTF-8): would book 1, waiting 1"),
        "{}",
        stdout(&out)
    );
    // The real import does what the dry run said, in one audit entry.
    demo_ok(&home, &["import", "enrollments", &good]);
    assert_eq!(audit_entries(&home), audit + 1);
    let after = demo_ok(&home, &["training", "roster", "R8-901"]);
    assert_eq!(tsv_cell(&after, "職員番号", &k[0], "状態"), "受講予定");
    assert_eq!(tsv_cell(&after, "職員番号", &k[1], "待機順"), "1");
    assert_eq!(column(&after, "状態").len(), 2);
    // A dry run of the same file now names both lines as already in.
    let again = demo(&home, &["import", "enrollments", "--dry-run", &good]);
    assert_eq!(again.status.code(), Some(1));
    let err = stderr(&again);
    assert!(
        err.contains("2行目 列「職員番号」: 既に申し込まれています (受講予定)")
            && err.contains("3行目 列「職員番号」: 既に申し込まれています (待機)"),
        "{err}"
    );
}
