//! Skill levels per employee (スキルレベル): a five-step scale, and a history per skill
//! in which a change never overwrites. Each level holds from its date until the day
//! before the next one of the same skill.

use std::collections::BTreeMap;

use super::Date;

/// A step of the level scale, 0 (未習得) to 4 (指導できる). The names are settings.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(try_from = "u8")]
pub struct Level(u8);

impl TryFrom<u8> for Level {
    type Error = String;
    /// Read back from bytes (a record, or a request to the server): only 0 to 4.
    fn try_from(n: u8) -> Result<Level, String> {
        Level::new(n).ok_or_else(|| format!("level {n} is not on the scale 0-{}", Level::MAX))
    }
}

impl Level {
    pub const MAX: u8 = 4;
    pub const ALL: [Level; 5] = [Level(0), Level(1), Level(2), Level(3), Level(4)];

    pub fn new(n: u8) -> Option<Level> {
        (n <= Self::MAX).then_some(Level(n))
    }

    pub fn number(self) -> u8 {
        self.0
    }
}

impl std::fmt::Display for Level {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// Where a level came from.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Source {
    /// 本人申告
    SelfReport,
    /// 上司評価
    Supervisor,
    /// 研修修了
    Training,
}

impl Source {
    pub const ALL: [Source; 3] = [Source::SelfReport, Source::Supervisor, Source::Training];

    pub fn ja(self) -> &'static str {
        match self {
            Source::SelfReport => "本人申告",
            Source::Supervisor => "上司評価",
            Source::Training => "研修修了",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Source::SelfReport => "self",
            Source::Supervisor => "supervisor",
            Source::Training => "training",
        }
    }

    /// Reads the Japanese term or the code.
    pub fn parse(text: &str) -> Option<Source> {
        let t = text.trim();
        Self::ALL
            .into_iter()
            .find(|s| s.ja() == t || s.code().eq_ignore_ascii_case(t))
    }
}

/// One assessed level, in effect from its date.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct LevelEntry {
    pub level: Level,
    pub from: Date,
    pub source: Source,
    /// The account that recorded it.
    pub assessor: String,
}

/// A level with the day its successor closed it on, for showing a history.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dated<'a> {
    pub entry: &'a LevelEntry,
    /// The day before the next level of the skill took effect; None while current.
    pub until: Option<Date>,
}

/// Every level of one employee, per skill key, oldest first. Digital skill domains are
/// kept here too, under [`digital_key`].
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SkillSheet {
    pub staff_no: String,
    pub skills: BTreeMap<String, Vec<LevelEntry>>,
}

/// The sheet key of a digital skill domain (マインド, デザイン …): skills and domains
/// share a sheet without sharing names.
pub fn digital_key(domain: &str) -> String {
    format!("{DIGITAL_PREFIX}{domain}")
}

pub const DIGITAL_PREFIX: &str = "dx:";

impl SkillSheet {
    pub fn new(staff_no: &str) -> SkillSheet {
        SkillSheet {
            staff_no: staff_no.to_string(),
            skills: BTreeMap::new(),
        }
    }

    /// The level of a skill on a date: the last one that had taken effect.
    pub fn level_on(&self, skill: &str, on: Date) -> Option<&LevelEntry> {
        self.skills.get(skill)?.iter().rev().find(|e| e.from <= on)
    }

    /// The source of a level already recorded for the skill on the entry's day from a
    /// different source. [`SkillSheet::set`] would replace it, so callers refuse the
    /// entry instead: a 本人申告 and a 上司評価 of one day are two facts, not a
    /// correction.
    pub fn clash(&self, skill: &str, entry: &LevelEntry) -> Option<Source> {
        self.skills
            .get(skill)?
            .iter()
            .find(|e| e.from == entry.from && e.source != entry.source)
            .map(|e| e.source)
    }

    /// Records a level. A later or earlier date adds a row, and the rows around it
    /// close on the day before their successor; a second level on the same day of the
    /// same skill corrects that day's, which is returned (see [`SkillSheet::clash`]).
    pub fn set(&mut self, skill: &str, entry: LevelEntry) -> Option<LevelEntry> {
        let rows = self.skills.entry(skill.to_string()).or_default();
        match rows.binary_search_by_key(&entry.from, |e| e.from) {
            Ok(at) => Some(std::mem::replace(&mut rows[at], entry)),
            Err(at) => {
                rows.insert(at, entry);
                None
            }
        }
    }

    /// The rows of one skill, each with the day it ended.
    pub fn history(&self, skill: &str) -> Vec<Dated<'_>> {
        let Some(rows) = self.skills.get(skill) else {
            return Vec::new();
        };
        rows.iter()
            .enumerate()
            .map(|(i, entry)| Dated {
                entry,
                until: rows.get(i + 1).map(|next| next.from.pred()),
            })
            .collect()
    }

    /// Puts one skill's rows back as they were (an undo); empty rows remove the skill.
    pub fn restore(&mut self, skill: &str, rows: Vec<LevelEntry>) {
        if rows.is_empty() {
            self.skills.remove(skill);
        } else {
            self.skills.insert(skill.to_string(), rows);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.skills.is_empty()
    }
}

/// Whether `after` is `before` with exactly one level recorded by [`SkillSheet::set`],
/// and `before` a valid history (dates strictly rising): what an undo may put back.
pub fn one_step(before: &[LevelEntry], after: &[LevelEntry]) -> bool {
    if before == after || !before.windows(2).all(|w| w[0].from < w[1].from) {
        return false;
    }
    after.iter().any(|e| {
        let mut sheet = SkillSheet::new("");
        sheet.restore("x", before.to_vec());
        sheet.set("x", e.clone());
        sheet
            .skills
            .get("x")
            .map_or(after.is_empty(), |rows| rows == after)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_level_read_from_bytes_is_on_the_scale() {
        assert_eq!(serde_json::from_str::<Level>("4").unwrap(), Level(4));
        assert!(serde_json::from_str::<Level>("9").is_err());
    }

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::new(y, m, day).unwrap()
    }

    fn entry(level: u8, from: Date) -> LevelEntry {
        LevelEntry {
            level: Level::new(level).unwrap(),
            from,
            source: Source::Supervisor,
            assessor: "hr.sato".into(),
        }
    }

    #[test]
    fn a_level_changed_twice_keeps_three_dated_rows() {
        let mut sheet = SkillSheet::new("000123");
        assert_eq!(sheet.set("coaching", entry(1, d(2024, 4, 1))), None);
        assert_eq!(sheet.set("coaching", entry(2, d(2025, 6, 15))), None);
        assert_eq!(sheet.set("coaching", entry(3, d(2026, 10, 1))), None);
        let h = sheet.history("coaching");
        let rows: Vec<(u8, Date, Option<Date>)> = h
            .iter()
            .map(|r| (r.entry.level.number(), r.entry.from, r.until))
            .collect();
        assert_eq!(
            rows,
            [
                (1, d(2024, 4, 1), Some(d(2025, 6, 14))),
                (2, d(2025, 6, 15), Some(d(2026, 9, 30))),
                (3, d(2026, 10, 1), None),
            ]
        );
        let on = |date| sheet.level_on("coaching", date).map(|e| e.level.number());
        assert_eq!(on(d(2024, 3, 31)), None);
        assert_eq!(on(d(2024, 4, 1)), Some(1));
        assert_eq!(on(d(2025, 6, 14)), Some(1));
        assert_eq!(on(d(2025, 6, 15)), Some(2));
        assert_eq!(on(d(2026, 9, 30)), Some(2));
        assert_eq!(on(d(2026, 10, 1)), Some(3));
        assert_eq!(on(d(2030, 1, 1)), Some(3));
    }

    #[test]
    fn a_backdated_level_slots_in_between() {
        let mut sheet = SkillSheet::new("1");
        sheet.set("x", entry(1, d(2024, 4, 1)));
        sheet.set("x", entry(3, d(2026, 4, 1)));
        sheet.set("x", entry(2, d(2025, 4, 1)));
        let levels: Vec<u8> = sheet
            .history("x")
            .iter()
            .map(|r| r.entry.level.number())
            .collect();
        assert_eq!(levels, [1, 2, 3]);
        assert_eq!(sheet.history("x")[0].until, Some(d(2025, 3, 31)));
    }

    #[test]
    fn the_same_day_corrects_and_restore_undoes() {
        let mut sheet = SkillSheet::new("1");
        sheet.set("x", entry(1, d(2026, 4, 1)));
        let before = sheet.skills["x"].clone();
        let replaced = sheet.set("x", entry(2, d(2026, 4, 1)));
        assert_eq!(replaced.map(|e| e.level.number()), Some(1));
        assert_eq!(sheet.history("x").len(), 1);
        sheet.restore("x", before);
        assert_eq!(
            sheet.level_on("x", d(2026, 4, 1)).unwrap().level.number(),
            1
        );
        sheet.restore("x", Vec::new());
        assert!(sheet.is_empty());
    }

    #[test]
    fn an_undo_puts_back_only_what_one_level_changed() {
        let a = entry(1, d(2024, 4, 1));
        let b = entry(2, d(2025, 4, 1));
        let c = entry(3, d(2026, 4, 1));
        let a4 = LevelEntry {
            level: Level::new(4).unwrap(),
            ..a.clone()
        };
        let (ab, ba, abc) = (
            [a.clone(), b.clone()],
            [b.clone(), a.clone()],
            [a.clone(), b, c],
        );
        let one = std::slice::from_ref(&a);
        assert!(one_step(one, &ab));
        assert!(one_step(&[], one));
        assert!(one_step(one, std::slice::from_ref(&a4)));
        assert!(!one_step(one, &abc), "two rows");
        assert!(!one_step(&ba, &ab), "out of order");
        assert!(!one_step(&ab, one), "a row dropped");
        assert!(!one_step(one, one), "nothing changed");
    }

    #[test]
    fn another_source_on_the_same_day_clashes() {
        let mut sheet = SkillSheet::new("1");
        let own = entry(1, d(2026, 4, 1));
        sheet.set(
            "x",
            LevelEntry {
                source: Source::SelfReport,
                ..own.clone()
            },
        );
        assert_eq!(sheet.clash("x", &own), Some(Source::SelfReport));
        assert_eq!(sheet.clash("x", &entry(2, d(2026, 4, 2))), None);
        assert_eq!(sheet.clash("y", &own), None);
        let same = LevelEntry {
            source: Source::SelfReport,
            ..entry(3, d(2026, 4, 1))
        };
        assert_eq!(sheet.clash("x", &same), None, "the same source corrects");
    }

    #[test]
    fn levels_and_sources_are_bounded() {
        assert!(Level::new(4).is_some());
        assert!(Level::new(5).is_none());
        assert_eq!(Source::parse("上司評価"), Some(Source::Supervisor));
        assert_eq!(Source::parse("TRAINING"), Some(Source::Training));
        assert_eq!(Source::parse("他"), None);
    }
}
