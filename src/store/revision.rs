//! Record revisions: a counter per `(record table, key)` that every write of the record
//! through [`Writer`] raises in the same transaction, so that a save can tell whether
//! someone else changed the record since it was read (no lost updates under
//! `kizuna serve`).
//!
//! A record never written since revisions exist (schema 6) has revision 0, and so has
//! every record of an older database opened read-only, whose table is missing. A
//! deleted record keeps its counter, so a record made again under the same key never
//! repeats a revision someone may still hold.

use redb::{ReadableTable, TableDefinition, TableError, WriteTransaction};

use super::records::Record;
use super::{Reader, StoreError, Writer};

/// `(record table, key)` → revision.
pub const REVISIONS: TableDefinition<(&str, &str), u64> = TableDefinition::new("revision");

fn read_in(
    table: &impl ReadableTable<(&'static str, &'static str), u64>,
    record_table: &str,
    key: &str,
) -> Result<u64, StoreError> {
    Ok(table.get((record_table, key))?.map_or(0, |v| v.value()))
}

impl Reader {
    /// The revision of one record (0 if never written since revisions exist).
    pub fn revision<T: Record>(&self, key: &str) -> Result<u64, StoreError> {
        self.revision_in(T::TABLE, key)
    }

    /// The revision of a record named by its table, for callers that hold only names.
    pub fn revision_in(&self, record_table: &str, key: &str) -> Result<u64, StoreError> {
        match self.txn.open_table(REVISIONS) {
            Ok(table) => read_in(&table, record_table, key),
            // An older database opened read-only has no revisions yet.
            Err(TableError::TableDoesNotExist(_)) => Ok(0),
            Err(e) => Err(e.into()),
        }
    }

    /// Every stored revision as `(record table, key, revision)`, in key order.
    pub fn revisions(&self) -> Result<Vec<(String, String, u64)>, StoreError> {
        let table = match self.txn.open_table(REVISIONS) {
            Ok(table) => table,
            Err(TableError::TableDoesNotExist(_)) => return Ok(Vec::new()),
            Err(e) => return Err(e.into()),
        };
        let mut out = Vec::new();
        for row in table.iter()? {
            let (k, v) = row?;
            let (t, key) = k.value();
            out.push((t.to_string(), key.to_string(), v.value()));
        }
        Ok(out)
    }
}

impl Writer {
    /// The revision of one record as this transaction sees it.
    pub fn revision<T: Record>(&self, key: &str) -> Result<u64, StoreError> {
        read_in(&self.txn.open_table(REVISIONS)?, T::TABLE, key)
    }

    /// Raises a record's revision by one; called by every write of a record.
    pub(super) fn bump(&mut self, record_table: &str, key: &str) -> Result<u64, StoreError> {
        let mut table = self.txn.open_table(REVISIONS)?;
        let next = read_in(&table, record_table, key)?.saturating_add(1);
        table.insert((record_table, key), next)?;
        Ok(next)
    }
}

/// Makes the table in a new or migrated database.
pub(super) fn create(w: &Writer) -> Result<(), StoreError> {
    w.txn.open_table(REVISIONS)?;
    Ok(())
}

/// Copies the revisions into a backup; a source without them has none to copy.
pub(super) fn copy(from: &Reader, to: &WriteTransaction) -> Result<(), StoreError> {
    let src = match from.txn.open_table(REVISIONS) {
        Ok(table) => table,
        Err(TableError::TableDoesNotExist(_)) => return Ok(()),
        Err(e) => return Err(e.into()),
    };
    let mut dst = to.open_table(REVISIONS)?;
    for row in src.iter()? {
        let (k, v) = row?;
        dst.insert(k.value(), v.value())?;
    }
    Ok(())
}
