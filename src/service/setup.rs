//! Making databases: `kizuna init` (a real one) and `kizuna demo` (its own file, with
//! synthetic staff). Either the whole database appears or nothing does: it is built in
//! a temporary file beside the target and linked into place only when complete.

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::Arc;

use super::{Principal, Service, ServiceError};
use crate::catalogue::{Policy, demo};
use crate::domain::{Account, Clock, Role};
use crate::store::{BandLabel, Store, StoreError, Writer, file, meta};

/// Builds a database at a temporary path with `fill`, then links it to `path`; an
/// existing `path` is never replaced.
fn build(
    path: &Path,
    clock: &dyn Clock,
    p: &Principal,
    action: &str,
    fill: impl FnOnce(&mut Writer) -> Result<Vec<String>, ServiceError>,
) -> Result<(), ServiceError> {
    if path.exists() {
        return Err(StoreError::Exists {
            path: path.to_path_buf(),
        }
        .into());
    }
    let temp = file::sibling(path, "partial");
    let result = (|| {
        let store = Store::create(&temp)?;
        let mut w = store.write()?;
        let ids = fill(&mut w)?;
        w.set_meta(meta::CREATED, &clock.now().0.to_le_bytes())?;
        w.audit(clock.now(), &p.account, action, ids)?;
        w.commit()?;
        drop(store);
        std::fs::hard_link(&temp, path).map_err(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => StoreError::Exists {
                path: path.to_path_buf(),
            },
            _ => StoreError::Io {
                path: path.to_path_buf(),
                source: e,
            },
        })?;
        Ok(())
    })();
    let _ = std::fs::remove_file(&temp);
    result
}

/// Writes the policy catalogue into a new database.
fn load_policy(w: &mut Writer, policy: &Policy) -> Result<(), ServiceError> {
    w.set_plan_period(policy.plan_period)?;
    for t in &policy.titles {
        w.put(t)?;
    }
    for (band, label) in &policy.band_labels {
        w.put(&BandLabel {
            band: *band,
            label: label.clone(),
        })?;
    }
    policy.images.iter().try_for_each(|x| w.put(x))?;
    policy.categories.iter().try_for_each(|x| w.put(x))?;
    policy.skills.iter().try_for_each(|x| w.put(x))?;
    policy.mindsets.iter().try_for_each(|x| w.put(x))?;
    policy.approaches.iter().try_for_each(|x| w.put(x))?;
    policy.initiatives.iter().try_for_each(|x| w.put(x))?;
    policy.kpis.iter().try_for_each(|x| w.put(x))?;
    policy.tiers.iter().try_for_each(|x| w.put(x))?;
    policy.domains.iter().try_for_each(|x| w.put(x))?;
    policy.classes.iter().try_for_each(|x| w.put(x))?;
    let skills: Vec<&str> = policy.skills.iter().map(|s| s.key.as_str()).collect();
    demo::standard_courses(&skills)
        .iter()
        .try_for_each(|c| w.put(c))?;
    Ok(())
}

fn account(p: &Principal, roles: &[Role], clock: &dyn Clock) -> Account {
    Account {
        name: p.account.clone(),
        roles: roles.iter().copied().collect::<BTreeSet<_>>(),
        employee: None,
        created: clock.now(),
    }
}

/// `kizuna init`: a new, empty database with the policy catalogue; the running account
/// becomes `admin` and `hr`.
pub fn init(path: &Path, p: &Principal, clock: Arc<dyn Clock>) -> Result<Service, ServiceError> {
    let policy = Policy::builtin()?;
    build(path, clock.as_ref(), p, "init", |w| {
        load_policy(w, &policy)?;
        w.put(&account(p, &[Role::Admin, Role::Hr], clock.as_ref()))?;
        Ok(vec![p.account.clone()])
    })?;
    Service::open(path, clock)
}

/// What `kizuna demo` made.
#[derive(Clone, Debug)]
pub struct DemoReport {
    pub staff: usize,
    pub units: usize,
    pub seed: u64,
}

/// `kizuna demo`: a separate database with the catalogue, the demo organisation and
/// `staff` synthetic people; the running account holds every role, so every pane shows.
pub fn create_demo(
    path: &Path,
    p: &Principal,
    clock: Arc<dyn Clock>,
    staff: usize,
    seed: u64,
) -> Result<DemoReport, ServiceError> {
    let policy = Policy::builtin()?;
    let data = demo::generate(staff, seed)?;
    let report = DemoReport {
        staff: data.staff.len(),
        units: data.units.len(),
        seed,
    };
    build(path, clock.as_ref(), p, "demo.create", |w| {
        load_policy(w, &policy)?;
        data.units.iter().try_for_each(|u| w.put(u))?;
        data.staff.iter().try_for_each(|e| w.put(e))?;
        let titles = crate::domain::TitleMap::new(policy.titles.clone());
        demo::sheets(&data.staff, &policy.skills, &policy.domains, &titles, seed)
            .iter()
            .try_for_each(|s| w.put(s))?;
        let skill_keys: Vec<&str> = policy.skills.iter().map(|s| s.key.as_str()).collect();
        let training = demo::training_plan(&data.staff, &skill_keys, &titles, seed);
        training.sessions.iter().try_for_each(|s| w.put(s))?;
        training.enrollments.iter().try_for_each(|e| w.put(e))?;
        training.applications.iter().try_for_each(|a| w.put(a))?;
        w.put(&account(p, &Role::ALL, clock.as_ref()))?;
        w.set_meta(meta::DEMO, &seed.to_le_bytes())?;
        Ok(vec![p.account.clone()])
    })?;
    Ok(report)
}
