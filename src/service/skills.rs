//! The skill map, levels per employee, gaps and the settings they are measured by.

use std::collections::BTreeMap;

use super::{Permission, Principal, Service, ServiceError, Theirs, expect_revision};
use crate::domain::gap::{self, MapSkill};
use crate::domain::level::{self, DIGITAL_PREFIX};
use crate::domain::{
    Band, Category, Date, DigitalDomain, Employee, Gap, Image, Level, LevelEntry, MapError,
    Settings, Skill, SkillSheet, Source, TitleBand, TitleMap,
};
use crate::store::{Reader, Writer};

/// Why a level or a change of the map was refused.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum SkillFault {
    NoSuchEmployee(String),
    /// Neither a skill of the map nor a digital domain.
    UnknownSkill(String),
    /// Retired: it keeps its history but takes no new levels.
    Retired(String),
    Map(MapError),
    /// A category key the map does not have.
    UnknownCategory(String),
    /// A level from another source is recorded for that skill on that day.
    SameDay {
        date: Date,
        source: Source,
    },
    /// A level dated after today.
    Future(Date),
    /// The levels changed since the change being undone (another session or an
    /// import): undoing would lose what came after.
    Moved,
    /// A level of the scale without a name.
    LevelName,
}

impl From<SkillFault> for ServiceError {
    fn from(f: SkillFault) -> ServiceError {
        ServiceError::Skill(f)
    }
}

/// The map as it stood on a date, and the catalogue around it.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct MapView {
    pub on: Date,
    pub images: Vec<Image>,
    pub categories: Vec<Category>,
    /// Skills in effect and not retired on the date, foundation skills last.
    pub skills: Vec<MapSkill>,
    pub digital: Vec<DigitalDomain>,
    /// The day the oldest state kept of any skill began: no map is known before it.
    pub first: Option<Date>,
    /// Each skill's revision when read (by key), for a change made from this view.
    pub revisions: BTreeMap<String, u64>,
}

/// One change an admin makes to the map, in effect from a date.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum MapEdit {
    /// Marks or unmarks ○ at a band.
    Toggle {
        skill: String,
        band: Band,
    },
    Rename {
        skill: String,
        name: String,
    },
    /// A new skill under a category; no marks until they are toggled.
    Add {
        category: String,
        name: String,
    },
    Retire {
        skill: String,
    },
}

impl MapEdit {
    /// The skill the edit changes; none for a new one.
    pub fn skill(&self) -> Option<&str> {
        match self {
            MapEdit::Toggle { skill, .. }
            | MapEdit::Rename { skill, .. }
            | MapEdit::Retire { skill } => Some(skill),
            MapEdit::Add { .. } => None,
        }
    }
}

pub(super) fn settings_in(r: &Reader) -> Result<Settings, ServiceError> {
    Ok(r.get::<Settings>(crate::store::SETTINGS_KEY)?
        .unwrap_or_default())
}

fn map_in(r: &Reader, on: Date) -> Result<MapView, ServiceError> {
    let mut images = r.all::<Image>()?;
    images.sort_by_key(|i| i.order);
    let mut categories = r.all::<Category>()?;
    categories.sort_by_key(|c| c.order);
    let mut digital = r.all::<DigitalDomain>()?;
    digital.sort_by_key(|d| d.order);
    let all = r.all::<Skill>()?;
    let mut revisions = BTreeMap::new();
    for skill in &all {
        revisions.insert(skill.key.clone(), r.revision::<Skill>(&skill.key)?);
    }
    let first = all
        .iter()
        .map(|s| s.earlier.first().map_or(s.since, |v| v.from))
        .min();
    Ok(MapView {
        on,
        images,
        categories,
        skills: gap::map_on(&all, on),
        digital,
        first,
        revisions,
    })
}

/// Whether a sheet key names something that may take a new level: a digital domain,
/// or a skill of the map that is not retired. The level's own date does not matter: a
/// level assessed before a skill entered the map is still a fact about the person.
fn check_skill(w: &Writer, key: &str) -> Result<(), ServiceError> {
    let unknown = || ServiceError::from(SkillFault::UnknownSkill(key.to_string()));
    if let Some(domain) = key.strip_prefix(DIGITAL_PREFIX) {
        return w
            .get::<DigitalDomain>(domain)?
            .map(|_| ())
            .ok_or_else(unknown);
    }
    let skill = w.get::<Skill>(key)?.ok_or_else(unknown)?;
    if skill.retired {
        return Err(SkillFault::Retired(key.to_string()).into());
    }
    Ok(())
}

/// One recorded level: a person's rows of one skill before and after it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct LevelChange {
    pub staff_no: String,
    pub skill: String,
    pub before: Vec<LevelEntry>,
    pub after: Vec<LevelEntry>,
}

/// A person's gaps on a date, with the band they were measured at.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PersonGaps {
    /// None when the person's title has no band: nothing is required of them.
    pub band: Option<Band>,
    pub gaps: Vec<Gap>,
}

impl Service {
    pub fn settings(&self, p: &Principal) -> Result<Settings, ServiceError> {
        settings_in(&self.read_as(p, Permission::CatalogueRead)?)
    }

    /// Changes the settings in one transaction: what `change` does to the stored
    /// ones is written, so two sessions never undo each other's change. Every level
    /// keeps a name.
    pub fn change_settings(
        &self,
        p: &Principal,
        change: impl FnOnce(&mut Settings),
    ) -> Result<Settings, ServiceError> {
        self.write_as(p, Permission::CatalogueEdit, "settings.set", |w| {
            let mut s = w
                .get::<Settings>(crate::store::SETTINGS_KEY)?
                .unwrap_or_default();
            change(&mut s);
            for name in &mut s.level_names {
                *name = name.trim().to_string();
            }
            if s.level_names.iter().any(String::is_empty) {
                return Err(SkillFault::LevelName.into());
            }
            w.put(&s)?;
            Ok((s, vec![crate::store::SETTINGS_KEY.to_string()]))
        })
    }

    /// The skill map on a date.
    pub fn skill_map(&self, p: &Principal, on: Date) -> Result<MapView, ServiceError> {
        map_in(&self.read_as(p, Permission::CatalogueRead)?, on)
    }

    /// Every skill with its dated states, retired ones included, for editing.
    pub fn skills(&self, p: &Principal) -> Result<Vec<Skill>, ServiceError> {
        let mut all = self.read_as(p, Permission::CatalogueRead)?.all::<Skill>()?;
        all.sort_by_key(|s| (s.is_foundation(), s.order));
        Ok(all)
    }

    /// Changes the map from today; the state it replaces is kept. Returns the skill.
    /// The change is made to the skill as stored, whatever revision the caller read; a
    /// screen that changes what it shows uses [`Service::edit_skill`].
    pub fn edit_map(&self, p: &Principal, edit: &MapEdit) -> Result<Skill, ServiceError> {
        self.edit_map_from(p, edit, None)
    }

    /// Changes a skill of the map that a screen read at revision `opened`
    /// ([`MapView::revisions`]); a new skill ([`MapEdit::Add`]) has none to check. If
    /// someone else changed the skill since, nothing is written and
    /// [`ServiceError::Conflict`] carries theirs.
    pub fn edit_skill(
        &self,
        p: &Principal,
        edit: &MapEdit,
        opened: u64,
    ) -> Result<Skill, ServiceError> {
        self.edit_map_from(p, edit, Some(opened))
    }

    fn edit_map_from(
        &self,
        p: &Principal,
        edit: &MapEdit,
        opened: Option<u64>,
    ) -> Result<Skill, ServiceError> {
        let today = self.clock.today();
        self.write_as(p, Permission::CatalogueEdit, "skill_map.edit", |w| {
            if let (Some(opened), Some(key)) = (opened, edit.skill()) {
                expect_revision::<Skill>(w, "skill", key, opened, |t| Theirs::Skill(Box::new(t)))?;
            }
            let skill = match edit {
                MapEdit::Add { category, name } => add_skill(w, category, name, today)?,
                MapEdit::Toggle { skill, band } => change(w, skill, today, |s| {
                    let mut required = s.required;
                    required[band.index()] = !required[band.index()];
                    (s.name.clone(), required, s.retired)
                })?,
                MapEdit::Rename { skill, name } => {
                    change(w, skill, today, |s| (name.clone(), s.required, s.retired))?
                }
                MapEdit::Retire { skill } => {
                    change(w, skill, today, |s| (s.name.clone(), s.required, true))?
                }
            };
            w.put(&skill)?;
            Ok((skill.clone(), vec![skill.key.clone()]))
        })
    }

    /// A person's levels, every skill with its history; empty for someone never
    /// assessed.
    pub fn sheet(&self, p: &Principal, staff_no: &str) -> Result<SkillSheet, ServiceError> {
        let r = self.read_as(p, Permission::StaffRead)?;
        if r.get::<Employee>(staff_no)?.is_none() {
            return Err(SkillFault::NoSuchEmployee(staff_no.to_string()).into());
        }
        Ok(r.get::<SkillSheet>(staff_no)?
            .unwrap_or_else(|| SkillSheet::new(staff_no)))
    }

    /// Records a level from a date, assessed by the caller. Refused for a date after
    /// today, and where another source has a level of the skill on that day. Returns
    /// what changed, which [`Service::undo_level`] takes back.
    pub fn set_level(
        &self,
        p: &Principal,
        staff_no: &str,
        skill: &str,
        level: Level,
        from: Date,
        source: Source,
    ) -> Result<LevelChange, ServiceError> {
        let today = self.clock.today();
        self.write_as(p, Permission::StaffWrite, "skill.level", |w| {
            if w.get::<Employee>(staff_no)?.is_none() {
                return Err(SkillFault::NoSuchEmployee(staff_no.to_string()).into());
            }
            check_skill(w, skill)?;
            if from > today {
                return Err(SkillFault::Future(from).into());
            }
            let mut sheet = w
                .get::<SkillSheet>(staff_no)?
                .unwrap_or_else(|| SkillSheet::new(staff_no));
            let entry = LevelEntry {
                level,
                from,
                source,
                assessor: p.account.clone(),
            };
            if let Some(other) = sheet.clash(skill, &entry) {
                return Err(SkillFault::SameDay {
                    date: from,
                    source: other,
                }
                .into());
            }
            let before = sheet.skills.get(skill).cloned().unwrap_or_default();
            sheet.set(skill, entry);
            let after = sheet.skills.get(skill).cloned().unwrap_or_default();
            w.put(&sheet)?;
            let change = LevelChange {
                staff_no: staff_no.to_string(),
                skill: skill.to_string(),
                before,
                after,
            };
            Ok((change, vec![staff_no.to_string(), skill.to_string()]))
        })
    }

    /// Takes back one recorded level: the skill's rows return to what they were.
    /// Refused if they changed since (another session, an import), or if the change
    /// is not one level recorded on top of the rows it would put back.
    pub fn undo_level(&self, p: &Principal, change: &LevelChange) -> Result<(), ServiceError> {
        let (staff_no, skill) = (change.staff_no.as_str(), change.skill.as_str());
        self.write_as(p, Permission::StaffWrite, "skill.undo", |w| {
            let mut sheet = w
                .get::<SkillSheet>(staff_no)?
                .ok_or_else(|| SkillFault::NoSuchEmployee(staff_no.to_string()))?;
            let now = sheet.skills.get(skill).map_or(&[][..], Vec::as_slice);
            if now != change.after.as_slice() || !level::one_step(&change.before, &change.after) {
                return Err(SkillFault::Moved.into());
            }
            sheet.restore(skill, change.before.clone());
            if sheet.is_empty() {
                w.delete::<SkillSheet>(staff_no)?;
            } else {
                w.put(&sheet)?;
            }
            Ok(((), vec![staff_no.to_string(), skill.to_string()]))
        })
    }

    /// A person's gaps at their band on a date.
    pub fn gaps(
        &self,
        p: &Principal,
        staff_no: &str,
        on: Date,
    ) -> Result<PersonGaps, ServiceError> {
        let r = self.read_as(p, Permission::StaffRead)?;
        let e = r
            .get::<Employee>(staff_no)?
            .ok_or_else(|| SkillFault::NoSuchEmployee(staff_no.to_string()))?;
        let titles = TitleMap::new(r.all::<TitleBand>()?);
        let band = e.assignment_on(on).and_then(|a| titles.band_of(&a.title));
        let Some(band) = band else {
            return Ok(PersonGaps {
                band: None,
                gaps: Vec::new(),
            });
        };
        let sheet = r
            .get::<SkillSheet>(staff_no)?
            .unwrap_or_else(|| SkillSheet::new(staff_no));
        let map = gap::map_on(&r.all::<Skill>()?, on);
        let settings = settings_in(&r)?;
        Ok(PersonGaps {
            band: Some(band),
            gaps: gap::gaps(&map, band, &sheet, on, &settings),
        })
    }
}

fn change(
    w: &Writer,
    key: &str,
    today: Date,
    next: impl FnOnce(&Skill) -> (String, [bool; 4], bool),
) -> Result<Skill, ServiceError> {
    let mut skill = w
        .get::<Skill>(key)?
        .ok_or_else(|| SkillFault::UnknownSkill(key.to_string()))?;
    let (name, required, retired) = next(&skill);
    skill
        .change(today, &name, required, retired)
        .map_err(SkillFault::Map)?;
    Ok(skill)
}

fn add_skill(w: &Writer, category: &str, name: &str, today: Date) -> Result<Skill, ServiceError> {
    if w.get::<Category>(category)?.is_none() {
        return Err(SkillFault::UnknownCategory(category.to_string()).into());
    }
    if name.trim().is_empty() {
        return Err(SkillFault::Map(MapError::EmptyName).into());
    }
    let all = w.all::<Skill>()?;
    let order = all.iter().map(|s| s.order + 1).max().unwrap_or(0);
    // A key no skill has had: added skills are numbered.
    let key = (1..)
        .map(|n| format!("skill-{n}"))
        .find(|k| all.iter().all(|s| s.key != *k))
        .unwrap_or_else(|| format!("skill-{order}"));
    Ok(Skill {
        key,
        category: Some(category.to_string()),
        name: name.trim().to_string(),
        required: [false; 4],
        order,
        retired: false,
        since: today,
        earlier: Vec::new(),
    })
}
