//! CSV import and export. A file is one write transaction: every row is checked against
//! the stored records first, and if any row is wrong nothing is written and every
//! problem comes back, by line and column. A changed post becomes a new history entry,
//! never an overwrite.

use std::collections::{BTreeMap, HashMap};

use super::{EmployeeFault, Permission, Principal, References, Service, ServiceError};
use crate::domain::employee::EmployeeError;
use crate::domain::{
    Assignment, AssignmentKind, Date, Employee, Leaving, OrgTree, OrgUnit, Status, TitleBand,
    TitleMap,
};
use crate::io::csv::{
    self as files, Detected, EmployeeField as F, EmployeeFile, EmployeeRow, Encoding, Gaiji,
    Located, OrgField, OutEncoding, Problem,
};
use crate::store::{Reader, Record, StoreError, Writer};

/// What is wrong with a row: a problem of the file, or a fault of the record it makes.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Issue {
    File(Problem),
    Record(EmployeeFault),
}

/// An issue at a line (0: the file as a whole) and a column, named as the file names it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ImportIssue {
    pub line: u64,
    pub column: Option<String>,
    pub issue: Issue,
}

impl From<Located> for ImportIssue {
    fn from(l: Located) -> ImportIssue {
        ImportIssue {
            line: l.line,
            column: l.column,
            issue: Issue::File(l.problem),
        }
    }
}

/// Why a file was not taken (or not written).
#[derive(Debug, thiserror::Error, serde::Serialize, serde::Deserialize)]
pub enum CsvError {
    #[error(transparent)]
    Service(#[from] ServiceError),
    /// Nothing was imported (or exported); here is everything to fix.
    #[error("{} problems in the file", .0.len())]
    Rejected(Vec<ImportIssue>),
}

impl From<StoreError> for CsvError {
    fn from(e: StoreError) -> CsvError {
        CsvError::Service(e.into())
    }
}

/// What an import did, or (dry run) would do.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ImportSummary {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub dry_run: bool,
    pub detected: Option<Detected>,
    /// Header cells that name no column kizuna reads.
    pub ignored: Vec<String>,
    /// Cells whose 外字 were replaced through the gaiji table.
    pub gaiji_replaced: usize,
}

/// How to read an employee file.
#[derive(Clone, Copy, Debug)]
pub struct EmployeeImport<'a> {
    pub encoding: Encoding,
    /// The date of a changed post when the row has no 発令日 (else today).
    pub effective: Option<Date>,
    pub dry_run: bool,
    pub gaiji: &'a Gaiji,
}

/// The phase a long import is in, for a progress display.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    Reading,
    Checking,
    Writing,
}

/// Told `(stage, rows done, rows in all)` every thousand rows.
pub type Progress<'a> = &'a mut dyn FnMut(Stage, usize, usize);

/// What a check needs from a read or a write transaction.
trait Lookup {
    fn references(&self) -> Result<References, StoreError>;
    fn units(&self) -> Result<Vec<OrgUnit>, StoreError>;
    fn titles(&self) -> Result<Vec<TitleBand>, StoreError>;
    fn employees(&self) -> Result<Vec<Employee>, StoreError>;
}

macro_rules! lookup {
    ($t:ty, $refs:path) => {
        impl Lookup for $t {
            fn references(&self) -> Result<References, StoreError> {
                $refs(self)
            }
            fn units(&self) -> Result<Vec<OrgUnit>, StoreError> {
                self.all::<OrgUnit>()
            }
            fn titles(&self) -> Result<Vec<TitleBand>, StoreError> {
                self.all::<TitleBand>()
            }
            fn employees(&self) -> Result<Vec<Employee>, StoreError> {
                self.all::<Employee>()
            }
        }
    };
}
lookup!(Reader, References::load_reader);
lookup!(Writer, References::load);

/// The checked outcome of a file: records to write, or issues.
struct Plan<T> {
    writes: Vec<T>,
    issues: Vec<ImportIssue>,
    added: usize,
    updated: usize,
    unchanged: usize,
}

impl<T> Plan<T> {
    fn new(issues: Vec<Located>) -> Plan<T> {
        Plan {
            writes: Vec::new(),
            issues: issues.into_iter().map(Into::into).collect(),
            added: 0,
            updated: 0,
            unchanged: 0,
        }
    }

    fn issue(&mut self, line: u64, column: String, issue: Issue) {
        self.issues.push(ImportIssue {
            line,
            column: Some(column),
            issue,
        });
    }

    /// Counts a record against what was stored, keeping it to write if it changed.
    fn count(&mut self, record: T, old: Option<&T>)
    where
        T: PartialEq,
    {
        match old {
            None => self.added += 1,
            Some(o) if *o == record => {
                self.unchanged += 1;
                return;
            }
            Some(_) => self.updated += 1,
        }
        self.writes.push(record);
    }

    /// The summary, or every issue in line order.
    fn summary(mut self, mut base: ImportSummary) -> Result<(ImportSummary, Vec<T>), CsvError> {
        if !self.issues.is_empty() {
            self.issues.sort_by_key(|i| i.line);
            return Err(CsvError::Rejected(self.issues));
        }
        base.added = self.added;
        base.updated = self.updated;
        base.unchanged = self.unchanged;
        Ok((base, self.writes))
    }
}

/// The leaving a row gives, over what is stored.
fn leaving_of(row: &EmployeeRow, old: Option<&Leaving>) -> Option<Leaving> {
    match row.leaving {
        Some(None) => None,
        Some(Some(date)) => Some(Leaving {
            date,
            reason: row
                .leaving_reason
                .clone()
                .or_else(|| old.map(|l| l.reason.clone()))
                .unwrap_or_default(),
        }),
        None => old.cloned().map(|mut l| {
            if let Some(reason) = &row.leaving_reason {
                l.reason = reason.clone();
            }
            l
        }),
    }
}

/// The status a row gives: as written, else following the leaving date.
fn status_of(row: &EmployeeRow, old: Option<Status>, leaving: bool) -> Status {
    match (row.status.flatten(), old, leaving) {
        (Some(s), ..) => s,
        (None, _, true) => Status::Left,
        (None, Some(Status::Left) | None, false) => Status::Active,
        (None, Some(s), false) => s,
    }
}

/// The record a row makes of the stored one (or of nothing), and the date of the post
/// it adds, if it adds one.
fn merge(
    row: &EmployeeRow,
    old: Option<&Employee>,
    on: Date,
    titles: &TitleMap,
) -> Result<(Employee, Option<Date>), EmployeeError> {
    let leaving = leaving_of(row, old.and_then(|o| o.leaving.as_ref()));
    let status = status_of(row, old.map(|o| o.status), leaving.is_some());
    let Some(old) = old else {
        let start = row.effective.unwrap_or(row.hired);
        let e = Employee {
            staff_no: row.staff_no.clone(),
            name: row.name.clone(),
            reading: row.reading.clone(),
            former_name: row.former_name.clone().flatten(),
            alias: row.alias.clone().flatten(),
            employment: row
                .employment
                .unwrap_or(crate::domain::EmploymentType::Regular),
            birth: row.birth,
            hired: row.hired,
            leaving,
            track: row.track.unwrap_or_default(),
            digital: row.digital.unwrap_or_default(),
            status,
            comeback: row.comeback.unwrap_or(false),
            history: vec![Assignment {
                effective: start,
                unit: row.org_code.clone(),
                title: row.title.clone(),
                kind: if start == row.hired {
                    AssignmentKind::Hire
                } else {
                    AssignmentKind::Transfer
                },
            }],
        };
        return Ok((e, Some(start)));
    };
    let mut e = old.clone();
    e.name.clone_from(&row.name);
    e.reading.clone_from(&row.reading);
    e.birth = row.birth;
    e.hired = row.hired;
    e.leaving = leaving;
    e.status = status;
    if let Some(v) = row.employment {
        e.employment = v;
    }
    if let Some(v) = &row.former_name {
        e.former_name.clone_from(v);
    }
    if let Some(v) = &row.alias {
        e.alias.clone_from(v);
    }
    e.digital = row.digital.unwrap_or(e.digital);
    e.track = row.track.unwrap_or(e.track);
    e.comeback = row.comeback.unwrap_or(e.comeback);
    let on = row.effective.unwrap_or(on);
    let current = e
        .assignment_on(on)
        .map(|a| (a.unit.clone(), a.title.clone()));
    if current.as_ref().map(|(u, t)| (u.as_str(), t.as_str()))
        == Some((row.org_code.as_str(), row.title.as_str()))
    {
        return Ok((e, None));
    }
    let rises = match (&current, titles.band_of(&row.title)) {
        (Some((_, t)), Some(new)) => titles.band_of(t).is_some_and(|b| new > b),
        _ => false,
    };
    e.set_post(Assignment {
        effective: on,
        unit: row.org_code.clone(),
        title: row.title.clone(),
        kind: if rises {
            AssignmentKind::Promotion
        } else {
            AssignmentKind::Transfer
        },
    })?;
    Ok((e, Some(on)))
}

/// The column a record fault belongs to.
fn fault_column(file: &EmployeeFile, f: &EmployeeFault) -> String {
    let field = match f.field() {
        "name" => F::Name,
        "reading" => F::Kana,
        "unit" => F::OrgCode,
        "title" => F::Title,
        "hired" => F::Hired,
        "effective" => F::Effective,
        "leaving" if file.has(F::Leaving) => F::Leaving,
        "leaving" => F::Status,
        _ => F::StaffNo,
    };
    file.column(field)
}

fn plan_employees(
    look: &dyn Lookup,
    file: &mut EmployeeFile,
    effective: Date,
    progress: Progress<'_>,
) -> Result<Plan<Employee>, StoreError> {
    let mut plan = Plan::new(std::mem::take(&mut file.issues));
    let refs = look.references()?;
    let titles = TitleMap::new(look.titles()?);
    let mut stored: HashMap<String, Employee> = look
        .employees()?
        .into_iter()
        .map(|e| (e.staff_no.clone(), e))
        .collect();
    let total = file.rows.len();
    for (i, row) in file.rows.iter().enumerate() {
        if i % 1000 == 999 {
            progress(Stage::Checking, i + 1, total);
        }
        // A duplicate meets no stored record (the first line took it) and is only
        // checked.
        let old = stored.remove(&row.staff_no);
        let (e, _) = match merge(row, old.as_ref(), effective, &titles) {
            Ok(x) => x,
            Err(rule) => {
                let fault = EmployeeFault::Rule(rule);
                plan.issue(row.line, fault_column(file, &fault), Issue::Record(fault));
                continue;
            }
        };
        // Unknown or closed units and titles, and the record's own rules.
        let faults = refs.faults(&e);
        if faults.is_empty() && !row.duplicate {
            plan.count(e, old.as_ref());
        }
        for f in faults {
            plan.issue(row.line, fault_column(file, &f), Issue::Record(f));
        }
    }
    // Rows already refused for a bad cell: their unit and title are still checked, so
    // one reading lists every problem of the row.
    for (line, unit, title) in &file.partial {
        if !unit.is_empty() && !refs.has_unit(unit) {
            let f = EmployeeFault::UnknownUnit(unit.clone());
            plan.issue(*line, fault_column(file, &f), Issue::Record(f));
        }
        if !title.is_empty() && !refs.has_title(title) {
            let f = EmployeeFault::UnknownTitle(title.clone());
            plan.issue(*line, fault_column(file, &f), Issue::Record(f));
        }
    }
    Ok(plan)
}

/// Checks the merged organisation (stored units with the file's over them) is a tree;
/// a problem goes to the line of the unit, or of the parent that broke a stored unit.
fn plan_orgs(look: &dyn Lookup, file: files::OrgFile) -> Result<Plan<OrgUnit>, ServiceError> {
    let mut plan = Plan::new(file.issues);
    let stored: BTreeMap<String, OrgUnit> = look
        .units()?
        .into_iter()
        .map(|u| (u.code.clone(), u))
        .collect();
    let mut merged = stored.clone();
    let mut line_of = HashMap::new();
    let parent_col = file
        .sheet
        .as_ref()
        .map_or_else(String::new, |s| s.column(OrgField::Parent));
    let kind_col = file
        .sheet
        .as_ref()
        .map_or_else(String::new, |s| s.column(OrgField::Kind));
    for row in &file.rows {
        let mut unit = row.unit.clone();
        if row.tag.is_none()
            && let Some(old) = stored.get(&unit.code)
        {
            unit.tag = old.tag;
        }
        line_of.insert(unit.code.clone(), row.line);
        merged.insert(unit.code.clone(), unit);
    }
    for u in merged.values() {
        let problem = match (&u.parent, u.kind.parent_kind()) {
            (None, None) => continue,
            (Some(_), None) => Problem::TopHasParent,
            (None, Some(_)) => Problem::NeedsParent(u.kind),
            (Some(p), Some(want)) => match merged.get(p) {
                None => Problem::UnknownParent(p.clone()),
                Some(parent) if parent.kind != want => Problem::ParentKind {
                    kind: u.kind,
                    parent: p.clone(),
                    parent_kind: parent.kind,
                },
                Some(_) => continue,
            },
        };
        if let Some(line) = line_of.get(&u.code) {
            plan.issue(*line, parent_col.clone(), Issue::File(problem));
        } else if let Some(line) = u.parent.as_ref().and_then(|p| line_of.get(p)) {
            let child = Problem::BreaksChild {
                child: u.code.clone(),
            };
            plan.issue(*line, kind_col.clone(), Issue::File(child));
        }
    }
    if plan.issues.is_empty() {
        OrgTree::new(merged.values().cloned())?;
    }
    for row in file.rows {
        let code = row.unit.code.clone();
        if let Some(unit) = merged.remove(&code) {
            plan.count(unit, stored.get(&code));
        }
    }
    Ok(plan)
}

fn plan_titles(look: &dyn Lookup, file: files::TitleFile) -> Result<Plan<TitleBand>, StoreError> {
    let mut plan = Plan::new(file.issues);
    let stored: HashMap<String, TitleBand> = look
        .titles()?
        .into_iter()
        .map(|t| (t.title.clone(), t))
        .collect();
    for row in file.rows {
        let old = stored.get(&row.title.title);
        plan.count(row.title, old);
    }
    Ok(plan)
}

/// The base of a summary for a read file.
fn base(detected: Option<Detected>, ignored: Vec<String>, dry_run: bool) -> ImportSummary {
    ImportSummary {
        dry_run,
        detected,
        ignored,
        ..ImportSummary::default()
    }
}

impl Service {
    /// Runs a checked import: a dry run only reads; otherwise one write transaction that
    /// writes nothing unless every row is right, with one audit entry.
    #[allow(clippy::too_many_arguments)]
    fn run_import<T: Record + PartialEq>(
        &self,
        p: &Principal,
        permission: Permission,
        action: &str,
        dry_run: bool,
        base: ImportSummary,
        progress: Progress<'_>,
        plan: impl FnOnce(&dyn Lookup, Progress<'_>) -> Result<Plan<T>, ServiceError>,
    ) -> Result<ImportSummary, CsvError> {
        if dry_run {
            let r = self.read_as(p, permission)?;
            return Ok(plan(&r, progress)?.summary(base)?.0);
        }
        let mut rejected = None;
        let result = self.write_as(p, permission, action, |w| {
            match plan(&*w, &mut *progress)?.summary(base) {
                Err(CsvError::Rejected(issues)) => {
                    rejected = Some(issues);
                    // Any error rolls the transaction back; the issues go out above.
                    Err(ServiceError::Employee(Vec::new()))
                }
                Err(CsvError::Service(e)) => Err(e),
                Ok((summary, writes)) => {
                    let total = writes.len();
                    let mut ids = Vec::with_capacity(total);
                    for (i, record) in writes.iter().enumerate() {
                        w.put(record)?;
                        ids.push(record.key());
                        if i % 1000 == 999 {
                            progress(Stage::Writing, i + 1, total);
                        }
                    }
                    Ok((summary, ids))
                }
            }
        });
        match rejected {
            Some(issues) => Err(CsvError::Rejected(issues)),
            None => Ok(result?),
        }
    }

    /// `kizuna import employees`: adds and updates staff from a CSV file. A changed unit
    /// or title becomes a post from the row's 発令日, else `effective`, else today.
    pub fn import_employees(
        &self,
        p: &Principal,
        bytes: &[u8],
        opts: &EmployeeImport<'_>,
        progress: Progress<'_>,
    ) -> Result<ImportSummary, CsvError> {
        let mut file = files::read_employees(bytes, opts.encoding, opts.gaiji, &mut |d, t| {
            progress(Stage::Reading, d, t)
        });
        let Some(sheet) = &file.sheet else {
            return Err(CsvError::Rejected(
                file.issues.into_iter().map(Into::into).collect(),
            ));
        };
        let mut summary = base(file.detected, sheet.ignored.clone(), opts.dry_run);
        summary.gaiji_replaced = sheet.gaiji_replaced;
        let on = opts.effective.unwrap_or_else(|| self.clock.today());
        self.run_import(
            p,
            Permission::StaffWrite,
            "employee.import",
            opts.dry_run,
            summary,
            progress,
            |look, progress| Ok(plan_employees(look, &mut file, on, progress)?),
        )
    }

    /// `kizuna import orgs`: organisation units, with the dates they exist between.
    pub fn import_orgs(
        &self,
        p: &Principal,
        bytes: &[u8],
        encoding: Encoding,
        dry_run: bool,
    ) -> Result<ImportSummary, CsvError> {
        let file = files::read_orgs(bytes, encoding);
        let Some(sheet) = &file.sheet else {
            return Err(CsvError::Rejected(
                file.issues.into_iter().map(Into::into).collect(),
            ));
        };
        let summary = base(file.detected, sheet.ignored.clone(), dry_run);
        self.run_import(
            p,
            Permission::CatalogueEdit,
            "org.import",
            dry_run,
            summary,
            &mut |_, _, _| {},
            |look, _| plan_orgs(look, file),
        )
    }

    /// `kizuna import titles`: job titles and the band each falls in.
    pub fn import_titles(
        &self,
        p: &Principal,
        bytes: &[u8],
        encoding: Encoding,
        dry_run: bool,
    ) -> Result<ImportSummary, CsvError> {
        let file = files::read_titles(bytes, encoding);
        let Some(sheet) = &file.sheet else {
            return Err(CsvError::Rejected(
                file.issues.into_iter().map(Into::into).collect(),
            ));
        };
        let summary = base(file.detected, sheet.ignored.clone(), dry_run);
        self.run_import(
            p,
            Permission::CatalogueEdit,
            "title.import",
            dry_run,
            summary,
            &mut |_, _, _| {},
            |look, _| Ok(plan_titles(look, file)?),
        )
    }

    /// `kizuna export employees`: everyone with the post held today, as file bytes; for
    /// CP932, every cell it cannot carry unchanged is an issue and nothing is returned.
    pub fn export_employees(
        &self,
        p: &Principal,
        encoding: OutEncoding,
    ) -> Result<(Vec<u8>, usize), CsvError> {
        let r = self.read_as(p, Permission::StaffRead)?;
        let staff = r.all::<Employee>()?;
        let bytes = files::write_employees(&staff, self.clock.today(), encoding)
            .map_err(|issues| CsvError::Rejected(issues.into_iter().map(Into::into).collect()))?;
        Ok((bytes, staff.len()))
    }
}
