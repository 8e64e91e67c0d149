//! The policy's skill map (section 2-2): target staff images, categories, skills and the
//! bands at which each is particularly required, plus the foundation skills every band
//! requires.

use serde::{Deserialize, Serialize};

use super::Date;
use super::band::Band;

/// 目指すべき職員像.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Image {
    pub key: String,
    pub name: String,
    pub order: u32,
}

/// カテゴリ, under an image.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Category {
    pub key: String,
    pub image: String,
    pub name: String,
    pub order: u32,
}

/// A skill of the map, or a foundation skill (no category, required of every band).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Skill {
    pub key: String,
    /// `None` for a foundation skill.
    pub category: Option<String>,
    pub name: String,
    /// ○ per band, band 1 first.
    pub required: [bool; 4],
    pub order: u32,
    /// A retired skill keeps its history but leaves new assessments.
    pub retired: bool,
    /// The day the state above took effect.
    pub since: Date,
    /// The states before it, oldest first, each from its own day: the map of any
    /// earlier fiscal year can be drawn again.
    pub earlier: Vec<SkillVersion>,
}

/// A state of a skill in the map, from a date until the next state.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SkillVersion {
    pub from: Date,
    pub name: String,
    pub required: [bool; 4],
    pub retired: bool,
}

/// A skill as the map stood on one date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SkillOn<'a> {
    pub name: &'a str,
    pub required: [bool; 4],
    pub retired: bool,
}

/// Why a change to the map was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error, serde::Serialize, serde::Deserialize)]
pub enum MapError {
    #[error("a change of the skill map cannot take effect before its last change ({0})")]
    Backdated(Date),
    #[error("a foundation skill is required of every band")]
    Foundation,
    #[error("the skill name is empty")]
    EmptyName,
}

impl Skill {
    pub fn is_foundation(&self) -> bool {
        self.category.is_none()
    }

    /// Whether the skill counts as required at a band: foundation skills always do.
    pub fn required_at(&self, band: Band) -> bool {
        self.is_foundation() || self.required[band.index()]
    }

    /// The skill as the map stood on a date; None before it was added.
    pub fn on(&self, date: Date) -> Option<SkillOn<'_>> {
        if self.since <= date {
            return Some(SkillOn {
                name: &self.name,
                required: self.required,
                retired: self.retired,
            });
        }
        self.earlier
            .iter()
            .rev()
            .find(|v| v.from <= date)
            .map(|v| SkillOn {
                name: &v.name,
                required: v.required,
                retired: v.retired,
            })
    }

    /// Changes the skill from a date on, keeping the state it replaces. A change on
    /// the day of the last one corrects it.
    pub fn change(
        &mut self,
        on: Date,
        name: &str,
        required: [bool; 4],
        retired: bool,
    ) -> Result<(), MapError> {
        if on < self.since {
            return Err(MapError::Backdated(self.since));
        }
        if name.trim().is_empty() {
            return Err(MapError::EmptyName);
        }
        if self.is_foundation() && required != [true; 4] {
            return Err(MapError::Foundation);
        }
        if on > self.since {
            self.earlier.push(SkillVersion {
                from: self.since,
                name: std::mem::take(&mut self.name),
                required: self.required,
                retired: self.retired,
            });
        }
        self.name = name.trim().to_string();
        self.required = required;
        self.retired = retired;
        self.since = on;
        Ok(())
    }
}

impl SkillOn<'_> {
    pub fn required_at(&self, band: Band) -> bool {
        self.required[band.index()]
    }
}

/// Who a mindset speaks to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum MindsetScope {
    /// 職員として大切にすべき価値観
    Staff,
    /// 組織として大切にすべき価値観
    Organisation,
}

/// One of the ten mindsets (マインドセット).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mindset {
    pub no: u32,
    pub scope: MindsetScope,
    pub text: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn foundation_skills_are_required_everywhere() {
        let ethics = Skill {
            key: "ethics".into(),
            category: None,
            name: "公務員倫理".into(),
            required: [false; 4],
            order: 0,
            retired: false,
            since: Date::new(2026, 4, 1).unwrap(),
            earlier: Vec::new(),
        };
        assert!(Band::ALL.iter().all(|b| ethics.required_at(*b)));
        let risk = Skill {
            category: Some("org".into()),
            required: [false, false, true, true],
            ..ethics.clone()
        };
        let bands: Vec<u8> = Band::ALL
            .iter()
            .filter(|b| risk.required_at(**b))
            .map(|b| b.number())
            .collect();
        assert_eq!(bands, [3, 4]);
    }

    #[test]
    fn the_map_of_an_earlier_year_comes_back() {
        let d = |y, m, day| Date::new(y, m, day).unwrap();
        let mut coaching = Skill {
            key: "coaching".into(),
            category: Some("organisation".into()),
            name: "部下育成・コーチング".into(),
            required: [false, true, true, true],
            order: 11,
            retired: false,
            since: d(2026, 4, 1),
            earlier: Vec::new(),
        };
        coaching
            .change(d(2027, 4, 1), "部下育成", [true, true, true, true], false)
            .unwrap();
        coaching
            .change(d(2028, 4, 1), "部下育成", [true, true, true, true], true)
            .unwrap();
        assert_eq!(coaching.on(d(2026, 3, 31)), None);
        let r8 = coaching.on(d(2027, 3, 31)).unwrap();
        assert_eq!(r8.name, "部下育成・コーチング");
        assert!(!r8.required_at(Band::new(1).unwrap()));
        let r9 = coaching.on(d(2027, 4, 1)).unwrap();
        assert!(r9.required_at(Band::new(1).unwrap()) && !r9.retired);
        assert!(coaching.on(d(2028, 4, 1)).unwrap().retired);
        assert_eq!(
            coaching.change(d(2027, 1, 1), "x", [true; 4], false),
            Err(MapError::Backdated(d(2028, 4, 1)))
        );
        // A second change on the same day corrects it rather than adding a state.
        coaching
            .change(d(2028, 4, 1), "部下育成", [true; 4], false)
            .unwrap();
        assert_eq!(coaching.earlier.len(), 2);
        assert!(!coaching.on(d(2029, 1, 1)).unwrap().retired);
    }
}
