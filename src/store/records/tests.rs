//! Every record type survives a round trip, and old or damaged bytes give errors.

use std::collections::{BTreeMap, BTreeSet};

use super::Record;
use crate::catalogue::{Policy, demo};
use crate::domain::{Account, FiscalYear, Role, Timestamp};
use crate::store::codec::{self, CodecError};

fn round_trip<T: Record + PartialEq + std::fmt::Debug>(value: &T) {
    let bytes = value.to_bytes().unwrap();
    assert_eq!(u16::from_le_bytes([bytes[0], bytes[1]]), T::VERSION);
    assert_eq!(&T::from_bytes(&bytes).unwrap(), value, "{}", T::TABLE);
}

#[test]
fn catalogue_records_round_trip() {
    let p = Policy::builtin().unwrap();
    p.titles.iter().for_each(round_trip);
    p.images.iter().for_each(round_trip);
    p.categories.iter().for_each(round_trip);
    p.skills.iter().for_each(round_trip);
    p.mindsets.iter().for_each(round_trip);
    p.approaches.iter().for_each(round_trip);
    p.initiatives.iter().for_each(round_trip);
    p.kpis.iter().for_each(round_trip);
    p.tiers.iter().for_each(round_trip);
    p.domains.iter().for_each(round_trip);
    p.classes.iter().for_each(round_trip);
    for (band, label) in p.band_labels {
        round_trip(&super::BandLabel { band, label });
    }
}

#[test]
fn staff_records_round_trip() {
    let data = demo::generate(300, 11).unwrap();
    data.units.iter().for_each(round_trip);
    data.staff.iter().for_each(round_trip);
    assert!(data.staff.iter().any(|e| e.leaving.is_some()));
    assert!(data.staff.iter().any(|e| e.former_name.is_some()));
    round_trip(&Account {
        name: "hr.sato".into(),
        roles: BTreeSet::from([Role::Hr, Role::Viewer, Role::Health]),
        employee: Some("000123".into()),
        created: Timestamp(1_775_000_000),
    });
}

#[test]
fn unknown_version_is_refused() {
    let p = Policy::builtin().unwrap();
    let mut bytes = p.skills[0].to_bytes().unwrap();
    bytes[0] = 9;
    assert_eq!(
        crate::domain::Skill::from_bytes(&bytes),
        Err(CodecError::UnknownVersion { found: 9, known: 2 })
    );
}

#[test]
fn impossible_values_are_errors() {
    // A KPI series whose bytes are fine but whose year list is cut short.
    let k = crate::domain::KpiSeries {
        key: "k".into(),
        name: "n".into(),
        unit: "u".into(),
        values: BTreeMap::from([(FiscalYear(2019), 1)]),
        order: 0,
    };
    let bytes = k.to_bytes().unwrap();
    assert!(crate::domain::KpiSeries::from_bytes(&bytes[..bytes.len() - 1]).is_err());
    // An employee with a date that does not exist.
    let mut e = demo::generate(1, 1).unwrap().staff.remove(0);
    e.birth = crate::domain::Date::new(1980, 2, 28).unwrap();
    let good = e.to_bytes().unwrap();
    let (_, payload) = codec::split(&good).unwrap();
    let needle = 19_800_228u32;
    let mut varint = Vec::new();
    // bincode's standard config writes a u32 above 65535 as 0xFC + 4 bytes LE.
    varint.push(0xfc);
    varint.extend_from_slice(&needle.to_le_bytes());
    let at = payload
        .windows(varint.len())
        .position(|w| w == varint.as_slice())
        .unwrap();
    let mut bad = good.clone();
    bad[2 + at + 1..2 + at + 5].copy_from_slice(&19_800_230u32.to_le_bytes());
    assert!(matches!(
        crate::domain::Employee::from_bytes(&bad),
        Err(CodecError::Corrupt(_))
    ));
    // The search's brief of the record refuses it too.
    let today = crate::domain::Date::new(2026, 11, 25).unwrap();
    assert!(super::brief_on(&good, today).is_ok());
    assert!(matches!(
        super::brief_on(&bad, today),
        Err(CodecError::Corrupt(_))
    ));
}

#[test]
fn a_brief_reads_what_the_whole_record_says() {
    use crate::domain::{Brief, Date, Employee};
    let data = demo::generate(400, 5).unwrap();
    let dates = [
        Date::new(1990, 1, 1).unwrap(),
        Date::new(2020, 4, 1).unwrap(),
        Date::new(2026, 11, 25).unwrap(),
        Date::new(2040, 1, 1).unwrap(),
    ];
    let mut moved = 0;
    for e in &data.staff {
        let bytes = e.to_bytes().unwrap();
        for on in dates {
            assert_eq!(
                super::brief_on(&bytes, on).unwrap(),
                Brief::of(e, on),
                "{}",
                e.staff_no
            );
        }
        let first = super::brief_on(&bytes, dates[0]).unwrap().post;
        moved += usize::from(first != super::brief_on(&bytes, dates[3]).unwrap().post);
    }
    assert!(
        moved > 50,
        "the dates pick different posts for many people: {moved}"
    );
    assert!(data.staff.iter().any(|e| e.former_name.is_some()));

    let bytes = data.staff[0].to_bytes().unwrap();
    assert!(super::brief_on(&bytes[..bytes.len() - 3], dates[2]).is_err());
    let mut newer = bytes.clone();
    newer[0] = Employee::VERSION as u8 + 1;
    assert!(matches!(
        super::brief_on(&newer, dates[2]),
        Err(CodecError::UnknownVersion { .. })
    ));
}

#[test]
fn a_version_1_skill_holds_from_the_policy_map_day() {
    // The bytes a schema-1 database holds for a skill, written by hand.
    #[derive(serde::Serialize)]
    struct V1<'a> {
        key: &'a str,
        category: Option<&'a str>,
        name: &'a str,
        required: [bool; 4],
        order: u32,
        retired: bool,
    }
    let v1 = V1 {
        key: "coaching",
        category: Some("organisation"),
        name: "部下育成・コーチング",
        required: [false, true, true, true],
        order: 11,
        retired: false,
    };
    let bytes = codec::encode(1, &v1).unwrap();
    let skill = crate::domain::Skill::from_bytes(&bytes).unwrap();
    assert_eq!(skill.since, crate::domain::Date::new(2026, 4, 1).unwrap());
    assert!(skill.earlier.is_empty());
    assert_eq!(skill.name, "部下育成・コーチング");
}

#[test]
fn skill_history_sheets_and_settings_round_trip() {
    use crate::domain::{Date, Level, LevelEntry, Settings, SkillSheet, Source};
    let d = |y, m, day| Date::new(y, m, day).unwrap();
    let mut skill = Policy::builtin().unwrap().skills.remove(3);
    skill
        .change(d(2027, 4, 1), "改名", [true; 4], false)
        .unwrap();
    skill
        .change(d(2028, 4, 1), "改名", [true; 4], true)
        .unwrap();
    round_trip(&skill);

    let mut sheet = SkillSheet::new("000123");
    for (skill, level, date, source, who) in [
        ("coaching", 1, d(2024, 4, 1), Source::SelfReport, "hr.sato"),
        ("coaching", 3, d(2026, 4, 1), Source::Supervisor, "hr.kato"),
        ("dx:mind", 2, d(2026, 5, 1), Source::Training, "hr.sato"),
    ] {
        sheet.set(
            skill,
            LevelEntry {
                level: Level::new(level).unwrap(),
                from: date,
                source,
                assessor: who.into(),
            },
        );
    }
    round_trip(&sheet);
    round_trip(&SkillSheet::new("000124"));

    let mut settings = Settings::default();
    settings.level_names[1] = "基礎知識".into();
    settings.targets[3] = Level::new(4).unwrap();
    round_trip(&settings);

    // A code past its range (here the last source) is corrupt, not a panic.
    let bytes = sheet.to_bytes().unwrap();
    let at = bytes.iter().rposition(|&b| b == 2).unwrap();
    let mut bad = bytes.clone();
    bad[at] = 9;
    assert!(SkillSheet::from_bytes(&bad).is_err());
}

#[test]
fn training_records_round_trip() {
    use crate::domain::{
        Application, Date, EnrollStatus, Enrollment, FiscalYear, Proposal, ProposalState, Session,
        SessionStatus, Step, SubsidyStatus, SubsidyStep,
    };
    let d = |m, day| Date::new(2026, m, day).unwrap();
    let policy = Policy::builtin().unwrap();
    let skills: Vec<&str> = policy.skills.iter().map(|s| s.key.as_str()).collect();
    let courses = demo::standard_courses(&skills);
    assert!(courses.len() >= 10);
    courses.iter().for_each(round_trip);
    assert!(courses.iter().any(|c| c.audience.new_hires));
    assert!(courses.iter().any(|c| c.prerequisite.is_some()));
    round_trip(&Session {
        id: "R8-001".into(),
        course: "kakaricho".into(),
        year: FiscalYear(2026),
        days: vec![d(6, 10), d(6, 11)],
        place: "本庁舎 大会議室".into(),
        instructor: "人事課".into(),
        capacity: 40,
        status: SessionStatus::Open,
        waiting: vec!["000123".into(), "000456".into()],
    });
    let step = |status, day| Step {
        status,
        on: d(6, day),
        by: "hr.sato".into(),
        note: Some("備考".into()),
    };
    round_trip(&Enrollment {
        session: "R8-001".into(),
        staff_no: "000123".into(),
        steps: vec![
            step(EnrollStatus::Waiting, 1),
            step(EnrollStatus::Booked, 2),
            step(EnrollStatus::Completed, 11),
        ],
        override_reason: Some("昇任予定".into()),
    });
    round_trip(&Proposal {
        staff_no: "000123".into(),
        skill: "coaching".into(),
        session: "R8-001".into(),
        level: crate::domain::Level::new(3).unwrap(),
        on: d(6, 11),
        state: ProposalState::Accepted,
        decided_by: Some("hr.kato".into()),
    });
    round_trip(&Application {
        id: "S8-0001".into(),
        staff_no: "000123".into(),
        year: FiscalYear(2026),
        title: "統計検定2級".into(),
        cost: 7_000,
        skill: None,
        override_reason: Some("窓口業務".into()),
        rate: 50,
        amount: 3_500,
        steps: vec![SubsidyStep {
            status: SubsidyStatus::Approved,
            on: d(5, 1),
            by: "hr.kato".into(),
            note: None,
        }],
    });
    let mut settings = crate::domain::Settings::default();
    settings.subsidy.budgets.insert(2027, 500_000);
    settings.subsidy.rates = [50, 40, 30, 20];
    round_trip(&settings);
    // The person index follows the staff number.
    let e = Enrollment {
        session: "R8-001".into(),
        staff_no: "000123".into(),
        steps: vec![step(EnrollStatus::Booked, 2)],
        override_reason: None,
    };
    assert_eq!(e.people(), ["000123"]);
    assert_eq!(e.key(), "R8-001/000123");
}
