//! Skill reports over the demo database, whose staff hold two dated levels for every
//! required skill: the city-wide worst-first gap report, a section's matrix and the
//! digital tier report. Run with `cargo bench --bench skills`; `benches/skills-gaps.sh`
//! times the report as a whole process.

use std::path::PathBuf;
use std::sync::Arc;

use divan::Bencher;
use kizuna::catalogue::demo;
use kizuna::domain::{Date, FixedClock};
use kizuna::service::{self, Principal, Scope, Service};

fn main() {
    divan::main();
}

fn today() -> Date {
    Date::new(2026, 11, 25).unwrap()
}

fn service(dir: &tempfile::TempDir, staff: usize) -> Service {
    let path: PathBuf = dir.path().join(format!("demo-{staff}.redb"));
    let clock = Arc::new(FixedClock::at_noon(today()));
    service::create_demo(
        &path,
        &Principal::current(),
        clock.clone(),
        staff,
        demo::DEFAULT_SEED,
    )
    .unwrap();
    Service::open(&path, clock).unwrap()
}

/// The worst-first share of staff meeting each skill's target, for the whole city.
#[divan::bench(args = [2_000, 50_000], sample_count = 20)]
fn city_gap_report(bencher: Bencher, staff: usize) {
    let dir = tempfile::tempdir().unwrap();
    let s = service(&dir, staff);
    let me = Principal::current();
    bencher.bench_local(|| s.gap_report(&me, &Scope::default(), today()).unwrap());
}

/// The matrix of the largest department's first section.
#[divan::bench(args = [2_000, 50_000], sample_count = 20)]
fn section_matrix(bencher: Bencher, staff: usize) {
    let dir = tempfile::tempdir().unwrap();
    let s = service(&dir, staff);
    let me = Principal::current();
    let scope = Scope {
        unit: Some("0102".into()),
        ..Scope::default()
    };
    bencher.bench_local(|| s.matrix(&me, &scope, today()).unwrap());
}

/// Digital tiers against the policy's targets, and the 所属 below two leaders.
#[divan::bench(args = [2_000, 50_000], sample_count = 20)]
fn tier_report(bencher: Bencher, staff: usize) {
    let dir = tempfile::tempdir().unwrap();
    let s = service(&dir, staff);
    let me = Principal::current();
    bencher.bench_local(|| s.tier_report(&me, today()).unwrap());
}
