//! Schema versions and migrations. Version 1 is the first schema; a migration from N to
//! N+1 goes in `MIGRATIONS[N - 1]`, and all pending ones run in one write transaction
//! when the database opens.

use std::path::Path;

use super::tables::{self, AUDIT, META, PERSON_INDEX, UNIT_HISTORY, Visitor};
use super::{Reader, Record, Store, StoreError, Writer, meta};

type Migration = fn(&mut Writer) -> Result<(), StoreError>;

/// Migrations, oldest first.
const MIGRATIONS: &[Migration] = &[skill_levels, training, cases, progress, revisions];

/// Schema 2: skill levels per employee and the settings. Their tables are made by
/// `create_tables` before any step runs; skills of version 1 read as holding since
/// the policy's map took effect, and are rewritten as version 2 when next changed.
fn skill_levels(_w: &mut Writer) -> Result<(), StoreError> {
    Ok(())
}

/// Schema 3: the training catalogue, sessions, enrollments, level proposals and
/// subsidy applications, and the index of records by person. All new tables, made by
/// `create_tables`; settings of version 1 read with the subsidy's defaults.
fn training(_w: &mut Writer) -> Result<(), StoreError> {
    Ok(())
}

/// Schema 4: sealed case records, their wrapped keys, holders' key pairs and the case
/// domains' recovery keys. All new tables, made by `create_tables`.
fn cases(_w: &mut Writer) -> Result<(), StoreError> {
    Ok(())
}

/// Schema 5: roadmap progress (statuses, notes and plan changes per initiative and
/// year), KPI figures entered by year, and the work-engagement survey's group results.
/// All new tables, made by `create_tables`.
fn progress(_w: &mut Writer) -> Result<(), StoreError> {
    Ok(())
}

/// Schema 6: a revision per record, raised by every write, so that a save refuses a
/// record someone else changed since it was read. A new table, made by
/// `create_tables`; records written before read as revision 0.
fn revisions(_w: &mut Writer) -> Result<(), StoreError> {
    Ok(())
}

/// The schema this build writes.
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32 + 1;

/// Creates every table, so that readers never meet a missing one.
pub(super) fn create_tables(w: &mut Writer) -> Result<(), StoreError> {
    struct Create<'a>(&'a Writer);
    impl Visitor for Create<'_> {
        type Error = StoreError;
        fn visit<T: Record>(&mut self) -> Result<(), StoreError> {
            self.0.txn.open_table(tables::records::<T>())?;
            Ok(())
        }
    }
    tables::visit_all(&mut Create(w))?;
    w.txn.open_table(META)?;
    w.txn.open_table(AUDIT)?;
    w.txn.open_table(UNIT_HISTORY)?;
    w.txn.open_table(PERSON_INDEX)?;
    super::revision::create(w)?;
    Ok(())
}

pub(super) fn stored_version(r: &Reader, path: &Path) -> Result<u32, StoreError> {
    let not_ours = || StoreError::NotKizuna {
        path: path.to_path_buf(),
    };
    let bytes = r
        .meta(meta::SCHEMA)
        .map_err(|_| not_ours())?
        .ok_or_else(not_ours)?;
    let raw: [u8; 4] = bytes.as_slice().try_into().map_err(|_| not_ours())?;
    match u32::from_le_bytes(raw) {
        0 => Err(not_ours()),
        n => Ok(n),
    }
}

pub(super) fn run(store: &Store) -> Result<(), StoreError> {
    let found = stored_version(&store.read()?, store.path())?;
    if found > SCHEMA_VERSION {
        return Err(StoreError::Newer {
            path: store.path().to_path_buf(),
            found,
            supported: SCHEMA_VERSION,
        });
    }
    if found == SCHEMA_VERSION {
        return Ok(());
    }
    let mut w = store.write()?;
    create_tables(&mut w)?;
    for step in &MIGRATIONS[(found as usize).saturating_sub(1)..] {
        step(&mut w)?;
    }
    w.set_meta(meta::SCHEMA, &SCHEMA_VERSION.to_le_bytes())?;
    w.commit()
}
