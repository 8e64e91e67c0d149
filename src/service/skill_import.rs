//! `kizuna import skills` and `kizuna export skills`: dated skill levels in and out of
//! CSV files. A file is one write transaction: every row is checked against the stored
//! staff, skill map and levels first, and if any row is wrong nothing is written and
//! every problem comes back by line and column. A row dated on the day of a stored level
//! of the same skill corrects that level (as the screens do); any other date adds a row
//! to the history, which is never overwritten.

use std::collections::hash_map::Entry;
use std::collections::{BTreeMap, HashMap};

use super::{
    CsvError, ImportIssue, ImportSummary, Issue, Permission, Principal, Progress, Service,
    ServiceError, Stage,
};
use crate::domain::level::{DIGITAL_PREFIX, digital_key};
use crate::domain::{Date, DigitalDomain, Employee, LevelEntry, Skill, SkillSheet};
use crate::io::csv::{
    self as files, Encoding, LevelLine, OutEncoding, Problem, SkillField as F, SkillFile,
    fold_width,
};
use crate::store::{Reader, StoreError, Writer};

/// How to read a skill level file.
#[derive(Clone, Copy, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct SkillImport {
    pub encoding: Encoding,
    /// Check everything, write nothing.
    pub dry_run: bool,
}

/// What a check needs from a read or a write transaction.
trait Lookup {
    fn has_employee(&self, staff_no: &str) -> Result<bool, StoreError>;
    fn sheet(&self, staff_no: &str) -> Result<Option<SkillSheet>, StoreError>;
    fn skills(&self) -> Result<Vec<Skill>, StoreError>;
    fn domains(&self) -> Result<Vec<DigitalDomain>, StoreError>;
}

macro_rules! lookup {
    ($t:ty) => {
        impl Lookup for $t {
            fn has_employee(&self, staff_no: &str) -> Result<bool, StoreError> {
                Ok(self.get::<Employee>(staff_no)?.is_some())
            }
            fn sheet(&self, staff_no: &str) -> Result<Option<SkillSheet>, StoreError> {
                self.get::<SkillSheet>(staff_no)
            }
            fn skills(&self) -> Result<Vec<Skill>, StoreError> {
                self.all::<Skill>()
            }
            fn domains(&self) -> Result<Vec<DigitalDomain>, StoreError> {
                self.all::<DigitalDomain>()
            }
        }
    };
}
lookup!(Reader);
lookup!(Writer);

/// Text as people type it into a spreadsheet: trimmed, full-width letters and digits
/// folded, ASCII case ignored.
fn fold(text: &str) -> String {
    fold_width(text.trim()).trim().to_lowercase()
}

/// The skills and digital domains a cell may name.
struct Names {
    skills: Vec<Skill>,
    domains: Vec<DigitalDomain>,
    /// Answers already found: a large file names the same few skills many times.
    seen: HashMap<(String, Option<Date>), Option<String>>,
}

impl Names {
    /// The sheet key a cell names: a skill key, `dx:KEY`, a domain's name, or a skill's
    /// name as the map had it on the row's date, else as it has it now, else as it
    /// once had it.
    fn key_of(&mut self, text: &str, on: Option<Date>) -> Option<String> {
        let memo = (text.to_string(), on);
        if let Some(found) = self.seen.get(&memo) {
            return found.clone();
        }
        let found = self.find(text, on);
        self.seen.insert(memo, found.clone());
        found
    }

    fn find(&self, text: &str, on: Option<Date>) -> Option<String> {
        let t = fold(text);
        if let Some(domain) = t.strip_prefix(DIGITAL_PREFIX) {
            return self
                .domains
                .iter()
                .find(|d| fold(&d.key) == domain.trim())
                .map(|d| digital_key(&d.key));
        }
        if let Some(s) = self.skills.iter().find(|s| fold(&s.key) == t) {
            return Some(s.key.clone());
        }
        if let Some(d) = self.domains.iter().find(|d| fold(&d.name) == t) {
            return Some(digital_key(&d.key));
        }
        let named = |name: &str| fold(name) == t;
        on.and_then(|day| {
            self.skills
                .iter()
                .find(|s| s.on(day).is_some_and(|state| named(state.name)))
        })
        .or_else(|| self.skills.iter().find(|s| named(&s.name)))
        .or_else(|| {
            self.skills
                .iter()
                .find(|s| s.earlier.iter().any(|v| named(&v.name)))
        })
        .map(|s| s.key.clone())
    }

    /// Why a sheet key cannot take a new level, if it cannot: the skill is retired
    /// (the service's rule; a level's own date does not matter).
    fn refusal(&self, key: &str) -> Option<Problem> {
        if key.starts_with(DIGITAL_PREFIX) {
            return None;
        }
        let skill = self.skills.iter().find(|s| s.key == key)?;
        skill.retired.then(|| Problem::RetiredSkill {
            skill: key.to_string(),
            date: skill.since,
        })
    }
}

/// The checked outcome of a file: the sheets to write as they will be, or issues.
struct Plan {
    sheets: BTreeMap<String, SkillSheet>,
    issues: Vec<ImportIssue>,
    added: usize,
    changed: usize,
    unchanged: usize,
}

impl Plan {
    /// The summary and the sheets to write, or every issue in line order.
    fn finish(
        mut self,
        mut base: ImportSummary,
    ) -> Result<(ImportSummary, BTreeMap<String, SkillSheet>), Vec<ImportIssue>> {
        if !self.issues.is_empty() {
            self.issues.sort_by_key(|i| i.line);
            return Err(self.issues);
        }
        base.added = self.added;
        base.updated = self.changed;
        base.unchanged = self.unchanged;
        Ok((base, self.sheets))
    }
}

/// Checks every row against what is stored. `account` assesses rows without an
/// assessor.
fn plan(
    look: &dyn Lookup,
    file: &SkillFile,
    account: &str,
    today: Date,
    progress: Progress<'_>,
) -> Result<Plan, StoreError> {
    let mut names = Names {
        skills: look.skills()?,
        domains: look.domains()?,
        seen: HashMap::new(),
    };
    let mut plan = Plan {
        sheets: BTreeMap::new(),
        issues: file.issues.iter().cloned().map(Into::into).collect(),
        added: 0,
        changed: 0,
        unchanged: 0,
    };
    let at = |line: u64, field: F, problem: Problem| ImportIssue {
        line,
        column: Some(file.column(field)),
        issue: Issue::File(problem),
    };
    let mut people: HashMap<String, bool> = HashMap::new();
    let mut stored: HashMap<String, Option<SkillSheet>> = HashMap::new();
    let mut first_line: HashMap<(String, String, Date), u64> = HashMap::new();
    let total = file.rows.len();
    for (i, row) in file.rows.iter().enumerate() {
        if i % 1000 == 999 {
            progress(Stage::Checking, i + 1, total);
        }
        let known = !row.staff_no.is_empty()
            && match people.get(&row.staff_no) {
                Some(known) => *known,
                None => {
                    let known = look.has_employee(&row.staff_no)?;
                    people.insert(row.staff_no.clone(), known);
                    known
                }
            };
        if !known && !row.staff_no.is_empty() {
            let problem = Problem::UnknownStaff(row.staff_no.clone());
            plan.issues.push(at(row.line, F::StaffNo, problem));
        }
        let key = if row.skill.is_empty() {
            None
        } else {
            let key = names.key_of(&row.skill, row.date);
            if key.is_none() {
                let problem = Problem::UnknownSkill(row.skill.clone());
                plan.issues.push(at(row.line, F::Skill, problem));
            }
            key
        };
        let (Some(key), true, Some((level, date, source))) = (key.as_ref(), known, row.parts())
        else {
            // A row already refused still has its skill checked against the map, so
            // that one reading lists every problem of the line.
            if let Some(key) = &key
                && let Some(problem) = names.refusal(key)
            {
                plan.issues.push(at(row.line, F::Skill, problem));
            }
            continue;
        };
        match first_line.entry((row.staff_no.clone(), key.clone(), date)) {
            Entry::Occupied(first) => {
                let problem = Problem::DuplicateKey {
                    key: format!("{} {key} {date}", row.staff_no),
                    first_line: *first.get(),
                };
                plan.issues.push(at(row.line, F::Skill, problem));
                continue;
            }
            Entry::Vacant(v) => {
                v.insert(row.line);
            }
        }
        let entry = LevelEntry {
            level,
            from: date,
            source,
            assessor: row.assessor.clone().unwrap_or_else(|| account.to_string()),
        };
        let before = match stored.entry(row.staff_no.clone()) {
            Entry::Occupied(o) => o.into_mut(),
            Entry::Vacant(v) => v.insert(look.sheet(&row.staff_no)?),
        };
        let old = before
            .as_ref()
            .and_then(|s| s.skills.get(key))
            .and_then(|rows| rows.iter().find(|e| e.from == date));
        // A row already stored writes nothing, so it is not a new level to check:
        // an export reads back whole even after a skill was retired.
        if old == Some(&entry) {
            plan.unchanged += 1;
            continue;
        }
        if let Some(problem) = names.refusal(key) {
            plan.issues.push(at(row.line, F::Skill, problem));
            continue;
        }
        if date > today {
            plan.issues
                .push(at(row.line, F::Date, Problem::FutureLevel(date)));
            continue;
        }
        if let Some(other) = old.filter(|o| o.source != entry.source) {
            let problem = Problem::SameDayOtherSource {
                date,
                source: other.source,
            };
            plan.issues.push(at(row.line, F::Source, problem));
            continue;
        }
        if old.is_some() {
            plan.changed += 1;
        } else {
            plan.added += 1;
        }
        plan.sheets
            .entry(row.staff_no.clone())
            .or_insert_with(|| {
                before
                    .clone()
                    .unwrap_or_else(|| SkillSheet::new(&row.staff_no))
            })
            .set(key, entry);
    }
    Ok(plan)
}

impl Service {
    /// `kizuna import skills`: dated levels from a CSV file, all or nothing. A dry run
    /// only reads; otherwise one write transaction with one audit entry naming the
    /// staff numbers whose levels changed.
    pub fn import_skills(
        &self,
        p: &Principal,
        bytes: &[u8],
        opts: &SkillImport,
        progress: Progress<'_>,
    ) -> Result<ImportSummary, CsvError> {
        let file = files::read_skills(bytes, opts.encoding, &mut |d, t| {
            progress(Stage::Reading, d, t)
        });
        let Some(sheet) = &file.sheet else {
            return Err(CsvError::Rejected(
                file.issues.into_iter().map(Into::into).collect(),
            ));
        };
        let today = self.clock.today();
        let base = ImportSummary {
            dry_run: opts.dry_run,
            detected: file.detected,
            ignored: sheet.ignored.clone(),
            ..ImportSummary::default()
        };
        if opts.dry_run {
            let r = self.read_as(p, Permission::StaffWrite)?;
            let checked = plan(&r, &file, &p.account, today, progress)?.finish(base);
            return checked.map(|(s, _)| s).map_err(CsvError::Rejected);
        }
        let mut rejected = None;
        let result = self.write_as(p, Permission::StaffWrite, "skill.import", |w| {
            match plan(&*w, &file, &p.account, today, &mut *progress)?.finish(base) {
                Err(issues) => {
                    rejected = Some(issues);
                    // Any error rolls the transaction back; the issues go out below.
                    Err(ServiceError::Employee(Vec::new()))
                }
                Ok((summary, sheets)) => {
                    let total = sheets.len();
                    let mut ids = Vec::with_capacity(total);
                    for (i, (staff_no, sheet)) in sheets.into_iter().enumerate() {
                        w.put(&sheet)?;
                        ids.push(staff_no);
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

    /// `kizuna export skills`: every level of everyone, with its date, source and
    /// assessor, in the import's columns; by staff number, then in the map's order
    /// with the digital domains after it, oldest first. Returns the bytes and the
    /// number of levels; for CP932, every cell it cannot carry is an issue instead.
    pub fn export_skills(
        &self,
        p: &Principal,
        encoding: OutEncoding,
    ) -> Result<(Vec<u8>, usize), CsvError> {
        let r = self.read_as(p, Permission::StaffRead)?;
        let sheets = r.all::<SkillSheet>()?;
        let mut skills = r.all::<Skill>()?;
        skills.sort_by_key(|s| (s.is_foundation(), s.order));
        let mut domains = r.all::<DigitalDomain>()?;
        domains.sort_by_key(|d| d.order);
        let place: HashMap<String, usize> = skills
            .iter()
            .map(|s| s.key.clone())
            .chain(domains.iter().map(|d| digital_key(&d.key)))
            .enumerate()
            .map(|(i, k)| (k, i))
            .collect();
        let mut lines = Vec::new();
        for sheet in &sheets {
            let mut keys: Vec<&String> = sheet.skills.keys().collect();
            // A key the catalogue no longer has still goes out, after the rest.
            keys.sort_by_key(|k| (place.get(*k).copied().unwrap_or(usize::MAX), *k));
            for key in keys {
                for entry in sheet.skills.get(key).into_iter().flatten() {
                    lines.push(LevelLine {
                        staff_no: &sheet.staff_no,
                        skill: key,
                        entry,
                    });
                }
            }
        }
        let bytes = files::write_skill_levels(&lines, encoding)
            .map_err(|issues| CsvError::Rejected(issues.into_iter().map(Into::into).collect()))?;
        Ok((bytes, lines.len()))
    }
}
