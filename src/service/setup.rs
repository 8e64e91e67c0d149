//! Making databases: `kizuna init` (a real one) and `kizuna demo` (its own file, with
//! synthetic staff and sealed demo cases). Either the whole database appears or nothing
//! does: it is built in a temporary file beside the target and linked into place only
//! when complete.

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::Arc;

use super::{Principal, Service, ServiceError};
use crate::catalogue::{Policy, demo};
use crate::domain::cases::{CaseDomain, CaseId};
use crate::domain::{Account, Clock, Employee, Role};
use crate::store::{BandLabel, Store, StoreError, Writer, file, meta};

/// The passphrase of the demo account's case keys. The demo's cases are fictional, so
/// it is printed in the README and meant to be shown wherever the demo says DEMO.
pub const DEMO_PASSPHRASE: &str = "kizuna-demo-2026";

/// Builds a database at a temporary path with `fill` (one transaction), then `then`
/// through the service, then links it to `path`; an existing `path` is never replaced.
fn build(
    path: &Path,
    clock: &Arc<dyn Clock>,
    p: &Principal,
    action: &str,
    fill: impl FnOnce(&mut Writer) -> Result<Vec<String>, ServiceError>,
    then: impl FnOnce(&Service) -> Result<(), ServiceError>,
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
        let service = Service {
            store,
            clock: Arc::clone(clock),
            places: std::sync::Mutex::new(None),
        };
        then(&service)?;
        drop(service);
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
    build(
        path,
        &clock,
        p,
        "init",
        |w| {
            load_policy(w, &policy)?;
            w.put(&account(p, &[Role::Admin, Role::Hr], clock.as_ref()))?;
            Ok(vec![p.account.clone()])
        },
        |_| Ok(()),
    )?;
    Service::open(path, clock)
}

/// What `kizuna demo` made.
#[derive(Clone, Debug)]
pub struct DemoReport {
    pub staff: usize,
    pub units: usize,
    pub seed: u64,
}

/// `kizuna demo`: a separate database with the catalogue, the demo organisation,
/// `staff` synthetic people and a few sealed cases about them; the running account
/// holds every role, so every pane shows, and its case keys open with
/// [`DEMO_PASSPHRASE`].
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
    let fill = |w: &mut Writer| {
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
    };
    let then = |s: &Service| demo_cases(s, p, &data.staff, seed);
    let then = |s: &Service| then(s).and_then(|()| s.demo_roadmap(p));
    let then = |s: &Service| then(s).and_then(|()| demo_figures(s, p, &data.units, seed));
    build(path, &clock, p, "demo.create", fill, then)?;
    Ok(report)
}

/// The demo's survey results (last year's and this year's, per 課) and last year's KPI
/// figures, entered through the service as HR would enter them.
fn demo_figures(
    s: &Service,
    p: &Principal,
    units: &[crate::domain::OrgUnit],
    seed: u64,
) -> Result<(), ServiceError> {
    let this = s.clock.fiscal_year();
    for (fy, shift) in [(crate::domain::FiscalYear(this.0 - 1), 0), (this, 2)] {
        let csv = demo::survey_csv(units, seed, shift);
        let opts = super::SurveyImport {
            fy,
            encoding: crate::io::csv::Encoding::Utf8,
            dry_run: false,
        };
        s.import_survey(p, csv.as_bytes(), &opts)
            .map_err(|e| match e {
                super::SurveyImportError::Service(e) => e,
                super::SurveyImportError::Rejected(_) => ServiceError::NotFound {
                    kind: "unit",
                    id: "demo survey".to_string(),
                },
            })?;
    }
    let last = crate::domain::FiscalYear(this.0 - 1);
    for (key, value) in [
        (crate::domain::kpi::YOUNG_RESIGNATIONS, 12),
        (crate::domain::kpi::OVERTIME_HOURS, 88_310),
    ] {
        s.set_kpi(p, key, last, value).map_err(|e| match e {
            super::KpiError::Service(e) => e,
            super::KpiError::Fault(_) => ServiceError::NotFound {
                kind: "kpi",
                id: key.to_string(),
            },
        })?;
    }
    Ok(())
}

/// The demo account's key pair, both case domains, and the demo cases, made through
/// the case API as a holder would make them. The key derivation runs twice (the key
/// pair made, then unlocked), whatever the number of cases.
fn demo_cases(
    s: &Service,
    p: &Principal,
    staff: &[Employee],
    seed: u64,
) -> Result<(), ServiceError> {
    let plan = demo::cases(staff, seed, s.clock.today(), &p.account)?;
    s.keys_init(p, DEMO_PASSPHRASE.as_bytes())?;
    for &domain in CaseDomain::ALL {
        // The recovery key is dropped unseen: the demo's cases are fictional and no
        // safe keeps a key for them. A real database shows it at `kizuna cases init`.
        drop(s.cases_init(p, domain)?);
    }
    let mut ring = s.unlock(p, DEMO_PASSPHRASE.as_bytes())?;
    let mut ids: Vec<CaseId> = Vec::with_capacity(plan.len());
    for case in plan {
        let domain = case.item.domain();
        let link = case.link.and_then(|i| ids.get(i).cloned());
        let view = s.create_case(p, &mut ring, domain, |id| Ok(case.placed(id, link)))?;
        ids.push(view.item.id().clone());
    }
    Ok(())
}
