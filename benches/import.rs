//! Importing a 50,000-row CP932 employee file into a database that has the demo
//! organisation and the policy titles: decoding, header mapping, every check, and the
//! write with its index, in one transaction. Run with `cargo bench --bench import`.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use divan::Bencher;
use kizuna::catalogue::demo;
use kizuna::domain::{Date, FixedClock};
use kizuna::io::csv::{Encoding, Gaiji, OutEncoding, write_employees};
use kizuna::service::{self, EmployeeImport, Principal, Service};

fn main() {
    divan::main();
}

fn clock() -> Arc<FixedClock> {
    Arc::new(FixedClock::at_noon(Date::new(2026, 11, 25).unwrap()))
}

/// The demo staff as a CP932 file, as a legacy personnel system would hand it over;
/// without the staff number of the template's one person, so every row is new.
fn cp932_file(staff: usize) -> Vec<u8> {
    let taken = demo::generate(1, demo::DEFAULT_SEED).unwrap().staff[0]
        .staff_no
        .clone();
    let mut people = demo::generate(staff + 1, demo::DEFAULT_SEED).unwrap().staff;
    people.retain(|e| e.staff_no != taken);
    people.truncate(staff);
    let today = Date::new(2026, 11, 25).unwrap();
    write_employees(&people, today, OutEncoding::Cp932).unwrap()
}

/// A database with the demo organisation and the policy titles (and one person), made
/// once and copied for each run, so that every run imports into the same state.
fn template(dir: &Path) -> PathBuf {
    let path = dir.join("template.redb");
    service::create_demo(&path, &Principal::current(), clock(), 1, demo::DEFAULT_SEED).unwrap();
    path
}

fn import(service: &Service, bytes: &[u8], dry_run: bool) -> usize {
    let gaiji = Gaiji::empty();
    let opts = EmployeeImport {
        encoding: Encoding::Auto,
        effective: None,
        dry_run,
        gaiji: &gaiji,
    };
    let s = service
        .import_employees(&Principal::current(), bytes, &opts, &mut |_, _, _| {})
        .unwrap();
    s.added + s.updated
}

/// `kizuna import employees FILE` on 50,000 rows: the whole call, commit included.
#[divan::bench(args = [2_000, 50_000], sample_count = 5)]
fn import_cp932(bencher: Bencher, staff: usize) {
    let dir = tempfile::tempdir().unwrap();
    let template = template(dir.path());
    let bytes = cp932_file(staff);
    let mut n = 0;
    bencher
        .with_inputs(|| {
            n += 1;
            let path = dir.path().join(format!("run-{n}.redb"));
            std::fs::copy(&template, &path).unwrap();
            Service::open(&path, clock()).unwrap()
        })
        .bench_local_values(|s| {
            assert_eq!(import(&s, &bytes, false), staff);
            s
        });
}

/// `--dry-run`: everything but the write.
#[divan::bench(args = [50_000], sample_count = 5)]
fn import_cp932_dry_run(bencher: Bencher, staff: usize) {
    let dir = tempfile::tempdir().unwrap();
    let s = Service::open(&template(dir.path()), clock()).unwrap();
    let bytes = cp932_file(staff);
    bencher.bench_local(|| import(&s, &bytes, true));
}
