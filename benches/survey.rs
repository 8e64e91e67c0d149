//! The work-engagement survey at a city hall's size: 50,000 UWES-9 answers over the
//! demo organisation, folded into group results on import, then a workplace's feedback
//! sheet. Run with `cargo bench --bench survey`; `benches/survey.sh` times the same as
//! whole processes.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use divan::Bencher;
use kizuna::catalogue::demo;
use kizuna::domain::{Date, FiscalYear, FixedClock};
use kizuna::i18n::{Lang, sheet_text};
use kizuna::io::csv::Encoding;
use kizuna::service::{self, Principal, Service, Standing, SurveyImport};

fn main() {
    divan::main();
}

fn clock() -> Arc<FixedClock> {
    Arc::new(FixedClock::at_noon(Date::new(2026, 11, 25).unwrap()))
}

const ORGANISATION: &str = include_str!("../fixtures/demo/organisation.tsv");

/// The demo's workplaces with staff, by weight.
fn workplaces() -> Vec<(String, u32)> {
    ORGANISATION
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let cells: Vec<&str> = l.split('\t').collect();
            let weight: u32 = cells.get(4)?.parse().ok()?;
            (weight > 0).then(|| (cells[0].to_string(), weight))
        })
        .collect()
}

/// `answers` UWES-9 answers with a respondent id, spread over the workplaces by weight,
/// from a fixed generator.
fn answers(answers: usize) -> Vec<u8> {
    let places = workplaces();
    let total: u32 = places.iter().map(|p| p.1).sum();
    let mut out = String::from("回答者ID,組織コード,Q1,Q2,Q3,Q4,Q5,Q6,Q7,Q8,Q9\n");
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for i in 0..answers {
        let mut pick = (next() % u64::from(total)) as u32;
        let place = places
            .iter()
            .find(|(_, w)| {
                let hit = pick < *w;
                pick = pick.saturating_sub(*w);
                hit
            })
            .map_or("", |p| p.0.as_str());
        let items: Vec<String> = (0..9).map(|_| (next() % 7).to_string()).collect();
        out.push_str(&format!("R{i:06},{place},{}\n", items.join(",")));
    }
    out.into_bytes()
}

/// A database with the demo organisation, made once and copied for each run.
fn template(dir: &Path) -> PathBuf {
    let path = dir.join("template.redb");
    service::create_demo(&path, &Principal::current(), clock(), 1, demo::DEFAULT_SEED).unwrap();
    path
}

fn import(s: &Service, bytes: &[u8]) -> usize {
    let opts = SurveyImport {
        fy: FiscalYear(2026),
        encoding: Encoding::Auto,
        dry_run: false,
    };
    s.import_survey(&Principal::current(), bytes, &opts)
        .unwrap()
        .rows
}

/// The feedback sheet of the first workplace with a row of its own.
fn report(s: &Service) -> usize {
    let v = s.survey(&Principal::current(), FiscalYear(2026)).unwrap();
    let Standing::Row(row) = v.standing(&v.rows[0].org_code) else {
        panic!("no row");
    };
    sheet_text(&v, row, Lang::Ja).len()
}

/// `kizuna survey import` of the answers: read, fold, replace the year, commit.
#[divan::bench(args = [50_000], sample_count = 10)]
fn import_answers(bencher: Bencher, n: usize) {
    let dir = tempfile::tempdir().unwrap();
    let template = template(dir.path());
    let bytes = answers(n);
    let mut run = 0;
    bencher
        .with_inputs(|| {
            run += 1;
            let path = dir.path().join(format!("run-{run}.redb"));
            std::fs::copy(&template, &path).unwrap();
            Service::open(&path, clock()).unwrap()
        })
        .bench_local_values(|s| {
            assert_eq!(import(&s, &bytes), n);
            s
        });
}

/// `kizuna survey report`: the view with the rule applied, then the sheet.
#[divan::bench(sample_count = 20)]
fn report_sheet(bencher: Bencher) {
    let dir = tempfile::tempdir().unwrap();
    let s = Service::open(&template(dir.path()), clock()).unwrap();
    import(&s, &answers(50_000));
    bencher.bench_local(|| report(&s));
}

/// Both, as the issue counts them.
#[divan::bench(args = [50_000], sample_count = 10)]
fn import_then_report(bencher: Bencher, n: usize) {
    let dir = tempfile::tempdir().unwrap();
    let template = template(dir.path());
    let bytes = answers(n);
    let mut run = 0;
    bencher
        .with_inputs(|| {
            run += 1;
            let path = dir.path().join(format!("run-{run}.redb"));
            std::fs::copy(&template, &path).unwrap();
            Service::open(&path, clock()).unwrap()
        })
        .bench_local_values(|s| {
            import(&s, &bytes);
            report(&s);
            s
        });
}
