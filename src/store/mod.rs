//! The redb store: versioned records, migrations at open, the audit chain, and the
//! rules for the database file. Nothing above `service` touches it.

pub mod audit;
pub mod check;
pub mod codec;
mod copy;
mod error;
pub mod file;
pub mod keys;
mod migrate;
pub mod records;
pub mod revision;
pub mod seal;
pub mod tables;
mod txn;

use std::path::{Path, PathBuf};

use redb::{Database, ReadOnlyDatabase, ReadableDatabase};

pub use audit::{AuditEntry, Hash};
pub use error::StoreError;
pub use migrate::SCHEMA_VERSION;
pub use records::{BandLabel, Record, SETTINGS_KEY, brief_on, levels_on};
pub use txn::{Reader, Rows, Writer};

/// Meta keys.
pub(crate) mod meta {
    pub const SCHEMA: &str = "schema_version";
    pub const DEMO: &str = "demo";
    pub const CREATED: &str = "created";
    pub const PLAN_PERIOD: &str = "plan_period";
}

/// Keeps redb's lock on a database while it is being replaced.
pub struct ReplaceGuard {
    _held: Option<Database>,
}

enum Handle {
    ReadWrite(Database),
    ReadOnly(ReadOnlyDatabase),
}

/// An open database.
pub struct Store {
    db: Handle,
    path: PathBuf,
    /// Commits made through this handle, for telling others that something changed.
    commits: std::sync::Arc<std::sync::atomic::AtomicU64>,
}

fn open_error(path: &Path, e: redb::DatabaseError) -> StoreError {
    let path = path.to_path_buf();
    match e {
        redb::DatabaseError::DatabaseAlreadyOpen | redb::DatabaseError::LockProtocolMismatch => {
            StoreError::Locked { path }
        }
        redb::DatabaseError::Storage(redb::StorageError::Io(source))
            if source.kind() != std::io::ErrorKind::InvalidData =>
        {
            StoreError::Io { path, source }
        }
        other => StoreError::Corrupt {
            path,
            detail: other.to_string(),
        },
    }
}

impl Store {
    /// Creates a new database file (mode 0600) with every table and the current schema.
    /// Refuses an existing file.
    pub fn create(path: &Path) -> Result<Store, StoreError> {
        file::create_private(path)?;
        let db = Database::create(path).map_err(|e| open_error(path, e));
        let db = match db {
            Ok(db) => db,
            Err(e) => {
                let _ = std::fs::remove_file(path);
                return Err(e);
            }
        };
        let store = Store {
            db: Handle::ReadWrite(db),
            path: path.to_path_buf(),
            commits: Default::default(),
        };
        let mut w = store.write()?;
        migrate::create_tables(&mut w)?;
        w.set_meta(meta::SCHEMA, &SCHEMA_VERSION.to_le_bytes())?;
        w.commit()?;
        Ok(store)
    }

    /// Opens an existing database for reading and writing: checks who owns the file,
    /// takes redb's lock, repairs after a crash, and migrates an older schema in one
    /// write transaction.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        file::check_private(path)?;
        let db = Database::open(path).map_err(|e| open_error(path, e))?;
        let store = Store {
            db: Handle::ReadWrite(db),
            path: path.to_path_buf(),
            commits: Default::default(),
        };
        migrate::run(&store)?;
        Ok(store)
    }

    /// Opens a database only to read it, for checking a backup before restoring it. The
    /// file's owner and mode are not checked: it is not going to be used in place.
    pub fn open_read_only(path: &Path) -> Result<Store, StoreError> {
        if !path.exists() {
            return Err(StoreError::Missing {
                path: path.to_path_buf(),
            });
        }
        let db = ReadOnlyDatabase::open(path).map_err(|e| open_error(path, e))?;
        let store = Store {
            db: Handle::ReadOnly(db),
            path: path.to_path_buf(),
            commits: Default::default(),
        };
        let found = migrate::stored_version(&store.read()?, path)?;
        if found > SCHEMA_VERSION {
            return Err(StoreError::Newer {
                path: path.to_path_buf(),
                found,
                supported: SCHEMA_VERSION,
            });
        }
        Ok(store)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn read(&self) -> Result<Reader, StoreError> {
        let txn = match &self.db {
            Handle::ReadWrite(db) => db.begin_read()?,
            Handle::ReadOnly(db) => db.begin_read()?,
        };
        Ok(Reader { txn })
    }

    /// How many write transactions of this handle changed data (more than the audit
    /// log) and committed.
    pub fn commits(&self) -> u64 {
        self.commits.load(std::sync::atomic::Ordering::SeqCst)
    }

    pub fn write(&self) -> Result<Writer, StoreError> {
        match &self.db {
            Handle::ReadWrite(db) => Ok(Writer {
                txn: db.begin_write()?,
                commits: std::sync::Arc::clone(&self.commits),
                changed: false,
            }),
            Handle::ReadOnly(_) => Err(StoreError::ReadOnly),
        }
    }

    /// Holds a database file so that it can be replaced by a restore: refuses a file
    /// another process has open or another account owns, but accepts one that is
    /// damaged, too open or of an unknown schema, since it is about to go. A missing
    /// file needs no holding.
    pub fn hold_for_replace(path: &Path) -> Result<ReplaceGuard, StoreError> {
        use std::os::unix::fs::MetadataExt;
        let meta = match std::fs::metadata(path) {
            Ok(m) => m,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok(ReplaceGuard { _held: None });
            }
            Err(source) => {
                return Err(StoreError::Io {
                    path: path.to_path_buf(),
                    source,
                });
            }
        };
        let me = file::effective_uid();
        if meta.uid() != me {
            return Err(StoreError::NotOwner {
                path: path.to_path_buf(),
                owner: meta.uid(),
                me,
            });
        }
        match Database::open(path) {
            Ok(db) => Ok(ReplaceGuard { _held: Some(db) }),
            Err(e) => match open_error(path, e) {
                locked @ StoreError::Locked { .. } => Err(locked),
                // Nothing can hold a file that does not open.
                _ => Ok(ReplaceGuard { _held: None }),
            },
        }
    }

    /// A consistent copy of the whole database into a new file (mode 0600), made inside
    /// one read transaction.
    pub fn backup_to(&self, dest: &Path) -> Result<(), StoreError> {
        copy::backup(&self.read()?, dest)
    }
}
