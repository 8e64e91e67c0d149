//! Sealed cases at rest: what a copy of the database file (or of its backup) gives away
//! to someone who reads the bytes without any key. Nothing of a case's text, in any
//! encoding a search tool would try, and nothing tying a case to a staff number; and the
//! counts that `check` and `stats` print do not say how many cases there are.

#[path = "common/cases.rs"]
mod cases_world;

use cases_world::{KEY_TABLES, World, contains, day, raw_audit, raw_rows};
use kizuna::domain::cases::{
    CaseDomain, CaseItem, Channel, Complainant, HarassmentCase, HarassmentKind, HealthCase,
    HealthKind, Incident, Respondent,
};
use kizuna::service::ServiceError;
use kizuna::service::cases::{CaseFault, Keyring};
use kizuna::store::keys::SEALED_TABLES;

/// What the cases say: entries, the fact summary, measures, outcome, a plan step, an
/// outside respondent, an incident's measures and recording.
const TEXTS: [&str; 10] = [
    "面談で上司からの叱責が続いていると訴えた",
    "Reports repeated shouting by the section chief since October",
    "事実確認の結果、複数の同僚が叱責の場面を目撃していた",
    "係長に対し文書で厳重注意とし、配置換えを検討する",
    "双方と面談し、再発防止の研修を実施することで合意",
    "短時間勤務から段階的に復帰する",
    "Panic attacks before the Monday morning section meeting",
    "窓口来庁者（男性、五十代）が大声で職員を威圧",
    "録音を保存し、上席職員が対応を引き継いだ",
    "recording-2026-11-20-counter-3.wav",
];

/// The forms a text may take in a file: UTF-8, UTF-16LE and CP932.
fn forms(text: &str) -> Vec<(&'static str, Vec<u8>)> {
    let utf16: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let (cp932, _, unmappable) = encoding_rs::SHIFT_JIS.encode(text);
    assert!(!unmappable, "{text} has a CP932 form");
    vec![
        ("UTF-8", text.as_bytes().to_vec()),
        ("UTF-16LE", utf16),
        ("CP932", cp932.into_owned()),
    ]
}

fn write_cases(w: &World, ring: &mut Keyring, subject: &str, respondent: &str) -> Vec<String> {
    let s = w.s();
    let root = &w.root;
    let by = root.account.clone();
    let health = s
        .create_case(root, ring, CaseDomain::Health, |id| {
            let mut c = HealthCase::new(
                id,
                subject,
                HealthKind::Leave,
                day(2026, 9, 1),
                vec![by.clone()],
            )?;
            c.add_entry(day(2026, 9, 1), &by, TEXTS[0])?;
            c.add_entry(day(2026, 9, 8), &by, TEXTS[6])?;
            c.add_leave(day(2026, 9, 15), day(2026, 12, 14))?;
            c.add_step(TEXTS[5], day(2026, 12, 15), Some(day(2027, 1, 31)))?;
            c.add_follow_up(day(2026, 12, 1))?;
            Ok(CaseItem::Health(c))
        })
        .unwrap();
    let harassment = s
        .create_case(root, ring, CaseDomain::Harassment, |id| {
            let mut c = HarassmentCase::new(
                id,
                day(2026, 10, 5),
                Channel::Interview,
                HarassmentKind::Power,
                Complainant::Employee(subject.to_string()),
                vec![Respondent::Employee(respondent.to_string())],
                vec![by.clone()],
                &by,
            )?;
            c.add_entry(day(2026, 10, 5), &by, TEXTS[0])?;
            c.add_entry(day(2026, 10, 6), &by, TEXTS[1])?;
            c.advance(day(2026, 10, 7), &by)?;
            c.set_fact_summary(TEXTS[2])?;
            c.advance(day(2026, 10, 20), &by)?;
            c.set_measures(TEXTS[3])?;
            c.advance(day(2026, 10, 30), &by)?;
            c.set_outcome(TEXTS[4])?;
            Ok(CaseItem::Harassment(c))
        })
        .unwrap();
    let customer = s
        .create_case(root, ring, CaseDomain::Harassment, |id| {
            Ok(CaseItem::Harassment(HarassmentCase::new(
                id,
                day(2026, 11, 20),
                Channel::Phone,
                HarassmentKind::Customer,
                Complainant::Employee(subject.to_string()),
                vec![Respondent::Outside(TEXTS[7].to_string())],
                vec![by.clone()],
                &by,
            )?))
        })
        .unwrap();
    let incident = s
        .create_case(root, ring, CaseDomain::Harassment, |id| {
            Ok(CaseItem::Incident(Incident::new(
                id,
                day(2026, 11, 20),
                Channel::Phone,
                TEXTS[9],
                TEXTS[8],
                &by,
            )?))
        })
        .unwrap();
    [health, harassment, customer, incident]
        .iter()
        .map(|v| v.item.id().to_string())
        .collect()
}

/// A world with cases written, viewed, listed, changed; holders granted and one
/// revoked; a failed unlock left standing; a backup made; and the database closed.
/// Returns the world, the backup's path, the case ids and the sequence number of the
/// first audit entry of case work (everything before it set up the staff register).
fn written() -> (World, std::path::PathBuf, Vec<String>, u64) {
    let mut w = World::new();
    let case_work = w.audit().last().unwrap().seq + 1;
    w.init_both();
    let (subject, respondent) = (w.staff[0].clone(), w.staff[1].clone());
    let s = w.s();
    let nurse = w.account("nurse", Some(&w.staff[2]), &[], true);
    w.account("counsel", None, &[], true);
    let mut ring = w.unlock(&w.root);
    s.cases_grant(&w.root, &mut ring, "nurse", CaseDomain::Health)
        .unwrap();
    s.cases_grant(&w.root, &mut ring, "counsel", CaseDomain::Harassment)
        .unwrap();
    let ids = write_cases(&w, &mut ring, &subject, &respondent);
    for d in [CaseDomain::Health, CaseDomain::Harassment] {
        for v in s.cases(&w.root, &mut ring, d).unwrap() {
            s.case(&w.root, &mut ring, d, v.item.id().as_str()).unwrap();
        }
    }
    s.change_case(
        &w.root,
        &mut ring,
        CaseDomain::Health,
        &ids[0],
        |item, by, on| cases_world::add_entry(item, by, on, TEXTS[0]),
    )
    .unwrap();
    s.cases_revoke(&w.root, &mut ring, "counsel", CaseDomain::Harassment)
        .unwrap();
    // A wrong passphrase leaves its count in the file.
    assert!(matches!(
        s.unlock(&nurse, b"not my passphrase at all"),
        Err(ServiceError::Case(CaseFault::WrongPassphrase {
            failures: 1
        }))
    ));
    let backup = w.dir.path().join("backup.redb");
    s.backup(&w.root, &backup).unwrap();
    drop(ring);
    w.close();
    (w, backup, ids, case_work)
}

#[test]
fn no_case_text_is_in_the_file_or_its_backup() {
    let (w, backup, _, _) = written();
    for file in [&w.path, &backup] {
        let bytes = std::fs::read(file).unwrap();
        // The search does find what is stored in the clear: a name on the register.
        assert!(
            contains(&bytes, "髙橋　誠".as_bytes()),
            "{}",
            file.display()
        );
        for text in TEXTS {
            for (form, needle) in forms(text) {
                assert!(
                    !contains(&bytes, &needle),
                    "{}: {text:?} is readable in {form}",
                    file.display()
                );
            }
        }
    }
}

#[test]
fn no_staff_number_is_in_the_sealed_tables_or_the_audit_log() {
    let (mut w, backup, ids, case_work) = written();
    let staff = [w.staff[0].clone(), w.staff[1].clone(), w.staff[2].clone()];
    for file in [&w.path, &backup] {
        for table in KEY_TABLES {
            let rows = raw_rows(file, table);
            assert!(!rows.is_empty(), "{table} holds something to search");
            for (key, value) in &rows {
                for no in &staff {
                    assert!(
                        !contains(key.as_bytes(), no.as_bytes()),
                        "{}: {table} key {key} names {no}",
                        file.display()
                    );
                    assert!(
                        !contains(value, no.as_bytes()),
                        "{}: {table}/{key} holds {no}",
                        file.display()
                    );
                }
            }
        }
        let audit = raw_audit(file);
        // The audit log does name the cases, by their random ids.
        for id in &ids {
            assert!(
                audit.iter().any(|(_, v)| contains(v, id.as_bytes())),
                "{id} is in the audit log"
            );
        }
        assert!(audit.iter().any(|(seq, _)| *seq >= case_work));
        for (seq, value) in audit.iter().filter(|(seq, _)| *seq >= case_work) {
            for no in &staff {
                assert!(
                    !contains(value, no.as_bytes()),
                    "{}: audit entry {seq} holds {no}",
                    file.display()
                );
            }
        }
        // The staff numbers are on the register, where they belong: the search finds
        // them there.
        let employees = raw_rows(file, "employees");
        for no in &staff {
            assert!(
                employees
                    .iter()
                    .any(|(k, v)| k == no && contains(v, no.as_bytes()))
            );
        }
    }
    // Read through the service, no entry of the case work names them either; the only
    // entry that does is the import that put them on the register.
    w.reopen();
    for e in w.audit() {
        let named = staff
            .iter()
            .any(|no| e.ids.iter().any(|id| id.contains(no.as_str())));
        if e.seq >= case_work {
            assert!(!named, "{e:?}");
            assert!(!e.actor.contains(w.staff[0].as_str()), "{e:?}");
        } else if named {
            assert_eq!(e.action, "employee.import", "{e:?}");
        }
    }
}

#[test]
fn check_and_stats_do_not_count_cases() {
    let mut w = World::new();
    w.init_both();
    let s = w.s();
    let root = w.root.clone();
    let mut ring = w.unlock(&root);
    w.health_case(&root, &mut ring, &w.staff[0], "面談");

    let checked = s.check(&root).unwrap();
    assert!(checked.problems.is_empty(), "{:?}", checked.problems);
    let stats = s.stats(&root).unwrap();
    for table in ["sealed_cases", "case_wraps"] {
        assert!(SEALED_TABLES.contains(&table));
        assert!(
            !checked.counts.contains_key(table),
            "check counts {table}: {:?}",
            checked.counts
        );
        assert!(
            stats.counts.iter().all(|(t, _)| *t != table),
            "stats counts {table}: {:?}",
            stats.counts
        );
    }

    // Three more cases change no count either prints (the audit log grows with any
    // work, so it is left out).
    w.health_case(&root, &mut ring, &w.staff[1], "面談");
    w.harassment_case(&root, &mut ring, &w.staff[2], &w.staff[3], "相談");
    w.harassment_case(&root, &mut ring, &w.staff[4], &w.staff[5], "相談");
    let checked_after = s.check(&root).unwrap();
    assert!(checked_after.problems.is_empty());
    assert_eq!(checked_after.counts, checked.counts);
    assert_eq!(checked_after.index_entries, checked.index_entries);
    let without_audit = |c: &[(String, u64)]| -> Vec<(String, u64)> {
        c.iter().filter(|(t, _)| t != "audit").cloned().collect()
    };
    assert_eq!(
        without_audit(&s.stats(&root).unwrap().counts),
        without_audit(&stats.counts)
    );
    drop(ring);
    w.close();
    // Four cases are really there.
    assert_eq!(
        cases_world::records::<kizuna::store::keys::SealedItem>(&w.path).len(),
        4
    );
}
