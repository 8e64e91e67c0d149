//! What the staff search reads: everyone, as of today, with the organisation and title
//! tables the screens need to show and edit people.

use std::ops::Range;

use super::{Permission, Principal, Service, ServiceError};
use crate::domain::{Brief, Date, Employee, OrgTree, TitleBand, TitleMap};
use crate::search::{Entry, Filter, Found, Match, Pass, Query};
use crate::store::{Rows, StoreError, brief_on};

/// Everything the staff pane starts from.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub struct Directory {
    pub entries: Vec<Entry>,
    pub org: OrgTree,
    pub titles: TitleMap,
}

/// Row `i` read as the person it holds on a date; None past the end.
fn brief_at(rows: &Rows, i: usize, on: Date) -> Result<Option<Brief<'_>>, StoreError> {
    let Some(bytes) = rows.value(i) else {
        return Ok(None);
    };
    brief_on(bytes, on)
        .map(Some)
        .map_err(|source| StoreError::Record {
            table: rows.table().to_string(),
            key: rows.key(i).to_string(),
            source,
        })
}

/// Runs `work` over the first and the second half of the rows on two threads: reading
/// and keying 50,000 people once is what opening the screens and a one-off search wait
/// for, and it halves on two cores. (A keystroke's scan of keys already made stays on
/// one thread: it is short, and splitting it makes it wait for a busy core.) Without a
/// second thread the halves run one after the other.
pub(super) fn in_halves<T: Send>(
    rows: &Rows,
    work: impl Fn(Range<usize>) -> Result<T, StoreError> + Sync,
) -> Result<(T, T), ServiceError> {
    let half = rows.len() / 2;
    let (mine, other) = std::thread::scope(|s| {
        let other = std::thread::Builder::new().spawn_scoped(s, || work(half..rows.len()));
        let mine = work(0..half);
        let other = match other {
            Ok(handle) => handle.join().ok(),
            Err(_) => Some(work(half..rows.len())),
        };
        (mine, other)
    });
    match other {
        Some(other) => Ok((mine?, other?)),
        None => Err(StoreError::Db("a search worker stopped".into()).into()),
    }
}

impl Service {
    /// Every person as a search entry, read in one transaction.
    pub fn directory(&self, p: &Principal) -> Result<Directory, ServiceError> {
        let r = self.read_as(p, Permission::StaffRead)?;
        let org = super::staff::org_tree(&r)?;
        let titles = TitleMap::new(r.all::<TitleBand>()?);
        let today = self.clock.today();
        let rows = r.rows::<Employee>()?;
        let (mut entries, rest) = in_halves(&rows, |range| {
            let mut out = Vec::with_capacity(range.len());
            for i in range {
                if let Some(b) = brief_at(&rows, i, today)? {
                    out.push(Entry::from_brief(&b, &org, &titles));
                }
            }
            Ok(out)
        })?;
        entries.extend(rest);
        Ok(Directory {
            entries,
            org,
            titles,
        })
    }

    /// One query over everyone, ranked as the staff pane ranks it, for a command that
    /// asks once: a single pass over the stored people instead of building the pane's
    /// index. `filter` is made once the organisation is known.
    pub fn find(
        &self,
        p: &Principal,
        text: &str,
        filter: impl FnOnce(&OrgTree) -> Filter,
        limit: usize,
    ) -> Result<Vec<Match>, ServiceError> {
        let r = self.read_as(p, Permission::StaffRead)?;
        let org = super::staff::org_tree(&r)?;
        let titles = TitleMap::new(r.all::<TitleBand>()?);
        let today = self.clock.today();
        let rows = r.rows::<Employee>()?;
        let query = Query::new(text, filter(&org), limit);
        let shares = in_halves(&rows, |range| {
            let mut pass = Pass::new(&query, &org, &titles);
            for i in range {
                if let Some(b) = brief_at(&rows, i, today)? {
                    pass.offer(i, &b);
                }
            }
            Ok(pass.finish())
        })?;
        let found: Vec<Found> = crate::search::merge([shares.0, shares.1], limit);
        let mut out = Vec::with_capacity(found.len());
        for f in found {
            if let Some(b) = brief_at(&rows, f.row, today)? {
                out.push(Match {
                    entry: Entry::from_brief(&b, &org, &titles),
                    rank: f.rank,
                    score: f.score,
                });
            }
        }
        Ok(out)
    }
}
