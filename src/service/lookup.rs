//! What the staff search indexes: everyone, as of today, with the organisation and
//! title tables the screens need to show and edit people.

use super::{Permission, Principal, Service, ServiceError};
use crate::domain::{Employee, OrgTree, TitleBand, TitleMap};
use crate::search::Entry;
use crate::store::{Record, StoreError};

/// Everything the staff pane starts from.
pub struct Directory {
    pub entries: Vec<Entry>,
    pub org: OrgTree,
    pub titles: TitleMap,
}

/// Decodes the records and builds their entries on two threads: opening the screens
/// on 50,000 people waits for this.
fn entries_in_parallel(
    raw: &[(String, Vec<u8>)],
    org: &OrgTree,
    titles: &TitleMap,
    today: crate::domain::Date,
) -> Result<Vec<Entry>, ServiceError> {
    let build = |part: &[(String, Vec<u8>)]| -> Result<Vec<Entry>, StoreError> {
        part.iter()
            .map(|(key, bytes)| {
                let e = Employee::from_bytes(bytes).map_err(|source| StoreError::Record {
                    table: Employee::TABLE.to_string(),
                    key: key.clone(),
                    source,
                })?;
                Ok(Entry::from_employee(&e, org, titles, today))
            })
            .collect()
    };
    let (first, second) = raw.split_at(raw.len() / 2);
    let (a, b) = std::thread::scope(|s| {
        let other = s.spawn(|| build(second));
        let mine = build(first);
        (mine, other.join())
    });
    let mut entries = a?;
    match b {
        Ok(rest) => entries.extend(rest?),
        Err(_) => return Err(StoreError::Db("a search worker stopped".into()).into()),
    }
    Ok(entries)
}

impl Service {
    /// Every person as a search entry, read in one transaction.
    pub fn directory(&self, p: &Principal) -> Result<Directory, ServiceError> {
        let r = self.read_as(p, Permission::StaffRead)?;
        let org = super::staff::org_tree(&r)?;
        let titles = TitleMap::new(r.all::<TitleBand>()?);
        let today = self.clock.today();
        let raw = r.all_bytes::<Employee>()?;
        let entries = entries_in_parallel(&raw, &org, &titles, today)?;
        Ok(Directory {
            entries,
            org,
            titles,
        })
    }
}
