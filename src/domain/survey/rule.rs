//! The group-size rule. A group of fewer than `floor` respondents is never shown on its
//! own: it merges into its parent unit, and up the tree until the merged group reaches
//! the floor. What no unit's row takes in is withheld, seen only in the city-wide
//! figure; and since the city-wide figure minus every row shown would give the withheld
//! part by subtraction, when that part is under the floor the smallest rows are
//! withheld with it until it is not (complementary suppression).
//!
//! Every shown row, the withheld part and the city are then unions of whole groups,
//! disjoint, each of at least `floor` respondents (or empty): no combination of the
//! shown figures isolates fewer than `floor` people.

use std::collections::{BTreeMap, HashMap};

use super::{GroupResult, MIN_FLOOR};
use crate::domain::OrgTree;

/// Respondents and, per scale, the sum of their scores (mean × respondents); a sum is
/// none when any group in it has no figure for the scale, so that a merged figure
/// never stands for fewer people than its respondent count says.
#[derive(Clone, Debug, PartialEq)]
pub struct Tally {
    pub respondents: u32,
    pub sums: Vec<Option<f64>>,
}

impl Tally {
    /// Nobody, over `scales` scales.
    pub fn empty(scales: usize) -> Tally {
        Tally {
            respondents: 0,
            sums: vec![Some(0.0); scales],
        }
    }

    /// One group's figures.
    pub fn of(group: &GroupResult) -> Tally {
        let n = f64::from(group.respondents);
        Tally {
            respondents: group.respondents,
            sums: group.scores.iter().map(|s| s.map(|m| m * n)).collect(),
        }
    }

    /// Adds another tally's people and sums.
    pub fn add(&mut self, other: &Tally) {
        self.respondents = self.respondents.saturating_add(other.respondents);
        if self.sums.len() < other.sums.len() {
            self.sums.resize(other.sums.len(), Some(0.0));
        }
        for (i, sum) in self.sums.iter_mut().enumerate() {
            *sum = match (*sum, other.sums.get(i).copied().flatten()) {
                (Some(a), Some(b)) => Some(a + b),
                _ => None,
            };
        }
    }

    /// The respondent-weighted mean of each scale.
    pub fn means(&self) -> Vec<Option<f64>> {
        let n = f64::from(self.respondents);
        self.sums
            .iter()
            .map(|s| s.filter(|_| self.respondents > 0).map(|s| s / n))
            .collect()
    }
}

/// A row that may be shown: a unit's own group with the smaller groups merged into it.
#[derive(Clone, Debug, PartialEq)]
pub struct ShownGroup {
    pub org_code: String,
    /// The units whose own groups were merged into this row, in org order (not the
    /// row's unit itself).
    pub merged: Vec<String>,
    pub tally: Tally,
}

/// Where a unit's own group went.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Placement {
    /// It has a row of its own (with or without groups merged into it).
    Shown,
    /// It is part of the row of this unit.
    MergedInto(String),
    /// It is shown only within the city-wide figure.
    Withheld,
}

/// The rule applied to one year's groups.
#[derive(Clone, Debug, PartialEq)]
pub struct Grouping {
    pub floor: u32,
    /// The rows that may be shown, in org order.
    pub rows: Vec<ShownGroup>,
    /// Every group's unit and where its group went.
    pub placements: BTreeMap<String, Placement>,
    /// Everyone; none when the whole city has fewer than `floor` respondents.
    pub city: Option<Tally>,
}

impl Grouping {
    /// The row a unit's group is shown in.
    pub fn row_of(&self, org_code: &str) -> Option<&ShownGroup> {
        let at = match self.placements.get(org_code)? {
            Placement::Shown => org_code,
            Placement::MergedInto(row) => row.as_str(),
            Placement::Withheld => return None,
        };
        self.rows.iter().find(|r| r.org_code == at)
    }
}

/// The units of a tree as the rule takes them, `(code, parent)`, in org order: depth
/// first, children by code.
pub fn org_order(tree: &OrgTree) -> Vec<(String, Option<String>)> {
    let mut children: BTreeMap<Option<&str>, Vec<&str>> = BTreeMap::new();
    for u in tree.units() {
        let parent = u.parent.as_deref().filter(|p| tree.get(p).is_some());
        children.entry(parent).or_default().push(&u.code);
    }
    let mut out = Vec::with_capacity(tree.len());
    let mut stack: Vec<&str> = children
        .get(&None)
        .into_iter()
        .flatten()
        .rev()
        .copied()
        .collect();
    while let Some(code) = stack.pop() {
        let parent = tree.get(code).and_then(|u| u.parent.clone());
        out.push((code.to_string(), parent));
        if let Some(kids) = children.get(&Some(code)) {
            stack.extend(kids.iter().rev());
        }
    }
    out
}

/// What is still under the floor on the way up: the groups and their tally.
struct Pending {
    members: Vec<String>,
    tally: Tally,
}

struct Walk<'a> {
    floor: u32,
    scales: usize,
    children: HashMap<&'a str, Vec<&'a str>>,
    groups: HashMap<&'a str, &'a GroupResult>,
    rows: Vec<ShownGroup>,
    placements: BTreeMap<String, Placement>,
}

impl<'a> Walk<'a> {
    /// Gathers a unit's own group and what its children could not show; shows the lot
    /// as the unit's row if it reaches the floor, else hands it up.
    fn visit(&mut self, code: &'a str) -> Option<Pending> {
        let mut pending = Pending {
            members: Vec::new(),
            tally: Tally::empty(self.scales),
        };
        if let Some(g) = self.groups.get(code) {
            pending.members.push(code.to_string());
            pending.members.extend(g.merged.iter().cloned());
            pending.tally.add(&Tally::of(g));
        }
        for child in self.children.get(code).cloned().unwrap_or_default() {
            if let Some(p) = self.visit(child) {
                pending.members.extend(p.members);
                pending.tally.add(&p.tally);
            }
        }
        if pending.members.is_empty() {
            return None;
        }
        if pending.tally.respondents < self.floor {
            return Some(pending);
        }
        let merged: Vec<String> = pending.members.into_iter().filter(|m| m != code).collect();
        for m in &merged {
            self.placements
                .insert(m.clone(), Placement::MergedInto(code.to_string()));
        }
        self.placements.insert(code.to_string(), Placement::Shown);
        self.rows.push(ShownGroup {
            org_code: code.to_string(),
            merged,
            tally: pending.tally,
        });
        None
    }
}

/// Applies the rule with `floor` (never below [`MIN_FLOOR`]) to a year's groups over
/// the units `(code, parent)` in org order. Groups of units not in the list, and groups
/// without respondents, are withheld.
pub fn apply(units: &[(String, Option<String>)], groups: &[GroupResult], floor: u32) -> Grouping {
    let floor = floor.max(MIN_FLOOR);
    let scales = groups.iter().map(|g| g.scores.len()).max().unwrap_or(0);
    let index: HashMap<&str, usize> = units
        .iter()
        .enumerate()
        .map(|(i, (c, _))| (c.as_str(), i))
        .collect();
    let mut walk = Walk {
        floor,
        scales,
        children: HashMap::new(),
        groups: groups
            .iter()
            .filter(|g| g.respondents > 0)
            .map(|g| (g.org_code.as_str(), g))
            .collect(),
        rows: Vec::new(),
        placements: BTreeMap::new(),
    };
    let mut roots = Vec::new();
    for (code, parent) in units {
        match parent
            .as_deref()
            .filter(|p| index.contains_key(p) && *p != code)
        {
            Some(p) => walk.children.entry(p).or_default().push(code),
            None => roots.push(code.as_str()),
        }
    }
    let mut withheld = Tally::empty(scales);
    for root in roots {
        if let Some(p) = walk.visit(root) {
            withheld.add(&p.tally);
            for m in p.members {
                walk.placements.insert(m, Placement::Withheld);
            }
        }
    }
    // Groups no walk reached: units unknown to the tree (or cut off from it).
    for g in groups {
        if !walk.placements.contains_key(&g.org_code) {
            withheld.add(&Tally::of(g));
            for code in std::iter::once(&g.org_code).chain(&g.merged) {
                walk.placements.insert(code.clone(), Placement::Withheld);
            }
        }
    }
    let mut rows = walk.rows;
    let mut placements = walk.placements;
    // The city minus the rows shown is the withheld part: it must not be a small group.
    if withheld.respondents > 0 && withheld.respondents < floor {
        rows.sort_by_key(|r| (r.tally.respondents, index.get(r.org_code.as_str()).copied()));
        while withheld.respondents < floor && !rows.is_empty() {
            let row = rows.remove(0);
            withheld.add(&row.tally);
            for code in row.merged.iter().chain([&row.org_code]) {
                placements.insert(code.clone(), Placement::Withheld);
            }
        }
    }
    rows.sort_by_key(|r| index.get(r.org_code.as_str()).copied());
    let mut city = Tally::empty(scales);
    for g in groups.iter().filter(|g| g.respondents > 0) {
        city.add(&Tally::of(g));
    }
    Grouping {
        floor,
        rows,
        placements,
        city: (city.respondents >= floor).then_some(city),
    }
}
