//! The load of the `serve` bench: the server in this process, the clients, and what
//! each does (see benches/serve.rs).

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Barrier, OnceLock};
use std::thread::JoinHandle;
use std::time::Instant;

use kizuna::catalogue::demo;
use kizuna::domain::kpi::OVERTIME_HOURS;
use kizuna::domain::{Clock, Date, Employee, FiscalYear, FixedClock};
use kizuna::i18n::Lang;
use kizuna::remote::{Api, server};
use kizuna::search::Filter;
use kizuna::service::{DEMO_PASSPHRASE, EmployeeView, Principal, Service};

pub const READS: usize = 1_000;
pub const WRITES: usize = 100;
pub const FIND_LIMIT: usize = 20;
/// The reads of an interview. The first is the card's skill gaps (what the staff
/// pane asks for with the card), or with SERVE_FIND=1 a one-off `find` instead.
pub fn kinds() -> [&'static str; 4] {
    [
        if finds() { "find" } else { "gaps" },
        "employee",
        "sheet",
        "trainings_of",
    ]
}

pub fn setting(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

pub fn clock() -> Arc<dyn Clock> {
    Arc::new(FixedClock::at_noon(
        Date::new(2026, 11, 25).expect("a date"),
    ))
}

/// Fails the bench, loudly, on any error.
pub fn must<T, E: std::fmt::Debug>(what: &str, r: Result<T, E>) -> T {
    r.unwrap_or_else(|e| panic!("{what}: {e:?}"))
}

/// Latencies in nanoseconds.
#[derive(Default)]
pub struct Samples {
    pub reads: [Vec<u64>; 4],
    pub writes: Vec<u64>,
}

impl Samples {
    pub fn all_reads(&self) -> Vec<u64> {
        self.reads.concat()
    }
    pub fn add(&mut self, other: Samples) {
        for (mine, theirs) in self.reads.iter_mut().zip(other.reads) {
            mine.extend(theirs);
        }
        self.writes.extend(other.writes);
    }
}

pub fn timed<T>(into: &mut Vec<u64>, call: impl FnOnce() -> T) -> T {
    let t = Instant::now();
    let out = call();
    into.push(t.elapsed().as_nanos() as u64);
    out
}

/// One person as the load sees them: staff number and what an HR user types.
pub struct Person {
    pub staff_no: String,
    pub typed: String,
}

pub fn people(staff: usize) -> Vec<Person> {
    let data = must("demo staff", demo::generate(staff, demo::DEFAULT_SEED));
    data.staff
        .into_iter()
        .map(|e| Person {
            typed: e
                .reading
                .split([' ', '\u{3000}'])
                .next()
                .unwrap_or("")
                .to_string(),
            staff_no: e.staff_no,
        })
        .collect()
}

/// SplitMix64: the same people in every run.
pub struct Rng(u64);
impl Rng {
    pub fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        ((z ^ (z >> 31)) % n as u64) as usize
    }
}

/// One read of an interview (an index of `kinds()`); the card for `employee`.
pub fn read(api: &Api, me: &Principal, who: &Person, kind: usize) -> Option<EmployeeView> {
    match kind {
        0 if !finds() => must(
            "gaps",
            api.gaps(me, &who.staff_no, clock().today()).map(|_| None),
        ),
        0 => {
            let found = must(
                "find",
                api.find(me, &who.typed, &Filter::default(), FIND_LIMIT),
            );
            assert!(!found.is_empty(), "find {} found no one", who.typed);
            None
        }
        1 => Some(must("employee", api.employee(me, &who.staff_no))),
        2 => must("sheet", api.sheet(me, &who.staff_no).map(|_| None)),
        _ => must(
            "trainings_of",
            api.trainings_of(me, &who.staff_no).map(|_| None),
        ),
    }
}

/// Whether interviews begin with a one-off `find` (SERVE_FIND=1) instead of the gaps.
/// The staff pane never asks the server to search: it searches the directory it holds,
/// keystroke by keystroke; `find` is `kizuna search`, one command, one scan.
pub fn finds() -> bool {
    static FINDS: OnceLock<bool> = OnceLock::new();
    *FINDS.get_or_init(|| setting("SERVE_FIND", 0) != 0)
}

/// One interview's four reads; returns the card.
pub fn interview(api: &Api, me: &Principal, who: &Person, s: &mut Samples) -> EmployeeView {
    let mut card = None;
    for (kind, into) in s.reads.iter_mut().enumerate() {
        card = timed(into, || read(api, me, who, kind)).or(card);
    }
    card.expect("the card")
}

/// One save, timed: a KPI figure (`kind` 0) or the card with its 通称 set or cleared.
pub fn write(api: &Api, me: &Principal, kind: usize, card: EmployeeView, value: i64) -> u64 {
    let t = Instant::now();
    if kind == 0 {
        let last_year = FiscalYear(api.clock().fiscal_year().0 - 1);
        must("set_kpi", api.set_kpi(me, OVERTIME_HOURS, last_year, value));
    } else {
        let mut e: Employee = card.employee;
        e.alias = if e.alias.is_some() {
            None
        } else {
            Some("ベンチ".into())
        };
        must(
            "update_employee",
            api.update_employee(me, &e, card.revision),
        );
    }
    t.elapsed().as_nanos() as u64
}

/// One client's load: `READS / 4` interviews, a write after two in five.
pub fn client(api: &Api, c: usize, clients: usize, people: &[Person]) -> Samples {
    let me = Principal::current();
    let mut s = Samples::default();
    let mut rng = Rng(c as u64 * 7919 + 1);
    let mine: Vec<&Person> = people.iter().skip(c).step_by(clients).collect();
    for j in 0..READS / 4 {
        let who = match j % 5 {
            3 => mine[rng.below(mine.len())],
            _ => &people[rng.below(people.len())],
        };
        let card = interview(api, &me, who, &mut s);
        if j % 5 == 1 || j % 5 == 3 {
            let took = write(api, &me, j % 5 / 2, card, (c * 10_000 + j) as i64);
            s.writes.push(took);
        }
    }
    assert_eq!(s.writes.len(), WRITES, "writes made");
    s
}

pub struct Server {
    pub socket: PathBuf,
    pub stop: Arc<AtomicBool>,
    pub thread: JoinHandle<()>,
}

pub fn start(service: Service, socket: &Path) -> Server {
    let listener = must("bind", server::bind(socket));
    let stop = Arc::new(AtomicBool::new(false));
    let (flag, path) = (Arc::clone(&stop), socket.to_path_buf());
    let thread = std::thread::spawn(move || {
        let r = server::serve(service, listener, &path, Lang::Ja, &flag, Box::new(|_| {}));
        must("serve", r);
    });
    Server {
        socket: socket.to_path_buf(),
        stop,
        thread,
    }
}

pub fn connect(socket: &Path) -> Api {
    must("connect", Api::connect(socket, clock(), Lang::Ja))
}

/// `clients` clients at once (connected first, then started together), plus
/// `unlockers` that unlock and lock until the others are done. Returns the samples,
/// the wall time, and the unlock times.
pub fn round(
    srv: &Server,
    people: &[Person],
    clients: usize,
    unlockers: usize,
) -> (Samples, f64, Vec<u64>) {
    let start = Arc::new(Barrier::new(clients + unlockers + 1));
    let done = Arc::new(AtomicBool::new(false));
    std::thread::scope(|scope| {
        let unlocking: Vec<_> = (0..unlockers)
            .map(|_| {
                let (start, done) = (Arc::clone(&start), Arc::clone(&done));
                scope.spawn(move || {
                    let api = connect(&srv.socket);
                    let me = Principal::current();
                    let mut took = Vec::new();
                    start.wait();
                    while !done.load(Ordering::SeqCst) {
                        let r = timed(&mut took, || api.unlock(&me, DEMO_PASSPHRASE.as_bytes()));
                        assert!(!must("unlock", r).domains.is_empty(), "no domain opened");
                        must("lock", api.lock(&me));
                    }
                    took
                })
            })
            .collect();
        let loading: Vec<_> = (0..clients)
            .map(|c| {
                let start = Arc::clone(&start);
                scope.spawn(move || {
                    let api = connect(&srv.socket);
                    start.wait();
                    client(&api, c, clients, people)
                })
            })
            .collect();
        start.wait();
        let t = Instant::now();
        let mut all = Samples::default();
        for h in loading {
            all.add(h.join().expect("a client failed"));
        }
        let wall = t.elapsed().as_secs_f64();
        done.store(true, Ordering::SeqCst);
        let unlocks = unlocking
            .into_iter()
            .flat_map(|h| h.join().expect("an unlocking client failed"))
            .collect();
        (all, wall, unlocks)
    })
}
