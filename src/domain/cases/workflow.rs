//! The workflow of a harassment case: 相談受付 → 事実確認 → 対応検討 → 措置 → 終結, and the
//! written fields some stages wait for.

use crate::domain::Date;
use crate::domain::employee::terms;

/// Where a harassment case stands.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Stage {
    /// The report has been received.
    Received,
    /// The facts are being established.
    FactFinding,
    /// The response is being decided.
    Deliberation,
    /// Measures are being taken.
    Measures,
    /// The case is closed.
    Closed,
}

terms!(Stage {
    Received => "相談受付", "received";
    FactFinding => "事実確認", "fact-finding";
    Deliberation => "対応検討", "deliberation";
    Measures => "措置", "measures";
    Closed => "終結", "closed";
});

impl Stage {
    /// The stage after this one; none after 終結.
    pub fn next(self) -> Option<Stage> {
        match self {
            Stage::Received => Some(Stage::FactFinding),
            Stage::FactFinding => Some(Stage::Deliberation),
            Stage::Deliberation => Some(Stage::Measures),
            Stage::Measures => Some(Stage::Closed),
            Stage::Closed => None,
        }
    }
}

/// A written part of a case that a stage needs before the case may enter it.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Field {
    /// What the fact finding established; needed for 対応検討.
    FactSummary,
    /// The measures decided; needed for 措置.
    Measures,
    /// How the case ended; needed for 終結.
    Outcome,
}

terms!(Field {
    FactSummary => "事実確認の結果", "fact-summary";
    Measures => "措置の内容", "measures";
    Outcome => "対応結果", "outcome";
});

/// One move of the workflow: to which stage, on which day, by which account.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Transition {
    /// The stage entered.
    pub to: Stage,
    /// The day it was entered.
    pub on: Date,
    /// The account that moved it.
    pub by: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stages_follow_in_order() {
        let mut walked = vec![Stage::Received];
        while let Some(next) = walked.last().and_then(|s| s.next()) {
            walked.push(next);
        }
        assert_eq!(walked, Stage::ALL);
        assert_eq!(Stage::parse("事実確認"), Some(Stage::FactFinding));
        assert_eq!(Stage::parse("closed"), Some(Stage::Closed));
        assert_eq!(Field::parse("outcome"), Some(Field::Outcome));
        assert_eq!(Field::parse("措置の内容"), Some(Field::Measures));
    }
}
