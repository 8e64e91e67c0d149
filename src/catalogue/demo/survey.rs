//! The demo's work-engagement results: group results per 課 as a stress-check
//! implementer would send them, for the year before and this one, with a few groups
//! under ten so that the screens show merging.

use crate::domain::{OrgUnit, UnitKind};

/// The scales of the demo's results, as the implementer's header names them.
const HEADER: &str = "組織コード,回答者数,ワーク・エンゲイジメント,上司の支援,同僚の支援,仕事のコントロール,仕事の意義";

/// A small deterministic generator (the same seed, the same figures).
fn next(state: &mut u64) -> u64 {
    *state = state
        .wrapping_mul(6_364_136_223_846_793_005)
        .wrapping_add(1_442_695_040_888_963_407);
    *state >> 33
}

/// The implementer's file for one fiscal year (`shift` moves the figures between
/// years): UTF-8 CSV text.
pub fn survey_csv(units: &[OrgUnit], seed: u64, shift: u64) -> String {
    let mut state = seed ^ (0x5eed_0000 + shift);
    let mut out = format!("{HEADER}\n");
    let sections = units
        .iter()
        .filter(|u| u.kind == UnitKind::Section && u.valid_to.is_none())
        .take(14);
    for (i, unit) in sections.enumerate() {
        // Every fifth section is a small one: under ten, merged on the screens.
        let respondents = if i % 5 == 3 {
            4 + next(&mut state) % 5
        } else {
            11 + next(&mut state) % 30
        };
        let score = |state: &mut u64, base: u64| {
            let tenths = base + next(state) % 14;
            format!("{}.{}", tenths / 10, tenths % 10)
        };
        let cells: Vec<String> = [28, 22, 25, 20, 27]
            .iter()
            .map(|base| score(&mut state, *base + shift))
            .collect();
        out.push_str(&format!(
            "{},{respondents},{}\n",
            unit.code,
            cells.join(",")
        ));
    }
    out
}
