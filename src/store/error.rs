//! What can go wrong below the service.

use std::path::PathBuf;

use super::codec::CodecError;

/// A store failure. The CLI and the TUI turn each variant into a message in the user's
/// language; `Display` here is for logs and tests.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: no database here")]
    Missing { path: PathBuf },
    #[error("{path}: a file already exists")]
    Exists { path: PathBuf },
    #[error("{path}: another process has the database open")]
    Locked { path: PathBuf },
    #[error("{path}: owned by uid {owner}, not by this account (uid {me})")]
    NotOwner { path: PathBuf, owner: u32, me: u32 },
    #[error("{path}: mode {mode:04o} lets others read or write it")]
    TooOpen { path: PathBuf, mode: u32 },
    #[error("{path}: the file is damaged: {detail}")]
    Corrupt { path: PathBuf, detail: String },
    #[error("{path}: not a kizuna database")]
    NotKizuna { path: PathBuf },
    #[error("{path}: schema {found} is newer than this kizuna reads ({supported})")]
    Newer {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("database: {0}")]
    Db(String),
    #[error("table {table}, key {key}: {source}")]
    Record {
        table: String,
        key: String,
        source: CodecError,
    },
    #[error("the database was opened read-only")]
    ReadOnly,
}

macro_rules! from_redb {
    ($($ty:ty),*) => {
        $(impl From<$ty> for StoreError {
            fn from(e: $ty) -> StoreError {
                StoreError::Db(e.to_string())
            }
        })*
    };
}

from_redb!(
    redb::Error,
    redb::TransactionError,
    redb::TableError,
    redb::StorageError,
    redb::CommitError
);
