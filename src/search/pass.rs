//! One query answered in a single pass over people as the store reads them: the hits of
//! [`super::Index::search`], in its order, without keeping anyone's keys. A command
//! that asks once and exits needs no index; building one for 50,000 people costs more
//! than the question.

use std::cmp::{Ordering, Reverse};
use std::collections::{BinaryHeap, HashMap};

use fuzzy_matcher::skim::SkimMatcherV2;

use super::judge::{self, UnitSide, Verdict};
use super::keys::{Person, Store, Word};
use super::{Entry, Filter, Rank, normalize};
use crate::domain::{Brief, OrgTree, TitleMap};

/// A query, its words keyed once for every thread that takes part in the pass.
#[derive(Clone, Debug)]
pub struct Query {
    words: Vec<Word>,
    filter: Filter,
    limit: usize,
}

impl Query {
    pub fn new(text: &str, filter: Filter, limit: usize) -> Query {
        Query {
            words: normalize::words(text)
                .iter()
                .map(|w| Word::new(w))
                .collect(),
            filter,
            limit,
        }
    }
}

/// A person the pass kept: how they matched, and the row they were read from.
#[derive(Clone, Debug)]
pub struct Found {
    pub rank: Rank,
    pub score: i64,
    pub row: usize,
    /// The last tie-breakers, as in the index: the reading's key, then the staff number.
    reading: String,
    staff_no: String,
}

impl Found {
    /// The row comes last only so that the order is total; staff numbers are unique.
    fn key(&self) -> (Rank, Reverse<i64>, &str, &str, usize) {
        (
            self.rank,
            Reverse(self.score),
            &self.reading,
            &self.staff_no,
            self.row,
        )
    }
}

impl PartialEq for Found {
    fn eq(&self, other: &Found) -> bool {
        self.key() == other.key()
    }
}

impl Eq for Found {}

impl Ord for Found {
    fn cmp(&self, other: &Found) -> Ordering {
        self.key().cmp(&other.key())
    }
}

impl PartialOrd for Found {
    fn partial_cmp(&self, other: &Found) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// A unit as the query sees it, worked out the first time someone of it is read.
struct UnitState {
    admitted: bool,
    side: UnitSide,
    /// Per word, the name's fuzzy score: only once someone of the unit needs it.
    fuzzy: Option<Vec<Option<i64>>>,
}

/// One thread's share of a pass: offer it people, then [`Pass::finish`].
pub struct Pass<'a> {
    query: &'a Query,
    org: &'a OrgTree,
    titles: &'a TitleMap,
    scratch: Store,
    units: HashMap<&'a str, UnitState>,
    /// The best `limit` so far; the worst on top, to be pushed out.
    kept: BinaryHeap<Found>,
    literal_hits: usize,
    matcher: SkimMatcherV2,
}

impl<'a> Pass<'a> {
    pub fn new(query: &'a Query, org: &'a OrgTree, titles: &'a TitleMap) -> Pass<'a> {
        Pass {
            query,
            org,
            titles,
            scratch: Store::default(),
            units: HashMap::new(),
            kept: BinaryHeap::with_capacity(query.limit.min(1 << 16) + 1),
            literal_hits: 0,
            matcher: SkimMatcherV2::default().ignore_case(),
        }
    }

    /// Considers one person, read from row `row`.
    pub fn offer(&mut self, row: usize, b: &Brief<'a>) {
        let q = self.query;
        if q.limit == 0 {
            return;
        }
        let band = b.post.and_then(|p| self.titles.band_of(p.title));
        if !judge::admits(&q.filter, b.status, band, b.employment, b.digital) {
            return;
        }
        let code = b.post.map_or("", |p| p.unit);
        if !self.unit(code).admitted {
            return;
        }
        let romaji = crate::domain::kana::romaji(b.reading);
        self.scratch.clear();
        let span = self.scratch.add_person(&Person {
            staff_no: b.staff_no,
            name: b.name,
            reading: b.reading,
            romaji: &romaji,
            former_name: b.former_name,
            alias: b.alias,
        });
        let keys = self.scratch.keys(&span);
        let Some(unit) = self.units.get_mut(code) else {
            return;
        };
        let (rank, score) = match judge::literal(&keys, &unit.side, &q.words) {
            Verdict::Miss => return,
            Verdict::Hit(rank, score) => {
                self.literal_hits += 1;
                (rank, score)
            }
            // Fuzzy hits rank below every literal one: once this share alone holds a
            // page of those, no fuzzy hit can make the page.
            Verdict::Pending if self.literal_hits >= q.limit => return,
            Verdict::Pending => {
                let matcher = &self.matcher;
                let unit_scores = unit.fuzzy.get_or_insert_with(|| {
                    let mut store = Store::default();
                    let span = store.add_unit(self.org.path_name(code));
                    unit.side.fuzzy(&store.keys(&span), &q.words, matcher)
                });
                match judge::fuzzy(&keys, unit_scores, &q.words, matcher) {
                    Some(score) => (Rank::Fuzzy, score),
                    None => return,
                }
            }
        };
        let reading = self.scratch.reading(&span);
        if self.kept.len() >= q.limit
            && let Some(worst) = self.kept.peek()
            && (rank, Reverse(score), reading, b.staff_no, row) >= worst.key()
        {
            return;
        }
        self.kept.push(Found {
            rank,
            score,
            row,
            reading: reading.to_string(),
            staff_no: b.staff_no.to_string(),
        });
        if self.kept.len() > q.limit {
            self.kept.pop();
        }
    }

    fn unit(&mut self, code: &'a str) -> &UnitState {
        let (q, org) = (self.query, self.org);
        self.units.entry(code).or_insert_with(|| {
            let admitted = judge::admits_unit(&q.filter, code);
            let mut store = Store::default();
            let span = store.add_unit(org.path_name(code));
            UnitState {
                admitted,
                side: UnitSide::new(&store.keys(&span), &q.words, admitted),
                fuzzy: None,
            }
        })
    }

    /// What this share kept, in no particular order.
    pub fn finish(self) -> Vec<Found> {
        self.kept.into_vec()
    }
}

/// The shares of a pass put together: the best `limit`, best first.
pub fn merge(shares: impl IntoIterator<Item = Vec<Found>>, limit: usize) -> Vec<Found> {
    let mut all: Vec<Found> = shares.into_iter().flatten().collect();
    all.sort_unstable();
    all.truncate(limit);
    all
}

/// One person of a finished pass with the entry to show for them.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Match {
    pub entry: Entry,
    pub rank: Rank,
    pub score: i64,
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::catalogue::{Policy, demo};
    use crate::domain::{Band, Date, DigitalTier, Employee, Status};
    use crate::search::Index;

    struct World {
        staff: Vec<Employee>,
        org: OrgTree,
        titles: TitleMap,
        index: Index,
    }

    fn on() -> Date {
        Date::new(2026, 11, 25).unwrap()
    }

    fn world() -> &'static World {
        static WORLD: std::sync::OnceLock<World> = std::sync::OnceLock::new();
        WORLD.get_or_init(|| {
            let data = demo::generate(1_500, demo::DEFAULT_SEED).unwrap();
            let org = OrgTree::new(data.units).unwrap();
            let titles = TitleMap::new(Policy::builtin().unwrap().titles);
            let entries = data
                .staff
                .iter()
                .map(|e| Entry::from_employee(e, &org, &titles, on()))
                .collect();
            World {
                staff: data.staff,
                org,
                titles,
                index: Index::new(entries),
            }
        })
    }

    /// The pass over the demo staff in two shares cut at `cut`, as `(staff number,
    /// rank, score)`.
    fn pass(
        w: &World,
        text: &str,
        filter: &Filter,
        limit: usize,
        cut: usize,
    ) -> Vec<(String, Rank, i64)> {
        let query = Query::new(text, filter.clone(), limit);
        let briefs: Vec<Brief<'_>> = w.staff.iter().map(|e| Brief::of(e, on())).collect();
        let share = |rows: std::ops::Range<usize>| {
            let mut pass = Pass::new(&query, &w.org, &w.titles);
            for i in rows {
                pass.offer(i, &briefs[i]);
            }
            pass.finish()
        };
        let cut = cut.min(briefs.len());
        merge([share(0..cut), share(cut..briefs.len())], limit)
            .into_iter()
            .map(|f| (w.staff[f.row].staff_no.clone(), f.rank, f.score))
            .collect()
    }

    fn indexed(w: &World, text: &str, filter: &Filter, limit: usize) -> Vec<(String, Rank, i64)> {
        w.index
            .search(text, filter, limit)
            .into_iter()
            .map(|h| (w.index.entry(h.index).staff_no.clone(), h.rank, h.score))
            .collect()
    }

    fn filters(w: &World) -> Vec<Filter> {
        let some_unit = w.index.entry(0).unit_code.clone();
        vec![
            Filter::default(),
            Filter::everyone(),
            Filter {
                unit_prefix: Some(some_unit[..2].to_string()),
                ..Filter::default()
            },
            Filter {
                unit_codes: Some(w.org.subtree(&some_unit)),
                ..Filter::default()
            },
            Filter {
                band: Band::new(2),
                digital: Some(DigitalTier::Starter),
                ..Filter::default()
            },
            Filter {
                status: Some(Status::Left),
                ..Filter::default()
            },
        ]
    }

    #[test]
    fn a_pass_answers_as_the_index_for_typical_queries() {
        let w = world();
        let number = w.staff[700].staff_no.clone();
        let queries = [
            "",
            "y",
            "ya",
            "yamada",
            "やま",
            "山田",
            "総務",
            "髙橋",
            "ﾀｶﾊｼ",
            "ymd",
            "zzz",
        ];
        for filter in filters(w) {
            for text in queries
                .iter()
                .copied()
                .chain([number.as_str(), &number[..3]])
            {
                for limit in [0, 1, 7, 50, 5_000] {
                    let expected = indexed(w, text, &filter, limit);
                    assert_eq!(
                        pass(w, text, &filter, limit, 750),
                        expected,
                        "{text:?} {filter:?} {limit}"
                    );
                }
            }
        }
        // Not a vacuous agreement: the typical queries find people, and the staff
        // number comes first.
        assert_eq!(
            indexed(w, &number, &Filter::everyone(), 1)[0].1,
            Rank::Exact
        );
        assert!(indexed(w, "yamada", &Filter::default(), 50).len() > 5);
    }

    fn text() -> impl Strategy<Value = String> {
        let alphabet: Vec<char> = "yamadtksihno 山田高髙橋総務課部やまたかはしタカ0123\u{3000}"
            .chars()
            .collect();
        proptest::collection::vec(proptest::sample::select(alphabet), 0..6)
            .prop_map(|cs| cs.into_iter().collect())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn a_pass_answers_as_the_index_for_any_query(
            text in text(),
            limit in prop_oneof![Just(1usize), Just(10), Just(60), Just(2_000)],
            cut in 0usize..1_600,
            left in any::<bool>(),
        ) {
            let w = world();
            let filter = Filter { include_left: left, ..Filter::default() };
            prop_assert_eq!(pass(w, &text, &filter, limit, cut), indexed(w, &text, &filter, limit));
        }
    }
}
