//! Staff look-up for `kizuna show` and the staff pane, and record counts.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::Serialize;

use super::{Permission, Principal, Service, ServiceError};
use crate::domain::{
    AssignmentKind, Band, Date, Employee, OrgTree, OrgUnit, Status, TitleBand, TitleMap,
};
use crate::store::Reader;

/// One post of a person's history, with the unit's name resolved.
#[derive(Clone, Debug, Serialize, serde::Deserialize)]
pub struct PostView {
    pub effective: Date,
    pub unit: String,
    pub unit_name: String,
    pub title: String,
    pub kind: AssignmentKind,
}

/// A person as the screens and `show` present them: the record plus what follows from
/// it on a date.
#[derive(Clone, Debug, Serialize, serde::Deserialize)]
pub struct EmployeeView {
    pub employee: Employee,
    /// The record's revision when it was read: an edit passes it back when saving.
    pub revision: u64,
    pub romaji: String,
    pub as_of: Date,
    pub age: i32,
    pub senior: bool,
    pub unit: Option<String>,
    pub unit_name: String,
    pub section: Option<String>,
    pub title: Option<String>,
    pub band: Option<Band>,
    pub years_of_service: i32,
    pub years_in_post: i32,
    /// Newest first.
    pub posts: Vec<PostView>,
}

pub(super) fn org_tree(r: &Reader) -> Result<OrgTree, ServiceError> {
    Ok(OrgTree::new(r.all::<OrgUnit>()?)?)
}

/// The organisation and the title map, read at a commit count.
pub(super) struct Places {
    commits: u64,
    org: Arc<OrgTree>,
    titles: Arc<TitleMap>,
}

impl Service {
    /// The organisation and title map for the read transaction `r`, begun after the
    /// commit count was `commits`: kept while nothing is committed, read again after.
    fn places(
        &self,
        r: &Reader,
        commits: u64,
    ) -> Result<(Arc<OrgTree>, Arc<TitleMap>), ServiceError> {
        let mut kept = match self.places.lock() {
            Ok(kept) => kept,
            Err(poisoned) => poisoned.into_inner(),
        };
        if let Some(p) = kept.as_ref().filter(|p| p.commits == commits) {
            return Ok((Arc::clone(&p.org), Arc::clone(&p.titles)));
        }
        let org = Arc::new(org_tree(r)?);
        let titles = Arc::new(TitleMap::new(r.all::<TitleBand>()?));
        *kept = Some(Places {
            commits,
            org: Arc::clone(&org),
            titles: Arc::clone(&titles),
        });
        Ok((org, titles))
    }
}

pub(super) fn view(
    e: Employee,
    revision: u64,
    org: &OrgTree,
    titles: &TitleMap,
    on: Date,
) -> EmployeeView {
    let current = e.assignment_on(on).cloned();
    let posts = e
        .history
        .iter()
        .rev()
        .map(|a| PostView {
            effective: a.effective,
            unit: a.unit.clone(),
            unit_name: org.path_name(&a.unit).to_string(),
            title: a.title.clone(),
            kind: a.kind,
        })
        .collect();
    EmployeeView {
        revision,
        romaji: e.romaji(),
        as_of: on,
        age: e.age_on(on),
        senior: e.is_senior_on(on),
        unit_name: current
            .as_ref()
            .map(|a| org.path_name(&a.unit).to_string())
            .unwrap_or_default(),
        section: current
            .as_ref()
            .and_then(|a| org.section_of(&a.unit))
            .map(|u| u.name.clone()),
        band: current.as_ref().and_then(|a| titles.band_of(&a.title)),
        unit: current.as_ref().map(|a| a.unit.clone()),
        title: current.map(|a| a.title),
        years_of_service: e.years_of_service(on),
        years_in_post: e.years_in_post(on),
        posts,
        employee: e,
    }
}

/// How many records of each kind.
#[derive(Clone, Debug, Serialize, serde::Deserialize)]
pub struct Stats {
    pub demo: bool,
    /// `(kind, count)` in a fixed order.
    pub counts: Vec<(String, u64)>,
    pub staff_by_status: BTreeMap<String, u64>,
}

impl Service {
    /// A person by staff number, as of today.
    pub fn employee(&self, p: &Principal, staff_no: &str) -> Result<EmployeeView, ServiceError> {
        // The count first: the transaction then sees at least that commit.
        let commits = self.store.commits();
        let r = self.read_as(p, Permission::StaffRead)?;
        let e = r
            .get::<Employee>(staff_no)?
            .ok_or_else(|| ServiceError::NotFound {
                kind: "employee",
                id: staff_no.to_string(),
            })?;
        let revision = r.revision::<Employee>(staff_no)?;
        let (org, titles) = self.places(&r, commits)?;
        Ok(view(e, revision, &org, &titles, self.clock.today()))
    }

    /// Records per kind; restricted records never appear here.
    pub fn stats(&self, p: &Principal) -> Result<Stats, ServiceError> {
        let r = self.read_as(p, Permission::Stats)?;
        let mut by_status = BTreeMap::new();
        for e in r.all::<Employee>()? {
            let key = match e.status {
                Status::Active => "active",
                Status::OnLeave => "on-leave",
                Status::Left => "left",
            };
            *by_status.entry(key.to_string()).or_insert(0) += 1;
        }
        let mut counts = Vec::new();
        for table in crate::store::tables::record_tables() {
            if crate::store::keys::SEALED_TABLES.contains(&table) {
                continue;
            }
            counts.push((table.to_string(), r.count(table)?));
        }
        counts.push(("assignments".to_string(), r.unit_history()?.len() as u64));
        counts.push(("audit".to_string(), r.audit_len()?));
        Ok(Stats {
            demo: r.meta(crate::store::meta::DEMO)?.is_some(),
            counts,
            staff_by_status: by_status,
        })
    }
}
