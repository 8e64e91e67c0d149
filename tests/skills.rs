//! Skill levels, the skill map and the reports through the service, on a demo database.

use std::sync::Arc;

use kizuna::domain::{Band, Date, DigitalTier, FixedClock, Level, Role, Source};
use kizuna::service::{self, MapEdit, Principal, Scope, Service, ServiceError, SkillFault};

struct World {
    _dir: tempfile::TempDir,
    path: std::path::PathBuf,
    service: Service,
    root: Principal,
}

fn d(y: i32, m: u32, day: u32) -> Date {
    Date::new(y, m, day).unwrap()
}

fn world(staff: usize) -> World {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.redb");
    let clock = Arc::new(FixedClock::at_noon(d(2026, 11, 25)));
    let root = Principal::named("root", 0);
    service::create_demo(&path, &root, clock.clone(), staff, 3).unwrap();
    let service = Service::open(&path, clock).unwrap();
    for role in [Role::Admin, Role::Hr, Role::Viewer] {
        let name = format!("only.{}", role.code());
        service.add_account(&root, &name, None).unwrap();
        service.grant(&root, &name, role).unwrap();
    }
    World {
        _dir: dir,
        path,
        service,
        root,
    }
}

fn as_role(role: &str) -> Principal {
    Principal::named(&format!("only.{role}"), 5000)
}

fn level(n: u8) -> Level {
    Level::new(n).unwrap()
}

/// Someone in post with a band, and that band.
fn someone_at(w: &World, band: u8) -> String {
    let m = w
        .service
        .matrix(&w.root, &Scope::default(), d(2026, 11, 25))
        .unwrap();
    m.rows
        .iter()
        .find(|r| r.band == Band::new(band))
        .unwrap()
        .staff_no
        .clone()
}

#[test]
fn a_level_changed_twice_keeps_three_rows_and_answers_as_of_any_date() {
    let w = world(60);
    let hr = as_role("hr");
    let who = someone_at(&w, 2);
    let s = &w.service;
    let before = s.sheet(&hr, &who).unwrap().history("coaching").len();
    assert_eq!(before, 2, "the demo gives each required skill two rows");
    s.set_level(
        &hr,
        &who,
        "coaching",
        level(1),
        d(2026, 11, 26),
        Source::SelfReport,
    )
    .unwrap();
    s.set_level(
        &hr,
        &who,
        "coaching",
        level(3),
        d(2026, 12, 10),
        Source::Supervisor,
    )
    .unwrap();
    let sheet = s.sheet(&hr, &who).unwrap();
    let h = sheet.history("coaching");
    assert_eq!(h.len(), 4);
    assert_eq!(h[2].entry.level, level(1));
    assert_eq!(h[2].until, Some(d(2026, 12, 9)));
    assert_eq!(h[3].until, None);
    assert_eq!(h[3].entry.assessor, "only.hr");
    assert_eq!(h[1].until, Some(d(2026, 11, 25)));
    let on = |date| sheet.level_on("coaching", date).map(|e| e.level);
    assert_eq!(on(d(2026, 11, 26)), Some(level(1)));
    assert_eq!(on(d(2026, 12, 9)), Some(level(1)));
    assert_eq!(on(d(2026, 12, 10)), Some(level(3)));
    // The gap follows the date asked about.
    let gaps_on = |date| {
        s.gaps(&hr, &who, date)
            .unwrap()
            .gaps
            .iter()
            .any(|g| g.skill == "coaching")
    };
    assert!(gaps_on(d(2026, 12, 1)));
    assert!(!gaps_on(d(2026, 12, 10)));
}

#[test]
fn undo_puts_the_rows_back_exactly() {
    let w = world(40);
    let hr = as_role("hr");
    let who = someone_at(&w, 1);
    let s = &w.service;
    let before = s.sheet(&hr, &who).unwrap();
    let rows = s
        .set_level(
            &hr,
            &who,
            "ethics",
            level(4),
            d(2026, 11, 25),
            Source::Training,
        )
        .unwrap();
    assert_ne!(s.sheet(&hr, &who).unwrap(), before);
    s.restore_levels(&hr, &who, "ethics", rows).unwrap();
    assert_eq!(s.sheet(&hr, &who).unwrap(), before);
}

#[test]
fn levels_are_refused_for_unknown_skills_people_and_roles() {
    let w = world(40);
    let hr = as_role("hr");
    let who = someone_at(&w, 1);
    let s = &w.service;
    let today = d(2026, 11, 25);
    let fault = |r: Result<Vec<_>, ServiceError>| match r {
        Err(ServiceError::Skill(f)) => f,
        other => panic!("{other:?}"),
    };
    assert_eq!(
        fault(s.set_level(&hr, &who, "juggling", level(2), today, Source::SelfReport)),
        SkillFault::UnknownSkill("juggling".into())
    );
    assert_eq!(
        fault(s.set_level(&hr, "999999", "ethics", level(2), today, Source::SelfReport)),
        SkillFault::NoSuchEmployee("999999".into())
    );
    // A digital domain is assessed like a skill.
    s.set_level(&hr, &who, "dx:mind", level(2), today, Source::Training)
        .unwrap();
    assert!(matches!(
        s.set_level(
            &as_role("viewer"),
            &who,
            "ethics",
            level(2),
            today,
            Source::SelfReport
        ),
        Err(ServiceError::Denied { .. })
    ));
    assert!(s.sheet(&as_role("viewer"), &who).is_ok());
}

#[test]
fn map_edits_are_dated_and_the_earlier_map_comes_back() {
    let w = world(40);
    let admin = as_role("admin");
    let s = &w.service;
    let today = d(2026, 11, 25);
    let band1 = Band::new(1).unwrap();
    let coaching = |on| {
        s.skill_map(&admin, on)
            .unwrap()
            .skills
            .into_iter()
            .find(|x| x.key == "coaching")
    };
    assert!(!coaching(today).unwrap().required_at(band1));
    s.edit_map(
        &admin,
        &MapEdit::Toggle {
            skill: "coaching".into(),
            band: band1,
        },
    )
    .unwrap();
    assert!(coaching(today).unwrap().required_at(band1));
    s.edit_map(
        &admin,
        &MapEdit::Rename {
            skill: "coaching".into(),
            name: "部下育成".into(),
        },
    )
    .unwrap();
    assert_eq!(coaching(today).unwrap().name, "部下育成");
    // The day before today shows the policy's map as it was.
    let yesterday = coaching(d(2026, 11, 24)).unwrap();
    assert_eq!(yesterday.name, "部下育成・コーチング");
    assert!(!yesterday.required_at(band1));

    let added = s
        .edit_map(
            &admin,
            &MapEdit::Add {
                category: "data".into(),
                name: "生成AI活用".into(),
            },
        )
        .unwrap();
    assert!(
        s.skill_map(&admin, today)
            .unwrap()
            .skills
            .iter()
            .any(|x| x.key == added.key)
    );
    assert!(
        !s.skill_map(&admin, d(2026, 11, 24))
            .unwrap()
            .skills
            .iter()
            .any(|x| x.key == added.key)
    );

    // Retired: gone from the map, history kept, no new levels.
    s.edit_map(
        &admin,
        &MapEdit::Retire {
            skill: "outreach".into(),
        },
    )
    .unwrap();
    assert!(coaching(today).is_some());
    assert!(
        !s.skill_map(&admin, today)
            .unwrap()
            .skills
            .iter()
            .any(|x| x.key == "outreach")
    );
    let hr = as_role("hr");
    let who = someone_at(&w, 1);
    assert_eq!(
        s.sheet(&hr, &who).unwrap().history("outreach").len(),
        2,
        "history stays"
    );
    assert!(matches!(
        s.set_level(&hr, &who, "outreach", level(3), today, Source::SelfReport),
        Err(ServiceError::Skill(SkillFault::Retired(_)))
    ));
    // Only admins edit the map.
    assert!(matches!(
        s.edit_map(
            &hr,
            &MapEdit::Retire {
                skill: "ethics".into()
            }
        ),
        Err(ServiceError::Denied { .. })
    ));
    // A foundation skill cannot lose a band.
    assert!(matches!(
        s.edit_map(
            &admin,
            &MapEdit::Toggle {
                skill: "ethics".into(),
                band: band1
            }
        ),
        Err(ServiceError::Skill(SkillFault::Map(_)))
    ));
}

#[test]
fn reports_cover_the_scope_and_the_check_stays_clean() {
    let w = world(400);
    let s = &w.service;
    let today = d(2026, 11, 25);
    let city = s.gap_report(&w.root, &Scope::default(), today).unwrap();
    assert!(city.people > 300, "{}", city.people);
    assert!(city.shares.windows(2).all(|p| p[0].ratio() <= p[1].ratio()));
    let ethics = city.shares.iter().find(|x| x.skill == "ethics").unwrap();
    assert_eq!(
        ethics.required, city.people,
        "a foundation skill is required of all"
    );
    assert!(city.shares.iter().any(|x| x.meeting < x.required));
    assert!(city.shares.iter().any(|x| x.meeting > 0));

    let matrix = s.matrix(&w.root, &Scope::default(), today).unwrap();
    // A team's code nests in its section's (0102 ⊃ 010201).
    let unit = &matrix.rows.iter().find(|r| r.unit.len() == 6).unwrap().unit;
    let section = unit[..4].to_string();
    let part = s
        .gap_report(
            &w.root,
            &Scope {
                unit: Some(section.clone()),
                ..Scope::default()
            },
            today,
        )
        .unwrap();
    assert!(part.people > 0 && part.people < city.people);
    let m = s
        .matrix(
            &w.root,
            &Scope {
                unit: Some(section.clone()),
                ..Scope::default()
            },
            today,
        )
        .unwrap();
    assert!(m.rows.iter().all(|r| r.unit.starts_with(&section)));
    assert_eq!(m.columns(), m.skills.len() + m.digital.len());
    assert!((0..m.rows.len()).any(|r| (0..m.columns()).any(|c| m.short(r, c))));
    assert!(matches!(
        s.matrix(
            &w.root,
            &Scope {
                unit: Some("nowhere".into()),
                ..Scope::default()
            },
            today
        ),
        Err(ServiceError::NotFound { .. })
    ));

    let tiers = s.tier_report(&w.root, today).unwrap();
    let total: u32 = tiers.counts.values().sum();
    assert_eq!(total, city.people);
    assert!(tiers.count(DigitalTier::Leader) > 0);
    assert!(!tiers.sections.is_empty());
    let below = tiers.sections_below();
    assert!(!below.is_empty() && below.iter().all(|x| x.leaders < 2));
    let in_sections: u32 = tiers.sections.iter().map(|x| x.leaders).sum();
    assert!(in_sections > 0 && in_sections <= tiers.count(DigitalTier::Leader));
    assert_eq!(tiers.per_section, 2);

    let report = s.check(&w.root).unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    assert!(report.counts["skill_sheets"] > 300);
    drop(w.service);
    assert!(w.path.exists());
}

#[test]
fn the_check_names_a_level_of_an_unknown_skill_or_person() {
    use kizuna::domain::{LevelEntry, SkillSheet};
    use kizuna::store::Store;
    let w = world(20);
    let path = w.path.clone();
    drop(w.service);
    {
        let store = Store::open(&path).unwrap();
        let mut tx = store.write().unwrap();
        let mut sheet = SkillSheet::new("nobody");
        sheet.set(
            "juggling",
            LevelEntry {
                level: level(2),
                from: d(2026, 4, 1),
                source: Source::SelfReport,
                assessor: "root".into(),
            },
        );
        tx.put(&sheet).unwrap();
        tx.commit().unwrap();
    }
    let service = Service::open(&path, Arc::new(FixedClock::at_noon(d(2026, 11, 25)))).unwrap();
    let report = service.check(&w.root).unwrap();
    let faults: Vec<String> = report
        .problems
        .iter()
        .map(|p| format!("{} {} {:?}", p.table, p.key, p.fault))
        .collect();
    assert_eq!(faults.len(), 2, "{faults:?}");
    assert!(faults[0].contains("nobody") && faults[0].contains("employees"));
    assert!(faults[1].contains("juggling"));
}
