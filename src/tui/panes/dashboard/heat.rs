//! The rows of the engagement heatmap, from the survey as the service gives it (the
//! group-size rule already applied): the city, the city the year before, then each
//! workplace shown, with the units merged into it.

use crate::service::{SurveyRow, SurveyView};

/// Which kind of row of the heatmap.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HeatKind {
    /// The whole city this year.
    City,
    /// The whole city in the year before.
    CityBefore,
    /// A workplace (with any smaller groups merged into it).
    Workplace,
}

/// One row of the heatmap.
pub struct Heat<'a> {
    pub kind: HeatKind,
    pub row: &'a SurveyRow,
}

impl Heat<'_> {
    /// The names of the units merged into the row.
    pub fn merged(&self) -> Vec<&str> {
        self.row
            .merged
            .iter()
            .map(|m| {
                if m.org_name.is_empty() {
                    m.org_code.as_str()
                } else {
                    m.org_name.as_str()
                }
            })
            .collect()
    }
}

/// The rows, city first.
pub fn heat_rows(s: &SurveyView) -> Vec<Heat<'_>> {
    let mut out = Vec::new();
    if let Some(c) = &s.city {
        out.push(Heat {
            kind: HeatKind::City,
            row: c,
        });
    }
    if let Some(c) = &s.previous_city {
        out.push(Heat {
            kind: HeatKind::CityBefore,
            row: c,
        });
    }
    out.extend(s.rows.iter().map(|row| Heat {
        kind: HeatKind::Workplace,
        row,
    }));
    out
}

/// Where a score stands among the workplaces' scores of its scale: 0 (lowest quarter)
/// to 3 (highest); none without a score or when every workplace has the same.
pub fn shade(score: Option<f64>, column: &[Option<f64>]) -> Option<usize> {
    let score = score?;
    let values = column.iter().flatten();
    let lo = values.clone().copied().fold(f64::INFINITY, f64::min);
    let hi = values.copied().fold(f64::NEG_INFINITY, f64::max);
    if hi.partial_cmp(&lo) != Some(std::cmp::Ordering::Greater) {
        return None;
    }
    let at = ((score - lo) / (hi - lo) * 4.0).floor() as usize;
    Some(at.min(3))
}

/// A score as the heatmap writes it: two decimals below 10, one from 10 (T-scores).
pub fn score_text(score: Option<f64>) -> String {
    match score {
        Some(s) if s.abs() < 10.0 => format!("{s:.2}"),
        Some(s) => format!("{s:.1}"),
        None => "-".to_string(),
    }
}

/// Up, down or level against the year before (a change under 0.05 is level).
pub fn trend(now: Option<f64>, before: Option<f64>) -> Option<std::cmp::Ordering> {
    let (now, before) = (now?, before?);
    let diff = now - before;
    Some(if diff >= 0.05 {
        std::cmp::Ordering::Greater
    } else if diff <= -0.05 {
        std::cmp::Ordering::Less
    } else {
        std::cmp::Ordering::Equal
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shades_by_quarter_of_the_column() {
        let col = [Some(2.0), Some(3.0), Some(4.0), None];
        assert_eq!(shade(Some(2.0), &col), Some(0));
        assert_eq!(shade(Some(2.6), &col), Some(1));
        assert_eq!(shade(Some(3.0), &col), Some(2));
        assert_eq!(shade(Some(4.0), &col), Some(3));
        assert_eq!(shade(None, &col), None);
        assert_eq!(shade(Some(3.0), &[Some(3.0), Some(3.0)]), None);
    }

    #[test]
    fn scores_and_trends() {
        assert_eq!(score_text(Some(3.456)), "3.46");
        assert_eq!(score_text(Some(52.04)), "52.0");
        assert_eq!(score_text(None), "-");
        assert_eq!(
            trend(Some(3.3), Some(3.2)),
            Some(std::cmp::Ordering::Greater)
        );
        assert_eq!(
            trend(Some(3.22), Some(3.2)),
            Some(std::cmp::Ordering::Equal)
        );
        assert_eq!(trend(Some(3.0), None), None);
    }
}
