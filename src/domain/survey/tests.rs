use proptest::prelude::*;

use super::rule::{Placement, apply};
use super::uwes::{ASSIGNMENT, Subscale, UwesTally};
use super::*;

fn fy() -> FiscalYear {
    FiscalYear(2026)
}

fn group(code: &str, n: u32, score: f64) -> GroupResult {
    GroupResult {
        merged: Vec::new(),
        fy: fy(),
        org_code: code.into(),
        respondents: n,
        scores: vec![Some(score)],
    }
}

/// 総務部 (01) ⊃ 職員課 (0102) ⊃ 人事係, 人材育成係; 総務課 (0101); 市民部 (02) ⊃ 市民課.
fn units() -> Vec<(String, Option<String>)> {
    [
        ("01", None),
        ("0101", Some("01")),
        ("0102", Some("01")),
        ("010201", Some("0102")),
        ("010202", Some("0102")),
        ("02", None),
        ("0201", Some("02")),
    ]
    .into_iter()
    .map(|(c, p)| (c.to_string(), p.map(str::to_string)))
    .collect()
}

#[test]
fn known_scales_are_found_however_spelled() {
    assert_eq!(
        known_scale("ワーク・エンゲイジメント").unwrap().0,
        "engagement"
    );
    assert_eq!(
        known_scale("ワークエンゲージメント").unwrap().0,
        "engagement"
    );
    assert_eq!(known_scale(" Work Engagement ").unwrap().0, "engagement");
    assert_eq!(known_scale("上司の支援").unwrap().0, "supervisor_support");
    assert_eq!(
        known_scale("ｊｏｂ＿ｃｏｎｔｒｏｌ").unwrap().0,
        "job_control"
    );
    assert_eq!(known_scale("仕事の意義").unwrap().1, "仕事の意義");
    let odd = Scale::from_header(" 職場の一体感 ");
    assert_eq!(
        (odd.key.as_str(), odd.name.as_str()),
        ("職場の一体感", "職場の一体感")
    );
    assert!(!odd.is_known() && Scale::from_header("活力").is_known());
}

#[test]
fn uwes_items_fall_into_the_published_subscales() {
    let of = |s| {
        (1..=9)
            .filter(|i| ASSIGNMENT[i - 1] == s)
            .collect::<Vec<usize>>()
    };
    assert_eq!(of(Subscale::Vigor), [1, 2, 5]);
    assert_eq!(of(Subscale::Dedication), [3, 4, 7]);
    assert_eq!(of(Subscale::Absorption), [6, 8, 9]);
    let mut t = UwesTally::default();
    assert_eq!(t.means(), None);
    t.add(&[6, 6, 0, 0, 6, 3, 0, 3, 3]);
    t.add(&[4, 4, 2, 2, 4, 1, 2, 1, 1]);
    let [total, v, d, a] = t.means().unwrap();
    assert_eq!((v, d, a), (5.0, 1.0, 2.0));
    assert!((total - 48.0 / 18.0).abs() < 1e-12);
    assert_eq!(t.respondents, 2);
}

#[test]
fn nine_merge_into_the_parent_and_ten_stand_alone() {
    let groups = [
        group("010201", 9, 2.0),
        group("010202", 10, 4.0),
        group("0102", 5, 3.0),
        group("0201", 20, 3.0),
    ];
    let g = apply(&units(), &groups, 10);
    let codes: Vec<&str> = g.rows.iter().map(|r| r.org_code.as_str()).collect();
    assert_eq!(codes, ["0102", "010202", "0201"]);
    assert_eq!(g.placements["010201"], Placement::MergedInto("0102".into()));
    assert_eq!(g.placements["010202"], Placement::Shown);
    let merged = &g.rows[0];
    assert_eq!(merged.merged, ["010201"]);
    assert_eq!(merged.tally.respondents, 14);
    // Respondent-weighted: (9 × 2 + 5 × 3) / 14.
    let mean = merged.tally.means()[0].unwrap();
    assert!((mean - 33.0 / 14.0).abs() < 1e-12);
    assert_eq!(g.row_of("010201").unwrap().org_code, "0102");
    assert_eq!(g.city.as_ref().unwrap().respondents, 44);
}

#[test]
fn small_groups_climb_until_the_floor_is_reached() {
    // 人事係 4 and 職員課 3 are still 7: both go on to 総務部 with 総務課's 5.
    let groups = [
        group("010201", 4, 1.0),
        group("0102", 3, 1.0),
        group("0101", 5, 1.0),
        group("0201", 30, 1.0),
    ];
    let g = apply(&units(), &groups, 10);
    assert_eq!(g.rows.len(), 2);
    assert_eq!(g.rows[0].org_code, "01");
    assert_eq!(g.rows[0].merged, ["0101", "0102", "010201"]);
    assert_eq!(g.rows[0].tally.respondents, 12);
    assert_eq!(g.placements["0102"], Placement::MergedInto("01".into()));
}

#[test]
fn a_small_remainder_withholds_the_smallest_row_with_it() {
    // 市民部 has only 4 and nowhere to merge: the city minus 総務部's rows would show
    // them, so the smallest row (職員課, 11) is withheld too.
    let groups = [
        group("0101", 15, 3.0),
        group("0102", 11, 3.0),
        group("0201", 4, 3.0),
    ];
    let g = apply(&units(), &groups, 10);
    let codes: Vec<&str> = g.rows.iter().map(|r| r.org_code.as_str()).collect();
    assert_eq!(codes, ["0101"]);
    assert_eq!(g.placements["0201"], Placement::Withheld);
    assert_eq!(g.placements["0102"], Placement::Withheld);
    assert!(g.row_of("0201").is_none());
    assert_eq!(g.city.unwrap().respondents, 30);
}

#[test]
fn a_city_under_the_floor_shows_nothing_and_the_floor_is_never_below_ten() {
    let g = apply(
        &units(),
        &[group("0101", 6, 3.0), group("0201", 3, 3.0)],
        10,
    );
    assert!(g.rows.is_empty() && g.city.is_none());
    let g = apply(
        &units(),
        &[
            group("0101", 9, 3.0),
            group("0102", 5, 3.0),
            group("0201", 30, 3.0),
        ],
        5,
    );
    assert_eq!(g.floor, 10);
    assert_eq!(g.placements["0101"], Placement::MergedInto("01".into()));
    assert_eq!(g.rows[0].merged, ["0101", "0102"]);
}

#[test]
fn a_missing_figure_leaves_the_merged_figure_empty() {
    let mut a = group("010201", 4, 2.0);
    a.scores[0] = None;
    let g = apply(
        &units(),
        &[a, group("0102", 8, 3.0), group("0201", 20, 1.0)],
        10,
    );
    assert_eq!(g.rows[0].tally.means(), vec![None]);
    assert_eq!(g.city.unwrap().means(), vec![None]);
    let unknown = apply(
        &units(),
        &[group("9999", 12, 3.0), group("0201", 20, 1.0)],
        10,
    );
    assert_eq!(unknown.placements["9999"], Placement::Withheld);
}

/// The rank of a set of vectors (Gaussian elimination; entries are small integers).
fn rank(mut m: Vec<Vec<f64>>) -> usize {
    let cols = m.first().map_or(0, Vec::len);
    let mut r = 0;
    for c in 0..cols {
        let Some(p) = (r..m.len()).max_by(|a, b| m[*a][c].abs().total_cmp(&m[*b][c].abs())) else {
            break;
        };
        if m[p][c].abs() < 1e-9 {
            continue;
        }
        m.swap(r, p);
        let pivot = m[r].clone();
        for (i, row) in m.iter_mut().enumerate() {
            if i != r {
                let f = row[c] / pivot[c];
                for (x, y) in row.iter_mut().zip(&pivot) {
                    *x -= f * y;
                }
            }
        }
        r += 1;
    }
    r
}

fn in_span(published: &[Vec<f64>], target: &[f64]) -> bool {
    let mut with = published.to_vec();
    with.push(target.to_vec());
    rank(with) == rank(published.to_vec())
}

/// A random tree of 部 ⊃ 課 ⊃ 係 and a group (or none) per unit.
fn world() -> impl Strategy<Value = (Vec<(String, Option<String>)>, Vec<GroupResult>)> {
    let shape = prop::collection::vec(prop::collection::vec(0usize..4, 0..4), 1..4);
    let sizes = prop::collection::vec(
        (
            prop::option::weighted(0.75, 1u32..25),
            0.0f64..6.0,
            prop::bool::weighted(0.1),
        ),
        40,
    );
    (shape, sizes).prop_map(|(shape, sizes)| {
        let mut units = Vec::new();
        for (d, sections) in shape.iter().enumerate() {
            let dept = format!("{d}");
            units.push((dept.clone(), None));
            for (s, teams) in sections.iter().enumerate() {
                let sec = format!("{d}.{s}");
                units.push((sec.clone(), Some(dept.clone())));
                units.extend((0..*teams).map(|t| (format!("{d}.{s}.{t}"), Some(sec.clone()))));
            }
        }
        let groups = units
            .iter()
            .zip(&sizes)
            .filter_map(|((code, _), (n, score, missing))| {
                Some(GroupResult {
                    merged: Vec::new(),
                    fy: fy(),
                    org_code: code.clone(),
                    respondents: (*n)?,
                    scores: vec![Some(*score), (!missing).then_some(6.0 - score)],
                })
            })
            .collect();
        (units, groups)
    })
}

proptest! {
    #[test]
    fn no_group_under_the_floor_can_be_recovered((units, groups) in world(), floor in 10u32..14) {
        let g = apply(&units, &groups, floor);
        let index = |code: &str| groups.iter().position(|x| x.org_code == code);
        let mut seen = vec![0u32; groups.len()];
        // Each row is whole groups, at least the floor, its figures their weighted sum.
        for row in &g.rows {
            prop_assert!(row.tally.respondents >= floor);
            let mut n = 0;
            let mut sums = [0.0, 0.0];
            for code in row.merged.iter().chain([&row.org_code]) {
                let Some(i) = index(code) else { continue };
                seen[i] += 1;
                n += groups[i].respondents;
                for (s, sum) in sums.iter_mut().enumerate() {
                    *sum += groups[i].scores[s].unwrap_or(f64::NAN) * f64::from(groups[i].respondents);
                }
                if code != &row.org_code {
                    prop_assert_eq!(&g.placements[code], &Placement::MergedInto(row.org_code.clone()));
                }
            }
            prop_assert_eq!(n, row.tally.respondents);
            for (s, sum) in sums.iter().enumerate() {
                match row.tally.sums[s] {
                    Some(t) => prop_assert!((t - sum).abs() < 1e-6),
                    None => prop_assert!(sum.is_nan()),
                }
            }
        }
        // Rows are disjoint; what no row holds is withheld, and is none or not small.
        prop_assert!(seen.iter().all(|s| *s <= 1));
        let withheld: u32 = groups.iter().zip(&seen).filter(|(_, s)| **s == 0).map(|(x, _)| x.respondents).sum();
        prop_assert!(withheld == 0 || withheld >= floor || g.city.is_none());
        prop_assert!(g.city.is_some() || g.rows.is_empty());
        for (x, s) in groups.iter().zip(&seen) {
            prop_assert_eq!(*s == 0, g.placements[&x.org_code] == Placement::Withheld);
        }
        // Whatever combination of the shown figures one takes (counts, or each scale's
        // sums where shown), a group under the floor is never isolated.
        let member = |row: &ShownGroup| -> Vec<f64> {
            groups.iter().map(|x| {
                let inside = x.org_code == row.org_code || row.merged.contains(&x.org_code);
                if inside { 1.0 } else { 0.0 }
            }).collect()
        };
        let all = vec![1.0; groups.len()];
        let counts: Vec<Vec<f64>> = g.rows.iter().map(member).chain(g.city.as_ref().map(|_| all.clone())).collect();
        let mut figures = vec![counts];
        for s in 0..2 {
            let shown = |t: &Tally| t.sums[s].is_some();
            let rows = g.rows.iter().filter(|r| shown(&r.tally)).map(member);
            figures.push(rows.chain(g.city.as_ref().filter(|c| shown(c)).map(|_| all.clone())).collect());
        }
        for (i, x) in groups.iter().enumerate() {
            if x.respondents >= floor {
                continue;
            }
            let target: Vec<f64> = (0..groups.len()).map(|j| if i == j { 1.0 } else { 0.0 }).collect();
            for published in figures.iter().filter(|p| !p.is_empty()) {
                prop_assert!(!in_span(published, &target), "group {} recoverable", x.org_code);
            }
        }
    }
}
