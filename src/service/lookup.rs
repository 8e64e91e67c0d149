//! What the staff search indexes: everyone, as of today, with the organisation and
//! title tables the screens need to show and edit people.

use super::{Permission, Principal, Service, ServiceError};
use crate::domain::{Employee, OrgTree, TitleBand, TitleMap};
use crate::search::Entry;

/// Everything the staff pane starts from.
pub struct Directory {
    pub entries: Vec<Entry>,
    pub org: OrgTree,
    pub titles: TitleMap,
}

impl Service {
    /// Every person as a search entry, read in one transaction.
    pub fn directory(&self, p: &Principal) -> Result<Directory, ServiceError> {
        let r = self.read_as(p, Permission::StaffRead)?;
        let org = super::staff::org_tree(&r)?;
        let titles = TitleMap::new(r.all::<TitleBand>()?);
        let today = self.clock.today();
        let entries = r
            .all::<Employee>()?
            .iter()
            .map(|e| Entry::from_employee(e, &org, &titles, today))
            .collect();
        Ok(Directory {
            entries,
            org,
            titles,
        })
    }
}
