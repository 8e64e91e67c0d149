//! Reports over many people: the skill matrix of a section, the share meeting each
//! skill's target, and the digital talent counts against the policy's targets.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::lookup::in_halves;
use super::skills::settings_in;
use super::{Permission, Principal, Service, ServiceError};
use crate::domain::gap::{self, MapSkill};
use crate::domain::level::digital_key;
use crate::domain::{
    Band, Brief, Date, DigitalDomain, DigitalTier, Employee, Level, OrgTree, OrgUnit, Settings,
    Share, Skill, SkillSheet, Tally, TierTarget, TitleBand, TitleMap, UnitTag,
};
use crate::store::{Reader, Rows, StoreError, brief_on, levels_on};

/// Which people a matrix or a report covers.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Scope {
    /// A unit and everything under it; None for the whole city.
    pub unit: Option<String>,
    pub band: Option<Band>,
    pub title: Option<String>,
}

/// One person's row of a matrix.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct MatrixRow {
    pub staff_no: String,
    pub name: String,
    pub reading: String,
    pub unit: String,
    pub title: String,
    pub band: Option<Band>,
    pub tier: DigitalTier,
    /// Per column: the map's skills, then the digital domains.
    pub levels: Vec<Option<Level>>,
}

/// Staff down, skills across, as of a date.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Matrix {
    pub on: Date,
    pub scope: Scope,
    pub skills: Vec<MapSkill>,
    pub digital: Vec<DigitalDomain>,
    pub settings: Settings,
    pub rows: Vec<MatrixRow>,
}

impl Matrix {
    pub fn columns(&self) -> usize {
        self.skills.len() + self.digital.len()
    }

    /// The sheet key of a column.
    pub fn column_key(&self, col: usize) -> Option<String> {
        match self.skills.get(col) {
            Some(s) => Some(s.key.clone()),
            None => col
                .checked_sub(self.skills.len())
                .and_then(|d| self.digital.get(d))
                .map(|d| digital_key(&d.key)),
        }
    }

    /// The display name of a column: the skill's, or the digital domain's; "" past the
    /// end.
    pub fn column_name(&self, col: usize) -> &str {
        match self.skills.get(col) {
            Some(s) => &s.name,
            None => col
                .checked_sub(self.skills.len())
                .and_then(|d| self.digital.get(d))
                .map_or("", |d| d.name.as_str()),
        }
    }

    /// Whether the column's skill is required at the row's band (digital domains never
    /// are).
    pub fn required(&self, row: usize, col: usize) -> bool {
        match (
            self.rows.get(row).and_then(|r| r.band),
            self.skills.get(col),
        ) {
            (Some(band), Some(skill)) => skill.required_at(band),
            _ => false,
        }
    }

    /// A required cell below the target of the row's band: what the screen marks.
    pub fn short(&self, row: usize, col: usize) -> bool {
        let Some(r) = self.rows.get(row) else {
            return false;
        };
        let (Some(band), true) = (r.band, self.required(row, col)) else {
            return false;
        };
        let level = r.levels.get(col).copied().flatten();
        !gap::meets(level, self.settings.target(band))
    }
}

/// The share of people meeting each skill's target, worst first.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct GapReport {
    pub on: Date,
    pub scope: Scope,
    /// People counted: those in scope with a band.
    pub people: u32,
    pub shares: Vec<Share>,
}

/// A 所属 and its leaders.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SectionCount {
    pub code: String,
    pub name: String,
    pub leaders: u32,
}

/// Today's digital talent against the policy's targets.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct TierReport {
    pub on: Date,
    pub targets: Vec<TierTarget>,
    /// Staff in post (not left) per tier.
    pub counts: BTreeMap<DigitalTier, u32>,
    /// Architects working in the digital or core-system sections.
    pub architects_in_systems: u32,
    /// Every 所属 in place on the date, with its leaders.
    pub sections: Vec<SectionCount>,
    /// The long-term floor per 所属 (2 in the policy).
    pub per_section: u32,
}

impl TierReport {
    pub fn count(&self, tier: DigitalTier) -> u32 {
        self.counts.get(&tier).copied().unwrap_or(0)
    }

    /// The 所属 still below the floor of leaders.
    pub fn sections_below(&self) -> Vec<&SectionCount> {
        self.sections
            .iter()
            .filter(|s| s.leaders < self.per_section)
            .collect()
    }
}

fn in_scope(
    scope: &Scope,
    units: Option<&BTreeSet<String>>,
    b: &Brief<'_>,
    band: Option<Band>,
    on: Date,
) -> bool {
    let Some(post) = b.post else {
        return false;
    };
    // On the staff on the date asked about, not today: a report as of last year
    // counts someone who has left since, and not someone hired since.
    b.in_post_on(on)
        && units.is_none_or(|u| u.contains(post.unit))
        && scope.band.is_none_or(|s| band == Some(s))
        && scope.title.as_deref().is_none_or(|t| t == post.title)
}

fn record_err(rows: &Rows, i: usize, source: crate::store::codec::CodecError) -> StoreError {
    StoreError::Record {
        table: rows.table().to_string(),
        key: rows.key(i).to_string(),
        source,
    }
}

/// Everyone in scope on a date, with their band: (row of the employees table, brief).
fn people<'r>(
    staff: &'r Rows,
    scope: &Scope,
    org: &OrgTree,
    titles: &TitleMap,
    on: Date,
) -> Result<Vec<(usize, Brief<'r>, Option<Band>)>, StoreError> {
    let units = scope.unit.as_deref().map(|u| org.subtree(u));
    let mut out = Vec::new();
    for i in 0..staff.len() {
        let Some(bytes) = staff.value(i) else { break };
        let b = brief_on(bytes, on).map_err(|e| record_err(staff, i, e))?;
        let band = b.post.and_then(|p| titles.band_of(p.title));
        if in_scope(scope, units.as_ref(), &b, band, on) {
            out.push((i, b, band));
        }
    }
    Ok(out)
}

fn scope_unit_exists(org: &OrgTree, scope: &Scope) -> Result<(), ServiceError> {
    match &scope.unit {
        Some(code) if org.get(code).is_none() => Err(ServiceError::NotFound {
            kind: "unit",
            id: code.clone(),
        }),
        _ => Ok(()),
    }
}

fn context(r: &Reader) -> Result<(OrgTree, TitleMap, Settings), ServiceError> {
    Ok((
        super::staff::org_tree(r)?,
        TitleMap::new(r.all::<TitleBand>()?),
        settings_in(r)?,
    ))
}

impl Service {
    /// The matrix of the people in scope on a date, ordered by unit, band (highest
    /// first) and reading.
    pub fn matrix(&self, p: &Principal, scope: &Scope, on: Date) -> Result<Matrix, ServiceError> {
        let r = self.read_as(p, Permission::StaffRead)?;
        let (org, titles, settings) = context(&r)?;
        scope_unit_exists(&org, scope)?;
        let skills = gap::map_on(&r.all::<Skill>()?, on);
        let mut digital = r.all::<DigitalDomain>()?;
        digital.sort_by_key(|d| d.order);
        let staff = r.rows::<Employee>()?;
        let mut rows = Vec::new();
        for (_, b, band) in people(&staff, scope, &org, &titles, on)? {
            let sheet = r
                .get::<SkillSheet>(b.staff_no)?
                .unwrap_or_else(|| SkillSheet::new(b.staff_no));
            let level = |key: &str| sheet.level_on(key, on).map(|e| e.level);
            let levels = skills
                .iter()
                .map(|s| level(&s.key))
                .chain(digital.iter().map(|d| level(&digital_key(&d.key))))
                .collect();
            rows.push(MatrixRow {
                staff_no: b.staff_no.to_string(),
                name: b.name.to_string(),
                reading: b.reading.to_string(),
                unit: b.post.map(|p| p.unit.to_string()).unwrap_or_default(),
                title: b.post.map(|p| p.title.to_string()).unwrap_or_default(),
                band,
                tier: b.digital,
                levels,
            });
        }
        rows.sort_by(|a, b| {
            (&a.unit, std::cmp::Reverse(a.band), &a.reading, &a.staff_no).cmp(&(
                &b.unit,
                std::cmp::Reverse(b.band),
                &b.reading,
                &b.staff_no,
            ))
        });
        Ok(Matrix {
            on,
            scope: scope.clone(),
            skills,
            digital,
            settings,
            rows,
        })
    }

    /// Per skill, the share of the people in scope who meet the target at their band,
    /// worst first.
    pub fn gap_report(
        &self,
        p: &Principal,
        scope: &Scope,
        on: Date,
    ) -> Result<GapReport, ServiceError> {
        let r = self.read_as(p, Permission::StaffRead)?;
        let (org, titles, settings) = context(&r)?;
        scope_unit_exists(&org, scope)?;
        let map = gap::map_on(&r.all::<Skill>()?, on);
        let staff = r.rows::<Employee>()?;
        let sheets = r.rows::<SkillSheet>()?;
        let units = scope.unit.as_deref().map(|u| org.subtree(u));
        let positions: HashMap<&str, usize> = map
            .iter()
            .enumerate()
            .map(|(i, s)| (s.key.as_str(), i))
            .collect();
        // Both tables are keyed by staff number, so each half walks the sheets beside
        // the staff instead of looking each person up.
        let (mut tally, rest) = in_halves(&staff, |range| {
            let mut tally = Tally::new(&map);
            let mut people = 0u32;
            let mut levels = vec![None; map.len()];
            let mut j = sheets.seek(staff.key_bytes(range.start));
            for i in range {
                let Some(bytes) = staff.value(i) else { break };
                let b = brief_on(bytes, on).map_err(|e| record_err(&staff, i, e))?;
                let band = b.post.and_then(|p| titles.band_of(p.title));
                let Some(band) = band.filter(|_| in_scope(scope, units.as_ref(), &b, band, on))
                else {
                    continue;
                };
                people += 1;
                levels.fill(None);
                let key = staff.key_bytes(i);
                while j < sheets.len() && sheets.key_bytes(j) < key {
                    j += 1;
                }
                if sheets.key_bytes(j) == key
                    && let Some(bytes) = sheets.value(j)
                {
                    for (skill, level) in
                        levels_on(bytes, on).map_err(|e| record_err(&sheets, j, e))?
                    {
                        if let Some(&at) = positions.get(skill) {
                            levels[at] = Some(level);
                        }
                    }
                }
                tally.add_levels(band, &settings, &levels);
            }
            Ok((tally, people))
        })?;
        tally.0.merge(&rest.0);
        Ok(GapReport {
            on,
            scope: scope.clone(),
            people: tally.1 + rest.1,
            shares: tally.0.worst_first(),
        })
    }

    /// The digital tiers on a date against the policy's targets, and the 所属 below
    /// the floor of leaders.
    pub fn tier_report(&self, p: &Principal, on: Date) -> Result<TierReport, ServiceError> {
        let r = self.read_as(p, Permission::StaffRead)?;
        let (org, titles, _) = context(&r)?;
        let mut targets = r.all::<TierTarget>()?;
        targets.sort_by_key(|t| t.tier as u32);
        let per_section = targets.iter().find_map(|t| t.per_section).unwrap_or(2);
        let staff = r.rows::<Employee>()?;
        let mut counts = BTreeMap::new();
        let mut leaders: BTreeMap<&str, u32> = BTreeMap::new();
        let mut architects_in_systems = 0;
        for (_, b, _) in people(&staff, &Scope::default(), &org, &titles, on)? {
            *counts.entry(b.digital).or_insert(0) += 1;
            let unit = b.post.map(|p| p.unit).unwrap_or_default();
            let section = org.section_of(unit);
            match b.digital {
                DigitalTier::Leader => {
                    if let Some(s) = section {
                        *leaders.entry(s.code.as_str()).or_insert(0) += 1;
                    }
                }
                DigitalTier::Architect => {
                    let tagged = |u: &OrgUnit| u.tag != UnitTag::None;
                    if org.ancestry(unit).into_iter().any(tagged) {
                        architects_in_systems += 1;
                    }
                }
                DigitalTier::Starter => {}
            }
        }
        let sections = org
            .units()
            .filter(|u| u.kind == crate::domain::UnitKind::Section && u.is_valid_on(on))
            .map(|u| SectionCount {
                code: u.code.clone(),
                name: org.path_name(&u.code).to_string(),
                leaders: leaders.get(u.code.as_str()).copied().unwrap_or(0),
            })
            .collect();
        Ok(TierReport {
            on,
            targets,
            counts,
            architects_in_systems,
            sections,
            per_section,
        })
    }
}
