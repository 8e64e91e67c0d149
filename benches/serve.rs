//! `kizuna serve` under load, over its Unix socket, on a demo database of 3,000 staff.
//!
//! - Floor: one client, one call at a time: a call that touches no record (`lock`),
//!   each read and write below and the whole `directory`, over the socket and in this
//!   process without one; and a search on an index kept in memory, as the staff pane
//!   keeps one.
//! - Load: 20 clients at once, each 1,000 reads and 100 writes. The reads are an HR
//!   user's interviews, four calls each, as the screens make them once a person is
//!   found in the staff pane's own index: the card's skill gaps (`gaps`), the card
//!   (`employee`), the skill sheet (`sheet`) and the trainings (`trainings_of`). After two interviews in five comes one write,
//!   alternately a KPI figure (`set_kpi`, last fiscal year's overtime hours, one
//!   record overwritten) and a save of the card just read (`update_employee` with its
//!   revision, the 通称 set or cleared; each client edits only its own staff, so no
//!   save meets a conflict). Every write is one transaction and one audit entry.
//! - Unlocks: 18 clients on the same load, alone and then while 2 more unlock their
//!   case keys (argon2id, 64 MiB) and lock again, over and over.
//!
//! Any error fails the bench. Goals for a read: median ≤ 0.5 ms, p99 ≤ 20 ms.
//! Run with `cargo bench --bench serve`; `benches/serve.sh` runs it several times.
//! SERVE_RUNS, SERVE_STAFF and SERVE_CLIENTS change the sizes; SERVE_FIND=1 puts a
//! one-off `find` (`kizuna search`: a scan of everyone) in place of the gaps.

#[path = "serve/load.rs"]
mod load;

use std::sync::atomic::Ordering;
use std::time::Instant;

use kizuna::catalogue::demo;
use kizuna::remote::Api;
use kizuna::search::{Filter, Index};
use kizuna::service::{self, Principal, Service};

use load::{
    FIND_LIMIT, Person, READS, Samples, WRITES, clock, connect, must, people, read, round, setting,
    start, timed, write,
};

const UNLOCKERS: usize = 2;
const FLOOR_CALLS: usize = 2_000;

/// (median, p99) in milliseconds.
fn spread(mut v: Vec<u64>) -> (f64, f64) {
    assert!(!v.is_empty(), "no samples");
    v.sort_unstable();
    let at = |q: f64| v[((q * v.len() as f64).ceil() as usize).clamp(1, v.len()) - 1] as f64 / 1e6;
    (at(0.5), at(0.99))
}

/// min / median / max of per-run figures.
fn across(v: &[f64]) -> String {
    let mut v = v.to_vec();
    v.sort_by(f64::total_cmp);
    format!(
        "{:.3} / {:.3} / {:.3}",
        v[0],
        v[v.len() / 2],
        v[v.len() - 1]
    )
}

/// Median and p99 of `n` calls one after the other.
fn floor(n: usize, mut call: impl FnMut()) -> String {
    let mut v = Vec::with_capacity(n);
    for _ in 0..n {
        timed(&mut v, &mut call);
    }
    let (med, p99) = spread(v);
    format!("{med:>8.3} {p99:>8.3}")
}

fn floors(title: &str, api: &Api, who: &Person) {
    let me = Principal::current();
    for (kind, name) in load::kinds().iter().enumerate() {
        // A search costs milliseconds: fewer of them.
        let n = if kind == 0 {
            FLOOR_CALLS / 10
        } else {
            FLOOR_CALLS
        };
        let figures = floor(n, || drop(read(api, &me, who, kind)));
        println!("  {title:<10} {name:<12} {figures}");
    }
    let n = FLOOR_CALLS / 10;
    let figures = floor(n / 2, || drop(must("directory", api.directory(&me))));
    println!("  {title:<10} directory    {figures}");
    for (kind, name) in ["set_kpi", "update_emp."].iter().enumerate() {
        let took = (0..n).map(|i| {
            write(
                api,
                &me,
                kind,
                must("card", api.employee(&me, &who.staff_no)),
                i as i64,
            )
        });
        let (med, p99) = spread(took.collect());
        println!("  {title:<10} {name:<12} {med:>8.3} {p99:>8.3}");
    }
}

fn main() {
    let staff = setting("SERVE_STAFF", 3_000);
    let runs = setting("SERVE_RUNS", 5).max(1);
    let clients = setting("SERVE_CLIENTS", 20).max(UNLOCKERS + 1);
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let dir = must("tempdir", tempfile::tempdir());
    let db = dir.path().join("demo.redb");
    let t = Instant::now();
    must(
        "demo",
        service::create_demo(
            &db,
            &Principal::current(),
            clock(),
            staff,
            demo::DEFAULT_SEED,
        ),
    );
    let people = people(staff);
    println!(
        "serve: {staff} staff (made in {:.1} s), {cores} cores, {runs} runs",
        t.elapsed().as_secs_f64()
    );
    println!("floor, 1 client, {FLOOR_CALLS} calls each   median      p99 (ms)");
    let who = &people[people.len() / 2];
    let local = Api::local(must("open", Service::open(&db, clock())));
    floors("in-process", &local, who);
    let index = Index::new(must("directory", local.directory(&Principal::current())).entries);
    let figures = floor(FLOOR_CALLS, || {
        drop(index.search(&who.typed, &Filter::default(), FIND_LIMIT))
    });
    println!("  in-process find on a kept index {figures}");
    drop(local);
    let service = must("reopen", Service::open(&db, clock()));
    let srv = start(service, &dir.path().join("serve.sock"));
    let api = connect(&srv.socket);
    let me = Principal::current();
    println!(
        "  socket     lock (no db) {}",
        floor(FLOOR_CALLS, || must("lock", api.lock(&me)))
    );
    floors("socket", &api, who);
    drop(api);
    // A short warm-up: page cache, allocator, connection threads.
    let _ = round(&srv, &people, clients, 0);

    println!("\nload: {clients} clients x ({READS} reads + {WRITES} writes)   (ms)");
    println!("  run   read med  read p99  write med write p99   calls/s");
    let (mut med, mut p99, mut wmed, mut wp99) = (vec![], vec![], vec![], vec![]);
    let mut pooled = Samples::default();
    for run in 1..=runs {
        let (s, wall, _) = round(&srv, &people, clients, 0);
        let (m, p) = spread(s.all_reads());
        let (wm, wp) = spread(s.writes.clone());
        let calls = (s.all_reads().len() + s.writes.len()) as f64 / wall;
        println!("  {run:>3}  {m:>9.3} {p:>9.3} {wm:>10.3} {wp:>9.3} {calls:>9.0}");
        med.push(m);
        p99.push(p);
        wmed.push(wm);
        wp99.push(wp);
        pooled.add(s);
    }
    println!("  min / median / max over runs:");
    println!(
        "    read median  {}\n    read p99     {}",
        across(&med),
        across(&p99)
    );
    println!(
        "    write median {}\n    write p99    {}",
        across(&wmed),
        across(&wp99)
    );
    for (kind, v) in load::kinds()
        .iter()
        .zip(&pooled.reads)
        .filter(|(_, v)| !v.is_empty())
    {
        let (m, p) = spread(v.clone());
        println!("    {kind:<12} median {m:.3}  p99 {p:.3}  (all runs)");
    }

    let readers = clients - UNLOCKERS;
    println!("\nunlocks: {readers} clients as above, alone / with {UNLOCKERS} clients unlocking");
    println!("  run   read p99 alone  with   write p99 alone  with   unlocks  unlock med (ms)");
    let (mut alone, mut with) = (vec![], vec![]);
    for run in 1..=runs {
        let (a, _, _) = round(&srv, &people, readers, 0);
        let (b, _, took) = round(&srv, &people, readers, UNLOCKERS);
        let ((_, ra), (_, rb)) = (spread(a.all_reads()), spread(b.all_reads()));
        let ((_, wa), (_, wb)) = (spread(a.writes), spread(b.writes));
        assert!(!took.is_empty(), "no unlock finished during the load");
        let n = took.len();
        let (um, _) = spread(took);
        println!("  {run:>3}  {ra:>14.3} {rb:>6.3} {wa:>16.3} {wb:>6.3} {n:>8} {um:>10.0}");
        alone.push(ra);
        with.push(rb);
    }
    println!(
        "  read p99 min / median / max: alone {}  with unlocks {}",
        across(&alone),
        across(&with)
    );

    let (m, p) = (across(&med), across(&p99));
    let worst = |v: &[f64]| v.iter().copied().fold(f64::MIN, f64::max);
    println!(
        "\ngoal read median <= 0.5 ms: {} (runs {m})",
        if worst(&med) <= 0.5 { "met" } else { "NOT met" }
    );
    println!(
        "goal read p99 <= 20 ms:     {} (runs {p})",
        if worst(&p99) <= 20.0 {
            "met"
        } else {
            "NOT met"
        }
    );
    srv.stop.store(true, Ordering::SeqCst);
    srv.thread.join().expect("the server failed");
}
