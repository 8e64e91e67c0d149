//! The map view's state: today's skill map laid out as lines (an image's heading, then
//! its categories' skills; the foundation skills last) and a cursor on a skill and a
//! band.

use crate::domain::gap::MapSkill;
use crate::service::MapView;

/// One line of the map.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MapLine {
    /// The heading of a target staff image (index into `MapView::images`).
    Image(usize),
    /// A skill (index into `MapView::skills`); `first` when it opens its category, which
    /// then names the category beside it.
    Skill { skill: usize, first: bool },
    /// The heading of the foundation skills.
    Foundation,
}

pub struct MapState {
    pub map: MapView,
    pub lines: Vec<MapLine>,
    /// The focused line (always a skill, when there is one) and band (0-3).
    pub cursor: usize,
    pub band: usize,
    /// The first line drawn.
    pub top: usize,
}

fn lines_of(map: &MapView) -> Vec<MapLine> {
    let mut lines = Vec::new();
    let mut placed = vec![false; map.skills.len()];
    for (i, image) in map.images.iter().enumerate() {
        lines.push(MapLine::Image(i));
        for category in map.categories.iter().filter(|c| c.image == image.key) {
            let mut first = true;
            for (s, skill) in map.skills.iter().enumerate() {
                if skill.category.as_deref() == Some(category.key.as_str()) {
                    lines.push(MapLine::Skill { skill: s, first });
                    placed[s] = true;
                    first = false;
                }
            }
        }
    }
    // A skill whose category has no image still shows, after the images.
    for (s, skill) in map.skills.iter().enumerate() {
        if !placed[s] && !skill.is_foundation() {
            lines.push(MapLine::Skill {
                skill: s,
                first: true,
            });
            placed[s] = true;
        }
    }
    if map.skills.iter().any(MapSkill::is_foundation) {
        lines.push(MapLine::Foundation);
        for (s, skill) in map.skills.iter().enumerate() {
            if skill.is_foundation() {
                lines.push(MapLine::Skill {
                    skill: s,
                    first: false,
                });
            }
        }
    }
    lines
}

impl MapState {
    /// The map with the cursor on a skill key, where it is in it.
    pub fn new(map: MapView, key: Option<&str>, band: usize) -> MapState {
        let lines = lines_of(&map);
        let skill_line = |i: &usize| matches!(lines[*i], MapLine::Skill { .. });
        let cursor = key
            .and_then(|k| {
                (0..lines.len()).find(|i| match lines[*i] {
                    MapLine::Skill { skill, .. } => map.skills[skill].key == k,
                    _ => false,
                })
            })
            .or_else(|| (0..lines.len()).find(skill_line))
            .unwrap_or(0);
        MapState {
            map,
            lines,
            cursor,
            band: band.min(3),
            top: 0,
        }
    }

    /// The skill under the cursor.
    pub fn skill(&self) -> Option<&MapSkill> {
        match self.lines.get(self.cursor) {
            Some(MapLine::Skill { skill, .. }) => self.map.skills.get(*skill),
            _ => None,
        }
    }

    /// Moves over skills only, `step` of them, stopping at the ends.
    pub fn move_by(&mut self, step: isize) {
        let skills: Vec<usize> = (0..self.lines.len())
            .filter(|i| matches!(self.lines[*i], MapLine::Skill { .. }))
            .collect();
        let Some(at) = skills.iter().position(|i| *i == self.cursor) else {
            return;
        };
        let last = skills.len() as isize - 1;
        let to = (at as isize + step).clamp(0, last) as usize;
        self.cursor = skills[to];
    }

    pub fn move_band(&mut self, step: isize) {
        self.band = (self.band as isize + step).clamp(0, 3) as usize;
    }

    /// Keeps the cursor in view among `rows` lines; the heading above the first skill
    /// shows when the cursor reaches the top.
    pub fn scroll(&mut self, rows: usize) {
        let first_skill = (0..self.lines.len())
            .find(|i| matches!(self.lines[*i], MapLine::Skill { .. }))
            .unwrap_or(0);
        self.top = super::matrix::first_visible(self.top, self.cursor, rows);
        if self.cursor == first_skill {
            self.top = 0;
        }
    }
}
