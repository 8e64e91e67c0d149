//! Search benchmarks: building the index, and typing queries one keystroke at a time
//! (backspaces included) through a `Searcher`, at 2,000 and 50,000 staff. Run with
//! `cargo bench --bench search`; besides divan's table it prints the median, p99 and
//! worst keystroke of 30 runs per size.

use std::time::{Duration, Instant};

use divan::Bencher;
use kizuna::catalogue::{Policy, demo};
use kizuna::domain::{Date, OrgTree, TitleMap};
use kizuna::search::{Entry, Filter, Index, Searcher};

const SIZES: [usize; 2] = [2_000, 50_000];
/// Rows a results page asks for.
const LIMIT: usize = 200;
const RUNS: usize = 30;

fn main() {
    if std::env::args().any(|a| a == "--bench") {
        for staff in SIZES {
            percentiles(staff);
        }
    }
    divan::main();
}

fn entries(staff: usize) -> Vec<Entry> {
    let data = demo::generate(staff, demo::DEFAULT_SEED).unwrap();
    let org = OrgTree::new(data.units).unwrap();
    let titles = TitleMap::new(Policy::builtin().unwrap().titles);
    let on = Date::new(2026, 11, 25).unwrap();
    data.staff
        .iter()
        .map(|e| Entry::from_employee(e, &org, &titles, on))
        .collect()
}

/// Each query typed a character at a time, then backspaced away: the query after
/// every keystroke, and whether that keystroke starts a new query (a fresh searcher,
/// so no run profits from the one before).
fn keystrokes(index: &Index) -> Vec<(bool, String)> {
    let staff_no = index.entry(index.len() / 2).staff_no.clone();
    let mut out = Vec::new();
    for query in [
        "y",
        "ya",
        "yamada",
        "やま",
        "山田",
        "総務",
        staff_no.as_str(),
    ] {
        let chars: Vec<char> = query.chars().collect();
        for n in 1..=chars.len() {
            out.push((n == 1, chars[..n].iter().collect()));
        }
        for n in (0..chars.len()).rev() {
            out.push((false, chars[..n].iter().collect()));
        }
    }
    out
}

/// One keystroke per sample: the searcher carries over from the previous one.
#[divan::bench(args = SIZES, sample_size = 1, sample_count = 1260)]
fn keystroke(bencher: Bencher, staff: usize) {
    let index = Index::new(entries(staff));
    let keys = keystrokes(&index);
    let filter = Filter::default();
    let mut searcher = Searcher::new();
    let mut next = 0;
    bencher.bench_local(|| {
        let (fresh, query) = &keys[next % keys.len()];
        next += 1;
        if *fresh {
            searcher = Searcher::new();
        }
        searcher.search(&index, query, &filter, LIMIT)
    });
}

/// The first keystroke of a query, with nothing to narrow from.
#[divan::bench(args = SIZES, sample_count = 50)]
fn cold_query(bencher: Bencher, staff: usize) {
    let index = Index::new(entries(staff));
    let filter = Filter::default();
    bencher.bench_local(|| index.search("y", &filter, LIMIT));
}

#[divan::bench(args = SIZES, sample_count = 10)]
fn index_new(bencher: Bencher, staff: usize) {
    let entries = entries(staff);
    bencher
        .with_inputs(|| entries.clone())
        .bench_local_values(Index::new);
}

/// Median, p99 and worst keystroke over `RUNS` runs of the sequence, for all
/// keystrokes and for the typed ones alone (a backspace is usually answered from the
/// searcher's memory). With `SEARCH_BENCH_DETAIL` set, also each keystroke's median and
/// a few queries that defeat the shortcuts (few literal hits, many fuzzy candidates).
fn percentiles(staff: usize) {
    let index = Index::new(entries(staff));
    let keys = keystrokes(&index);
    let filter = Filter::default();
    let mut times: Vec<(Duration, usize)> = Vec::with_capacity(RUNS * keys.len());
    let mut searcher = Searcher::new();
    for _ in 0..RUNS {
        for (k, (fresh, query)) in keys.iter().enumerate() {
            if *fresh {
                searcher = Searcher::new();
            }
            let start = Instant::now();
            let hits = searcher.search(&index, query, &filter, LIMIT);
            times.push((start.elapsed(), k));
            divan::black_box(hits);
        }
    }
    let typed = |k: usize| k == 0 || keys[k].1.chars().count() > keys[k - 1].1.chars().count();
    let summary = |what: &str, mut t: Vec<(Duration, usize)>| {
        t.sort_unstable();
        let at = |p: f64| t[((t.len() as f64 * p).ceil() as usize).saturating_sub(1)].0;
        let (worst, k) = t[t.len() - 1];
        println!(
            "{staff:>6} staff, {what:<10} {:>5} keystrokes: median {:>10.3?}  p99 {:>10.3?}  worst {:>10.3?} ({:?})",
            t.len(),
            at(0.5),
            at(0.99),
            worst,
            keys[k].1
        );
    };
    summary("all", times.clone());
    summary(
        "typed only",
        times.iter().copied().filter(|&(_, k)| typed(k)).collect(),
    );
    if std::env::var_os("SEARCH_BENCH_DETAIL").is_none() {
        return;
    }
    for (k, (_, query)) in keys.iter().enumerate() {
        let mut mine: Vec<Duration> = times.iter().filter(|t| t.1 == k).map(|t| t.0).collect();
        mine.sort_unstable();
        println!("  {query:>8}: median {:>10.3?}", mine[mine.len() / 2]);
    }
    for query in ["sto", "takhs", "a i u", "n n", "ykm", "e"] {
        let mut best = Duration::MAX;
        for _ in 0..5 {
            let start = Instant::now();
            divan::black_box(Searcher::new().search(&index, query, &filter, LIMIT));
            best = best.min(start.elapsed());
        }
        println!("  cold {query:>8}: {best:>10.3?}");
    }
}
