//! Read and write transactions over typed records. One user command is one write
//! transaction: records, the unit-history index and the audit entry commit together.

use redb::{ReadTransaction, ReadableTable, ReadableTableMetadata, WriteTransaction};

use super::StoreError;
use super::audit::{AuditEntry, Hash};
use super::codec::{self, CodecError};
use super::meta;
use super::records::Record;
use super::tables::{self, AUDIT, META, PERSON_INDEX, UNIT_HISTORY};
use crate::domain::{FiscalYear, PlanPeriod, Timestamp};

fn record_err(table: &str, key: &str, source: super::codec::CodecError) -> StoreError {
    StoreError::Record {
        table: table.to_string(),
        key: key.to_string(),
        source,
    }
}

fn decode_plan_period(bytes: Option<&[u8]>) -> Result<PlanPeriod, StoreError> {
    let err = |e| record_err("meta", meta::PLAN_PERIOD, e);
    let bytes = bytes.ok_or_else(|| err(CodecError::Missing))?;
    let (version, payload) = codec::split(bytes).map_err(err)?;
    if version != 1 {
        return Err(err(CodecError::UnknownVersion {
            found: version,
            known: 1,
        }));
    }
    let (first, last): (i32, i32) = codec::decode(payload).map_err(err)?;
    if first > last {
        return Err(err(CodecError::Corrupt(format!("{first} > {last}"))));
    }
    Ok(PlanPeriod {
        first: FiscalYear(first),
        last: FiscalYear(last),
    })
}

fn decode<T: Record>(key: &str, bytes: &[u8]) -> Result<T, StoreError> {
    T::from_bytes(bytes).map_err(|e| record_err(T::TABLE, key, e))
}

/// One record by key, from a read or a write transaction's table.
fn get_in<T: Record>(
    table: &impl ReadableTable<&'static str, &'static [u8]>,
    key: &str,
) -> Result<Option<T>, StoreError> {
    match table.get(key)? {
        Some(v) => decode(key, v.value()).map(Some),
        None => Ok(None),
    }
}

/// Every record of a table, in key order.
fn all_in<T: Record>(
    table: &impl ReadableTable<&'static str, &'static [u8]>,
) -> Result<Vec<T>, StoreError> {
    let mut out = Vec::with_capacity(table.len()? as usize);
    for row in table.iter()? {
        let (k, v) = row?;
        out.push(decode(k.value(), v.value())?);
    }
    Ok(out)
}

fn meta_in(
    table: &impl ReadableTable<&'static str, &'static [u8]>,
    key: &str,
) -> Result<Option<Vec<u8>>, StoreError> {
    Ok(table.get(key)?.map(|v| v.value().to_vec()))
}

/// The keys of one table's records about a person.
fn person_keys(
    index: &impl ReadableTable<(&'static str, &'static str, &'static str), ()>,
    staff_no: &str,
    table: &str,
) -> Result<Vec<String>, StoreError> {
    let mut out = Vec::new();
    for row in index.range((staff_no, table, "")..=(staff_no, table, "\u{10ffff}"))? {
        let (k, _) = row?;
        out.push(k.value().2.to_string());
    }
    Ok(out)
}

/// Records whose key starts with a prefix.
fn prefixed<T: Record>(
    table: &impl ReadableTable<&'static str, &'static [u8]>,
    prefix: &str,
) -> Result<Vec<T>, StoreError> {
    let mut out = Vec::new();
    for row in table.range(prefix..)? {
        let (k, v) = row?;
        if !k.value().starts_with(prefix) {
            break;
        }
        out.push(decode(k.value(), v.value())?);
    }
    Ok(out)
}

/// A stored key and what its bytes decoded to.
pub type Keyed<T> = (String, Result<T, StoreError>);

/// The rows of one table copied into one buffer: two allocations, not two per row.
pub struct Rows {
    table: &'static str,
    buf: Vec<u8>,
    /// Per row, where its key ends and where its value ends.
    ends: Vec<(usize, usize)>,
}

impl Rows {
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    pub fn table(&self) -> &'static str {
        self.table
    }

    /// The stored bytes of row `i`, or None past the end.
    pub fn value(&self, i: usize) -> Option<&[u8]> {
        let (key_end, end) = *self.ends.get(i)?;
        Some(&self.buf[key_end..end])
    }

    /// The key of row `i` as bytes, in the table's order; empty past the end.
    pub fn key_bytes(&self, i: usize) -> &[u8] {
        let start = match i.checked_sub(1) {
            Some(before) => self.ends.get(before).map_or(0, |e| e.1),
            None => 0,
        };
        match self.ends.get(i) {
            Some(&(key_end, _)) => &self.buf[start..key_end],
            None => &[],
        }
    }

    /// The first row whose key is not below `key`.
    pub fn seek(&self, key: &[u8]) -> usize {
        let (mut lo, mut hi) = (0, self.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if self.key_bytes(mid) < key {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }

    /// The key of row `i`, or "" past the end.
    pub fn key(&self, i: usize) -> &str {
        let start = match i.checked_sub(1) {
            Some(before) => self.ends.get(before).map_or(0, |e| e.1),
            None => 0,
        };
        let Some(&(key_end, _)) = self.ends.get(i) else {
            return "";
        };
        // Keys go in as text; one that somehow is not shows as U+FFFD.
        std::str::from_utf8(&self.buf[start..key_end]).unwrap_or("\u{FFFD}")
    }
}

/// A consistent view of the database.
pub struct Reader {
    pub(super) txn: ReadTransaction,
}

impl Reader {
    pub fn get<T: Record>(&self, key: &str) -> Result<Option<T>, StoreError> {
        get_in(&self.txn.open_table(tables::records::<T>())?, key)
    }

    /// Every record of a type, in key order.
    pub fn all<T: Record>(&self) -> Result<Vec<T>, StoreError> {
        all_in(&self.txn.open_table(tables::records::<T>())?)
    }

    /// Every record of a type as raw `(key, decode result)`, for checking.
    pub fn all_raw<T: Record>(&self) -> Result<Vec<Keyed<T>>, StoreError> {
        let table = self.txn.open_table(tables::records::<T>())?;
        let mut out = Vec::new();
        for row in table.iter()? {
            let (k, v) = row?;
            out.push((k.value().to_string(), decode(k.value(), v.value())));
        }
        Ok(out)
    }

    /// Every stored row of a type, undecoded, in key order: for callers that decode on
    /// several threads.
    pub fn rows<T: Record>(&self) -> Result<Rows, StoreError> {
        let table = self.txn.open_table(tables::records::<T>())?;
        let mut rows = Rows {
            table: T::TABLE,
            buf: Vec::new(),
            ends: Vec::with_capacity(table.len()? as usize),
        };
        for row in table.iter()? {
            let (k, v) = row?;
            rows.buf.extend_from_slice(k.value().as_bytes());
            let key_end = rows.buf.len();
            rows.buf.extend_from_slice(v.value());
            rows.ends.push((key_end, rows.buf.len()));
        }
        Ok(rows)
    }

    pub fn count(&self, table: &'static str) -> Result<u64, StoreError> {
        let def = redb::TableDefinition::<&str, &[u8]>::new(table);
        Ok(self.txn.open_table(def)?.len()?)
    }

    pub fn meta(&self, key: &str) -> Result<Option<Vec<u8>>, StoreError> {
        meta_in(&self.txn.open_table(META)?, key)
    }

    /// The plan period (R8-R12 in the policy), stored as data.
    pub fn plan_period(&self) -> Result<PlanPeriod, StoreError> {
        let bytes = self.meta(meta::PLAN_PERIOD)?;
        decode_plan_period(bytes.as_deref())
    }

    /// The whole audit log, oldest first; entries that do not decode are reported.
    pub fn audit(&self) -> Result<Vec<Result<AuditEntry, StoreError>>, StoreError> {
        let table = self.txn.open_table(AUDIT)?;
        let mut out = Vec::new();
        for row in table.iter()? {
            let (k, v) = row?;
            let key = k.value();
            out.push(
                AuditEntry::from_bytes(v.value())
                    .map_err(|e| record_err("audit", &key.to_string(), e)),
            );
        }
        Ok(out)
    }

    pub fn audit_len(&self) -> Result<u64, StoreError> {
        Ok(self.txn.open_table(AUDIT)?.len()?)
    }

    /// Every record of a type about one person, through the person index.
    pub fn of_person<T: Record>(&self, staff_no: &str) -> Result<Vec<T>, StoreError> {
        let keys = person_keys(&self.txn.open_table(PERSON_INDEX)?, staff_no, T::TABLE)?;
        let table = self.txn.open_table(tables::records::<T>())?;
        keys.iter()
            .filter_map(|k| get_in::<T>(&table, k).transpose())
            .collect()
    }

    /// Every record of a type whose key starts with `prefix`, in key order.
    pub fn with_prefix<T: Record>(&self, prefix: &str) -> Result<Vec<T>, StoreError> {
        prefixed(&self.txn.open_table(tables::records::<T>())?, prefix)
    }

    /// The person index as stored: `(staff number, table, key)`.
    pub fn person_index(&self) -> Result<Vec<(String, String, String)>, StoreError> {
        let table = self.txn.open_table(PERSON_INDEX)?;
        let mut out = Vec::new();
        for row in table.iter()? {
            let (k, _) = row?;
            let (staff, t, key) = k.value();
            out.push((staff.to_string(), t.to_string(), key.to_string()));
        }
        Ok(out)
    }

    /// The unit-history index as stored.
    pub fn unit_history(&self) -> Result<Vec<(String, u32, String)>, StoreError> {
        let table = self.txn.open_table(UNIT_HISTORY)?;
        let mut out = Vec::new();
        for row in table.iter()? {
            let (k, _) = row?;
            let (unit, date, staff) = k.value();
            out.push((unit.to_string(), date, staff.to_string()));
        }
        Ok(out)
    }

    /// Staff numbers with an assignment in `unit`, by date, from the index.
    pub fn staff_in_unit(&self, unit: &str) -> Result<Vec<(u32, String)>, StoreError> {
        let table = self.txn.open_table(UNIT_HISTORY)?;
        let mut out = Vec::new();
        for row in table.range((unit, 0u32, "")..=(unit, u32::MAX, "\u{10ffff}"))? {
            let (k, _) = row?;
            let (_, date, staff) = k.value();
            out.push((date, staff.to_string()));
        }
        Ok(out)
    }
}

/// A write transaction. Dropped without [`Writer::commit`], it leaves nothing behind.
pub struct Writer {
    pub(super) txn: WriteTransaction,
    /// Commits of this handle that changed data (not only the audit log).
    pub(super) commits: std::sync::Arc<std::sync::atomic::AtomicU64>,
    /// Whether this transaction writes a record or a setting.
    pub(super) changed: bool,
}

impl Writer {
    pub fn get<T: Record>(&self, key: &str) -> Result<Option<T>, StoreError> {
        get_in(&self.txn.open_table(tables::records::<T>())?, key)
    }

    pub fn all<T: Record>(&self) -> Result<Vec<T>, StoreError> {
        all_in(&self.txn.open_table(tables::records::<T>())?)
    }

    /// Inserts or replaces a record, keeping the unit-history index in step and
    /// raising the record's revision.
    pub fn put<T: Record>(&mut self, record: &T) -> Result<(), StoreError> {
        let key = record.key();
        let bytes = record
            .to_bytes()
            .map_err(|e| record_err(T::TABLE, &key, e))?;
        let old = self.get::<T>(&key)?;
        self.changed = true;
        let mut table = self.txn.open_table(tables::records::<T>())?;
        table.insert(key.as_str(), bytes.as_slice())?;
        drop(table);
        self.bump(T::TABLE, &key)?;
        let (old_people, old_units) = match old {
            Some(o) => (o.people(), o.unit_index()),
            None => (Vec::new(), Vec::new()),
        };
        self.reindex_people::<T>(&key, old_people, record.people())?;
        self.reindex(old_units, record.unit_index())
    }

    /// Removes a record and its index entries; true if it existed (then its revision
    /// is raised and kept).
    pub fn delete<T: Record>(&mut self, key: &str) -> Result<bool, StoreError> {
        let old = self.get::<T>(key)?;
        self.changed = true;
        let mut table = self.txn.open_table(tables::records::<T>())?;
        table.remove(key)?;
        drop(table);
        let existed = old.is_some();
        if existed {
            self.bump(T::TABLE, key)?;
        }
        let (old_people, old_units) = match old {
            Some(o) => (o.people(), o.unit_index()),
            None => (Vec::new(), Vec::new()),
        };
        self.reindex_people::<T>(key, old_people, Vec::new())?;
        self.reindex(old_units, Vec::new())?;
        Ok(existed)
    }

    fn reindex_people<T: Record>(
        &mut self,
        key: &str,
        old: Vec<String>,
        new: Vec<String>,
    ) -> Result<(), StoreError> {
        if old == new {
            return Ok(());
        }
        let mut index = self.txn.open_table(PERSON_INDEX)?;
        for staff in &old {
            index.remove((staff.as_str(), T::TABLE, key))?;
        }
        for staff in &new {
            index.insert((staff.as_str(), T::TABLE, key), ())?;
        }
        Ok(())
    }

    /// Every record of a type about one person, through the person index.
    pub fn of_person<T: Record>(&self, staff_no: &str) -> Result<Vec<T>, StoreError> {
        let keys = person_keys(&self.txn.open_table(PERSON_INDEX)?, staff_no, T::TABLE)?;
        let table = self.txn.open_table(tables::records::<T>())?;
        keys.iter()
            .filter_map(|k| get_in::<T>(&table, k).transpose())
            .collect()
    }

    /// Every record of a type whose key starts with `prefix`, in key order.
    pub fn with_prefix<T: Record>(&self, prefix: &str) -> Result<Vec<T>, StoreError> {
        prefixed(&self.txn.open_table(tables::records::<T>())?, prefix)
    }

    fn reindex(
        &mut self,
        old: Vec<(String, u32, String)>,
        new: Vec<(String, u32, String)>,
    ) -> Result<(), StoreError> {
        if old == new {
            return Ok(());
        }
        let mut index = self.txn.open_table(UNIT_HISTORY)?;
        for (unit, date, key) in &old {
            index.remove((unit.as_str(), *date, key.as_str()))?;
        }
        for (unit, date, key) in &new {
            index.insert((unit.as_str(), *date, key.as_str()), ())?;
        }
        Ok(())
    }

    pub fn meta(&self, key: &str) -> Result<Option<Vec<u8>>, StoreError> {
        meta_in(&self.txn.open_table(META)?, key)
    }

    pub fn set_meta(&mut self, key: &str, value: &[u8]) -> Result<(), StoreError> {
        self.changed = true;
        self.txn.open_table(META)?.insert(key, value)?;
        Ok(())
    }

    pub fn set_plan_period(&mut self, period: PlanPeriod) -> Result<(), StoreError> {
        let bytes = codec::encode(1, &(period.first.0, period.last.0))
            .map_err(|e| record_err("meta", meta::PLAN_PERIOD, e))?;
        self.set_meta(meta::PLAN_PERIOD, &bytes)
    }

    /// Appends an audit entry after the current head.
    pub fn audit(
        &mut self,
        at: Timestamp,
        actor: &str,
        action: &str,
        ids: Vec<String>,
    ) -> Result<Hash, StoreError> {
        let mut table = self.txn.open_table(AUDIT)?;
        let (seq, prev) = match table.last()? {
            Some((k, v)) => {
                let last = AuditEntry::from_bytes(v.value())
                    .map_err(|e| record_err("audit", &k.value().to_string(), e))?;
                (last.seq + 1, last.hash)
            }
            None => (1, Hash::default()),
        };
        let entry = AuditEntry::new(seq, at, actor, action, ids, prev)
            .map_err(|e| record_err("audit", &seq.to_string(), e))?;
        let bytes = entry
            .to_bytes()
            .map_err(|e| record_err("audit", &seq.to_string(), e))?;
        table.insert(seq, bytes.as_slice())?;
        Ok(entry.hash)
    }

    pub fn commit(self) -> Result<(), StoreError> {
        self.txn.commit()?;
        if self.changed {
            self.commits
                .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        }
        Ok(())
    }
}
