//! The work-engagement survey through the service: who may import and read it, the
//! group-size rule as HR sees it, re-imports, the year before, the floor setting.

use std::sync::Arc;

use kizuna::domain::survey::MIN_FLOOR;
use kizuna::domain::{Date, FiscalYear, FixedClock, Role, Settings};
use kizuna::io::csv::Encoding;
use kizuna::service::{
    self, Hidden, Permission, Principal, Service, ServiceError, Standing, SurveyImport,
    SurveyImportError,
};
use kizuna::store::Record;

struct World {
    _dir: tempfile::TempDir,
    service: Service,
    root: Principal,
}

fn world() -> World {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("k.redb");
    let clock = Arc::new(FixedClock::at_noon(Date::new(2026, 11, 25).unwrap()));
    let root = Principal::named("root", 0);
    let service = service::init(&path, &root, clock).unwrap();
    let orgs = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/csv/orgs.csv"
    ))
    .unwrap();
    service
        .import_orgs(&root, &orgs, Encoding::Auto, false)
        .unwrap();
    for role in [Role::Admin, Role::Hr, Role::Viewer, Role::Auditor] {
        let name = format!("only.{}", role.code());
        service.add_account(&root, &name, None).unwrap();
        service.grant(&root, &name, role).unwrap();
    }
    World {
        _dir: dir,
        service,
        root,
    }
}

fn who(role: &str) -> Principal {
    Principal::named(&format!("only.{role}"), 5000)
}

fn import(w: &World, fy: i32, text: &str) -> Result<service::SurveySummary, SurveyImportError> {
    let opts = SurveyImport {
        fy: FiscalYear(fy),
        encoding: Encoding::Auto,
        dry_run: false,
    };
    w.service.import_survey(&w.root, text.as_bytes(), &opts)
}

const HEAD: &str = "組織コード,回答者数,ワーク・エンゲイジメント,上司の支援\n";

#[test]
fn only_hr_imports_and_reads_the_survey() {
    let w = world();
    let text = format!("{HEAD}0101,20,3.0,2.0\n0102,20,3.5,2.5\n");
    let opts = SurveyImport {
        fy: FiscalYear(2026),
        encoding: Encoding::Auto,
        dry_run: false,
    };
    for role in ["admin", "viewer", "auditor"] {
        let err = w
            .service
            .import_survey(&who(role), text.as_bytes(), &opts)
            .unwrap_err();
        assert!(
            matches!(
                err,
                SurveyImportError::Service(ServiceError::Denied {
                    permission: Permission::StaffWrite,
                    ..
                })
            ),
            "{role}"
        );
    }
    w.service
        .import_survey(&who("hr"), text.as_bytes(), &opts)
        .unwrap();
    for role in ["admin", "viewer", "auditor"] {
        let denied = |r: Result<_, ServiceError>| matches!(r, Err(ServiceError::Denied { .. }));
        assert!(
            denied(w.service.survey(&who(role), FiscalYear(2026)).map(|_| ())),
            "{role}"
        );
        assert!(
            denied(w.service.years_with_survey(&who(role)).map(|_| ())),
            "{role}"
        );
    }
    assert_eq!(
        w.service.years_with_survey(&who("hr")).unwrap(),
        [FiscalYear(2026)]
    );
    let v = w.service.survey(&who("hr"), FiscalYear(2026)).unwrap();
    assert_eq!(v.rows.len(), 2);
    assert!(matches!(
        w.service.survey(&who("hr"), FiscalYear(2025)),
        Err(ServiceError::NotFound { kind: "survey", .. })
    ));
    // The audit entry names the year and nothing of the results.
    let log = w.service.audit_list(&who("auditor"), None).unwrap();
    let entry = log.iter().find(|e| e.action == "survey.import").unwrap();
    assert_eq!(entry.ids, ["R8"]);
}

#[test]
fn nine_are_never_alone_and_ten_are() {
    let w = world();
    // 人事係 9 and 人材育成係 10 under 職員課 (0102), which has 12 of its own.
    import(
        &w,
        2026,
        &format!("{HEAD}0102,12,3.0,2.0\n010201,9,2.0,1.0\n010202,10,4.0,3.0\n0201,30,3.0,3.0\n"),
    )
    .unwrap();
    let v = w.service.survey(&w.root, FiscalYear(2026)).unwrap();
    let codes: Vec<&str> = v.rows.iter().map(|r| r.org_code.as_str()).collect();
    assert_eq!(codes, ["0102", "010202", "0201"]);
    assert!(v.rows.iter().all(|r| r.respondents >= 10));
    let merged = &v.rows[0];
    assert_eq!(merged.respondents, 21);
    assert_eq!(merged.merged.len(), 1);
    assert_eq!(
        (
            merged.merged[0].org_code.as_str(),
            merged.merged[0].org_name.as_str()
        ),
        ("010201", "人事係")
    );
    let weighted = (12.0 * 3.0 + 9.0 * 2.0) / 21.0;
    assert!((merged.scores[0].unwrap() - weighted).abs() < 1e-9);
    assert_eq!(v.rows[1].respondents, 10);
    assert!(v.rows[1].merged.is_empty());
    assert!(matches!(v.standing("010201"), Standing::MergedInto(r) if r.org_code == "0102"));
    assert!(matches!(v.standing("010202"), Standing::Row(_)));
    assert_eq!(v.hidden.len(), 1);
    assert_eq!(v.hidden[0].hidden, Hidden::MergedInto("0102".into()));
    assert_eq!(v.city.as_ref().unwrap().respondents, 61);
}

#[test]
fn reimporting_a_year_replaces_it_and_the_year_before_is_beside_it() {
    let w = world();
    import(
        &w,
        2025,
        &format!("{HEAD}0101,15,2.5,2.0\n0201,20,3.0,3.0\n"),
    )
    .unwrap();
    let first = import(
        &w,
        2026,
        &format!("{HEAD}0101,15,3.0,2.0\n0102,15,3.0,2.0\n0201,20,3.0,3.0\n"),
    )
    .unwrap();
    assert_eq!(first.replaced, None);
    let again = import(&w, 2026, "組織コード,回答者数,ワーク・エンゲイジメント,仕事の意義\n0101,16,3.5,1.5\n0201,22,3.2,1.0\n").unwrap();
    assert_eq!(again.replaced, Some(3));
    let v = w.service.survey(&w.root, FiscalYear(2026)).unwrap();
    let codes: Vec<&str> = v.rows.iter().map(|r| r.org_code.as_str()).collect();
    assert_eq!(codes, ["0101", "0201"], "0102 of the first import is gone");
    assert_eq!(v.scales[1].key, "meaning_of_work");
    let row = &v.rows[0];
    assert_eq!(
        row.previous,
        [Some(2.5), None],
        "matched by scale, none for a new scale"
    );
    assert_eq!(row.previous_respondents, Some(15));
    let prev_city = v.previous_city.as_ref().unwrap();
    assert_eq!(prev_city.respondents, 35);
    assert_eq!(
        w.service.years_with_survey(&w.root).unwrap(),
        [FiscalYear(2025), FiscalYear(2026)]
    );
}

#[test]
fn unknown_units_are_reported_and_nothing_is_written() {
    let w = world();
    let err = import(&w, 2026, &format!("{HEAD}0101,15,3,2\n9999,12,3,2\n")).unwrap_err();
    let SurveyImportError::Rejected(issues) = err else {
        panic!("{err:?}")
    };
    assert_eq!(issues.len(), 1);
    assert_eq!(
        (issues[0].line, issues[0].column.as_deref()),
        (3, Some("組織コード"))
    );
    assert!(w.service.years_with_survey(&w.root).unwrap().is_empty());
}

#[test]
fn the_floor_setting_raises_the_bar_and_never_goes_under_ten() {
    let w = world();
    import(
        &w,
        2026,
        &format!("{HEAD}0101,11,3,2\n0104,5,3,2\n0102,12,3,2\n0201,30,3,3\n"),
    )
    .unwrap();
    w.service
        .change_settings(&w.root, |s| s.survey_floor = 12)
        .unwrap();
    let v = w.service.survey(&w.root, FiscalYear(2026)).unwrap();
    assert_eq!(v.floor, 12);
    assert!(matches!(v.standing("0101"), Standing::MergedInto(r) if r.org_code == "01"));
    let refused = w.service.change_settings(&w.root, |s| s.survey_floor = 9);
    assert!(refused.is_err(), "a floor under ten is never stored");
    assert_eq!(w.service.settings(&w.root).unwrap().survey_floor(), 12);
}

#[test]
fn settings_of_version_four_still_read_with_the_default_floor() {
    #[derive(serde::Serialize)]
    struct SettingsV4 {
        level_names: [String; 5],
        targets: [u8; 4],
        rates: [u8; 4],
        budget: u64,
        budgets: Vec<(i32, u64)>,
        skill_rule: bool,
        lock_minutes: u16,
    }
    let v4 = SettingsV4 {
        level_names: ["a", "b", "c", "d", "e"].map(String::from),
        targets: [3; 4],
        rates: [50; 4],
        budget: 1000,
        budgets: vec![(2026, 500)],
        skill_rule: true,
        lock_minutes: 7,
    };
    let mut bytes = 4u16.to_le_bytes().to_vec();
    bytes.extend(bincode::serde::encode_to_vec(&v4, bincode::config::standard()).unwrap());
    let s = Settings::from_bytes(&bytes).unwrap();
    assert_eq!(
        (s.lock_minutes, s.survey_floor(), s.level_names[4].as_str()),
        (7, MIN_FLOOR, "e")
    );
    let again = Settings::from_bytes(&s.to_bytes().unwrap()).unwrap();
    assert_eq!(again, s);
    assert_eq!(u16::from_le_bytes([s.to_bytes().unwrap()[0], 0]), 5);
}
