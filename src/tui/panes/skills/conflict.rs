//! A change to a skill of the map (a mark toggled, a new name, retiring it) that the
//! service refused because someone else changed the skill since the map was read.
//! The dialog shows both versions field by field and offers: reload (drop the change,
//! read the map again), re-apply (the change over their skill, from their revision),
//! or back without saving.

use crate::domain::gap::MapSkill;
use crate::domain::{Band, Skill};
use crate::i18n::{Lang, tui};
use crate::service::{Conflict, MapEdit, Theirs};
use crate::tui::action::Action;
use crate::tui::app::{App, Notice};
use crate::tui::effect::Effect;
use crate::tui::widgets::conflict::{ConflictView, Field, differences};

use super::map::MapState;

/// The open dialog.
#[derive(Clone, Debug)]
pub struct SkillConflict {
    pub view: ConflictView,
    /// Their skill, as stored at `view.conflict.current`.
    pub theirs: Skill,
    /// The change the user made.
    pub edit: MapEdit,
}

/// What the dialog compares of a skill: its name, its four marks, whether retired.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Shown {
    name: String,
    required: [bool; 4],
    retired: bool,
}

impl Shown {
    fn of_map(s: &MapSkill) -> Shown {
        Shown {
            name: s.name.clone(),
            required: s.required,
            retired: false,
        }
    }

    fn of_skill(s: &Skill) -> Shown {
        Shown {
            name: s.name.clone(),
            required: s.required,
            retired: s.retired,
        }
    }

    /// With `edit` made: a toggle sets the mark opposite to what was seen.
    fn with(&self, edit: &MapEdit) -> Shown {
        let mut out = self.clone();
        match edit {
            MapEdit::Toggle { band, .. } => {
                out.required[band.index()] = !self.required[band.index()];
            }
            MapEdit::Rename { name, .. } => out.name = name.clone(),
            MapEdit::Retire { .. } => out.retired = true,
            MapEdit::Add { .. } => {}
        }
        out
    }

    fn fields(&self, lang: Lang) -> Vec<Field> {
        let yes_no = |b: bool| tui(if b { "conflict.yes" } else { "conflict.no" }, lang);
        let mut out = vec![(
            tui("conflict.f.skill_name", lang).to_string(),
            self.name.clone(),
        )];
        for band in Band::ALL {
            let mark = if self.required[band.index()] {
                "conflict.mark_on"
            } else {
                "conflict.mark_off"
            };
            out.push((
                format!("{}{band}", tui("field.band", lang)),
                tui(mark, lang).to_string(),
            ));
        }
        out.push((
            tui("conflict.f.retired", lang).to_string(),
            yes_no(self.retired).to_string(),
        ));
        out
    }
}

/// The effect of a change to a skill shown on the map, with the revision the map read
/// it at; a new skill has none.
pub fn edit_effect(m: &MapState, edit: MapEdit) -> Effect {
    match edit
        .skill()
        .map(|k| m.map.revisions.get(k).copied().unwrap_or(0))
    {
        Some(opened) => Effect::EditSkill { edit, opened },
        None => Effect::EditMap(edit),
    }
}

/// Opens the dialog for a refused `edit`; the skill as the map shows it is what the
/// change was made from.
pub fn open(app: &mut App, conflict: Conflict, edit: MapEdit) {
    let lang = app.look.lang;
    let Theirs::Skill(theirs) = &conflict.theirs else {
        return;
    };
    let theirs = (**theirs).clone();
    let s = &mut app.skills;
    let seen = s
        .map
        .ready()
        .and_then(|m| {
            m.map
                .skills
                .iter()
                .find(|k| Some(k.key.as_str()) == edit.skill())
        })
        .map_or_else(|| Shown::of_skill(&theirs), Shown::of_map);
    let rows = differences(
        Shown::of_skill(&theirs).fields(lang),
        &seen.fields(lang),
        seen.with(&edit).fields(lang),
    );
    s.conflict = Some(SkillConflict {
        view: ConflictView::new(conflict, rows),
        theirs,
        edit,
    });
    app.notice = None;
}

/// Whether their skill already is what the change makes it.
fn already(theirs: &Skill, edit: &MapEdit, seen_mark: Option<bool>) -> bool {
    match edit {
        MapEdit::Toggle { band, .. } => {
            seen_mark.is_some_and(|was| theirs.required[band.index()] != was)
        }
        MapEdit::Rename { name, .. } => theirs.name == *name,
        MapEdit::Retire { .. } => theirs.retired,
        MapEdit::Add { .. } => false,
    }
}

/// The keys of the dialog.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    let lang = app.look.lang;
    let s = &mut app.skills;
    let Some(d) = s.conflict.as_mut() else {
        return Vec::new();
    };
    if d.view.scrolled(&action) {
        return Vec::new();
    }
    let reload = Effect::LoadSkillMap { year: None };
    match action {
        Action::Back => {
            s.conflict = None;
            app.notice = Some(Notice::Info(tui("conflict.dropped", lang).into()));
        }
        Action::Reload => {
            if let Some(d) = s.conflict.take() {
                s.map_want = Some(d.theirs.key);
            }
            app.notice = Some(Notice::Info(tui("conflict.reloaded_view", lang).into()));
            return vec![reload];
        }
        Action::Reapply => {
            let Some(d) = s.conflict.take() else {
                return Vec::new();
            };
            s.map_want = Some(d.theirs.key.clone());
            // The mark as the map showed it before the toggle.
            let seen_mark = match &d.edit {
                MapEdit::Toggle { skill, band } => s
                    .map
                    .ready()
                    .and_then(|m| m.map.skills.iter().find(|k| k.key == *skill))
                    .map(|k| k.required[band.index()]),
                _ => None,
            };
            if already(&d.theirs, &d.edit, seen_mark) {
                app.notice = Some(Notice::Info(tui("conflict.nothing", lang).into()));
                return vec![reload];
            }
            return vec![Effect::EditSkill {
                edit: d.edit,
                opened: d.view.conflict.current,
            }];
        }
        _ => {}
    }
    Vec::new()
}
