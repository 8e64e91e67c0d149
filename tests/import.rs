//! CSV import and export: the three encodings with the characters legacy systems carry
//! (髙 﨑 ① ㈱, half-width katakana), broken files that import nothing and name every
//! bad line, history on re-import, CP932 export refusals, and the UTF-8 round trip.
//!
//! The `library` tests call the service directly; the `binary` tests run the real
//! `kizuna import` / `kizuna export`.

mod common;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use kizuna::domain::{AssignmentKind, Date, FixedClock};
use kizuna::io::csv::{Encoding, Gaiji, OutEncoding, Problem};
use kizuna::service::{
    self, CsvError, EmployeeImport, ImportIssue, ImportSummary, Issue, Principal, Service,
};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/csv")
        .join(name)
}

fn bytes(name: &str) -> Vec<u8> {
    std::fs::read(fixture(name)).unwrap()
}

const HEADER: &str = "職員番号,氏名,フリガナ,所属コード,職名,生年月日,採用日,発令日";

mod library {
    use super::*;

    /// A fresh database (as `kizuna init` makes it) on 2026-11-25, with the sample
    /// organisation and titles.
    struct Db {
        _dir: tempfile::TempDir,
        service: Service,
        me: Principal,
    }

    impl Db {
        fn new() -> Db {
            let dir = tempfile::tempdir().unwrap();
            let clock = Arc::new(FixedClock::at_noon(Date::new(2026, 11, 25).unwrap()));
            let me = Principal::current();
            let service = service::init(&dir.path().join("k.redb"), &me, clock).unwrap();
            let db = Db {
                _dir: dir,
                service,
                me,
            };
            let orgs = db
                .service
                .import_orgs(&db.me, &bytes("orgs.csv"), Encoding::Auto, false);
            assert_eq!(orgs.unwrap().added, 13);
            let titles =
                db.service
                    .import_titles(&db.me, &bytes("titles.csv"), Encoding::Auto, false);
            assert_eq!(titles.unwrap().added, 3);
            db
        }

        fn import_with(
            &self,
            data: &[u8],
            encoding: Encoding,
            effective: Option<Date>,
            dry_run: bool,
        ) -> Result<ImportSummary, CsvError> {
            let gaiji = Gaiji::empty();
            let opts = EmployeeImport {
                encoding,
                effective,
                dry_run,
                gaiji: &gaiji,
            };
            self.service
                .import_employees(&self.me, data, &opts, &mut |_, _, _| {})
        }

        fn import(&self, data: &[u8]) -> Result<ImportSummary, CsvError> {
            self.import_with(data, Encoding::Auto, None, false)
        }

        fn rejected(&self, data: &[u8]) -> Vec<ImportIssue> {
            match self.import(data) {
                Err(CsvError::Rejected(issues)) => issues,
                other => panic!("expected a refusal, got {other:?}"),
            }
        }

        fn staff(&self) -> u64 {
            let stats = self.service.stats(&self.me).unwrap();
            stats
                .counts
                .iter()
                .find(|(t, _)| *t == "employees")
                .unwrap()
                .1
        }

        fn export(&self, encoding: OutEncoding) -> Result<Vec<u8>, CsvError> {
            self.service
                .export_employees(&self.me, encoding)
                .map(|(b, _)| b)
        }
    }

    fn places(issues: &[ImportIssue]) -> Vec<(u64, String)> {
        issues
            .iter()
            .map(|i| (i.line, i.column.clone().unwrap_or_default()))
            .collect()
    }

    #[test]
    fn three_encodings_read_the_same_people() {
        let mut exports = Vec::new();
        for name in ["employees.csv", "employees-bom.csv", "employees-cp932.csv"] {
            let db = Db::new();
            let s = db.import(&bytes(name)).unwrap();
            assert_eq!((s.added, s.updated, s.unchanged), (4, 0, 0), "{name}");
            let v = db.service.employee(&db.me, "000123").unwrap();
            assert_eq!(
                v.employee.name, "髙橋\u{3000}誠",
                "{name}: names are kept as written"
            );
            assert_eq!(
                v.employee.reading, "たかはし まこと",
                "{name}: half-width kana → hiragana"
            );
            let e = db.service.employee(&db.me, "000456").unwrap().employee;
            assert_eq!(e.name, "山﨑\u{3000}花子");
            assert_eq!(e.reading, "やまざき はなこ");
            assert_eq!(e.former_name.as_deref(), Some("佐藤"));
            let e = db.service.employee(&db.me, "000789").unwrap().employee;
            assert_eq!(e.leaving.unwrap().reason, "①自己都合（㈱庄内テックへ転職）");
            exports.push(db.export(OutEncoding::Utf8).unwrap());
        }
        assert_eq!(exports[0], exports[1]);
        assert_eq!(exports[0], exports[2]);
    }

    #[test]
    fn wrong_encoding_imports_nothing() {
        let db = Db::new();
        let issues =
            match db.import_with(&bytes("employees-cp932.csv"), Encoding::Utf8, None, false) {
                Err(CsvError::Rejected(i)) => i,
                other => panic!("{other:?}"),
            };
        assert_eq!(issues.len(), 1);
        assert_eq!(
            (issues[0].line, &issues[0].issue),
            (1, &Issue::File(Problem::NotUtf8))
        );
        let mut broken = b"employee_id,name,kana\n".to_vec();
        broken.extend_from_slice(b"000001,\x82\xA0,\xFF\xFF\n");
        let issues = db.rejected(&broken);
        assert!(matches!(
            issues[0].issue,
            Issue::File(Problem::NeitherEncoding { cp932_line: 2 })
        ));
        assert_eq!(issues[0].line, 2);
        assert_eq!(db.staff(), 0);
    }

    #[test]
    fn every_bad_line_is_named_and_nothing_is_imported() {
        let db = Db::new();
        let file = format!(
            "{HEADER}\n\
             000001,山田　太郎,やまだ たろう,010201,主事,1990-02-30,2012-04-01,\n\
             000002,山田　花子,やまだ はなこ,010201,主事,1991-01-01\n\
             000003,佐藤　一,さとう はじめ,9999,社長,1992-01-01,2014-04-01,\n\
             000001,山田　次郎,やまだ じろう,010201,主事,1993-01-01,2015-04-01,\n\
             000005,Smith,smith,010201,主事,1994-01-01,2016-04-01,\n\
             000006,木村　拓,きむら たく,010201,主事,1995-01-01,平成40年4月1日,\n\
             000007,林　三郎,はやし さぶろう,8888,主事,1996-13-01,2018-04-01,\n"
        );
        let issues = db.rejected(file.as_bytes());
        assert_eq!(
            places(&issues),
            [
                (2, "生年月日".into()),
                (3, String::new()),
                (4, "所属コード".into()),
                (4, "職名".into()),
                (5, "職員番号".into()),
                (6, "フリガナ".into()),
                (7, "採用日".into()),
                // A bad cell does not hide an unknown unit on the same row.
                (8, "生年月日".into()),
                (8, "所属コード".into()),
            ],
            "{issues:#?}"
        );
        assert!(matches!(
            issues[1].issue,
            Issue::File(Problem::Ragged {
                found: 6,
                expected: 8
            })
        ));
        assert!(matches!(
            &issues[4].issue,
            Issue::File(Problem::DuplicateKey { first_line: 2, .. })
        ));
        assert_eq!(db.staff(), 0, "one bad row: nothing imported");
        let missing = db.rejected(
            "職員番号,氏名,所属コード,職名,採用日\n1,a,010201,主事,2020-04-01\n".as_bytes(),
        );
        assert_eq!(
            places(&missing),
            [(1, "フリガナ".into()), (1, "生年月日".into())]
        );
    }

    #[test]
    fn a_changed_post_is_a_new_history_entry() {
        let db = Db::new();
        db.import(&bytes("employees.csv")).unwrap();
        // 000123 moves within the section on the row's 発令日; nothing else changes.
        let moved = "職員番号,氏名,フリガナ,所属コード,職名,生年月日,採用日,発令日\n\
                     000123,髙橋　誠,ﾀｶﾊｼ ﾏｺﾄ,010202,係長,S41.4.2,1989/4/1,2026-10-01\n\
                     000456,山﨑　花子,ﾔﾏｻﾞｷ ﾊﾅｺ,0104,主任,1990-07-15,2013-04-01,R8.4.1\n";
        let s = db.import(moved.as_bytes()).unwrap();
        assert_eq!((s.added, s.updated, s.unchanged), (0, 1, 1));
        let e = db.service.employee(&db.me, "000123").unwrap().employee;
        assert_eq!(e.history.len(), 2, "never an overwrite");
        assert_eq!(e.history[0].unit, "010201");
        assert_eq!(e.history[1].unit, "010202");
        assert_eq!(e.history[1].effective, Date::new(2026, 10, 1).unwrap());
        assert_eq!(e.history[1].kind, AssignmentKind::Transfer);
        // A higher band on --effective is a promotion; without a date it is today.
        let promoted = "職員番号,氏名,フリガナ,所属コード,職名,生年月日,採用日\n\
                        000123,髙橋　誠,ﾀｶﾊｼ ﾏｺﾄ,010202,課長補佐,S41.4.2,1989/4/1\n";
        let day = Date::new(2026, 11, 1).unwrap();
        db.import_with(promoted.as_bytes(), Encoding::Auto, Some(day), false)
            .unwrap();
        let e = db.service.employee(&db.me, "000123").unwrap().employee;
        assert_eq!(
            (e.history[2].effective, e.history[2].kind),
            (day, AssignmentKind::Promotion)
        );
        let back = promoted.replace("010202,課長補佐", "010201,課長補佐");
        db.import(back.as_bytes()).unwrap();
        let e = db.service.employee(&db.me, "000123").unwrap().employee;
        assert_eq!(
            e.history[3].effective,
            Date::new(2026, 11, 25).unwrap(),
            "today"
        );
        // A unit closed on the day of the post is refused.
        let closed = promoted.replace("010202,課長補佐", "020102,課長補佐");
        let later = Date::new(2026, 11, 30).ok();
        let issues = match db.import_with(closed.as_bytes(), Encoding::Auto, later, false) {
            Err(CsvError::Rejected(i)) => i,
            other => panic!("{other:?}"),
        };
        assert!(
            matches!(
                &issues[0].issue,
                Issue::Record(service::EmployeeFault::UnitClosed(unit, _)) if unit == "020102"
            ),
            "{issues:?}"
        );
        assert_eq!(places(&issues), [(2, "所属コード".into())]);
    }

    #[test]
    fn dry_run_checks_and_writes_nothing() {
        let db = Db::new();
        let s = db
            .import_with(&bytes("employees.csv"), Encoding::Auto, None, true)
            .unwrap();
        assert!(s.dry_run);
        assert_eq!(s.added, 4);
        assert_eq!(db.staff(), 0);
    }

    #[test]
    fn gaiji_are_reported_or_mapped() {
        let db = Db::new();
        let file = format!(
            "{HEADER}\n000001,\u{E000}橋　誠,たかはし まこと,010201,主事,1990-01-01,2012-04-01,\n"
        );
        let issues = db.rejected(file.as_bytes());
        assert_eq!(places(&issues), [(2, "氏名".into())]);
        assert_eq!(
            issues[0].issue,
            Issue::File(Problem::Gaiji(vec!['\u{E000}']))
        );
        let table = Gaiji::parse("# 旧システムの外字\nE000\t髙\n".as_bytes()).unwrap();
        let opts = EmployeeImport {
            encoding: Encoding::Auto,
            effective: None,
            dry_run: false,
            gaiji: &table,
        };
        let s = db
            .service
            .import_employees(&db.me, file.as_bytes(), &opts, &mut |_, _, _| {})
            .unwrap();
        assert_eq!(s.gaiji_replaced, 1);
        assert_eq!(
            db.service.employee(&db.me, "000001").unwrap().employee.name,
            "髙橋　誠"
        );
    }

    #[test]
    fn cp932_export_names_the_row_and_column_it_cannot_hold() {
        let db = Db::new();
        db.import(&bytes("employees.csv")).unwrap();
        assert!(
            db.export(OutEncoding::Cp932).is_ok(),
            "髙 﨑 ① ㈱ are CP932"
        );
        let wave = format!(
            "{HEADER},通称\n000456,山﨑　花子,やまざき はなこ,0104,主任,1990-07-15,2013-04-01,R8.4.1,はな〜\n"
        );
        db.import(wave.as_bytes()).unwrap();
        let issues = match db.export(OutEncoding::Cp932) {
            Err(CsvError::Rejected(i)) => i,
            other => panic!("{other:?}"),
        };
        assert_eq!(
            places(&issues),
            [(3, "通称".into())],
            "000456 is the second row"
        );
        assert_eq!(issues[0].issue, Issue::File(Problem::Unmappable('〜')));
    }

    #[test]
    fn utf8_round_trip_is_lossless() {
        let db = Db::new();
        db.import(&bytes("employees.csv")).unwrap();
        let first = db.export(OutEncoding::Utf8).unwrap();
        let s = db.import(&first).unwrap();
        assert_eq!(
            (s.added, s.updated, s.unchanged),
            (0, 0, 4),
            "its own export changes nothing"
        );
        let other = Db::new();
        other.import(&first).unwrap();
        assert_eq!(other.export(OutEncoding::Utf8).unwrap(), first);
        let text = String::from_utf8(first).unwrap();
        assert!(text.starts_with(
            "職員番号,氏名,フリガナ,所属コード,職名,生年月日,採用日,雇用区分,状態,発令日,退職日"
        ));
        assert!(text.contains("000789,鈴木\u{3000}一郎,すずき いちろう,020101,主事,1998-01-05,2020-04-01,正規,退職,2020-04-01,2026-03-31,①自己都合（㈱庄内テックへ転職）"));
    }

    #[test]
    fn organisation_rows_are_checked_as_a_tree_and_keep_their_dates() {
        let db = Db::new();
        let file = "code,name,parent_code,kind,valid_from,valid_to\n\
                    0105,企画課,09,課,,\n\
                    010501,企画係,01,係,,\n\
                    04,建設部,01,部,,\n\
                    0102,職員課,02,係,,\n";
        let issues = match db
            .service
            .import_orgs(&db.me, file.as_bytes(), Encoding::Auto, false)
        {
            Err(CsvError::Rejected(i)) => i,
            other => panic!("{other:?}"),
        };
        assert_eq!(
            places(&issues),
            [
                (2, "parent_code".into()),
                (3, "parent_code".into()),
                (4, "parent_code".into()),
                (5, "parent_code".into()),
                (5, "kind".into()),
                (5, "kind".into()),
            ],
            "{issues:#?}"
        );
        let s = db
            .service
            .import_orgs(&db.me, &bytes("orgs.csv"), Encoding::Auto, false)
            .unwrap();
        assert_eq!((s.added, s.updated, s.unchanged), (0, 0, 13));
    }

    #[test]
    fn a_large_file_reports_progress() {
        let db = Db::new();
        let mut file = format!("{HEADER}\n");
        for i in 0..2500 {
            file.push_str(&format!(
                "{i:06},山田　太郎,ﾔﾏﾀﾞ ﾀﾛｳ,010201,主事,1990-01-01,2012-04-01,\n"
            ));
        }
        let gaiji = Gaiji::empty();
        let opts = EmployeeImport {
            encoding: Encoding::Auto,
            effective: None,
            dry_run: false,
            gaiji: &gaiji,
        };
        let mut seen = Vec::new();
        let s = db
            .service
            .import_employees(&db.me, file.as_bytes(), &opts, &mut |stage, done, total| {
                seen.push((stage, done, total))
            })
            .unwrap();
        assert_eq!(s.added, 2500);
        assert_eq!(seen.len(), 6, "{seen:?}");
        assert_eq!(seen.last(), Some(&(service::Stage::Writing, 2000, 2500)));
    }
}

/// The real binary on real files.
mod binary {
    use std::os::unix::fs::MetadataExt;

    use super::*;
    use common::{Home, stderr, stdout};

    fn home() -> Home {
        let home = Home::new();
        home.ok(&["init"]);
        let orgs = fixture("orgs.csv");
        assert!(
            home.ok(&["import", "orgs", orgs.to_str().unwrap()])
                .contains("追加 13 件")
        );
        let titles = fixture("titles.csv");
        home.ok(&["import", "titles", titles.to_str().unwrap()]);
        home
    }

    #[test]

    fn imports_each_encoding_and_shows_the_person() {
        for name in ["employees.csv", "employees-bom.csv", "employees-cp932.csv"] {
            let home = home();
            let out = home.ok(&["import", "employees", fixture(name).to_str().unwrap()]);
            assert!(out.contains("追加 4 人"), "{name}: {out}");
            let show = home.ok(&["show", "000456", "--format", "json"]);
            assert!(
                show.contains("山﨑\u{3000}花子") && show.contains("やまざき はなこ"),
                "{show}"
            );
        }
    }

    #[test]

    fn broken_file_lists_every_line_in_either_language() {
        let home = home();
        let path = home.path().join("broken.csv");
        let body = format!(
            "{HEADER}\n1,a,あ,010201,主事,1990-02-30,2012-04-01,\n2,b,い,010201,主事\n1,c,う,010201,主事,1990-01-01,2012-04-01,\n"
        );
        std::fs::write(&path, body).unwrap();
        let out = home.run(&["import", "employees", path.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(1));
        let err = stderr(&out);
        for want in [
            "2行目 列「生年月日」",
            "3行目: 項目の数",
            "4行目 列「職員番号」",
            "取り込みませんでした",
        ] {
            assert!(err.contains(want), "{want}: {err}");
        }
        let en = stderr(&home.run(&[
            "--lang",
            "en",
            "import",
            "employees",
            path.to_str().unwrap(),
        ]));
        assert!(en.contains("line 2, column 生年月日:"), "{en}");
        assert!(home.ok(&["stats"]).contains("職員\t0"));
        let cp932 = fixture("employees-cp932.csv");
        let wrong = home.run(&[
            "import",
            "employees",
            "--encoding",
            "utf-8",
            cp932.to_str().unwrap(),
        ]);
        assert!(
            stderr(&wrong).contains("UTF-8 として読めない"),
            "{}",
            stderr(&wrong)
        );
    }

    #[test]

    fn export_round_trip_and_cp932_refusal() {
        let home = home();
        home.ok(&[
            "import",
            "employees",
            fixture("employees.csv").to_str().unwrap(),
        ]);
        let file = home.path().join("out.csv");
        home.ok(&["export", "employees", "-o", file.to_str().unwrap()]);
        assert_eq!(std::fs::metadata(&file).unwrap().mode() & 0o777, 0o600);
        let again = home.ok(&["import", "employees", file.to_str().unwrap()]);
        assert!(again.contains("変更なし 4 人"), "{again}");
        let to_stdout = home.run(&["export", "employees"]);
        assert_eq!(stdout(&to_stdout).as_bytes(), std::fs::read(&file).unwrap());
        let wave = home.path().join("wave.csv");
        std::fs::write(
            &wave,
            format!("{HEADER}\n000123,髙橋〜誠,たかはし まこと,010201,係長,S41.4.2,1989/4/1,2024-04-01\n"),
        )
        .unwrap();
        home.ok(&["import", "employees", wave.to_str().unwrap()]);
        let sjis = home.path().join("sjis.csv");
        let out = home.run(&[
            "export",
            "employees",
            "--encoding",
            "cp932",
            "-o",
            sjis.to_str().unwrap(),
        ]);
        assert_eq!(out.status.code(), Some(1));
        assert!(
            stderr(&out).contains("2行目 列「氏名」: 「〜」(U+301C) は CP932 で表せません"),
            "{}",
            stderr(&out)
        );
        assert!(!sjis.exists(), "nothing written");
        let piped = home.run(&["export", "employees", "--encoding", "cp932"]);
        assert!(piped.stdout.is_empty());
    }
}
