//! Organisational settings: kept in the database, changed by admins, audited.

use super::{Band, Level, SubsidyRules};

/// The level scale's names and the level each band's required skills aim at.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Settings {
    /// The name of each level, 0 first.
    pub level_names: [String; 5],
    /// The target level of a required skill, per band, band 1 first.
    pub targets: [Level; 4],
    /// The self-study subsidy: rates by band, the annual budget, the skill-map rule.
    pub subsidy: SubsidyRules,
    /// Minutes without a key before the case pane locks and forgets its keys.
    pub lock_minutes: u16,
    /// The smallest group of the work-engagement survey shown on its own; never below
    /// [`super::survey::MIN_FLOOR`] (read it through [`Settings::survey_floor`]).
    pub survey_floor: u32,
}

/// The idle time before the case pane locks, when none is set.
pub const DEFAULT_LOCK_MINUTES: u16 = 5;

/// The longest idle time a case pane may stay unlocked.
pub const MAX_LOCK_MINUTES: u16 = 60;

/// The target level when none is set.
pub const DEFAULT_TARGET: u8 = 3;

impl Default for Settings {
    fn default() -> Settings {
        let target = Level::ALL[usize::from(DEFAULT_TARGET)];
        Settings {
            level_names: [
                "未習得",
                "知識",
                "支援があればできる",
                "自立してできる",
                "指導できる",
            ]
            .map(str::to_string),
            targets: [target; 4],
            subsidy: SubsidyRules::default(),
            lock_minutes: DEFAULT_LOCK_MINUTES,
            survey_floor: super::survey::MIN_FLOOR,
        }
    }
}

impl Settings {
    pub fn target(&self, band: Band) -> Level {
        self.targets[band.index()]
    }

    pub fn level_name(&self, level: Level) -> &str {
        &self.level_names[usize::from(level.number())]
    }

    /// The survey's group-size floor, never below [`super::survey::MIN_FLOOR`] whatever
    /// is set.
    pub fn survey_floor(&self) -> u32 {
        self.survey_floor.max(super::survey::MIN_FLOOR)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_defaults_are_the_policy_scale_and_target_three() {
        let s = Settings::default();
        assert_eq!(s.level_name(Level::new(0).unwrap()), "未習得");
        assert_eq!(s.level_name(Level::new(4).unwrap()), "指導できる");
        assert!(Band::ALL.iter().all(|b| s.target(*b).number() == 3));
    }

    #[test]
    fn the_survey_floor_is_ten_and_never_less() {
        let mut s = Settings::default();
        assert_eq!(s.survey_floor(), 10);
        s.survey_floor = 3;
        assert_eq!(s.survey_floor(), 10);
        s.survey_floor = 15;
        assert_eq!(s.survey_floor(), 15);
    }
}

/// One change to the settings, as an admin asks for it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum SettingsChange {
    /// The name of a level of the scale.
    LevelName(Level, String),
    /// The subsidy's rate for a band, in percent.
    SubsidyRate(Band, u8),
    /// The subsidy budget in yen: for one fiscal year (by its number, 2026 for 令和8年度),
    /// or for every year without its own.
    SubsidyBudget { yen: u64, year: Option<i32> },
    /// Whether a subsidy needs a skill of the person's map.
    SubsidySkillRule(bool),
    /// Minutes without a key before the case pane locks.
    LockMinutes(u16),
    /// The smallest survey group shown on its own.
    SurveyFloor(u32),
    /// The target level of a band's required skills.
    Target(Band, Level),
}

impl SettingsChange {
    /// Makes the change.
    pub fn apply(&self, s: &mut Settings) {
        match self {
            SettingsChange::LevelName(level, name) => {
                s.level_names[usize::from(level.number())] = name.clone();
            }
            SettingsChange::SubsidyRate(band, percent) => {
                s.subsidy.rates[band.index()] = (*percent).min(100);
            }
            SettingsChange::SubsidyBudget { yen, year } => match year {
                Some(year) => {
                    s.subsidy.budgets.insert(*year, *yen);
                }
                None => s.subsidy.budget = *yen,
            },
            SettingsChange::SubsidySkillRule(on) => s.subsidy.skill_rule = *on,
            SettingsChange::LockMinutes(minutes) => {
                s.lock_minutes = (*minutes).clamp(1, MAX_LOCK_MINUTES);
            }
            SettingsChange::SurveyFloor(floor) => s.survey_floor = *floor,
            SettingsChange::Target(band, level) => s.targets[band.index()] = *level,
        }
    }
}
