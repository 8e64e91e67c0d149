//! The policy's skill map (section 2-2): target staff images, categories, skills and the
//! bands at which each is particularly required, plus the foundation skills every band
//! requires.

use serde::{Deserialize, Serialize};

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
}

impl Skill {
    pub fn is_foundation(&self) -> bool {
        self.category.is_none()
    }

    /// Whether the skill counts as required at a band: foundation skills always do.
    pub fn required_at(&self, band: Band) -> bool {
        self.is_foundation() || self.required[band.index()]
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
        };
        assert!(Band::ALL.iter().all(|b| ethics.required_at(*b)));
        let risk = Skill {
            category: Some("org".into()),
            required: [false, false, true, true],
            ..ethics
        };
        let bands: Vec<u8> = Band::ALL
            .iter()
            .filter(|b| risk.required_at(**b))
            .map(|b| b.number())
            .collect();
        assert_eq!(bands, [3, 4]);
    }
}
