//! The skill map, levels, gaps, the skill reports and the skill export.

use crate::domain::{Date, Level, Skill, SkillSheet, Source};
use crate::io::csv::OutEncoding;
use crate::service::{
    CsvError, GapReport, LevelChange, MapEdit, MapView, Matrix, PersonGaps, Scope, ServiceError,
    SkillFault, TierReport,
};

use super::super::calls::calls;

calls! {
    Skills: SkillsRequest => SkillsReply;

    /// The skill map on a date, and the catalogue around it.
    fn skill_map(on: Date => Date) -> MapView | ServiceError = |s, p, _c| s.skill_map(p, on);
    /// Every skill with its dated states, retired ones included, for editing.
    fn skills() -> Vec<Skill> | ServiceError = |s, p, _c| s.skills(p);
    /// Changes the map from today; returns the skill.
    fn edit_map(edit: &MapEdit => MapEdit) -> Skill | ServiceError
        = |s, p, _c| s.edit_map(p, &edit);
    /// Changes a skill read at revision `opened`; refused with the stored one if
    /// someone else changed it since.
    fn edit_skill(edit: &MapEdit => MapEdit, opened: u64 => u64) -> Skill | ServiceError
        = |s, p, _c| s.edit_skill(p, &edit, opened);
    /// A person's levels with their history.
    fn sheet(staff_no: &str => String) -> SkillSheet | ServiceError
        = |s, p, _c| s.sheet(p, &staff_no);
    /// Records a level from a date.
    fn set_level(
        staff_no: &str => String,
        skill: &str => String,
        level: Level => Level,
        from: Date => Date,
        source: Source => Source,
    ) -> LevelChange | ServiceError
        = |s, p, c| {
            let change = s.set_level(p, &staff_no, &skill, level, from, source);
            if let Ok(change) = &change {
                c.recorded(change);
            }
            change
        };
    /// Takes back a level recorded through this connection, unless the levels moved
    /// since.
    fn undo_level(change: &LevelChange => LevelChange) -> () | ServiceError
        = |s, p, c| {
            if c.take_back(&change) {
                s.undo_level(p, &change)
            } else {
                Err(SkillFault::Moved.into())
            }
        };
    /// A person's gaps on a date.
    fn gaps(staff_no: &str => String, on: Date => Date) -> PersonGaps | ServiceError
        = |s, p, _c| s.gaps(p, &staff_no, on);
    /// The matrix of the people in scope on a date.
    fn matrix(scope: &Scope => Scope, on: Date => Date) -> Matrix | ServiceError
        = |s, p, _c| s.matrix(p, &scope, on);
    /// Per skill, the share of the people in scope who meet the target, worst first.
    fn gap_report(scope: &Scope => Scope, on: Date => Date) -> GapReport | ServiceError
        = |s, p, _c| s.gap_report(p, &scope, on);
    /// The digital tiers on a date against the policy's targets.
    fn tier_report(on: Date => Date) -> TierReport | ServiceError
        = |s, p, _c| s.tier_report(p, on);
    /// Every skill level as CSV bytes, with the number of levels.
    fn export_skills(encoding: OutEncoding => OutEncoding) -> (Vec<u8>, usize) | CsvError
        = |s, p, _c| s.export_skills(p, encoding);
}
