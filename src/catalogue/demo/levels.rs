//! Demo skill levels: every required skill of every person in post at their band, in
//! two dated rows (a self-report, then a supervisor's assessment), and the digital
//! domains for leaders, architects and a few others.

use super::{ANCHOR, Rng, date};
use crate::domain::gap::map_on;
use crate::domain::level::digital_key;
use crate::domain::{
    DigitalDomain, DigitalTier, Employee, Level, LevelEntry, Skill, SkillSheet, Source, Status,
    TitleMap,
};

/// The demo's assessors: the HR staff who entered the levels.
const ASSESSORS: [&str; 3] = ["hr.sato", "hr.kato", "hr.suzuki"];

fn level(n: i64) -> Level {
    Level::ALL[n.clamp(0, i64::from(Level::MAX)) as usize]
}

/// The sheets of the demo staff, the same for the same seed.
pub fn sheets(
    staff: &[Employee],
    skills: &[Skill],
    domains: &[DigitalDomain],
    titles: &TitleMap,
    seed: u64,
) -> Vec<SkillSheet> {
    let anchor = date(ANCHOR.0, ANCHOR.1, ANCHOR.2);
    let map = map_on(skills, anchor);
    let mut rng = Rng(seed ^ 0x736b_696c_6c73);
    // Some skills are harder to reach than others, so that the worst-first report
    // has a shape: 0 easy, 2 hard.
    let difficulty: Vec<i64> = (0..map.len()).map(|_| rng.range(0, 2)).collect();
    let first_day = date(2024, 4, 1);
    let last_day = date(2026, 11, 20);
    let mut out = Vec::with_capacity(staff.len());
    for e in staff.iter().filter(|e| e.status != Status::Left) {
        let Some(band) = e
            .assignment_on(anchor)
            .and_then(|a| titles.band_of(&a.title))
        else {
            continue;
        };
        let mut sheet = SkillSheet::new(&e.staff_no);
        let assessor = ASSESSORS[rng.range(0, 2) as usize];
        let start = e.hired.max(first_day);
        for (skill, hard) in map.iter().zip(&difficulty) {
            if !skill.required_at(band) {
                continue;
            }
            let first = rng.range(1, 3) + i64::from(band.number()) / 3 - hard / 2;
            let reported = start.add_days(rng.range(0, 90));
            sheet.set(
                &skill.key,
                LevelEntry {
                    level: level(first),
                    from: reported,
                    source: Source::SelfReport,
                    assessor: assessor.to_string(),
                },
            );
            // The supervisor's look comes in the autumn of 令和7 or during 令和8, before
            // the demo's "today" of late November.
            let after = reported.max(date(2025, 10, 1));
            let room = (last_day.to_days() - after.to_days()).max(1);
            let assessed = after.add_days(rng.range(1, room));
            let source = if rng.chance(150) {
                Source::Training
            } else {
                Source::Supervisor
            };
            sheet.set(
                &skill.key,
                LevelEntry {
                    level: level(first + rng.range(0, 1) - i64::from(rng.chance(80))),
                    from: assessed,
                    source,
                    assessor: assessor.to_string(),
                },
            );
        }
        let digital_floor = match e.digital {
            DigitalTier::Architect => Some(3),
            DigitalTier::Leader => Some(2),
            DigitalTier::Starter if rng.chance(100) => Some(1),
            DigitalTier::Starter => None,
        };
        if let Some(floor) = digital_floor {
            for d in domains {
                sheet.set(
                    &digital_key(&d.key),
                    LevelEntry {
                        level: level(floor + rng.range(0, 1)),
                        from: start.add_days(rng.range(30, 400)),
                        source: Source::Training,
                        assessor: assessor.to_string(),
                    },
                );
            }
        }
        out.push(sheet);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::Policy;
    use crate::domain::Date;

    #[test]
    fn every_required_skill_has_two_rows_and_levels_differ() {
        let policy = Policy::builtin().unwrap();
        let data = super::super::generate(400, 3).unwrap();
        let titles = TitleMap::new(policy.titles.clone());
        let sheets = sheets(&data.staff, &policy.skills, &policy.domains, &titles, 3);
        let in_post = data
            .staff
            .iter()
            .filter(|e| e.status != Status::Left)
            .count();
        assert_eq!(sheets.len(), in_post);
        let anchor = date(ANCHOR.0, ANCHOR.1, ANCHOR.2);
        let map = map_on(&policy.skills, anchor);
        let today = Date::new(2026, 11, 25).unwrap();
        let mut seen = std::collections::BTreeSet::new();
        for (sheet, e) in sheets
            .iter()
            .zip(data.staff.iter().filter(|e| e.status != Status::Left))
        {
            assert_eq!(sheet.staff_no, e.staff_no);
            let band = titles
                .band_of(&e.assignment_on(anchor).unwrap().title)
                .unwrap();
            for s in map.iter().filter(|s| s.required_at(band)) {
                let rows = sheet.history(&s.key);
                assert_eq!(rows.len(), 2, "{} {}", e.staff_no, s.key);
                assert!(rows[1].entry.from <= today);
                seen.insert(sheet.level_on(&s.key, today).unwrap().level);
            }
        }
        assert!(seen.len() >= 4, "{seen:?}");
        assert!(
            sheets
                .iter()
                .any(|s| s.skills.keys().any(|k| k.starts_with("dx:")))
        );
        let again = super::sheets(&data.staff, &policy.skills, &policy.domains, &titles, 3);
        assert_eq!(sheets, again);
    }
}
