//! `kizuna check`, `backup` and `restore`.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::{Permission, Principal, Service, ServiceError, require};
use crate::domain::Clock;
use crate::store::check::{self, Report};
use crate::store::{Hash, Store, StoreError, file};

/// What a backup produced.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct BackupReport {
    pub dest: PathBuf,
    pub bytes: u64,
    pub records: u64,
    pub audit_head: Hash,
}

/// What a restore replaced.
#[derive(Clone, Debug)]
pub struct RestoreReport {
    pub records: u64,
    pub audit_head: Hash,
}

fn io(path: &Path, source: std::io::Error) -> ServiceError {
    StoreError::Io {
        path: path.to_path_buf(),
        source,
    }
    .into()
}

impl Service {
    /// Decodes every record and verifies every index and the audit chain.
    pub fn check(&self, p: &Principal) -> Result<Report, ServiceError> {
        let r = self.read_as(p, Permission::Maintain)?;
        Ok(check::check(&r)?)
    }

    /// A consistent copy to `dest` (which must not exist), then opened and checked.
    pub fn backup(&self, p: &Principal, dest: &Path) -> Result<BackupReport, ServiceError> {
        if dest.exists() {
            return Err(ServiceError::BackupExists(dest.to_path_buf()));
        }
        // The attempt is logged first, so the copy carries its own entry.
        self.write_as(p, Permission::Maintain, "backup", |_| Ok(((), Vec::new())))?;
        self.store.backup_to(dest)?;
        let checked = (|| {
            let copy = Store::open(dest)?;
            let report = check::check(&copy.read()?)?;
            if let Some(problem) = report.problems.first() {
                return Err(ServiceError::BackupProblem {
                    path: dest.to_path_buf(),
                    table: problem.table.clone(),
                    key: problem.key.clone(),
                });
            }
            Ok(report)
        })();
        let report = match checked {
            Ok(r) => r,
            Err(e) => {
                let _ = std::fs::remove_file(dest);
                return Err(e);
            }
        };
        let bytes = std::fs::metadata(dest).map_err(|e| io(dest, e))?.len();
        super::anchor::log_audit_head(&report.audit_head, report.audit_entries);
        Ok(BackupReport {
            dest: dest.to_path_buf(),
            bytes,
            records: report.counts.values().sum(),
            audit_head: report.audit_head,
        })
    }
}

/// Opens and checks a backup before anything else happens to it.
fn checked_backup(src: &Path, p: &Principal) -> Result<Report, ServiceError> {
    let bad = |source: StoreError| ServiceError::BadBackup {
        path: src.to_path_buf(),
        source: Box::new(source),
    };
    let copy = Store::open_read_only(src).map_err(bad)?;
    let r = copy.read().map_err(bad)?;
    require(&r, p, Permission::Maintain)?;
    let report = check::check(&r).map_err(bad)?;
    match report.problems.first() {
        Some(problem) => Err(ServiceError::BackupProblem {
            path: src.to_path_buf(),
            table: problem.table.clone(),
            key: problem.key.clone(),
        }),
        None => Ok(report),
    }
}

/// Copies the bytes of `src` into the existing private file `dest` and syncs it; the
/// permission bits of `src` are not carried over.
fn copy_into(src: &Path, dest: &Path) -> Result<(), ServiceError> {
    let mut from = std::fs::File::open(src).map_err(|e| io(src, e))?;
    let mut to = std::fs::OpenOptions::new()
        .write(true)
        .truncate(true)
        .open(dest)
        .map_err(|e| io(dest, e))?;
    std::io::copy(&mut from, &mut to).map_err(|e| io(dest, e))?;
    to.sync_all().map_err(|e| io(dest, e))
}

/// Replaces the database at `target` with the backup at `src`. The backup is checked
/// first, and the caller must be an admin in it; an existing target is replaced only
/// with `force`, never while another process has it open, and even when it is damaged.
/// The copy is staged beside the target, opened (migrating an older schema), checked
/// and audited there, and only then renamed into place: a failure leaves the old
/// database as it was.
pub fn restore(
    src: &Path,
    target: &Path,
    force: bool,
    p: &Principal,
    clock: Arc<dyn Clock>,
) -> Result<(Service, RestoreReport), ServiceError> {
    let report = checked_backup(src, p)?;
    if target.exists() && !force {
        return Err(ServiceError::RestoreNeedsForce(target.to_path_buf()));
    }
    let guard = Store::hold_for_replace(target)?;
    let staging = file::sibling(target, "restore");
    let _ = std::fs::remove_file(&staging);
    file::create_private(&staging)?;
    let staged = (|| {
        copy_into(src, &staging)?;
        let service = Service::open(&staging, clock.clone())?;
        let staged_report = check::check(&service.store.read()?)?;
        if let Some(problem) = staged_report.problems.first() {
            return Err(ServiceError::BackupProblem {
                path: src.to_path_buf(),
                table: problem.table.clone(),
                key: problem.key.clone(),
            });
        }
        service.write_as(p, Permission::Maintain, "restore", |_| Ok(((), Vec::new())))?;
        drop(service);
        file::replace(&staging, target)?;
        Ok(())
    })();
    if staged.is_err() {
        let _ = std::fs::remove_file(&staging);
    }
    staged?;
    drop(guard);
    let service = Service::open(target, clock)?;
    Ok((
        service,
        RestoreReport {
            records: report.counts.values().sum(),
            audit_head: report.audit_head,
        },
    ))
}
