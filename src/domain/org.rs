//! The organisation tree: 部 (department), 課 (section, or an equivalent office with its
//! own head such as 室 or 事務局) and 係 (team).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::date::Date;

/// The level of a unit in the tree.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum UnitKind {
    /// 部, or a unit at that level (庁舎, 委員会, 事務局 of the assembly …).
    Department,
    /// 課 or an equivalent office: the 所属 of the policy, a unit with its own head.
    Section,
    /// 係.
    Team,
}

impl UnitKind {
    pub fn ja(self) -> &'static str {
        match self {
            UnitKind::Department => "部",
            UnitKind::Section => "課",
            UnitKind::Team => "係",
        }
    }

    pub fn parse(text: &str) -> Option<UnitKind> {
        match text.trim() {
            "部" | "department" => Some(UnitKind::Department),
            "課" | "section" => Some(UnitKind::Section),
            "係" | "team" => Some(UnitKind::Team),
            _ => None,
        }
    }

    /// The kind a parent of this kind must have.
    pub fn parent_kind(self) -> Option<UnitKind> {
        match self {
            UnitKind::Department => None,
            UnitKind::Section => Some(UnitKind::Department),
            UnitKind::Team => Some(UnitKind::Section),
        }
    }
}

/// What a section does, where the policy singles it out: architects (section 3-5) come
/// from the digital section and the sections that run core systems.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum UnitTag {
    #[default]
    None,
    /// The digital / network section.
    Digital,
    /// A section running a core system (住民記録, 税, 国保, 介護 …).
    CoreSystem,
}

/// One unit of the organisation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrgUnit {
    pub code: String,
    pub kind: UnitKind,
    pub name: String,
    pub parent: Option<String>,
    pub tag: UnitTag,
    /// First day of the unit (a reorganisation, 機構改革, is dated); none: always was.
    pub valid_from: Option<Date>,
    /// Last day of the unit; none: still in place.
    pub valid_to: Option<Date>,
}

impl OrgUnit {
    /// Whether the unit exists on a date.
    pub fn is_valid_on(&self, on: Date) -> bool {
        self.valid_from.is_none_or(|from| from <= on) && self.valid_to.is_none_or(|to| on <= to)
    }
}

/// Why a set of units does not form a tree.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum OrgError {
    #[error("unit code {0} appears twice")]
    Duplicate(String),
    #[error("unit {0}: parent {1} does not exist")]
    MissingParent(String, String),
    #[error("unit {0}: a {1} cannot sit under a {2}")]
    WrongLevel(String, &'static str, &'static str),
    #[error("unit {0}: a 部 has no parent; a 課 or 係 needs one")]
    ParentRule(String),
    #[error("unit {0}: valid from {1} is after valid to {2}")]
    Period(String, Date, Date),
}

/// The whole organisation, checked to be a tree of 部 ⊃ 課 ⊃ 係.
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct OrgTree {
    units: BTreeMap<String, OrgUnit>,
    /// Each unit's path name, made once: every person on a screen shows one.
    paths: BTreeMap<String, String>,
}

impl OrgTree {
    pub fn new(units: impl IntoIterator<Item = OrgUnit>) -> Result<OrgTree, OrgError> {
        let mut map = BTreeMap::new();
        for unit in units {
            let code = unit.code.clone();
            if map.insert(code.clone(), unit).is_some() {
                return Err(OrgError::Duplicate(code));
            }
        }
        for unit in map.values() {
            if let (Some(from), Some(to)) = (unit.valid_from, unit.valid_to)
                && from > to
            {
                return Err(OrgError::Period(unit.code.clone(), from, to));
            }
            match (&unit.parent, unit.kind.parent_kind()) {
                (None, None) => {}
                (Some(parent), Some(want)) => {
                    let p = map.get(parent).ok_or_else(|| {
                        OrgError::MissingParent(unit.code.clone(), parent.clone())
                    })?;
                    if p.kind != want {
                        return Err(OrgError::WrongLevel(
                            unit.code.clone(),
                            unit.kind.ja(),
                            p.kind.ja(),
                        ));
                    }
                }
                _ => return Err(OrgError::ParentRule(unit.code.clone())),
            }
        }
        let mut tree = OrgTree {
            units: map,
            paths: BTreeMap::new(),
        };
        tree.paths = tree
            .units
            .keys()
            .map(|code| (code.clone(), tree.build_path(code)))
            .collect();
        Ok(tree)
    }

    pub fn get(&self, code: &str) -> Option<&OrgUnit> {
        self.units.get(code)
    }

    pub fn units(&self) -> impl Iterator<Item = &OrgUnit> {
        self.units.values()
    }

    pub fn len(&self) -> usize {
        self.units.len()
    }

    pub fn is_empty(&self) -> bool {
        self.units.is_empty()
    }

    /// The unit and its ancestors, innermost first.
    pub fn ancestry(&self, code: &str) -> Vec<&OrgUnit> {
        let mut chain = Vec::new();
        let mut next = self.units.get(code);
        while let Some(unit) = next {
            chain.push(unit);
            next = unit.parent.as_deref().and_then(|p| self.units.get(p));
        }
        chain
    }

    /// A unit and every unit under it, by the tree (codes need not nest).
    pub fn subtree(&self, code: &str) -> std::collections::BTreeSet<String> {
        self.units
            .keys()
            .filter(|c| self.ancestry(c).iter().any(|u| u.code == code))
            .cloned()
            .collect()
    }

    /// The 所属 (section) a unit belongs to: itself if it is a section, its section if
    /// it is a team, none for a department.
    pub fn section_of(&self, code: &str) -> Option<&OrgUnit> {
        self.ancestry(code)
            .into_iter()
            .find(|u| u.kind == UnitKind::Section)
    }

    /// `総務部 職員課 人事係`: the names from the top down; empty for an unknown code.
    pub fn path_name(&self, code: &str) -> &str {
        self.paths.get(code).map_or("", String::as_str)
    }

    fn build_path(&self, code: &str) -> String {
        let mut names: Vec<&str> = self
            .ancestry(code)
            .iter()
            .map(|u| u.name.as_str())
            .collect();
        names.reverse();
        names.join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(code: &str, kind: UnitKind, name: &str, parent: Option<&str>) -> OrgUnit {
        OrgUnit {
            code: code.into(),
            kind,
            name: name.into(),
            parent: parent.map(Into::into),
            tag: UnitTag::None,
            valid_from: None,
            valid_to: None,
        }
    }

    fn sample() -> Vec<OrgUnit> {
        vec![
            unit("01", UnitKind::Department, "総務部", None),
            unit("0102", UnitKind::Section, "職員課", Some("01")),
            unit("010201", UnitKind::Team, "人事係", Some("0102")),
        ]
    }

    #[test]
    fn team_belongs_to_its_section() {
        let tree = OrgTree::new(sample()).unwrap();
        assert_eq!(tree.section_of("010201").unwrap().name, "職員課");
        assert_eq!(tree.section_of("0102").unwrap().name, "職員課");
        assert!(tree.section_of("01").is_none());
        assert_eq!(tree.path_name("010201"), "総務部 職員課 人事係");
        let all: Vec<String> = tree.subtree("01").into_iter().collect();
        assert_eq!(all, ["01", "0102", "010201"]);
        assert_eq!(tree.subtree("0102").len(), 2);
        assert!(tree.subtree("99").is_empty());
    }

    #[test]
    fn rejects_broken_trees() {
        let mut units = sample();
        units.push(unit("0199", UnitKind::Team, "迷子係", Some("01")));
        assert!(matches!(OrgTree::new(units), Err(OrgError::WrongLevel(..))));
        let mut units = sample();
        units.push(unit("0103", UnitKind::Section, "孤立課", Some("09")));
        assert!(matches!(
            OrgTree::new(units),
            Err(OrgError::MissingParent(..))
        ));
        let mut units = sample();
        units.push(unit("01", UnitKind::Department, "重複部", None));
        assert!(matches!(OrgTree::new(units), Err(OrgError::Duplicate(..))));
        let mut units = sample();
        units[2].valid_from = Date::new(2027, 4, 1).ok();
        units[2].valid_to = Date::new(2026, 3, 31).ok();
        assert!(matches!(OrgTree::new(units), Err(OrgError::Period(..))));
    }

    #[test]
    fn a_reorganisation_is_dated() {
        let mut u = sample().remove(2);
        u.valid_from = Date::new(2026, 4, 1).ok();
        u.valid_to = Date::new(2027, 3, 31).ok();
        assert!(!u.is_valid_on(Date::new(2026, 3, 31).unwrap()));
        assert!(u.is_valid_on(Date::new(2026, 4, 1).unwrap()));
        assert!(u.is_valid_on(Date::new(2027, 3, 31).unwrap()));
        assert!(!u.is_valid_on(Date::new(2027, 4, 1).unwrap()));
        assert!(sample()[0].is_valid_on(Date::new(1900, 1, 1).unwrap()));
    }
}
