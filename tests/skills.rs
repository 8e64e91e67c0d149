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
fn a_level_changed_twice_keeps_every_row_and_answers_as_of_any_date() {
    let w = world(60);
    let hr = as_role("hr");
    let who = someone_at(&w, 2);
    let s = &w.service;
    let before = s.sheet(&hr, &who).unwrap().history("coaching").len();
    assert_eq!(before, 2, "the demo gives each required skill two rows");
    // The demo's levels are dated up to 2026-11-20.
    let set =
        |level_n, date, source| s.set_level(&hr, &who, "coaching", level(level_n), date, source);
    set(1, d(2026, 11, 22), Source::SelfReport).unwrap();
    set(3, d(2026, 11, 24), Source::Supervisor).unwrap();
    let sheet = s.sheet(&hr, &who).unwrap();
    let h = sheet.history("coaching");
    assert_eq!(h.len(), 4);
    assert_eq!(h[1].until, Some(d(2026, 11, 21)));
    assert_eq!(h[2].entry.level, level(1));
    assert_eq!(h[2].until, Some(d(2026, 11, 23)));
    assert_eq!(h[3].until, None);
    assert_eq!(h[3].entry.assessor, "only.hr");
    let on = |date| sheet.level_on("coaching", date).map(|e| e.level);
    assert_eq!(on(d(2026, 11, 22)), Some(level(1)));
    assert_eq!(on(d(2026, 11, 23)), Some(level(1)));
    assert_eq!(on(d(2026, 11, 24)), Some(level(3)));
    // The gap follows the date asked about.
    let gaps_on = |date| {
        s.gaps(&hr, &who, date)
            .unwrap()
            .gaps
            .iter()
            .any(|g| g.skill == "coaching")
    };
    assert!(gaps_on(d(2026, 11, 23)));
    assert!(!gaps_on(d(2026, 11, 24)));

    // The same day from the same source corrects; from another source it is refused,
    // and a day after today is refused.
    set(2, d(2026, 11, 24), Source::Supervisor).unwrap();
    assert_eq!(s.sheet(&hr, &who).unwrap().history("coaching").len(), 4);
    assert!(matches!(
        set(4, d(2026, 11, 24), Source::SelfReport),
        Err(ServiceError::Skill(SkillFault::SameDay {
            source: Source::Supervisor,
            ..
        }))
    ));
    assert!(matches!(
        set(4, d(2026, 11, 26), Source::Supervisor),
        Err(ServiceError::Skill(SkillFault::Future(_)))
    ));
    let last = s.sheet(&hr, &who).unwrap().history("coaching")[3]
        .entry
        .clone();
    assert_eq!((last.level, last.source), (level(2), Source::Supervisor));
}

#[test]
fn undo_puts_the_rows_back_exactly_and_only_if_nothing_came_after() {
    let w = world(40);
    let hr = as_role("hr");
    let who = someone_at(&w, 1);
    let s = &w.service;
    let before = s.sheet(&hr, &who).unwrap();
    let today = d(2026, 11, 25);
    let change = s
        .set_level(&hr, &who, "ethics", level(4), today, Source::Training)
        .unwrap();
    assert_eq!(change.before, before.skills["ethics"]);
    assert_ne!(s.sheet(&hr, &who).unwrap(), before);
    s.undo_level(&hr, &change).unwrap();
    assert_eq!(s.sheet(&hr, &who).unwrap(), before);
    // Undoing twice, or after another change, would lose what came after.
    assert!(matches!(
        s.undo_level(&hr, &change),
        Err(ServiceError::Skill(SkillFault::Moved))
    ));
    let first = s
        .set_level(&hr, &who, "dx:design", level(1), today, Source::Training)
        .unwrap();
    let second = s
        .set_level(&hr, &who, "dx:design", level(2), today, Source::Training)
        .unwrap();
    assert!(matches!(
        s.undo_level(&hr, &first),
        Err(ServiceError::Skill(SkillFault::Moved))
    ));
    // A forged change (two rows put back at once) is refused too.
    let mut forged = second.clone();
    forged.before = Vec::new();
    forged.after.push(forged.after[0].clone());
    assert!(s.undo_level(&hr, &forged).is_err());
    s.undo_level(&hr, &second).unwrap();
    s.undo_level(&hr, &first).unwrap();
    assert_eq!(s.sheet(&hr, &who).unwrap(), before);

    // Someone's very first level, undone, leaves no sheet behind: a leaver has none.
    let leaver = s
        .find(
            &hr,
            "",
            |_| kizuna::search::Filter {
                status: Some(kizuna::domain::Status::Left),
                ..Default::default()
            },
            1,
        )
        .unwrap()
        .remove(0)
        .entry
        .staff_no;
    let sheets = |s: &Service| s.check(&w.root).unwrap().counts["skill_sheets"];
    let count = sheets(s);
    let c = s
        .set_level(
            &hr,
            &leaver,
            "ethics",
            level(1),
            d(2020, 4, 1),
            Source::SelfReport,
        )
        .unwrap();
    assert!(c.before.is_empty());
    assert_eq!(sheets(s), count + 1);
    s.undo_level(&hr, &c).unwrap();
    assert_eq!(sheets(s), count);
    assert!(s.sheet(&hr, &leaver).unwrap().is_empty());
}

#[test]
fn levels_are_refused_for_unknown_skills_people_and_roles() {
    let w = world(40);
    let hr = as_role("hr");
    let who = someone_at(&w, 1);
    let s = &w.service;
    let today = d(2026, 11, 25);
    let fault = |r: Result<kizuna::service::LevelChange, ServiceError>| match r {
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
    assert_eq!(tiers.per_section, 2);
    // Leaders per 所属 counted again from the matrix: the demo's codes nest, a team's
    // six digits under its section's four.
    let mut by_section = std::collections::BTreeMap::<String, u32>::new();
    for r in matrix.rows.iter().filter(|r| r.tier == DigitalTier::Leader) {
        if r.unit.len() >= 4 {
            *by_section.entry(r.unit[..4].to_string()).or_default() += 1;
        }
    }
    for section in &tiers.sections {
        assert_eq!(
            section.leaders,
            by_section.get(&section.code).copied().unwrap_or(0),
            "{}",
            section.code
        );
    }
    let below: Vec<&str> = tiers
        .sections_below()
        .iter()
        .map(|x| x.code.as_str())
        .collect();
    let expected: Vec<&str> = tiers
        .sections
        .iter()
        .filter(|x| by_section.get(&x.code).copied().unwrap_or(0) < 2)
        .map(|x| x.code.as_str())
        .collect();
    assert_eq!(below, expected);
    assert!(
        !below.is_empty(),
        "most demo sections have fewer than two leaders"
    );

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

#[test]
fn the_share_report_agrees_with_every_persons_gaps() {
    use std::collections::BTreeMap;
    let w = world(300);
    let s = &w.service;
    let today = d(2026, 11, 25);
    let report = s.gap_report(&w.root, &Scope::default(), today).unwrap();
    let map = s.skill_map(&w.root, today).unwrap();
    let rows = s.matrix(&w.root, &Scope::default(), today).unwrap().rows;
    let mut counted: BTreeMap<&str, (u32, u32)> = BTreeMap::new();
    let mut people = 0;
    for r in &rows {
        let Some(band) = r.band else { continue };
        people += 1;
        let gaps = s.gaps(&w.root, &r.staff_no, today).unwrap().gaps;
        for skill in map.skills.iter().filter(|k| k.required_at(band)) {
            let c = counted.entry(skill.key.as_str()).or_default();
            c.0 += 1;
            c.1 += u32::from(!gaps.iter().any(|g| g.skill == skill.key));
        }
    }
    assert_eq!(report.people, people);
    assert_eq!(report.shares.len(), counted.len());
    for share in &report.shares {
        assert_eq!(
            (share.required, share.meeting),
            counted[share.skill.as_str()],
            "{}",
            share.skill
        );
    }
}

#[test]
fn reports_as_of_a_date_count_who_was_on_the_staff_then() {
    let w = world(300);
    let s = &w.service;
    let today = d(2026, 11, 25);
    let staff = |on| -> Vec<String> {
        s.matrix(&w.root, &Scope::default(), on)
            .unwrap()
            .rows
            .into_iter()
            .map(|r| r.staff_no)
            .collect()
    };
    let now = staff(today);
    let leavers = s
        .find(
            &w.root,
            "",
            |_| kizuna::search::Filter {
                status: Some(kizuna::domain::Status::Left),
                ..Default::default()
            },
            1_000,
        )
        .unwrap();
    let mut checked = 0;
    for m in leavers {
        let e = s.employee(&w.root, &m.entry.staff_no).unwrap().employee;
        let last = e.leaving.unwrap().date;
        assert!(!now.contains(&e.staff_no));
        if e.hired < last && last < today {
            assert!(
                staff(last).contains(&e.staff_no),
                "{} on {last}",
                e.staff_no
            );
            assert!(!staff(last.add_days(1)).contains(&e.staff_no));
            checked += 1;
        }
        if checked == 3 {
            break;
        }
    }
    assert_eq!(checked, 3);
    // This year's new hires were not on the staff a year ago.
    let year_ago = staff(d(2025, 11, 25));
    let hired = now
        .iter()
        .filter(|n| s.employee(&w.root, n).unwrap().employee.hired > d(2025, 11, 25))
        .collect::<Vec<_>>();
    assert!(!hired.is_empty());
    assert!(hired.iter().all(|n| !year_ago.contains(n)));
}
