//! The test of one person against a query, shared by the [`super::Index`] and by a
//! single [`super::Pass`] over stored people, so that both rank alike.

use fuzzy_matcher::skim::SkimMatcherV2;

use super::keys::{Keys, Word};
use super::{Filter, Rank};
use crate::domain::{Band, DigitalTier, EmploymentType, Status};

/// How a person's own keys and unit met the query's words, before fuzzy scoring.
pub(super) enum Verdict {
    /// Every word matched literally.
    Hit(Rank, i64),
    /// Some word matched only in order: a fuzzy score decides.
    Pending,
    Miss,
}

/// What the query's words make of one unit's name, worked out once per unit.
#[derive(Clone, Debug, Default)]
pub(super) struct UnitSide {
    /// Per word: could it match the unit name at all.
    pub could: Vec<bool>,
    /// Per word: its prefix or substring match on the unit name.
    pub literal: Vec<Option<(Rank, i64)>>,
}

impl UnitSide {
    /// The unit as the words see it; a unit the filter rules out matches nothing.
    pub(super) fn new(keys: &Keys<'_>, words: &[Word], admitted: bool) -> UnitSide {
        let mut side = UnitSide::default();
        for w in words {
            let could = admitted && keys.could_match(w);
            side.could.push(could);
            side.literal
                .push(if could { keys.literal(w) } else { None });
        }
        side
    }

    /// Per word: the unit name's fuzzy score.
    pub(super) fn fuzzy(
        &self,
        keys: &Keys<'_>,
        words: &[Word],
        matcher: &SkimMatcherV2,
    ) -> Vec<Option<i64>> {
        words
            .iter()
            .zip(&self.could)
            .map(|(w, &could)| if could { keys.fuzzy(matcher, w) } else { None })
            .collect()
    }
}

/// The better of two matches of one word: the lower rank, then the higher score.
fn better(a: Option<(Rank, i64)>, b: Option<(Rank, i64)>) -> Option<(Rank, i64)> {
    match (a, b) {
        (Some(x), Some(y)) => Some(
            if (y.0, std::cmp::Reverse(y.1)) < (x.0, std::cmp::Reverse(x.1)) {
                y
            } else {
                x
            },
        ),
        (x, None) => x,
        (None, y) => y,
    }
}

/// The words against a person: each must match their own keys or their unit's name.
pub(super) fn literal(keys: &Keys<'_>, unit: &UnitSide, words: &[Word]) -> Verdict {
    let mut rank = Rank::Prefix;
    let mut score = 0;
    let mut literal = true;
    for (wi, w) in words.iter().enumerate() {
        // A literal match settles the word; only without one does it take the wider
        // in-order test that decides whether a fuzzy match is possible.
        if literal {
            let own = if keys.has(w) { keys.literal(w) } else { None };
            if let Some((r, s)) = better(own, unit.literal[wi]) {
                rank = rank.max(r);
                score += s;
                continue;
            }
            literal = false;
        }
        if !unit.could[wi] && !keys.could_match(w) {
            return Verdict::Miss;
        }
    }
    if !literal {
        return Verdict::Pending;
    }
    if let [only] = words
        && keys.is_staff_no(only)
    {
        rank = Rank::Exact;
    }
    Verdict::Hit(rank, score)
}

/// The fuzzy score of a [`Verdict::Pending`] person: every word must match their own
/// keys or their unit's name (`unit_scores`, per word).
pub(super) fn fuzzy(
    keys: &Keys<'_>,
    unit_scores: &[Option<i64>],
    words: &[Word],
    matcher: &SkimMatcherV2,
) -> Option<i64> {
    let mut score = 0;
    for (w, unit) in words.iter().zip(unit_scores) {
        let own = if keys.has(w) {
            keys.fuzzy(matcher, w)
        } else {
            None
        };
        score += own.max(*unit)?;
    }
    Some(score)
}

/// Whether the filter lets a person through, apart from their unit.
pub(super) fn admits(
    filter: &Filter,
    status: Status,
    band: Option<Band>,
    employment: EmploymentType,
    digital: DigitalTier,
) -> bool {
    let left_ok = filter.include_left || filter.status == Some(Status::Left);
    (status != Status::Left || left_ok)
        && filter.status.is_none_or(|s| s == status)
        && filter.band.is_none_or(|b| band == Some(b))
        && filter.employment.is_none_or(|t| t == employment)
        && filter.digital.is_none_or(|t| t == digital)
}

/// Whether the filter admits a unit by its code.
pub(super) fn admits_unit(filter: &Filter, code: &str) -> bool {
    match &filter.unit_codes {
        Some(codes) => codes.contains(code),
        None => filter
            .unit_prefix
            .as_deref()
            .is_none_or(|p| code.starts_with(p)),
    }
}
