//! Training: the bulk enrollment preview for the start of the year (every 係長 of a
//! 2,000-person city, and every person in post as candidates), and a roster read.
//! Run with `cargo bench --bench training`.

use std::sync::Arc;

use divan::Bencher;
use kizuna::catalogue::demo;
use kizuna::domain::{Date, FiscalYear, FixedClock, Session, SessionStatus};
use kizuna::service::{self, BulkFilter, Principal, Service};

fn main() {
    divan::main();
}

fn today() -> Date {
    Date::new(2026, 11, 25).unwrap()
}

/// A demo database with an open session of the 係長研修 next February.
fn world(staff: usize) -> (tempfile::TempDir, Service) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.redb");
    let clock = Arc::new(FixedClock::at_noon(today()));
    let me = Principal::current();
    service::create_demo(&path, &me, clock.clone(), staff, demo::DEFAULT_SEED).unwrap();
    let s = Service::open(&path, clock).unwrap();
    let session = Session {
        id: "R8-900".into(),
        course: "kakaricho".into(),
        year: FiscalYear(2026),
        days: vec![Date::new(2027, 2, 10).unwrap()],
        place: "本庁舎 研修室".into(),
        instructor: "人事課".into(),
        capacity: 60,
        status: SessionStatus::Open,
        waiting: Vec::new(),
    };
    s.save_session(&me, &session).unwrap();
    (dir, s)
}

/// Every person in post as a candidate: 2,000 judged against the rules.
#[divan::bench(args = [2_000], sample_count = 20)]
fn bulk_preview_everyone(bencher: Bencher, staff: usize) {
    let (_dir, s) = world(staff);
    let me = Principal::current();
    let filter = BulkFilter::default();
    bencher.bench_local(|| s.bulk_preview(&me, "R8-900", &filter).unwrap());
}

/// The start-of-year case: everyone whose title is 係長, among 2,000 or 50,000 staff.
#[divan::bench(args = [2_000, 50_000], sample_count = 20)]
fn bulk_preview_kakaricho(bencher: Bencher, staff: usize) {
    let (_dir, s) = world(staff);
    let me = Principal::current();
    let filter = BulkFilter {
        title: Some("係長".into()),
        ..BulkFilter::default()
    };
    bencher.bench_local(|| s.bulk_preview(&me, "R8-900", &filter).unwrap());
}
