//! Deterministic synthetic staff for the demo database: a city hall's organisation from
//! fixtures/demo/organisation.tsv and people drawn from the name lists beside it. Same
//! seed and size, same staff, whatever the day: history is anchored on [`ANCHOR`].

use crate::domain::{
    Assignment, AssignmentKind, Band, CareerTrack, Date, DigitalTier, Employee, EmploymentType,
    Leaving, OrgUnit, Status, UnitKind, UnitTag,
};

use super::CatalogueError;

const SURNAMES: &str = include_str!("../../fixtures/demo/surnames.tsv");
const GIVEN_MALE: &str = include_str!("../../fixtures/demo/given_male.tsv");
const GIVEN_FEMALE: &str = include_str!("../../fixtures/demo/given_female.tsv");
const ORGANISATION: &str = include_str!("../../fixtures/demo/organisation.tsv");
const TITLES: &str = include_str!("../../fixtures/demo/titles.tsv");

/// The last 1 April the demo history reaches: the start of 令和8年度.
pub const ANCHOR: (i32, u32, u32) = (2026, 4, 1);

mod cases;
mod levels;
mod roadmap;
mod survey;
mod training;

pub use cases::{DemoCase, cases};
pub use levels::sheets;
pub use roadmap::{DemoStep, roadmap_steps};
pub use survey::survey_csv;
pub use training::{Training, courses as standard_courses, plan as training_plan};

/// The seed `kizuna demo` uses unless told otherwise.
pub const DEFAULT_SEED: u64 = 0x6b69_7a75_6e61;

/// The demo organisation and staff.
pub struct DemoData {
    pub units: Vec<OrgUnit>,
    pub staff: Vec<Employee>,
}

/// A small, fast, well-mixed generator (SplitMix64); the demo needs repeatability, not
/// cryptographic strength.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        let span = (hi - lo + 1).max(1) as u64;
        lo + (self.next() % span) as i64
    }

    /// True with probability `per_mille / 1000`.
    fn chance(&mut self, per_mille: u64) -> bool {
        self.next() % 1000 < per_mille
    }
}

/// Items with weights, drawn in proportion.
struct Weighted<T> {
    items: Vec<T>,
    cumulative: Vec<u64>,
}

impl<T> Weighted<T> {
    fn new(rows: Vec<(T, u64)>) -> Weighted<T> {
        let mut total = 0;
        let mut items = Vec::with_capacity(rows.len());
        let mut cumulative = Vec::with_capacity(rows.len());
        for (item, w) in rows {
            total += w;
            items.push(item);
            cumulative.push(total);
        }
        Weighted { items, cumulative }
    }

    fn pick(&self, rng: &mut Rng) -> &T {
        let total = self.cumulative.last().copied().unwrap_or(1).max(1);
        let x = rng.next() % total;
        let i = self.cumulative.partition_point(|&c| c <= x);
        &self.items[i.min(self.items.len() - 1)]
    }
}

fn rows<'a>(
    file: &'static str,
    text: &'a str,
    columns: usize,
) -> impl Iterator<Item = Result<(usize, Vec<&'a str>), CatalogueError>> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty())
        .map(move |(i, line)| {
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() == columns {
                Ok((i + 1, cols))
            } else {
                Err(CatalogueError::Content {
                    file: file.into(),
                    message: format!("line {}: {} columns, want {columns}", i + 1, cols.len()),
                })
            }
        })
}

fn number<T: std::str::FromStr>(file: &str, line: usize, text: &str) -> Result<T, CatalogueError> {
    text.parse().map_err(|_| CatalogueError::Content {
        file: file.into(),
        message: format!("line {line}: {text:?} is not a number"),
    })
}

fn names(file: &'static str, text: &str) -> Result<Weighted<(String, String)>, CatalogueError> {
    let mut out = Vec::new();
    for row in rows(file, text, 3) {
        let (line, c) = row?;
        out.push((
            (c[0].to_string(), c[1].to_string()),
            number(file, line, c[2])?,
        ));
    }
    Ok(Weighted::new(out))
}

/// The demo organisation, with each leaf unit's staff weight.
fn organisation() -> Result<Vec<(OrgUnit, u64)>, CatalogueError> {
    const F: &str = "organisation.tsv";
    let mut out = Vec::new();
    for row in rows(F, ORGANISATION, 6) {
        let (line, c) = row?;
        let kind = UnitKind::parse(c[1]).ok_or_else(|| CatalogueError::Content {
            file: F.into(),
            message: format!("line {line}: unknown kind {:?}", c[1]),
        })?;
        let tag = match c[5] {
            "digital" => UnitTag::Digital,
            "core" => UnitTag::CoreSystem,
            _ => UnitTag::None,
        };
        let unit = OrgUnit {
            code: c[0].into(),
            kind,
            name: c[2].into(),
            parent: (!c[3].is_empty()).then(|| c[3].to_string()),
            tag,
            valid_from: None,
            valid_to: None,
        };
        out.push((unit, number(F, line, c[4])?));
    }
    Ok(out)
}

/// Titles and bands, as the demo distributes them.
fn titles() -> Result<Vec<(String, Band, u64)>, CatalogueError> {
    const F: &str = "titles.tsv";
    let mut out = Vec::new();
    for row in rows(F, TITLES, 3) {
        let (line, c) = row?;
        let band = Band::new(number(F, line, c[1])?).ok_or_else(|| CatalogueError::Content {
            file: F.into(),
            message: format!("line {line}: no band {}", c[1]),
        })?;
        out.push((c[0].to_string(), band, number(F, line, c[2])?));
    }
    Ok(out)
}

fn date(y: i32, m: u32, d: u32) -> Date {
    Date::new(y, m, d).unwrap_or_else(|_| Date::from_days(0))
}

fn april_first(year: i32) -> Date {
    date(year, 4, 1)
}

/// Ages a person with a band of this level usually has at the anchor date.
fn age_range(band: Band, title: &str) -> (i64, i64) {
    match (band.number(), title) {
        (_, "主事補" | "技師補") => (18, 21),
        (1, _) => (22, 45),
        (2, _) => (36, 58),
        (3, _) => (44, 59),
        (_, "部長") => (55, 59),
        _ => (50, 59),
    }
}

/// The staff generator: the lists, read once, and the draws.
struct Generator {
    rng: Rng,
    surnames: Weighted<(String, String)>,
    male: Weighted<(String, String)>,
    female: Weighted<(String, String)>,
    anchor: Date,
    per_year: std::collections::BTreeMap<i32, u32>,
}

impl Generator {
    fn staff_no(&mut self, hired: Date) -> String {
        let seq = self.per_year.entry(hired.year()).or_insert(0);
        *seq += 1;
        format!("{:02}{:04}", hired.year() % 100, seq)
    }

    fn person(&mut self, unit: &OrgUnit, title: &str, band: Band, units: &[&OrgUnit]) -> Employee {
        let rng = &mut self.rng;
        let (lo, hi) = age_range(band, title);
        let mut age = rng.range(lo, hi);
        let senior = band.number() <= 3 && rng.chance(40);
        if senior {
            age = rng.range(60, 63);
        }
        let birth_year = self.anchor.year() - age as i32 - 1;
        let birth = Date::from_days(date(birth_year, 4, 2).to_days() + rng.range(0, 364));
        let female = rng.chance(420);
        let (family, family_reading) = self.surnames.pick(rng).clone();
        let (given, given_reading) = if female {
            self.female.pick(rng).clone()
        } else {
            self.male.pick(rng).clone()
        };
        let comeback = (28..=45).contains(&age) && rng.chance(12);
        let mid_career = !comeback && rng.chance(120);
        let start_age = if mid_career {
            rng.range(24, 40)
        } else if title.ends_with('補') || rng.chance(150) {
            18
        } else {
            22
        };
        let hire_year = if comeback {
            self.anchor.year() - rng.range(0, 1) as i32
        } else {
            (birth.year() + start_age as i32 + 1).min(self.anchor.year())
        };
        let hired = april_first(hire_year);
        let employment = if senior && age >= 62 {
            EmploymentType::Reappointed
        } else if rng.chance(60) {
            EmploymentType::FiscalYearAppointed
        } else if rng.chance(20) {
            EmploymentType::FixedTerm
        } else {
            EmploymentType::Regular
        };
        let history = self.history(hired, unit, title, band, units);
        let rng = &mut self.rng;
        let former_name = (female && rng.chance(60)).then(|| self.surnames.pick(rng).0.clone());
        let alias = (former_name.is_some() && rng.chance(300)).then(|| {
            let (f, _) = self.surnames.pick(rng);
            format!("{f}\u{3000}{given}")
        });
        let digital = match unit.tag {
            UnitTag::Digital if rng.chance(300) => DigitalTier::Architect,
            UnitTag::CoreSystem if rng.chance(25) => DigitalTier::Architect,
            _ if rng.chance(30) => DigitalTier::Leader,
            _ => DigitalTier::Starter,
        };
        let status = if rng.chance(12) {
            Status::OnLeave
        } else {
            Status::Active
        };
        Employee {
            staff_no: self.staff_no(hired),
            name: format!("{family}\u{3000}{given}"),
            reading: format!("{family_reading}\u{3000}{given_reading}"),
            former_name,
            alias,
            employment,
            birth,
            hired,
            leaving: None,
            track: CareerTrack::Unset,
            digital,
            status,
            comeback,
            history,
        }
    }

    /// Posts from the hire date to the anchor: transfers every 3-5 years on 1 April, the
    /// last into the current unit, and a promotion where the title moved up.
    fn history(
        &mut self,
        hired: Date,
        unit: &OrgUnit,
        title: &str,
        band: Band,
        units: &[&OrgUnit],
    ) -> Vec<Assignment> {
        let rng = &mut self.rng;
        let entry_title = if band.number() == 1 {
            title.to_string()
        } else if rng.chance(200) {
            "技師".to_string()
        } else {
            "主事".to_string()
        };
        let mut moves = Vec::new();
        let mut year = hired.year() + rng.range(3, 5) as i32;
        while year <= self.anchor.year() {
            moves.push(year);
            year += rng.range(3, 5) as i32;
        }
        let first_unit = if moves.is_empty() {
            unit.code.clone()
        } else {
            units[rng.range(0, units.len() as i64 - 1) as usize]
                .code
                .clone()
        };
        let mut history = vec![Assignment {
            effective: hired,
            unit: first_unit,
            title: if moves.is_empty() {
                title.to_string()
            } else {
                entry_title
            },
            kind: AssignmentKind::Hire,
        }];
        let keep = moves.len().min(4);
        let moves = &moves[moves.len() - keep..];
        for (i, year) in moves.iter().enumerate() {
            let last = i + 1 == moves.len();
            let prev_title = history.last().map(|a| a.title.clone()).unwrap_or_default();
            let (unit_code, new_title) = if last {
                (unit.code.clone(), title.to_string())
            } else {
                let u = units[rng.range(0, units.len() as i64 - 1) as usize];
                (u.code.clone(), prev_title.clone())
            };
            let kind = if new_title != prev_title {
                AssignmentKind::Promotion
            } else {
                AssignmentKind::Transfer
            };
            history.push(Assignment {
                effective: april_first(*year),
                unit: unit_code,
                title: new_title,
                kind,
            });
        }
        history
    }
}

/// Builds the demo organisation and `staff` people, the same for the same seed.
pub fn generate(staff: usize, seed: u64) -> Result<DemoData, CatalogueError> {
    let org = organisation()?;
    let titles = titles()?;
    let band_of = |t: &str| {
        titles
            .iter()
            .find(|(name, ..)| name == t)
            .map(|(_, b, _)| *b)
    };
    let head_title = |kind: UnitKind| match kind {
        UnitKind::Department => "部長",
        UnitKind::Section => "課長",
        UnitKind::Team => "係長",
    };
    let leaves: Vec<(&OrgUnit, u64)> = org
        .iter()
        .filter(|(_, w)| *w > 0)
        .map(|(u, w)| (u, *w))
        .collect();
    let leaf_units: Vec<&OrgUnit> = leaves.iter().map(|(u, _)| *u).collect();
    let leaf_pick = Weighted::new(leaves.clone());
    let staff_titles = Weighted::new(
        titles
            .iter()
            .filter(|(t, ..)| !matches!(t.as_str(), "部長" | "課長" | "係長" | "次長"))
            .map(|(t, b, w)| ((t.clone(), *b), *w))
            .collect(),
    );
    let mut generator = Generator {
        rng: Rng(seed),
        surnames: names("surnames.tsv", SURNAMES)?,
        male: names("given_male.tsv", GIVEN_MALE)?,
        female: names("given_female.tsv", GIVEN_FEMALE)?,
        anchor: date(ANCHOR.0, ANCHOR.1, ANCHOR.2),
        per_year: Default::default(),
    };

    // Heads first (部長, 課長, 係長), as far as a fifth of the staff allows.
    let mut out = Vec::with_capacity(staff);
    let mut heads: Vec<&OrgUnit> = org.iter().map(|(u, _)| u).collect();
    heads.sort_by_key(|u| u.kind);
    for unit in heads.into_iter().take(staff / 5) {
        let title = head_title(unit.kind);
        let band = band_of(title).unwrap_or(Band::ALL[3]);
        out.push(generator.person(unit, title, band, &leaf_units));
    }
    while out.len() < staff {
        let unit = *leaf_pick.pick(&mut generator.rng);
        let (title, band) = staff_titles.pick(&mut generator.rng).clone();
        out.push(generator.person(unit, &title, band, &leaf_units));
    }
    leave_some(&mut generator, &mut out);
    Ok(DemoData {
        units: org.into_iter().map(|(u, _)| u).collect(),
        staff: out,
    })
}

/// Marks about 3% as having left between 令和元年度 and the anchor, with the reasons a
/// register shows; younger leavers mostly resign (the policy's first KPI).
fn leave_some(generator: &mut Generator, staff: &mut [Employee]) {
    let rng = &mut generator.rng;
    for e in staff.iter_mut() {
        if !rng.chance(30) {
            continue;
        }
        let start = e.history.last().map_or(e.hired, |a| a.effective);
        let earliest = start.max(date(2019, 4, 1)).to_days() + 30;
        let latest = generator.anchor.to_days() - 1;
        if earliest >= latest {
            continue;
        }
        let day = Date::from_days(rng.range(earliest, latest));
        let reason = if e.age_on(day) >= 60 {
            "定年"
        } else if rng.chance(850) {
            "自己都合"
        } else {
            "勧奨"
        };
        e.status = Status::Left;
        e.leaving = Some(Leaving {
            date: day,
            reason: reason.into(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_staff() {
        let a = generate(300, 7).unwrap();
        let b = generate(300, 7).unwrap();
        assert_eq!(a.staff, b.staff);
        let c = generate(300, 8).unwrap();
        assert_ne!(a.staff, c.staff);
    }

    #[test]
    fn staff_are_valid_and_unique() {
        let data = generate(2000, DEFAULT_SEED).unwrap();
        assert_eq!(data.staff.len(), 2000);
        let mut numbers = std::collections::BTreeSet::new();
        for e in &data.staff {
            e.validate()
                .unwrap_or_else(|err| panic!("{}: {err}", e.staff_no));
            assert!(numbers.insert(e.staff_no.clone()), "{} twice", e.staff_no);
            for a in &e.history {
                assert!(data.units.iter().any(|u| u.code == a.unit), "{}", a.unit);
            }
        }
        crate::domain::OrgTree::new(data.units).unwrap();
    }

    #[test]
    fn register_looks_like_a_city_hall() {
        let data = generate(2000, DEFAULT_SEED).unwrap();
        let anchor = date(ANCHOR.0, ANCHOR.1, ANCHOR.2);
        let count = |f: &dyn Fn(&Employee) -> bool| data.staff.iter().filter(|e| f(e)).count();
        for variant in ["髙", "﨑", "齋", "邊", "濵"] {
            assert!(count(&|e| e.name.contains(variant)) > 0, "{variant}");
        }
        assert!(count(&|e| e.is_senior_on(anchor)) > 20);
        assert!(count(&|e| e.comeback) > 0);
        assert!(count(&|e| e.history.len() > 2) > 500);
        assert!(count(&|e| e.status == Status::Left) > 20);
        assert!(
            count(&|e| e.staff_no.starts_with('0')) > 100,
            "leading zeros"
        );
        let deps = data
            .units
            .iter()
            .filter(|u| u.kind == UnitKind::Department)
            .count();
        assert!((14..=17).contains(&deps));
        assert!(data.units.len() > 100);
    }
}
