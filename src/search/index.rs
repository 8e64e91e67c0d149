//! The in-memory index: each entry's field keys computed once and packed for scanning,
//! the unit names shared by everyone in a unit, and the reading order kept ready.

use std::cmp::{Ordering, Reverse};
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering as AtomicOrdering};

use fuzzy_matcher::skim::SkimMatcherV2;

use super::judge::{self, UnitSide, Verdict};
use super::keys::{Span, Store, Word};
use super::{Entry, Filter, Hit, Rank};
use crate::domain::{Band, DigitalTier, EmploymentType, Status};

/// Below this many entries one thread keys them all; above, two threads key a half
/// each (opening the screens on 50,000 people waits for this).
const PARALLEL_FROM: usize = 4_000;

/// The keys of every entry, in order, and where each lies.
fn key_all(entries: &[Entry]) -> (Store, Vec<Span>) {
    let key = |part: &[Entry]| {
        let mut store = Store::default();
        let spans: Vec<Span> = part.iter().map(|e| store.add_entry(e)).collect();
        (store, spans)
    };
    if entries.len() < PARALLEL_FROM {
        return key(entries);
    }
    let (first, second) = entries.split_at(entries.len() / 2);
    let ((mut store, mut spans), other) = std::thread::scope(|s| {
        let worker = s.spawn(|| key(second));
        let mine = key(first);
        // A worker that could not finish is redone here rather than lost.
        (mine, worker.join().unwrap_or_else(|_| key(second)))
    });
    let (rest, rest_spans) = other;
    let shift = store.append(rest);
    spans.extend(rest_spans.into_iter().map(|s| s.shifted(&shift)));
    (store, spans)
}

/// Every index and every edit of one takes a fresh number, so a [`super::Searcher`]
/// can tell that its cached candidates belong to something else.
static GENERATION: AtomicU64 = AtomicU64::new(1);

fn next_generation() -> u64 {
    GENERATION.fetch_add(1, AtomicOrdering::Relaxed)
}

/// The packed form of one entry: its keys and what the filters look at, kept
/// together so that a scan touches one small record per person.
#[derive(Clone, Debug)]
struct Doc {
    span: Span,
    unit: u32,
    status: Status,
    band: Option<Band>,
    employment: EmploymentType,
    digital: DigitalTier,
}

/// A unit's name, keyed once: 260 units serve 50,000 people, so a word is matched
/// against each unit once per query instead of once per person.
#[derive(Clone, Debug)]
struct Unit {
    code: String,
    name: String,
    span: Span,
}

/// The searchable staff. Entries keep their positions until one is removed.
#[derive(Clone)]
pub struct Index {
    entries: Vec<Entry>,
    docs: Vec<Doc>,
    store: Store,
    units: Vec<Unit>,
    unit_store: Store,
    unit_ids: HashMap<String, u32>,
    /// Entry positions by reading key, then staff number: the order of an empty query
    /// and the last tie-breakers of every other.
    order: Vec<u32>,
    /// Where each entry stands in `order`, so ties are broken by one integer compare.
    place: Vec<u32>,
    generation: u64,
}

impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Index")
            .field("entries", &self.entries.len())
            .field("units", &self.units.len())
            .field("generation", &self.generation)
            .finish()
    }
}

/// A hit before it is cut to the limit: everything the order needs as integers.
#[derive(Clone, Copy)]
struct Ranked {
    rank: Rank,
    score: i64,
    place: u32,
    index: u32,
}

impl Ranked {
    fn key(&self) -> (Rank, Reverse<i64>, u32) {
        (self.rank, Reverse(self.score), self.place)
    }
}

/// What a scan of some people found.
#[derive(Default)]
struct Scan {
    candidates: Vec<u32>,
    hits: Vec<Ranked>,
    pending: Vec<u32>,
}

/// Per-query work done once rather than per person.
struct Prepared {
    words: Vec<Word>,
    /// Per unit: does it pass the unit filter.
    unit_ok: Vec<bool>,
    /// Per unit: what the words make of its name.
    units: Vec<UnitSide>,
}

impl Index {
    pub fn new(entries: Vec<Entry>) -> Index {
        let mut index = Index {
            entries: Vec::new(),
            docs: Vec::with_capacity(entries.len()),
            store: Store::default(),
            units: Vec::new(),
            unit_store: Store::default(),
            unit_ids: HashMap::new(),
            order: Vec::new(),
            place: Vec::new(),
            generation: next_generation(),
        };
        let units: Vec<u32> = entries
            .iter()
            .map(|e| index.intern_unit(&e.unit_code, &e.unit_name))
            .collect();
        let (store, spans) = key_all(&entries);
        index.store = store;
        index.docs = entries
            .iter()
            .zip(spans)
            .zip(units)
            .map(|((entry, span), unit)| Doc {
                unit,
                span,
                status: entry.status,
                band: entry.band,
                employment: entry.employment,
                digital: entry.digital,
            })
            .collect();
        index.entries = entries;
        // Sorting borrowed (reading, staff number) pairs rather than positions spares
        // each of the million comparisons two lookups through the index.
        let mut order: Vec<(&str, &str, u32)> = (0..index.docs.len())
            .map(|i| {
                let reading = index.store.reading(&index.docs[i].span);
                (reading, index.entries[i].staff_no.as_str(), i as u32)
            })
            .collect();
        order.sort_unstable();
        let order = order.into_iter().map(|(.., i)| i).collect();
        index.order = order;
        index.renumber();
        index
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entry a [`Hit`] points at. Panics on a position past the end, like slice
    /// indexing; [`Index::get`] does not.
    pub fn entry(&self, i: usize) -> &Entry {
        &self.entries[i]
    }

    pub fn get(&self, i: usize) -> Option<&Entry> {
        self.entries.get(i)
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The position of the entry with this staff number.
    pub fn position(&self, staff_no: &str) -> Option<usize> {
        self.entries.iter().position(|e| e.staff_no == staff_no)
    }

    /// Changes with every edit; hits from an older generation may point at the
    /// wrong entries.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Replaces the entry with the same staff number, or adds it at the end. Returns
    /// its position.
    pub fn upsert(&mut self, entry: Entry) -> usize {
        self.generation = next_generation();
        let doc = self.doc(&entry);
        let i = match self.position(&entry.staff_no) {
            Some(i) => {
                let old = std::mem::replace(&mut self.docs[i], doc);
                self.release(&old);
                self.entries[i] = entry;
                self.order.retain(|&j| j as usize != i);
                i
            }
            None => {
                self.docs.push(doc);
                self.entries.push(entry);
                self.entries.len() - 1
            }
        };
        let at = self
            .order
            .partition_point(|&j| self.compare(j, i as u32) == Ordering::Less);
        self.order.insert(at, i as u32);
        self.renumber();
        i
    }

    /// Removes the entry with this staff number; later entries move up one position.
    pub fn remove(&mut self, staff_no: &str) -> Option<Entry> {
        let i = self.position(staff_no)?;
        self.generation = next_generation();
        let old = self.docs.remove(i);
        self.release(&old);
        let entry = self.entries.remove(i);
        let gone = i as u32;
        self.order.retain(|&j| j != gone);
        for j in &mut self.order {
            if *j > gone {
                *j -= 1;
            }
        }
        self.renumber();
        Some(entry)
    }

    /// Up to `limit` hits, best first: by rank, then score, then reading, then staff
    /// number. An empty query returns everyone passing the filter in reading order.
    pub fn search(&self, query: &str, filter: &Filter, limit: usize) -> Vec<Hit> {
        let words = super::normalize::words(query);
        self.run(&words, filter, limit, None).0
    }

    #[cfg(test)]
    pub(super) fn key_bytes(&self) -> usize {
        self.store.bytes()
    }

    fn release(&mut self, doc: &Doc) {
        if self.store.release(&doc.span) {
            self.store
                .compact(self.docs.iter_mut().map(|d| &mut d.span));
        }
    }

    fn doc(&mut self, entry: &Entry) -> Doc {
        Doc {
            unit: self.intern_unit(&entry.unit_code, &entry.unit_name),
            span: self.store.add_entry(entry),
            status: entry.status,
            band: entry.band,
            employment: entry.employment,
            digital: entry.digital,
        }
    }

    fn intern_unit(&mut self, code: &str, name: &str) -> u32 {
        // Looked up by code without building a key: 50,000 people share 260 units.
        // The same code under another name (a unit renamed between two loads) is a
        // unit of its own, found under the code and name together.
        if let Some(&u) = self.unit_ids.get(code)
            && self.units[u as usize].name == name
        {
            return u;
        }
        let renamed = self.unit_ids.contains_key(code);
        let id = if renamed {
            format!("{code}\n{name}")
        } else {
            code.to_string()
        };
        if let Some(&u) = self.unit_ids.get(&id) {
            return u;
        }
        let u = self.units.len() as u32;
        self.units.push(Unit {
            code: code.to_string(),
            name: name.to_string(),
            span: self.unit_store.add_unit(name),
        });
        self.unit_ids.insert(id, u);
        u
    }

    fn compare(&self, a: u32, b: u32) -> Ordering {
        let (x, y) = (a as usize, b as usize);
        self.store
            .reading(&self.docs[x].span)
            .cmp(self.store.reading(&self.docs[y].span))
            .then_with(|| self.entries[x].staff_no.cmp(&self.entries[y].staff_no))
            .then(a.cmp(&b))
    }

    fn renumber(&mut self) {
        self.place = vec![0; self.order.len()];
        for (at, &i) in self.order.iter().enumerate() {
            self.place[i as usize] = at as u32;
        }
    }

    fn passes(&self, doc: &Doc, filter: &Filter, unit_ok: &[bool]) -> bool {
        judge::admits(filter, doc.status, doc.band, doc.employment, doc.digital)
            && unit_ok.get(doc.unit as usize).copied().unwrap_or(false)
    }

    fn unit_filter(&self, filter: &Filter) -> Vec<bool> {
        self.units
            .iter()
            .map(|u| judge::admits_unit(filter, &u.code))
            .collect()
    }

    fn prepare(&self, words: &[String], filter: &Filter) -> Prepared {
        let unit_ok = self.unit_filter(filter);
        let words: Vec<Word> = words.iter().map(|w| Word::new(w)).collect();
        let units = self
            .units
            .iter()
            .zip(&unit_ok)
            .map(|(unit, &ok)| UnitSide::new(&self.unit_store.keys(&unit.span), &words, ok))
            .collect();
        Prepared {
            words,
            unit_ok,
            units,
        }
    }

    /// The search itself, over everyone or over `within`, which must hold every entry
    /// that could match `words` under `filter` (a superset is fine). Returns the hits
    /// and the candidates: the entries that pass the filter and could match at some
    /// rank. Candidates only shrink as words grow, which is what lets a
    /// [`super::Searcher`] narrow from the previous keystroke.
    pub(super) fn run(
        &self,
        words: &[String],
        filter: &Filter,
        limit: usize,
        within: Option<&[u32]>,
    ) -> (Vec<Hit>, Vec<u32>) {
        if words.is_empty() {
            return (self.everyone(filter, limit), Vec::new());
        }
        let q = self.prepare(words, filter);
        // One thread: a second one halves the time on an idle machine but doubles it
        // when another process holds the other core, since the answer waits for the
        // slower half.
        let mut scan = match within {
            Some(within) => self.scan(&q, filter, within.iter().copied()),
            None => self.scan(&q, filter, 0..self.docs.len() as u32),
        };
        // Fuzzy hits rank below every other, so they are needed only when the better
        // ones do not fill the page; this skips the costly scorer on most keystrokes.
        if scan.hits.len() < limit {
            let fuzzy = self.fuzzy(&q, &scan.pending);
            scan.hits.extend(fuzzy);
        }
        (top(scan.hits, limit), scan.candidates)
    }

    /// Sorts people into hits, people who may still match fuzzily, and the rest.
    fn scan(&self, q: &Prepared, filter: &Filter, ids: impl Iterator<Item = u32>) -> Scan {
        let mut scan = Scan::default();
        for i in ids {
            let doc = &self.docs[i as usize];
            if !self.passes(doc, filter, &q.unit_ok) {
                continue;
            }
            let keys = self.store.keys(&doc.span);
            match judge::literal(&keys, &q.units[doc.unit as usize], &q.words) {
                Verdict::Miss => continue,
                Verdict::Pending => scan.pending.push(i),
                Verdict::Hit(rank, score) => scan.hits.push(Ranked {
                    rank,
                    score,
                    place: self.place[i as usize],
                    index: i,
                }),
            }
            scan.candidates.push(i);
        }
        scan
    }

    /// Per unit, per word: the unit name's fuzzy score, computed once per query.
    fn unit_fuzzy(&self, q: &Prepared, matcher: &SkimMatcherV2) -> Vec<Vec<Option<i64>>> {
        self.units
            .iter()
            .zip(&q.units)
            .map(|(unit, side)| side.fuzzy(&self.unit_store.keys(&unit.span), &q.words, matcher))
            .collect()
    }

    fn fuzzy(&self, q: &Prepared, pending: &[u32]) -> Vec<Ranked> {
        let matcher = SkimMatcherV2::default().ignore_case();
        let unit_scores = self.unit_fuzzy(q, &matcher);
        pending
            .iter()
            .filter_map(|&i| {
                let doc = &self.docs[i as usize];
                let keys = self.store.keys(&doc.span);
                let score =
                    judge::fuzzy(&keys, &unit_scores[doc.unit as usize], &q.words, &matcher)?;
                Some(Ranked {
                    rank: Rank::Fuzzy,
                    score,
                    place: self.place[i as usize],
                    index: i,
                })
            })
            .collect()
    }

    fn everyone(&self, filter: &Filter, limit: usize) -> Vec<Hit> {
        let unit_ok = self.unit_filter(filter);
        self.order
            .iter()
            .filter(|&&i| self.passes(&self.docs[i as usize], filter, &unit_ok))
            .take(limit)
            .map(|&i| Hit {
                index: i as usize,
                rank: Rank::Prefix,
                score: 0,
            })
            .collect()
    }
}

/// The best `limit` hits in order, without sorting the ones that will be cut.
fn top(mut hits: Vec<Ranked>, limit: usize) -> Vec<Hit> {
    if limit == 0 {
        return Vec::new();
    }
    if hits.len() > limit {
        hits.select_nth_unstable_by_key(limit - 1, Ranked::key);
        hits.truncate(limit);
    }
    hits.sort_unstable_by_key(Ranked::key);
    hits.into_iter()
        .map(|h| Hit {
            index: h.index as usize,
            rank: h.rank,
            score: h.score,
        })
        .collect()
}
