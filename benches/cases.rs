//! Sealed case logs: unlocking (argon2id, then the domain secrets), and listing 1,000
//! health cases after unlocking, the first time (every case key unwrapped) and again
//! with the keys cached. The figure asked for: after unlocking, listing 1,000 cases
//! takes at most 50 ms. The last two benches time the parts of a first listing one
//! case at a time. Run with `cargo bench --bench cases`.

use std::sync::{Arc, OnceLock};

use divan::Bencher;
use kizuna::catalogue::demo;
use kizuna::domain::cases::{
    CaseDomain, CaseError, CaseId, CaseItem, HealthCase, HealthKind, StepStatus,
};
use kizuna::domain::{Date, FixedClock};
use kizuna::service::cases::Keyring;
use kizuna::service::{self, DEMO_PASSPHRASE, Principal, Service};
use kizuna::store::records::cases::{item_from_bytes, item_to_bytes};
use kizuna::store::seal::{self, KeyPair, SecretKey};

fn main() {
    divan::main();
}

/// Health cases in the database, the demo's own included.
const CASES: usize = 1_000;

const STAFF: usize = 200;

const PASS: &[u8] = DEMO_PASSPHRASE.as_bytes();

fn today() -> Date {
    Date::new(2026, 11, 25).unwrap()
}

struct World {
    _dir: tempfile::TempDir,
    service: Service,
    me: Principal,
}

/// A demo database whose health log has a second holder and 1,000 cases, each sealed
/// for both holders and the recovery key; made once for every bench.
fn world() -> &'static World {
    static WORLD: OnceLock<World> = OnceLock::new();
    WORLD.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("demo.redb");
        let clock = Arc::new(FixedClock::at_noon(today()));
        let me = Principal::current();
        service::create_demo(&path, &me, clock.clone(), STAFF, demo::DEFAULT_SEED).unwrap();
        let s = Service::open(&path, clock).unwrap();
        s.add_account(&me, "hs.nurse", None).unwrap();
        s.keys_init(&Principal::named("hs.nurse", 1001), PASS)
            .unwrap();
        let mut ring = s.unlock(&me, PASS).unwrap();
        s.cases_grant(&me, &mut ring, "hs.nurse", CaseDomain::Health)
            .unwrap();
        let staff = demo::generate(STAFF, demo::DEFAULT_SEED).unwrap().staff;
        let have = s.cases(&me, &mut ring, CaseDomain::Health).unwrap().len();
        let started = std::time::Instant::now();
        for i in have..CASES {
            let subject = staff[i % staff.len()].staff_no.clone();
            s.create_case(&me, &mut ring, CaseDomain::Health, |id| {
                case(id, subject, i)
            })
            .unwrap();
        }
        eprintln!(
            "setup: {} cases created in {:.1} s",
            CASES - have,
            started.elapsed().as_secs_f64()
        );
        World {
            _dir: dir,
            service: s,
            me,
        }
    })
}

/// A case of a usual size: a few entries, and for some a leave and a plan.
fn case(id: CaseId, subject: String, i: usize) -> Result<CaseItem, CaseError> {
    let d = |n: i64| today().add_days(n);
    let kind = HealthKind::ALL[i % HealthKind::ALL.len()];
    let mut c = HealthCase::new(
        id,
        subject,
        kind,
        d(-200 + (i % 150) as i64),
        vec!["hs.nurse".into()],
    )?;
    c.add_entry(
        c.opened,
        "hs.nurse",
        "初回面談。業務量と睡眠の状況を聞き取った。",
    )?;
    c.add_entry(c.opened.add_days(14), "hs.nurse", "2回目の面談。")?;
    if kind != HealthKind::Consultation {
        c.add_leave(c.opened.add_days(20), d(30))?;
    }
    if kind == HealthKind::ReturnSupport {
        let step = c.add_step("試し出勤", d(31), Some(d(44)))?;
        c.add_step("短時間勤務", d(45), Some(d(75)))?;
        c.add_step("通常勤務", d(76), None)?;
        c.set_step_status(step, StepStatus::Stopped, d(-1), "hs.nurse")?;
    }
    c.add_follow_up(d(7 + (i % 20) as i64))?;
    Ok(CaseItem::Health(c))
}

fn unlocked() -> Keyring {
    let w = world();
    w.service.unlock(&w.me, PASS).unwrap()
}

/// argon2id over the passphrase, then the domain secrets, every case key of the
/// holder's domains unwrapped on all cores, and the audit entry.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn unlock(bencher: Bencher) {
    let w = world();
    bencher.bench(|| w.service.unlock(&w.me, PASS).unwrap());
}

/// The first listing after an unlock (outside the timing; it opened the case keys):
/// every case decrypted and decoded, names looked up, the audit entry written.
#[divan::bench(sample_count = 20, sample_size = 1)]
fn list_1000_after_unlock_first(bencher: Bencher) {
    let w = world();
    bencher.with_inputs(unlocked).bench_local_refs(|ring| {
        let list = w.service.cases(&w.me, ring, CaseDomain::Health).unwrap();
        assert_eq!(list.len(), CASES);
        list
    });
}

/// The same keyring listed again: the case keys come from its cache.
#[divan::bench(sample_count = 50, sample_size = 1)]
fn list_1000_warm(bencher: Bencher) {
    let w = world();
    let mut ring = unlocked();
    w.service
        .cases(&w.me, &mut ring, CaseDomain::Health)
        .unwrap();
    bencher.bench_local(|| {
        w.service
            .cases(&w.me, &mut ring, CaseDomain::Health)
            .unwrap()
    });
}

/// One case key unwrapped with an age x25519 identity: what a first listing does
/// 1,000 times, on two threads.
#[divan::bench]
fn part_unwrap_one_key(bencher: Bencher) {
    let pair = KeyPair::generate();
    let wrapped = seal::wrap_key(&SecretKey::generate().unwrap(), &pair.public()).unwrap();
    bencher.bench(|| pair.unwrap_key(&wrapped).unwrap());
}

/// One case of the bench's (a return-to-work plan, the largest) opened with its key
/// and decoded: what a listing does 1,000 times after the unwrap.
#[divan::bench]
fn part_open_and_decode_one_case(bencher: Bencher) {
    let id = CaseId::from_bytes([7; 8]);
    let item = case(id, "000123".into(), 2).unwrap();
    let plain = item_to_bytes(&item).unwrap();
    let key = SecretKey::generate().unwrap();
    let aad = b"health/7/1";
    let sealed = seal::seal(&key, aad, &plain).unwrap();
    bencher.bench(|| item_from_bytes(&seal::open(&key, aad, &sealed).unwrap()).unwrap());
}

/// 1,000 case keys unwrapped as a first listing unwraps them: in two halves, one on a
/// second thread.
#[divan::bench(sample_count = 20)]
fn part_unwrap_1000_on_two_threads(bencher: Bencher) {
    let pair = KeyPair::generate();
    let wrapped: Vec<Vec<u8>> = (0..CASES)
        .map(|_| seal::wrap_key(&SecretKey::generate().unwrap(), &pair.public()).unwrap())
        .collect();
    let unwrap_all = |part: &[Vec<u8>]| {
        part.iter()
            .filter_map(|w| pair.unwrap_key(w).unwrap())
            .count()
    };
    bencher.bench(|| {
        let (a, b) = wrapped.split_at(CASES / 2);
        std::thread::scope(|s| {
            let other = s.spawn(|| unwrap_all(b));
            unwrap_all(a) + other.join().unwrap()
        })
    });
}

/// One case viewed with its key cached: the fixed cost of every case call (the write
/// transaction, the role and keyring checks, the audit entry, the commit).
#[divan::bench(sample_count = 50, sample_size = 1)]
fn part_view_one_case(bencher: Bencher) {
    let w = world();
    let mut ring = unlocked();
    let list = w
        .service
        .cases(&w.me, &mut ring, CaseDomain::Health)
        .unwrap();
    let id = list[0].item.id().to_string();
    bencher.bench_local(|| {
        w.service
            .case(&w.me, &mut ring, CaseDomain::Health, &id)
            .unwrap()
    });
}
