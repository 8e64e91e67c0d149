//! Database benchmarks: building the demo database (2,000 and 50,000 staff), opening
//! it, and checking it. Run with `cargo bench --bench store`.

use std::path::PathBuf;
use std::sync::Arc;

use divan::Bencher;
use kizuna::catalogue::demo;
use kizuna::domain::{Date, FixedClock};
use kizuna::service::{self, Principal, Service};

fn main() {
    divan::main();
}

fn clock() -> Arc<FixedClock> {
    Arc::new(FixedClock::at_noon(Date::new(2026, 11, 25).unwrap()))
}

fn me() -> Principal {
    Principal::current()
}

/// A demo database made once per size, for the read benchmarks.
fn demo_db(dir: &tempfile::TempDir, staff: usize) -> PathBuf {
    let path = dir.path().join(format!("demo-{staff}.redb"));
    if !path.exists() {
        service::create_demo(&path, &me(), clock(), staff, demo::DEFAULT_SEED).unwrap();
    }
    path
}

/// Generating the synthetic staff in memory, without the database.
#[divan::bench(args = [2_000, 50_000], sample_count = 10)]
fn generate_staff(staff: usize) -> usize {
    demo::generate(staff, demo::DEFAULT_SEED)
        .unwrap()
        .staff
        .len()
}

/// `kizuna demo --create-only`: generate, write in one transaction, link into place.
#[divan::bench(args = [2_000, 50_000], sample_count = 5)]
fn create_demo_database(bencher: Bencher, staff: usize) {
    let dir = tempfile::tempdir().unwrap();
    let mut n = 0;
    bencher.bench_local(|| {
        n += 1;
        let path = dir.path().join(format!("demo-{n}.redb"));
        service::create_demo(&path, &me(), clock(), staff, demo::DEFAULT_SEED).unwrap();
        path
    });
}

/// Opening an existing database: ownership check, lock, schema check.
#[divan::bench(args = [2_000, 50_000], sample_count = 20)]
fn open_database(bencher: Bencher, staff: usize) {
    let dir = tempfile::tempdir().unwrap();
    let path = demo_db(&dir, staff);
    bencher.bench_local(|| Service::open(&path, clock()).unwrap());
}

/// `kizuna check`: every record decoded, every index and the audit chain verified.
#[divan::bench(args = [2_000, 50_000], sample_count = 5)]
fn check_database(bencher: Bencher, staff: usize) {
    let dir = tempfile::tempdir().unwrap();
    let path = demo_db(&dir, staff);
    let s = Service::open(&path, clock()).unwrap();
    bencher.bench_local(|| {
        let report = s.check(&me()).unwrap();
        assert!(report.problems.is_empty());
        report
    });
}
