//! Backups: a logical copy of every table inside one read transaction, so the copy is
//! consistent even while others write.

use std::path::Path;

use redb::{Database, ReadableTable, TableDefinition};

use super::tables::{self, AUDIT, META, PERSON_INDEX, UNIT_HISTORY, Visitor};
use super::{Reader, Record, StoreError, file};

fn copy_table<K, V>(
    from: &Reader,
    to: &redb::WriteTransaction,
    def: TableDefinition<K, V>,
) -> Result<(), StoreError>
where
    K: redb::Key + 'static,
    V: redb::Value + 'static,
    for<'a> K::SelfType<'a>: std::borrow::Borrow<K::SelfType<'a>>,
    for<'a> V::SelfType<'a>: std::borrow::Borrow<V::SelfType<'a>>,
{
    let src = from.txn.open_table(def)?;
    let mut dst = to.open_table(def)?;
    for row in src.iter()? {
        let (k, v) = row?;
        dst.insert(k.value(), v.value())?;
    }
    Ok(())
}

pub(super) fn backup(from: &Reader, dest: &Path) -> Result<(), StoreError> {
    file::create_private(dest)?;
    let result = (|| {
        let db = Database::create(dest).map_err(|e| StoreError::Db(e.to_string()))?;
        let txn = db.begin_write()?;
        struct Copy<'a>(&'a Reader, &'a redb::WriteTransaction);
        impl Visitor for Copy<'_> {
            type Error = StoreError;
            fn visit<T: Record>(&mut self) -> Result<(), StoreError> {
                copy_table(self.0, self.1, tables::records::<T>())
            }
        }
        tables::visit_all(&mut Copy(from, &txn))?;
        copy_table(from, &txn, META)?;
        copy_table(from, &txn, AUDIT)?;
        copy_table(from, &txn, UNIT_HISTORY)?;
        copy_table(from, &txn, PERSON_INDEX)?;
        super::revision::copy(from, &txn)?;
        txn.commit()?;
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(dest);
    }
    result
}
