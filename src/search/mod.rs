//! Staff search: normalised keys per field, precomputed once, ranked as
//! exact staff number < prefix < substring < fuzzy.
//!
//! [`Index::search`] answers one query; [`Searcher`] answers a typed sequence of them,
//! narrowing from the previous keystroke's candidates and remembering earlier answers
//! so that backspace is free. Both give the same hits in the same order.

mod index;
mod judge;
mod keys;
pub mod normalize;
mod pass;
mod searcher;
#[cfg(test)]
mod tests;

pub use index::Index;
pub use pass::{Found, Match, Pass, Query, merge};
pub use searcher::Searcher;

use crate::domain::{
    Band, Brief, Date, DigitalTier, Employee, EmploymentType, OrgTree, Status, TitleMap,
};

/// What is searchable and filterable about one person, as of one date.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Entry {
    pub staff_no: String,
    /// As entered; only its key is normalised.
    pub name: String,
    pub reading: String,
    pub romaji: String,
    pub former_name: Option<String>,
    pub alias: Option<String>,
    pub unit_code: String,
    /// The full path, `総務部 職員課 人事係`, so a department's name finds its teams.
    pub unit_name: String,
    pub title: Option<String>,
    pub band: Option<Band>,
    pub employment: EmploymentType,
    pub status: Status,
    pub digital: DigitalTier,
}

impl Entry {
    /// The entry for an employee's post on `on`. An employee without any assignment
    /// (not valid, but possible while a form is half filled) gets an empty unit.
    pub fn from_employee(e: &Employee, org: &OrgTree, titles: &TitleMap, on: Date) -> Entry {
        Entry::from_brief(&Brief::of(e, on), org, titles)
    }

    /// The entry of a person as the store reads them for one date.
    pub fn from_brief(b: &Brief<'_>, org: &OrgTree, titles: &TitleMap) -> Entry {
        Entry {
            staff_no: b.staff_no.to_string(),
            name: b.name.to_string(),
            reading: b.reading.to_string(),
            romaji: crate::domain::kana::romaji(b.reading),
            former_name: b.former_name.map(str::to_string),
            alias: b.alias.map(str::to_string),
            unit_code: b.post.map(|p| p.unit.to_string()).unwrap_or_default(),
            unit_name: b
                .post
                .map(|p| org.path_name(p.unit).to_string())
                .unwrap_or_default(),
            title: b.post.map(|p| p.title.to_string()),
            band: b.post.and_then(|p| titles.band_of(p.title)),
            employment: b.employment,
            status: b.status,
            digital: b.digital,
        }
    }
}

/// Which people a search may return. The default hides only leavers.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Filter {
    /// A unit code: that unit and everything under it (`01` ⊃ `0102` ⊃ `010201`).
    pub unit_prefix: Option<String>,
    /// Exactly these units, when set: a unit and everything under it in the tree (see
    /// `OrgTree::subtree`), for organisations whose codes do not nest. Takes the place
    /// of `unit_prefix`.
    pub unit_codes: Option<std::collections::BTreeSet<String>>,
    pub band: Option<Band>,
    pub employment: Option<EmploymentType>,
    pub status: Option<Status>,
    pub digital: Option<DigitalTier>,
    /// Show staff who have left (退職). Asking for `status: Some(Status::Left)` shows
    /// them too, since that filter would otherwise always come back empty.
    pub include_left: bool,
}

impl Filter {
    /// The filter with its unit read as that unit and everything under it in `org`,
    /// whatever the codes look like (a filter that already names its units stays).
    pub fn resolved(&self, org: &crate::domain::OrgTree) -> Filter {
        let mut f = self.clone();
        if f.unit_codes.is_none() {
            f.unit_codes = f.unit_prefix.as_deref().map(|code| org.subtree(code));
        }
        f
    }

    /// Everyone, leavers included.
    pub fn everyone() -> Filter {
        Filter {
            include_left: true,
            ..Filter::default()
        }
    }
}

/// How a person matched, best first.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Rank {
    /// The query is exactly a staff number.
    Exact,
    /// Every query word begins a field, or a word within a field. An empty query
    /// matches everyone at this rank.
    Prefix,
    /// Every query word occurs in some field.
    Substring,
    /// Every query word matches some field as a fuzzy (in-order) pattern.
    Fuzzy,
}

/// One result: the entry's position in the [`Index`], how it matched, and a score
/// within its rank (higher is better).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    pub index: usize,
    pub rank: Rank,
    pub score: i64,
}
