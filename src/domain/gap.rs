//! Skill gaps (スキルギャップ): the skills required at a person's band whose level is
//! below the target, and, across many people, the share meeting the target per skill.

use super::{Band, Date, Level, Settings, Skill, SkillSheet};

/// A skill of the map as it stood on a date.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct MapSkill {
    pub key: String,
    pub category: Option<String>,
    pub name: String,
    /// ○ per band, band 1 first; all four for a foundation skill.
    pub required: [bool; 4],
    pub order: u32,
}

impl MapSkill {
    pub fn is_foundation(&self) -> bool {
        self.category.is_none()
    }

    /// Foundation skills count as required at every band, whatever their marks.
    pub fn required_at(&self, band: Band) -> bool {
        self.is_foundation() || self.required[band.index()]
    }
}

/// The map on a date: the skills that existed then and were not retired, in the map's
/// order, foundation skills last.
pub fn map_on(skills: &[Skill], on: Date) -> Vec<MapSkill> {
    let mut out: Vec<MapSkill> = skills
        .iter()
        .filter_map(|s| {
            let state = s.on(on)?;
            (!state.retired).then(|| MapSkill {
                key: s.key.clone(),
                category: s.category.clone(),
                name: state.name.to_string(),
                required: state.required,
                order: s.order,
            })
        })
        .collect();
    out.sort_by_key(|s| (s.is_foundation(), s.order));
    out
}

/// Whether a level meets a target. A skill never assessed counts as 0 (未習得), so
/// it meets only a target of 0: the card, the matrix and the share report all judge
/// through this.
pub fn meets(level: Option<Level>, target: Level) -> bool {
    level.map_or(0, Level::number) >= target.number()
}

/// A required skill below target.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Gap {
    pub skill: String,
    pub name: String,
    /// None when the skill was never assessed: it counts as 0 (未習得).
    pub level: Option<Level>,
    pub target: Level,
}

impl Gap {
    /// How many steps short of the target.
    pub fn distance(&self) -> u8 {
        let level = self.level.map_or(0, Level::number);
        self.target.number().saturating_sub(level)
    }
}

/// A person's gaps on a date at their band, the widest first, then in map order.
pub fn gaps(
    map: &[MapSkill],
    band: Band,
    sheet: &SkillSheet,
    on: Date,
    settings: &Settings,
) -> Vec<Gap> {
    let target = settings.target(band);
    let mut out: Vec<Gap> = map
        .iter()
        .filter(|s| s.required_at(band))
        .filter_map(|s| {
            let level = sheet.level_on(&s.key, on).map(|e| e.level);
            (!meets(level, target)).then(|| Gap {
                skill: s.key.clone(),
                name: s.name.clone(),
                level,
                target,
            })
        })
        .collect();
    // Stable: equal distances keep the map's order.
    out.sort_by_key(|g| std::cmp::Reverse(g.distance()));
    out
}

/// Per skill of a map, how many people it is required of and how many meet the target.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Share {
    pub skill: String,
    pub name: String,
    pub required: u32,
    pub meeting: u32,
}

impl Share {
    /// Meeting over required, 1.0 when nobody needs the skill.
    pub fn ratio(&self) -> f64 {
        if self.required == 0 {
            1.0
        } else {
            f64::from(self.meeting) / f64::from(self.required)
        }
    }
}

/// Counts people into per-skill shares.
#[derive(Clone, Debug)]
pub struct Tally {
    skills: Vec<MapSkill>,
    required: Vec<u32>,
    meeting: Vec<u32>,
}

impl Tally {
    pub fn new(map: &[MapSkill]) -> Tally {
        Tally {
            skills: map.to_vec(),
            required: vec![0; map.len()],
            meeting: vec![0; map.len()],
        }
    }

    /// Counts one person at a band; `level_of` gives their level of a skill key.
    pub fn add(
        &mut self,
        band: Band,
        settings: &Settings,
        level_of: impl Fn(&str) -> Option<Level>,
    ) {
        let levels: Vec<Option<Level>> = self.skills.iter().map(|s| level_of(&s.key)).collect();
        self.add_levels(band, settings, &levels);
    }

    /// Counts one person at a band from their levels in the map's order, for reports
    /// over thousands of people.
    pub fn add_levels(&mut self, band: Band, settings: &Settings, levels: &[Option<Level>]) {
        let target = settings.target(band);
        for (i, s) in self.skills.iter().enumerate() {
            if s.required_at(band) {
                self.required[i] += 1;
                if meets(levels.get(i).copied().flatten(), target) {
                    self.meeting[i] += 1;
                }
            }
        }
    }

    /// Adds another tally of the same map.
    pub fn merge(&mut self, other: &Tally) {
        for (a, b) in self.required.iter_mut().zip(&other.required) {
            *a += b;
        }
        for (a, b) in self.meeting.iter_mut().zip(&other.meeting) {
            *a += b;
        }
    }

    /// The shares of skills required of anyone, the lowest share first; ties in map
    /// order.
    pub fn worst_first(&self) -> Vec<Share> {
        let mut out: Vec<Share> = self
            .skills
            .iter()
            .enumerate()
            .filter(|(i, _)| self.required[*i] > 0)
            .map(|(i, s)| Share {
                skill: s.key.clone(),
                name: s.name.clone(),
                required: self.required[i],
                meeting: self.meeting[i],
            })
            .collect();
        // Compared as fractions, exactly: a/b < c/d when a*d < c*b.
        out.sort_by(|x, y| {
            (u64::from(x.meeting) * u64::from(y.required))
                .cmp(&(u64::from(y.meeting) * u64::from(x.required)))
        });
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::Policy;
    use crate::domain::{LevelEntry, Source};

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::new(y, m, day).unwrap()
    }

    fn band(n: u8) -> Band {
        Band::new(n).unwrap()
    }

    fn policy_map() -> Vec<MapSkill> {
        map_on(&Policy::builtin().unwrap().skills, d(2026, 11, 25))
    }

    fn sheet(levels: &[(&str, u8)]) -> SkillSheet {
        let mut s = SkillSheet::new("000123");
        for (skill, level) in levels {
            s.set(
                skill,
                LevelEntry {
                    level: Level::new(*level).unwrap(),
                    from: d(2026, 4, 1),
                    source: Source::Supervisor,
                    assessor: "hr.sato".into(),
                },
            );
        }
        s
    }

    fn keys(gaps: &[Gap]) -> Vec<&str> {
        gaps.iter().map(|g| g.skill.as_str()).collect()
    }

    #[test]
    fn a_kakaricho_lacking_coaching_has_a_gap_and_a_shuji_does_not() {
        let map = policy_map();
        let settings = Settings::default();
        let on = d(2026, 11, 25);
        // Everything required at band 2 at target, except coaching at 1.
        let mut levels: Vec<(&str, u8)> = map
            .iter()
            .filter(|s| s.required_at(band(2)))
            .map(|s| (s.key.as_str(), 3))
            .collect();
        levels.retain(|(k, _)| *k != "coaching");
        levels.push(("coaching", 1));
        let gaps2 = gaps(&map, band(2), &sheet(&levels), on, &settings);
        assert_eq!(keys(&gaps2), ["coaching"]);
        assert_eq!(gaps2[0].distance(), 2);
        // 部下育成・コーチング carries no ○ for 主任・主事, so the same person's levels
        // leave a band-1 person without that gap.
        let gaps1 = gaps(&map, band(1), &sheet(&levels), on, &settings);
        assert!(!keys(&gaps1).contains(&"coaching"), "{gaps1:?}");
    }

    #[test]
    fn foundation_skills_count_in_every_gap_and_unassessed_is_zero() {
        let map = policy_map();
        let settings = Settings::default();
        for b in Band::ALL {
            let g = gaps(&map, b, &sheet(&[]), d(2026, 11, 25), &settings);
            assert!(keys(&g).contains(&"ethics"), "band {b}");
            assert!(keys(&g).contains(&"documents-law-finance"), "band {b}");
            assert!(g.iter().all(|x| x.level.is_none() && x.distance() == 3));
            let required = map.iter().filter(|s| s.required_at(b)).count();
            assert_eq!(g.len(), required);
        }
        // Band 4 requires creativity (○ only at 4); band 1 does not.
        let g4 = gaps(&map, band(4), &sheet(&[]), d(2026, 11, 25), &settings);
        let g1 = gaps(&map, band(1), &sheet(&[]), d(2026, 11, 25), &settings);
        assert!(keys(&g4).contains(&"creativity"));
        assert!(!keys(&g1).contains(&"creativity"));
    }

    #[test]
    fn widest_gaps_first_and_the_target_is_a_setting() {
        let map = policy_map();
        let mut settings = Settings::default();
        let s = sheet(&[
            ("ethics", 2),
            ("documents-law-finance", 0),
            ("logical-thinking", 3),
        ]);
        let g = gaps(&map, band(1), &s, d(2026, 11, 25), &settings);
        let ethics = g.iter().position(|x| x.skill == "ethics").unwrap();
        let docs = g
            .iter()
            .position(|x| x.skill == "documents-law-finance")
            .unwrap();
        assert!(docs < ethics, "distance 3 before distance 1");
        assert!(!keys(&g).contains(&"logical-thinking"));
        settings.targets[0] = Level::new(4).unwrap();
        let g = gaps(&map, band(1), &s, d(2026, 11, 25), &settings);
        assert!(keys(&g).contains(&"logical-thinking"));
    }

    #[test]
    fn a_target_of_zero_is_met_by_everyone_everywhere() {
        let map = policy_map();
        let settings = Settings {
            targets: [Level::new(0).unwrap(); 4],
            ..Settings::default()
        };
        assert!(gaps(&map, band(2), &sheet(&[]), d(2026, 11, 25), &settings).is_empty());
        let mut t = Tally::new(&map);
        t.add(band(2), &settings, |_| None);
        assert!(t.worst_first().iter().all(|s| s.meeting == s.required));
        assert!(meets(None, Level::new(0).unwrap()));
        assert!(!meets(None, Level::new(1).unwrap()));
    }

    #[test]
    fn levels_count_as_of_the_date() {
        let map = policy_map();
        let mut s = sheet(&[("ethics", 1)]);
        s.set(
            "ethics",
            LevelEntry {
                level: Level::new(3).unwrap(),
                from: d(2026, 10, 1),
                source: Source::Training,
                assessor: "hr.sato".into(),
            },
        );
        let before = gaps(&map, band(1), &s, d(2026, 9, 30), &Settings::default());
        let after = gaps(&map, band(1), &s, d(2026, 10, 1), &Settings::default());
        assert!(keys(&before).contains(&"ethics"));
        assert!(!keys(&after).contains(&"ethics"));
    }

    #[test]
    fn shares_are_worst_first_and_count_only_those_required() {
        let map = policy_map();
        let settings = Settings::default();
        let mut t = Tally::new(&map);
        // Two band-1 people: both meet ethics, one meets logical thinking.
        t.add(band(1), &settings, |k| match k {
            "ethics" | "logical-thinking" => Level::new(3),
            _ => None,
        });
        t.add(band(1), &settings, |k| {
            (k == "ethics").then(|| Level::new(4)).flatten()
        });
        let shares = t.worst_first();
        let of = |k: &str| shares.iter().find(|s| s.skill == k).unwrap();
        assert_eq!((of("ethics").required, of("ethics").meeting), (2, 2));
        assert_eq!(
            (
                of("logical-thinking").required,
                of("logical-thinking").meeting
            ),
            (2, 1)
        );
        assert!(
            shares.iter().all(|s| s.skill != "creativity"),
            "band 4 only"
        );
        assert_eq!(shares.last().unwrap().meeting, 2);
        assert!(shares.windows(2).all(|w| w[0].ratio() <= w[1].ratio()));
    }

    #[test]
    fn a_retired_skill_leaves_the_map_of_later_years_only() {
        let mut skills = Policy::builtin().unwrap().skills;
        let coaching = skills.iter_mut().find(|s| s.key == "coaching").unwrap();
        let (name, required) = (coaching.name.clone(), coaching.required);
        coaching
            .change(d(2027, 4, 1), &name, required, true)
            .unwrap();
        assert!(
            map_on(&skills, d(2027, 3, 31))
                .iter()
                .any(|s| s.key == "coaching")
        );
        assert!(
            !map_on(&skills, d(2027, 4, 1))
                .iter()
                .any(|s| s.key == "coaching")
        );
    }
}
