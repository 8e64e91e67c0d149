//! `kizuna check`, `backup` and `restore`.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::{Permission, Principal, Service, ServiceError, require};
use crate::domain::Clock;
use crate::store::check::{self, Report};
use crate::store::{Hash, Store, StoreError, file};

/// What a backup produced.
#[derive(Clone, Debug)]
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
            return Err(StoreError::Exists {
                path: dest.to_path_buf(),
            }
            .into());
        }
        // The attempt is logged first, so the copy carries its own entry.
        self.write_as(p, Permission::Maintain, "backup", |_| Ok(((), Vec::new())))?;
        self.store.backup_to(dest)?;
        let copy = Store::open(dest)?;
        let report = check::check(&copy.read()?)?;
        if let Some(problem) = report.problems.first() {
            return Err(ServiceError::Invalid(format!(
                "the copy at {} does not check: {} {}",
                dest.display(),
                problem.table,
                problem.key
            )));
        }
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

/// Replaces the database at `target` with the copy at `src`, after checking the copy
/// and that the caller is an admin in it. An existing target is replaced only with
/// `force`, and only while no other process has it open.
pub fn restore(
    src: &Path,
    target: &Path,
    force: bool,
    p: &Principal,
    clock: Arc<dyn Clock>,
) -> Result<(Service, RestoreReport), ServiceError> {
    let report = {
        let copy = Store::open_read_only(src)?;
        let r = copy.read()?;
        require(&r, p, Permission::Maintain)?;
        let report = check::check(&r)?;
        if let Some(problem) = report.problems.first() {
            return Err(ServiceError::Invalid(format!(
                "{} does not check: {} {}",
                src.display(),
                problem.table,
                problem.key
            )));
        }
        report
    };
    // Hold the current database's lock while it is replaced, so no one has it open.
    let current = if target.exists() {
        if !force {
            return Err(StoreError::Exists {
                path: target.to_path_buf(),
            }
            .into());
        }
        Some(Store::open(target)?)
    } else {
        None
    };
    let staging = target.with_file_name(format!(
        ".{}.restore.{}",
        target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        std::process::id()
    ));
    let _ = std::fs::remove_file(&staging);
    file::create_private(&staging)?;
    let copied = std::fs::copy(src, &staging)
        .and_then(|_| std::fs::File::open(&staging)?.sync_all())
        .and_then(|_| std::fs::rename(&staging, target));
    if let Err(e) = copied {
        let _ = std::fs::remove_file(&staging);
        return Err(io(target, e));
    }
    drop(current);
    let service = Service::open(target, clock)?;
    service.write_as(p, Permission::Maintain, "restore", |_| Ok(((), Vec::new())))?;
    Ok((
        service,
        RestoreReport {
            records: report.counts.values().sum(),
            audit_head: report.audit_head,
        },
    ))
}
