//! The skill map with its dated states, levels per employee, and the settings.

use serde::{Deserialize, Serialize};

use super::{Record, date_from, date_to};
use crate::domain::{
    Date, Level, LevelEntry, Settings, Skill, SkillSheet, SkillVersion, Source, SubsidyRules,
};
use crate::store::codec::{self, CodecError};

#[derive(Serialize, Deserialize)]
struct SkillV1 {
    key: String,
    category: Option<String>,
    name: String,
    required: [bool; 4],
    order: u32,
    retired: bool,
}

/// Version 2 dates the skill's state and keeps the states before it.
#[derive(Serialize, Deserialize)]
struct SkillV2 {
    key: String,
    category: Option<String>,
    name: String,
    required: [bool; 4],
    order: u32,
    retired: bool,
    since: u32,
    earlier: Vec<(u32, String, [bool; 4], bool)>,
}

/// The day a version 1 skill is taken to have held from: the policy's map took effect
/// with 令和8年度.
fn first_map_day() -> Result<Date, CodecError> {
    date_from(20260401)
}

impl Record for Skill {
    const TABLE: &'static str = "skills";
    const VERSION: u16 = 2;

    fn key(&self) -> String {
        self.key.clone()
    }

    fn to_bytes(&self) -> Result<Vec<u8>, CodecError> {
        let v = SkillV2 {
            key: self.key.clone(),
            category: self.category.clone(),
            name: self.name.clone(),
            required: self.required,
            order: self.order,
            retired: self.retired,
            since: date_to(self.since),
            earlier: self
                .earlier
                .iter()
                .map(|e| (date_to(e.from), e.name.clone(), e.required, e.retired))
                .collect(),
        };
        codec::encode(Self::VERSION, &v)
    }

    fn from_bytes(bytes: &[u8]) -> Result<Self, CodecError> {
        let (version, payload) = codec::split(bytes)?;
        match version {
            1 => {
                let v: SkillV1 = codec::decode(payload)?;
                Ok(Skill {
                    key: v.key,
                    category: v.category,
                    name: v.name,
                    required: v.required,
                    order: v.order,
                    retired: v.retired,
                    since: first_map_day()?,
                    earlier: Vec::new(),
                })
            }
            2 => {
                let v: SkillV2 = codec::decode(payload)?;
                let earlier = v
                    .earlier
                    .into_iter()
                    .map(|(from, name, required, retired)| {
                        Ok(SkillVersion {
                            from: date_from(from)?,
                            name,
                            required,
                            retired,
                        })
                    })
                    .collect::<Result<Vec<SkillVersion>, CodecError>>()?;
                let since = date_from(v.since)?;
                // `Skill::on` reads the states in order, each before the current one.
                let dates: Vec<Date> = earlier.iter().map(|e| e.from).chain([since]).collect();
                if !dates.windows(2).all(|w| w[0] < w[1]) {
                    return Err(CodecError::Corrupt(format!(
                        "{}: states out of order",
                        v.key
                    )));
                }
                let foundation = v.category.is_none();
                let all_bands = |r: &[bool; 4]| *r == [true; 4];
                if foundation
                    && !(all_bands(&v.required) && earlier.iter().all(|e| all_bands(&e.required)))
                {
                    return Err(CodecError::Corrupt(format!(
                        "{}: a foundation skill lacks a band",
                        v.key
                    )));
                }
                Ok(Skill {
                    key: v.key,
                    category: v.category,
                    name: v.name,
                    required: v.required,
                    order: v.order,
                    retired: v.retired,
                    since,
                    earlier,
                })
            }
            found => Err(CodecError::UnknownVersion {
                found,
                known: Self::VERSION,
            }),
        }
    }
}

fn source_to(s: Source) -> u8 {
    match s {
        Source::SelfReport => 0,
        Source::Supervisor => 1,
        Source::Training => 2,
    }
}

fn source_from(n: u8) -> Result<Source, CodecError> {
    match n {
        0 => Ok(Source::SelfReport),
        1 => Ok(Source::Supervisor),
        2 => Ok(Source::Training),
        other => Err(CodecError::Corrupt(format!("level source {other}"))),
    }
}

/// One level: the level, its day, its source and the assessor's place in the sheet's
/// list of assessors (one or two people assess most of a person's skills).
type LevelV1 = (u8, u32, u8, u16);

/// An employee's levels, skill by skill. Fifty thousand people with a dozen skills
/// each make a large table, so names are stored once per sheet.
#[derive(Serialize, Deserialize)]
struct SkillSheetV1 {
    staff_no: String,
    assessors: Vec<String>,
    skills: Vec<(String, Vec<LevelV1>)>,
}

impl Record for SkillSheet {
    const TABLE: &'static str = "skill_sheets";
    const VERSION: u16 = 1;

    fn key(&self) -> String {
        self.staff_no.clone()
    }

    fn to_bytes(&self) -> Result<Vec<u8>, CodecError> {
        let mut assessors: Vec<String> = Vec::new();
        let mut skills = Vec::with_capacity(self.skills.len());
        for (key, rows) in &self.skills {
            let mut out = Vec::with_capacity(rows.len());
            for r in rows {
                let at = match assessors.iter().position(|a| *a == r.assessor) {
                    Some(at) => at,
                    None => {
                        assessors.push(r.assessor.clone());
                        assessors.len() - 1
                    }
                };
                let at = u16::try_from(at)
                    .map_err(|_| CodecError::Encode("more than 65,535 assessors".into()))?;
                out.push((r.level.number(), date_to(r.from), source_to(r.source), at));
            }
            skills.push((key.clone(), out));
        }
        let v = SkillSheetV1 {
            staff_no: self.staff_no.clone(),
            assessors,
            skills,
        };
        codec::encode(Self::VERSION, &v)
    }

    fn from_bytes(bytes: &[u8]) -> Result<Self, CodecError> {
        let payload = codec::only_version(bytes, Self::VERSION)?;
        let v: SkillSheetV1 = codec::decode(payload)?;
        if !v.skills.windows(2).all(|w| w[0].0 < w[1].0) {
            return Err(CodecError::Corrupt("skills out of order or twice".into()));
        }
        let mut sheet = SkillSheet::new(&v.staff_no);
        for (key, rows) in v.skills {
            let mut out = Vec::with_capacity(rows.len());
            for (level, from, source, at) in rows {
                out.push(LevelEntry {
                    level: Level::new(level)
                        .ok_or_else(|| CodecError::Corrupt(format!("level {level}")))?,
                    from: date_from(from)?,
                    source: source_from(source)?,
                    assessor: v
                        .assessors
                        .get(usize::from(at))
                        .cloned()
                        .ok_or_else(|| CodecError::Corrupt(format!("assessor {at}")))?,
                });
            }
            if !out.windows(2).all(|w| w[0].from < w[1].from) {
                return Err(CodecError::Corrupt(format!("{key}: levels out of order")));
            }
            sheet.skills.insert(key, out);
        }
        Ok(sheet)
    }
}

/// [`SkillSheetV1`] read in place, for reports over everyone.
#[derive(Deserialize)]
struct SkillSheetRefV1<'a> {
    _staff_no: &'a str,
    #[serde(borrow)]
    assessors: Vec<&'a str>,
    #[serde(borrow)]
    skills: Vec<(&'a str, Vec<LevelV1>)>,
}

/// Each skill's level on a date as a stored sheet holds it, without copying the sheet
/// out; skills not yet assessed on the date are left out. Checks what
/// [`SkillSheet::from_bytes`] checks.
pub fn levels_on(bytes: &[u8], on: Date) -> Result<Vec<(&str, Level)>, CodecError> {
    let payload = codec::only_version(bytes, SkillSheet::VERSION)?;
    let v: SkillSheetRefV1<'_> = codec::decode_borrowed(payload)?;
    if !v.skills.windows(2).all(|w| w[0].0 < w[1].0) {
        return Err(CodecError::Corrupt("skills out of order or twice".into()));
    }
    let on = date_to(on);
    let mut out = Vec::with_capacity(v.skills.len());
    for (key, rows) in &v.skills {
        let mut current = None;
        let mut last = 0;
        for &(level, from, source, at) in rows {
            date_from(from)?;
            source_from(source)?;
            if from <= last || usize::from(at) >= v.assessors.len() {
                return Err(CodecError::Corrupt(format!("{key}: levels out of order")));
            }
            last = from;
            let level =
                Level::new(level).ok_or_else(|| CodecError::Corrupt(format!("level {level}")))?;
            if from <= on {
                current = Some(level);
            }
        }
        if let Some(level) = current {
            out.push((*key, level));
        }
    }
    Ok(out)
}

#[derive(Serialize, Deserialize)]
struct SettingsV1 {
    level_names: [String; 5],
    targets: [u8; 4],
}

/// Version 2 adds the self-study subsidy's rates, budget and skill-map rule.
#[derive(Serialize, Deserialize)]
struct SettingsV2 {
    level_names: [String; 5],
    targets: [u8; 4],
    rates: [u8; 4],
    budget: u64,
    skill_rule: bool,
}

/// Version 3 adds budgets for particular fiscal years.
#[derive(Serialize, Deserialize)]
struct SettingsV3 {
    level_names: [String; 5],
    targets: [u8; 4],
    rates: [u8; 4],
    budget: u64,
    budgets: Vec<(i32, u64)>,
    skill_rule: bool,
}

/// Version 4 adds the idle minutes before the case pane locks.
#[derive(Serialize, Deserialize)]
struct SettingsV4 {
    level_names: [String; 5],
    targets: [u8; 4],
    rates: [u8; 4],
    budget: u64,
    budgets: Vec<(i32, u64)>,
    skill_rule: bool,
    lock_minutes: u16,
}

/// Version 5 adds the survey's group-size floor.
#[derive(Serialize, Deserialize)]
struct SettingsV5 {
    level_names: [String; 5],
    targets: [u8; 4],
    rates: [u8; 4],
    budget: u64,
    budgets: Vec<(i32, u64)>,
    skill_rule: bool,
    lock_minutes: u16,
    survey_floor: u32,
}

/// The one settings record's key.
pub const SETTINGS_KEY: &str = "organisation";

fn settings_of(
    level_names: [String; 5],
    targets: [u8; 4],
    rates: [u8; 4],
    budget: u64,
    budgets: Vec<(i32, u64)>,
    skill_rule: bool,
) -> Result<Settings, CodecError> {
    if rates.iter().any(|r| *r > 100) {
        return Err(CodecError::Corrupt(format!("rates {rates:?}")));
    }
    Ok(Settings {
        level_names,
        targets: targets_from(targets)?,
        subsidy: SubsidyRules {
            rates,
            budget,
            budgets: budgets.into_iter().collect(),
            skill_rule,
        },
        lock_minutes: crate::domain::settings::DEFAULT_LOCK_MINUTES,
        survey_floor: crate::domain::survey::MIN_FLOOR,
    })
}

fn lock_minutes_from(minutes: u16) -> Result<u16, CodecError> {
    if minutes == 0 || minutes > crate::domain::settings::MAX_LOCK_MINUTES {
        return Err(CodecError::Corrupt(format!("lock minutes {minutes}")));
    }
    Ok(minutes)
}

fn targets_from(raw: [u8; 4]) -> Result<[Level; 4], CodecError> {
    let mut targets = [Level::ALL[0]; 4];
    for (t, n) in targets.iter_mut().zip(raw) {
        *t = Level::new(n).ok_or_else(|| CodecError::Corrupt(format!("target {n}")))?;
    }
    Ok(targets)
}

impl Record for Settings {
    const TABLE: &'static str = "settings";
    const VERSION: u16 = 5;

    fn key(&self) -> String {
        SETTINGS_KEY.to_string()
    }

    fn to_bytes(&self) -> Result<Vec<u8>, CodecError> {
        if self.survey_floor < crate::domain::survey::MIN_FLOOR {
            return Err(CodecError::Encode(format!(
                "survey floor {} is under {}",
                self.survey_floor,
                crate::domain::survey::MIN_FLOOR
            )));
        }
        let v = SettingsV5 {
            level_names: self.level_names.clone(),
            targets: self.targets.map(|l| l.number()),
            rates: self.subsidy.rates,
            budget: self.subsidy.budget,
            budgets: self.subsidy.budgets.iter().map(|(y, b)| (*y, *b)).collect(),
            skill_rule: self.subsidy.skill_rule,
            lock_minutes: self.lock_minutes,
            survey_floor: self.survey_floor,
        };
        codec::encode(Self::VERSION, &v)
    }

    fn from_bytes(bytes: &[u8]) -> Result<Self, CodecError> {
        let (version, payload) = codec::split(bytes)?;
        match version {
            1 => {
                let v: SettingsV1 = codec::decode(payload)?;
                Ok(Settings {
                    level_names: v.level_names,
                    targets: targets_from(v.targets)?,
                    subsidy: SubsidyRules::default(),
                    lock_minutes: crate::domain::settings::DEFAULT_LOCK_MINUTES,
                    survey_floor: crate::domain::survey::MIN_FLOOR,
                })
            }
            2 => {
                let v: SettingsV2 = codec::decode(payload)?;
                settings_of(
                    v.level_names,
                    v.targets,
                    v.rates,
                    v.budget,
                    Vec::new(),
                    v.skill_rule,
                )
            }
            3 => {
                let v: SettingsV3 = codec::decode(payload)?;
                settings_of(
                    v.level_names,
                    v.targets,
                    v.rates,
                    v.budget,
                    v.budgets,
                    v.skill_rule,
                )
            }
            4 => {
                let v: SettingsV4 = codec::decode(payload)?;
                if v.lock_minutes == 0 || v.lock_minutes > crate::domain::settings::MAX_LOCK_MINUTES
                {
                    return Err(CodecError::Corrupt(format!(
                        "lock minutes {}",
                        v.lock_minutes
                    )));
                }
                let mut s = settings_of(
                    v.level_names,
                    v.targets,
                    v.rates,
                    v.budget,
                    v.budgets,
                    v.skill_rule,
                )?;
                s.lock_minutes = v.lock_minutes;
                Ok(s)
            }
            5 => {
                let v: SettingsV5 = codec::decode(payload)?;
                if v.survey_floor < crate::domain::survey::MIN_FLOOR {
                    return Err(CodecError::Corrupt(format!(
                        "survey floor {}",
                        v.survey_floor
                    )));
                }
                let mut s = settings_of(
                    v.level_names,
                    v.targets,
                    v.rates,
                    v.budget,
                    v.budgets,
                    v.skill_rule,
                )?;
                s.lock_minutes = lock_minutes_from(v.lock_minutes)?;
                s.survey_floor = v.survey_floor;
                Ok(s)
            }
            found => Err(CodecError::UnknownVersion {
                found,
                known: Self::VERSION,
            }),
        }
    }
}
