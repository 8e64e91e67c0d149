//! The training and subsidy commands through the real binary on demo databases: the
//! catalogue and the plan, enrolling people one by one with each refusal named, bulk
//! enrollment previewed and then written once, rosters after attendance, obligations,
//! and level proposals. The enrollment files are in `training_cli/files.rs`, the
//! subsidy in `training_cli/subsidy.rs`.

mod common;
#[path = "training_cli/files.rs"]
mod files;
#[path = "training_cli/subsidy.rs"]
mod subsidy;

use std::collections::BTreeSet;
use std::process::Output;
use std::sync::Arc;

use common::{Home, stderr, stdout, tsv_cell};
use kizuna::domain::{Date, FiscalYear, FixedClock, Session, SessionStatus};
use kizuna::service::{Principal, Scope, Service};
use serde_json::Value;

fn d(y: i32, m: u32, day: u32) -> Date {
    Date::new(y, m, day).unwrap()
}

/// The demo database through the library, for what the commands do not do (adding a
/// session to the plan); dropped before the binary runs again, which it must be, since
/// one process at a time holds the file.
fn service(home: &Home) -> Service {
    Service::open(
        &home.demo_db(),
        Arc::new(FixedClock::at_noon(d(2026, 11, 25))),
    )
    .unwrap()
}

/// Staff in post today whose title is `title`, by staff number.
fn with_title(home: &Home, title: &str) -> Vec<String> {
    service(home)
        .matrix(&Principal::current(), &Scope::default(), d(2026, 11, 25))
        .unwrap()
        .rows
        .into_iter()
        .filter(|r| r.title == title)
        .map(|r| r.staff_no)
        .collect()
}

/// Adds an open session of one day to the demo's plan.
fn add_session(home: &Home, id: &str, course: &str, day: Date, capacity: u32) {
    let s = Session {
        id: id.into(),
        course: course.into(),
        year: FiscalYear::of(day),
        days: vec![day],
        place: "本庁舎 研修室".into(),
        instructor: "人事課".into(),
        capacity,
        status: SessionStatus::Open,
        waiting: Vec::new(),
    };
    service(home)
        .save_session(&Principal::current(), &s)
        .unwrap();
}

/// Runs on the demo database.
fn demo(home: &Home, args: &[&str]) -> Output {
    let mut all = vec!["--demo"];
    all.extend_from_slice(args);
    home.run(&all)
}

/// Runs on the demo database and insists on success; returns stdout.
fn demo_ok(home: &Home, args: &[&str]) -> String {
    let mut all = vec!["--demo"];
    all.extend_from_slice(args);
    home.ok(&all)
}

/// A TSV's header and rows.
fn table(tsv: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut lines = tsv
        .lines()
        .map(|l| l.split('\t').map(str::to_string).collect());
    let header = lines.next().unwrap();
    (header, lines.collect())
}

/// Every cell of a column.
fn column(tsv: &str, name: &str) -> Vec<String> {
    let (header, rows) = table(tsv);
    let i = header
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name} in {header:?}"));
    rows.into_iter().map(|r| r[i].clone()).collect()
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

/// The number right after a marker in a text.
fn number_after(text: &str, marker: &str) -> u64 {
    let at = text
        .find(marker)
        .unwrap_or_else(|| panic!("{marker} in {text}"));
    let digits: String = text[at + marker.len()..]
        .trim_start()
        .chars()
        .filter(|c| *c != ',')
        .take_while(char::is_ascii_digit)
        .collect();
    digits
        .parse()
        .unwrap_or_else(|_| panic!("{marker} in {text}"))
}

fn audit_entries(home: &Home) -> u64 {
    number_after(&demo_ok(home, &["check"]), "監査ログ")
}

#[test]
fn the_catalogue_and_the_plan_of_a_year() {
    let home = Home::with_demo(300);
    let out = demo(&home, &["training", "courses"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let tsv = stdout(&out);
    let (header, rows) = table(&tsv);
    assert_eq!(
        header,
        [
            "研修",
            "研修名",
            "種別",
            "区分",
            "スキル",
            "対象",
            "前提研修"
        ]
    );
    assert_eq!(rows.len(), 15);
    let cell = |key: &str, col: &str| tsv_cell(&tsv, "研修", key, col);
    assert_eq!(cell("kakaricho", "研修名"), "係長研修");
    assert_eq!(cell("kakaricho", "区分"), "必修");
    assert_eq!(cell("kakaricho", "対象"), "職名 係長");
    assert_eq!(cell("kakaricho", "スキル"), "leadership,coaching");
    assert_eq!(cell("management", "対象"), "職層 3・4");
    assert_eq!(cell("dx-leader", "対象"), "デジタル人材 リーダー");
    assert_eq!(cell("dx-leader", "前提研修"), "dx-basic");
    assert_eq!(cell("dx-architect", "区分"), "選抜");
    assert_eq!(cell("new-hire", "対象"), "新規採用");
    assert_eq!(cell("senior-career", "対象"), "高齢期 (55歳以上)");
    assert_eq!(cell("harassment", "対象"), "全職員");
    assert!(
        stderr(&out).contains("研修 15 件 (必修 8、推奨 5、選抜 2)"),
        "{}",
        stderr(&out)
    );
    let en = demo_ok(&home, &["--lang", "en", "training", "courses"]);
    assert_eq!(tsv_cell(&en, "key", "kakaricho", "class"), "mandatory");
    assert_eq!(tsv_cell(&en, "key", "management", "audience"), "bands 3,4");
    let j = json(&demo_ok(
        &home,
        &["training", "courses", "--format", "json"],
    ));
    let courses = j["courses"].as_array().unwrap();
    let kakaricho = courses.iter().find(|c| c["key"] == "kakaricho").unwrap();
    assert_eq!(kakaricho["audience"]["titles"], serde_json::json!(["係長"]));
    assert_eq!(kakaricho["class"], "mandatory");
    assert_eq!(
        courses.iter().find(|c| c["key"] == "harassment").unwrap()["audience"]["everyone"],
        true
    );

    let out = demo(&home, &["training", "sessions"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let tsv = stdout(&out);
    let (header, rows) = table(&tsv);
    assert_eq!(
        header,
        [
            "研修の回",
            "研修",
            "研修名",
            "実施日",
            "会場",
            "講師",
            "定員",
            "受講者数",
            "待機",
            "状態"
        ]
    );
    let note = stderr(&out);
    assert_eq!(
        number_after(&note, "令和8年度の研修の回") as usize,
        rows.len(),
        "{note}"
    );
    assert!(rows.iter().all(|r| r[0].starts_with("R8-")), "{rows:?}");
    for r in &rows {
        let (capacity, booked): (u32, u32) = (r[6].parse().unwrap(), r[7].parse().unwrap());
        assert!(booked <= capacity, "{r:?}");
        assert!(["計画", "募集中", "締切", "実施済"].contains(&r[9].as_str()));
        assert!(r[3].split(',').all(|day| Date::parse(day).is_ok()), "{r:?}");
    }
    // 係長研修 meets on two days; both are listed.
    let kakaricho = rows.iter().find(|r| r[1] == "kakaricho").unwrap();
    assert_eq!(kakaricho[3].split(',').count(), 2);
    assert!(column(&tsv, "状態").contains(&"実施済".to_string()));
    let r7 = demo_ok(&home, &["training", "sessions", "--fy", "令和7年度"]);
    assert!(column(&r7, "状態").iter().all(|s| s == "実施済"), "{r7}");
    let j = json(&demo_ok(
        &home,
        &["training", "sessions", "--format", "json", "--fy", "R8"],
    ));
    assert_eq!(j["fiscal_year"], "R8");
    let first = &j["sessions"][0];
    assert_eq!(
        first["days"][0].as_str().map(|d| Date::parse(d).is_ok()),
        Some(true)
    );
    assert!(
        first["days_wareki"][0]
            .as_str()
            .unwrap()
            .starts_with("令和8年"),
        "{first}"
    );
    let bad = demo(&home, &["training", "sessions", "--fy", "来年"]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn each_person_is_enrolled_or_refused_by_name() {
    let home = Home::with_demo(2000);
    add_session(&home, "R8-901", "kakaricho", d(2027, 2, 10), 2);
    let kakaricho = with_title(&home, "係長");
    let shuji = with_title(&home, "主事");
    let [a, b, c] = [&kakaricho[0], &kakaricho[1], &kakaricho[2]];
    let outsider = &shuji[0];
    let out = demo(&home, &["training", "enroll", "R8-901", a, b, c, outsider]);
    assert_eq!(out.status.code(), Some(1), "a refusal is exit code 1");
    let said = stdout(&out);
    let lines: Vec<&str> = said.lines().collect();
    assert_eq!(lines.len(), 3, "{said}");
    assert!(
        lines[0].starts_with(&format!("{a} ")) && lines[0].ends_with(": 受講予定"),
        "{said}"
    );
    assert!(lines[1].starts_with(&format!("{b} ")) && lines[1].ends_with(": 受講予定"));
    assert!(
        lines[2].starts_with(&format!("{c} ")) && lines[2].ends_with(": 待機 (1番目)"),
        "{said}"
    );
    let err = stderr(&out);
    assert!(
        err.contains(&format!("{outsider} "))
            && err.contains(
                ": 申し込めません: 「係長研修」の対象 (職層・職名・デジタル人材区分) ではありません"
            ),
        "{err}"
    );
    assert!(
        err.contains("1 人は申し込めませんでした。ほかの 3 人の申込はそのまま記録されています"),
        "{err}"
    );
    // The others really are in: the refusal undid nothing.
    let roster = demo_ok(&home, &["training", "roster", "R8-901"]);
    assert_eq!(tsv_cell(&roster, "職員番号", a, "状態"), "受講予定");
    assert_eq!(tsv_cell(&roster, "職員番号", c, "状態"), "待機");
    assert_eq!(tsv_cell(&roster, "職員番号", c, "待機順"), "1");
    assert!(!roster.contains(outsider.as_str()));

    // In English, and someone already in.
    let out = demo(&home, &["--lang", "en", "training", "enroll", "R8-901", a]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains(&format!("{a} ")) && err.contains(": not enrolled: already enrolled (booked)"),
        "{err}"
    );
    assert!(
        err.contains("None of the 1 enrolled (nothing recorded)"),
        "{err}"
    );
    // With a reason, someone outside the audience joins the line.
    let out = demo_ok(
        &home,
        &[
            "training",
            "enroll",
            "R8-901",
            outsider,
            "--reason",
            "係長昇任予定",
        ],
    );
    assert!(out.ends_with(": 待機 (2番目)\n"), "{out}");
    let out = demo(
        &home,
        &["--lang", "en", "training", "enroll", "R8-901", "999999"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("999999: not enrolled: no employee 999999"),
        "{}",
        stderr(&out)
    );
    // An unknown session is one error, not a refusal per person.
    let out = demo(&home, &["training", "enroll", "R8-999", a, b]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out).trim(), "kizuna: 研修の回 R8-999 はありません");
    assert!(stdout(&out).is_empty());
}

#[test]
fn the_roster_follows_attendance_and_completion_proposes_levels() {
    let home = Home::with_demo(2000);
    // Met yesterday, still taking its last enrollments.
    add_session(&home, "R8-901", "kakaricho", d(2026, 11, 24), 2);
    let kakaricho = with_title(&home, "係長");
    let [a, b, c] = [&kakaricho[0], &kakaricho[1], &kakaricho[2]];
    demo_ok(&home, &["training", "enroll", "R8-901", a, b, c]);

    let out = demo_ok(
        &home,
        &[
            "training",
            "attend",
            "R8-901",
            a,
            "取消",
            "--note",
            "公務のため",
        ],
    );
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].starts_with(&format!("R8-901 {a} ")), "{out}");
    assert!(lines[0].ends_with(": 取消を記録しました"), "{out}");
    assert!(
        lines[1].starts_with(&format!("繰り上げ: {c} "))
            && lines[1].ends_with("が受講予定になりました"),
        "{out}"
    );
    demo_ok(&home, &["training", "attend", "R8-901", b, "出席"]);
    let out = demo(&home, &["training", "roster", "R8-901"]);
    let roster = stdout(&out);
    let (header, rows) = table(&roster);
    assert_eq!(
        header,
        ["職員番号", "氏名", "所属", "職名", "状態", "日付", "待機順"]
    );
    assert_eq!(tsv_cell(&roster, "職員番号", b, "状態"), "出席");
    assert_eq!(tsv_cell(&roster, "職員番号", c, "状態"), "受講予定");
    assert_eq!(tsv_cell(&roster, "職員番号", c, "待機順"), "");
    assert_eq!(tsv_cell(&roster, "職員番号", a, "状態"), "取消");
    assert_eq!(tsv_cell(&roster, "職員番号", a, "日付"), "2026-11-25");
    assert_eq!(tsv_cell(&roster, "職員番号", a, "職名"), "係長");
    assert_eq!(rows.last().unwrap()[0], *a, "the cancelled come last");
    let note = stderr(&out);
    assert!(
        note.contains("R8-901 係長研修 (募集中) 令和8年11月24日 (2026-11-24)")
            && note.contains("定員 2、受講者 2、待機 0"),
        "{note}"
    );
    let j = json(&demo_ok(
        &home,
        &["training", "roster", "R8-901", "--format", "json"],
    ));
    assert_eq!(j["session"]["capacity"], 2);
    let b_row = j["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["staff_no"] == b.as_str())
        .unwrap();
    assert_eq!(b_row["status"], "attended");

    // Completion proposes a level for each skill of the course, dated the session's day.
    let out = demo_ok(
        &home,
        &[
            "--lang",
            "en",
            "training",
            "attend",
            "R8-901",
            b,
            "completed",
        ],
    );
    assert!(out.contains(": recorded as completed"), "{out}");
    assert!(out.contains("skill level proposals"), "{out}");
    let proposals = demo_ok(&home, &["training", "proposals", "--employee", b]);
    let skills: BTreeSet<String> = column(&proposals, "スキル").into_iter().collect();
    assert!(
        !skills.is_empty() && skills.iter().all(|s| s == "leadership" || s == "coaching"),
        "{proposals}"
    );
    assert!(column(&proposals, "状態").iter().all(|s| s == "未確認"));
    assert!(
        column(&proposals, "修了日")
            .iter()
            .all(|s| s == "2026-11-24")
    );
    let key = column(&proposals, "提案")[0].clone();
    let skill = tsv_cell(&proposals, "提案", &key, "スキル");
    let level = tsv_cell(&proposals, "提案", &key, "レベル");
    let out = demo_ok(&home, &["training", "decide", &key, "accept"]);
    assert!(
        out.contains(&format!("提案 {key}: 採用"))
            && out.contains(&format!("{skill} をレベル {level} (研修修了)")),
        "{out}"
    );
    let me = Principal::current().account;
    let levels = home.ok(&["--demo", "export", "skills"]);
    let want = format!("{b},{skill},{level},2026-11-24,研修修了,{me}");
    assert!(levels.lines().any(|l| l == want), "{want}");
    let again = demo(&home, &["training", "decide", &key, "不採用"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(
        stderr(&again).contains("は既に判断済みです"),
        "{}",
        stderr(&again)
    );
    let after = demo_ok(&home, &["training", "proposals", "--employee", b]);
    assert_eq!(tsv_cell(&after, "提案", &key, "状態"), "採用");
    assert_eq!(tsv_cell(&after, "提案", &key, "判断者"), me);

    // Only attendance is marked here; a place comes from enrolling.
    let wrong = demo(&home, &["training", "attend", "R8-901", c, "受講予定"]);
    assert_eq!(wrong.status.code(), Some(2));
    let wrong = demo(&home, &["training", "attend", "R8-901", a, "出席"]);
    assert_eq!(wrong.status.code(), Some(1));
    assert!(
        stderr(&wrong).contains("取消の人には出欠を付けられません"),
        "{}",
        stderr(&wrong)
    );
}

#[test]
fn bulk_enrollment_previews_and_writes_only_with_yes() {
    let home = Home::with_demo(2000);
    add_session(&home, "R8-901", "kakaricho", d(2027, 3, 2), 40);
    let kakaricho = with_title(&home, "係長");
    let audit = audit_entries(&home);
    let out = demo(&home, &["training", "bulk", "R8-901", "--title", "係長"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let preview = stdout(&out);
    let (header, rows) = table(&preview);
    assert_eq!(header, ["職員番号", "氏名", "結果", "待機順", "理由"]);
    assert_eq!(rows.len(), kakaricho.len());
    let outcomes = column(&preview, "結果");
    let booked = outcomes.iter().filter(|o| *o == "受講予定").count();
    let waiting = outcomes.iter().filter(|o| *o == "待機").count();
    assert_eq!(booked, 40, "the capacity");
    assert_eq!(waiting, kakaricho.len() - 40);
    let in_line: Vec<String> = rows
        .iter()
        .filter(|r| r[2] == "待機")
        .map(|r| r[3].clone())
        .collect();
    let want: Vec<String> = (1..=waiting).map(|n| n.to_string()).collect();
    assert_eq!(in_line, want);
    let note = stderr(&out);
    assert!(
        note.contains(&format!(
            "R8-901 係長研修: 対象 {} 人 (受講予定 40、待機 {waiting}、申込済 0、不可 0)",
            kakaricho.len()
        )),
        "{note}"
    );
    assert!(note.contains("確認だけです (書き込んでいません)"), "{note}");
    // The preview wrote nothing.
    let (_, roster) = table(&demo_ok(&home, &["training", "roster", "R8-901"]));
    assert!(roster.is_empty());
    assert_eq!(audit_entries(&home), audit);

    let out = demo(
        &home,
        &["training", "bulk", "R8-901", "--title", "係長", "--yes"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        preview,
        "what the preview showed is what was done"
    );
    assert!(
        stderr(&out).contains(&format!(
            "まとめて申し込みました (一度の書き込み): 受講予定 40 人、待機 {waiting} 人"
        )),
        "{}",
        stderr(&out)
    );
    assert_eq!(audit_entries(&home), audit + 1, "one transaction");
    let roster = demo_ok(&home, &["training", "roster", "R8-901"]);
    let statuses = column(&roster, "状態");
    assert_eq!(statuses.iter().filter(|s| *s == "受講予定").count(), 40);
    assert_eq!(statuses.iter().filter(|s| *s == "待機").count(), waiting);

    // Again: everyone is in already, and says how.
    let again = demo_ok(
        &home,
        &[
            "training", "bulk", "R8-901", "--title", "係長", "--format", "json",
        ],
    );
    let j = json(&again);
    assert_eq!(j["written"], false);
    let rows = j["rows"].as_array().unwrap();
    assert!(rows.iter().all(|r| r["outcome"] == "already"), "{again}");
    assert!(
        rows.iter().all(|r| r["reason"]
            .as_str()
            .unwrap()
            .starts_with("既に申し込まれています")),
        "{again}"
    );
    // People outside the audience are refused with the reason.
    let out = demo(&home, &["--lang", "en", "training", "bulk", "R8-901"]);
    let tsv = stdout(&out);
    let shuji = &with_title(&home, "主事")[0];
    assert_eq!(tsv_cell(&tsv, "staff_no", shuji, "outcome"), "refused");
    assert!(
        tsv_cell(&tsv, "staff_no", shuji, "reason")
            .starts_with("not in the audience of 係長研修 (kakaricho"),
        "{tsv}"
    );
    assert!(
        stderr(&out).contains("Nobody can be enrolled."),
        "{}",
        stderr(&out)
    );
    let unknown = demo(&home, &["training", "bulk", "R8-901", "--org", "9999"]);
    assert_eq!(unknown.status.code(), Some(1));
    assert!(
        stderr(&unknown).contains("所属コード 9999 は組織の表にありません"),
        "{}",
        stderr(&unknown)
    );
}

#[test]
fn outstanding_lists_mandatory_courses_owed_and_the_duty_of_the_year() {
    let home = Home::with_demo(2000);
    let courses = demo_ok(&home, &["training", "courses"]);
    let mandatory: BTreeSet<String> = table(&courses)
        .1
        .into_iter()
        .filter(|r| r[3] == "必修")
        .map(|r| r[0].clone())
        .collect();
    let out = demo(&home, &["training", "outstanding"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let tsv = stdout(&out);
    let (header, rows) = table(&tsv);
    assert_eq!(
        header,
        ["所属コード", "所属名", "職員番号", "氏名", "研修", "研修名"]
    );
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|r| mandatory.contains(&r[4])), "{tsv}");
    assert!(rows.windows(2).all(|p| p[0][0] <= p[1][0]), "by section");
    let people: BTreeSet<&str> = rows.iter().map(|r| r[2].as_str()).collect();
    let note = stderr(&out);
    assert!(
        note.contains(&format!(
            "令和8年度の必修研修の未修了 (全庁、令和8年11月25日 (2026-11-25) 時点): {} 件、{} 人",
            rows.len(),
            people.len()
        )),
        "{note}"
    );
    // The demo held its mental-health training in July.
    assert!(
        note.contains("組織の義務: メンタルヘルス研修を年 1 回以上 — 実施済 1 回")
            && note.contains(": 達成"),
        "{note}"
    );
    let r9 = demo(
        &home,
        &["--lang", "en", "training", "outstanding", "--fy", "R9"],
    );
    assert!(
        stderr(&r9).contains("mental-health training at least once a year; held 0: NOT met"),
        "{}",
        stderr(&r9)
    );
    let j = json(&demo_ok(
        &home,
        &["training", "outstanding", "--fy", "R9", "--format", "json"],
    ));
    assert_eq!(j["duties"][0]["met"], false);
    assert_eq!(j["duties"][0]["kind"], "mental-health");

    // A unit's subtree: fewer rows, every one of them in the whole list.
    let section = rows.iter().find(|r| !r[0].is_empty()).unwrap()[0].clone();
    let part = demo_ok(&home, &["training", "outstanding", "--org", &section]);
    let (_, part_rows) = table(&part);
    assert!(!part_rows.is_empty() && part_rows.len() < rows.len());
    assert!(
        part_rows
            .iter()
            .all(|r| r[0] == section && rows.contains(r))
    );

    // Completing the 係長研修 takes a person off the list for it.
    let who = with_title(&home, "係長")
        .into_iter()
        .find(|n| rows.iter().any(|r| r[2] == *n && r[4] == "kakaricho"))
        .unwrap();
    add_session(&home, "R8-901", "kakaricho", d(2026, 11, 24), 30);
    demo_ok(&home, &["training", "enroll", "R8-901", &who]);
    demo_ok(&home, &["training", "attend", "R8-901", &who, "修了"]);
    let after = demo_ok(&home, &["training", "outstanding"]);
    let (_, after_rows) = table(&after);
    assert!(
        !after_rows
            .iter()
            .any(|r| r[2] == who && r[4] == "kakaricho")
    );
    assert_eq!(after_rows.len(), rows.len() - 1);
}

#[test]
fn the_plan_copies_into_the_next_year_once() {
    let home = Home::with_demo(300);
    let r8 = table(&demo_ok(&home, &["training", "sessions", "--fy", "R8"])).1;
    let out = demo_ok(&home, &["training", "copy-plan", "--from", "R8"]);
    assert_eq!(
        out.trim(),
        format!(
            "令和8年度の研修の回 {} 件を令和9年度の計画として写しました: R9-001〜R9-{:03}",
            r8.len(),
            r8.len()
        )
    );
    let r9 = demo_ok(&home, &["training", "sessions", "--fy", "R9"]);
    assert_eq!(table(&r9).1.len(), r8.len());
    assert!(column(&r9, "状態").iter().all(|s| s == "計画"));
    assert!(column(&r9, "受講者数").iter().all(|s| s == "0"));
    let again = demo(
        &home,
        &["--lang", "en", "training", "copy-plan", "--from", "R8"],
    );
    assert_eq!(again.status.code(), Some(1));
    assert_eq!(stderr(&again).trim(), "kizuna: R9 already has a plan");
}

#[test]
fn the_training_commands_speak_japanese_in_their_help() {
    let home = Home::new();
    let help = home.ok(&["training", "--help"]);
    assert!(help.contains("研修: カタログ、研修の回"), "{help}");
    assert!(help.contains("コマンド"), "{help}");
    let enroll = home.ok(&["training", "enroll", "--help"]);
    assert!(enroll.contains("職員番号 (複数可)"), "{enroll}");
    let import = home.ok(&["import", "enrollments", "--help"]);
    assert!(import.contains("研修の申込を取り込む"), "{import}");
    let en = home.ok(&["--lang", "en", "subsidy", "--help"]);
    assert!(en.contains("The self-study subsidy"), "{en}");
}
