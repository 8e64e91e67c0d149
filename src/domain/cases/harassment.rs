//! Harassment cases (ハラスメント): who reported what, against whom, and the workflow
//! 相談受付 → 事実確認 → 対応検討 → 措置 → 終結, each move dated and kept.

pub use super::workflow::{Field, Stage, Transition};
use super::{CaseError, CaseId, Entry, entry, non_empty};
use crate::domain::Date;
use crate::domain::employee::terms;

/// How a report or incident reached the counsellors.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Channel {
    /// In person.
    Interview,
    /// By telephone.
    Phone,
    /// By email.
    Email,
    /// On paper.
    Letter,
}

terms!(Channel {
    Interview => "面談", "interview";
    Phone => "電話", "phone";
    Email => "メール", "email";
    Letter => "文書", "letter";
});

/// The kind of harassment reported.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum HarassmentKind {
    /// Power harassment.
    Power,
    /// Sexual harassment.
    Sexual,
    /// Harassment over pregnancy, childbirth or childcare leave.
    Maternity,
    /// Harassment by a customer or resident.
    Customer,
    /// Any other kind.
    Other,
}

terms!(HarassmentKind {
    Power => "パワハラ", "power";
    Sexual => "セクハラ", "sexual";
    Maternity => "マタハラ・パタハラ", "maternity";
    Customer => "カスタマーハラスメント", "customer";
    Other => "その他", "other";
});

/// Who made the report.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Complainant {
    /// A member of staff, by staff number.
    Employee(String),
    /// Someone who did not give their name.
    Anonymous,
}

/// Whom the report is about.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Respondent {
    /// A member of staff, by staff number.
    Employee(String),
    /// Someone outside the city hall, described as known (only in customer harassment).
    Outside(String),
}

/// A harassment case.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct HarassmentCase {
    /// The random case id.
    pub id: CaseId,
    /// The day the report was received.
    pub received: Date,
    /// How the report came in.
    pub channel: Channel,
    /// The kind of harassment reported.
    pub kind: HarassmentKind,
    /// Who reported it.
    pub complainant: Complainant,
    /// Whom it is about; none when the report names no one.
    pub respondents: Vec<Respondent>,
    /// Accounts of the counsellors in charge.
    pub counsellors: Vec<String>,
    /// The current stage: the last transition's.
    pub stage: Stage,
    /// Every move, oldest first; the first is 相談受付 on the day received.
    pub transitions: Vec<Transition>,
    /// What the fact finding established.
    pub fact_summary: Option<String>,
    /// The measures decided.
    pub measures: Option<String>,
    /// How the case ended.
    pub outcome: Option<String>,
    /// Consultation and progress entries, in the order written.
    pub entries: Vec<Entry>,
    /// Accounts excluded by hand from holding the case's key.
    pub deny: Vec<String>,
}

impl HarassmentCase {
    /// Records a report received on a day, by the account `by`.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        id: CaseId,
        received: Date,
        channel: Channel,
        kind: HarassmentKind,
        complainant: Complainant,
        respondents: Vec<Respondent>,
        counsellors: Vec<String>,
        by: &str,
    ) -> Result<HarassmentCase, CaseError> {
        if let Complainant::Employee(staff_no) = &complainant {
            non_empty(staff_no.clone(), "complainant")?;
        }
        check_respondents(kind, &respondents)?;
        Ok(HarassmentCase {
            id,
            received,
            channel,
            kind,
            complainant,
            respondents,
            counsellors,
            stage: Stage::Received,
            transitions: vec![Transition {
                to: Stage::Received,
                on: received,
                by: by.to_owned(),
            }],
            fact_summary: None,
            measures: None,
            outcome: None,
            entries: Vec::new(),
            deny: Vec::new(),
        })
    }

    /// The field a stage needs before the case may enter it.
    pub fn required_for(stage: Stage) -> Option<Field> {
        match stage {
            Stage::Deliberation => Some(Field::FactSummary),
            Stage::Measures => Some(Field::Measures),
            Stage::Closed => Some(Field::Outcome),
            Stage::Received | Stage::FactFinding => None,
        }
    }

    /// The field still missing before the case may move on, if any.
    pub fn missing_for_next(&self) -> Option<Field> {
        let field = Self::required_for(self.stage.next()?)?;
        self.field(field).is_none().then_some(field)
    }

    /// The text of a field, once written.
    pub fn field(&self, field: Field) -> Option<&str> {
        match field {
            Field::FactSummary => self.fact_summary.as_deref(),
            Field::Measures => self.measures.as_deref(),
            Field::Outcome => self.outcome.as_deref(),
        }
    }

    /// Whether the case is still open.
    pub fn is_open(&self) -> bool {
        self.stage != Stage::Closed
    }

    /// The day the case was closed, if it is.
    pub fn closed_on(&self) -> Option<Date> {
        self.transitions
            .iter()
            .rev()
            .find(|t| t.to == Stage::Closed)
            .map(|t| t.on)
    }

    /// Staff numbers of the named complainant and the employee respondents.
    pub fn involved_staff(&self) -> Vec<&str> {
        let complainant = match &self.complainant {
            Complainant::Employee(s) => Some(s.as_str()),
            Complainant::Anonymous => None,
        };
        let respondents = self.respondents.iter().filter_map(|r| match r {
            Respondent::Employee(s) => Some(s.as_str()),
            Respondent::Outside(_) => None,
        });
        let mut staff: Vec<&str> = Vec::new();
        for s in complainant.into_iter().chain(respondents) {
            if !staff.contains(&s) {
                staff.push(s);
            }
        }
        staff
    }

    /// Moves the case to the next stage on a day and returns that stage. The stage's
    /// field must be written first, and the day may not come before the previous move.
    pub fn advance(&mut self, on: Date, by: &str) -> Result<Stage, CaseError> {
        let next = self.stage.next().ok_or(CaseError::Closed)?;
        if let Some(field) = Self::required_for(next).filter(|f| self.field(*f).is_none()) {
            return Err(CaseError::FieldMissing { stage: next, field });
        }
        let previous = self.transitions.last().map_or(self.received, |t| t.on);
        if on < previous {
            return Err(CaseError::BeforePrevious { on, previous });
        }
        self.transitions.push(Transition {
            to: next,
            on,
            by: by.to_owned(),
        });
        self.stage = next;
        Ok(next)
    }

    /// Writes what the fact finding established.
    pub fn set_fact_summary(&mut self, text: impl Into<String>) -> Result<(), CaseError> {
        self.check_open()?;
        self.fact_summary = Some(non_empty(text.into(), "fact summary")?);
        Ok(())
    }

    /// Writes the measures decided.
    pub fn set_measures(&mut self, text: impl Into<String>) -> Result<(), CaseError> {
        self.check_open()?;
        self.measures = Some(non_empty(text.into(), "measures")?);
        Ok(())
    }

    /// Writes how the case ended.
    pub fn set_outcome(&mut self, text: impl Into<String>) -> Result<(), CaseError> {
        self.check_open()?;
        self.outcome = Some(non_empty(text.into(), "outcome")?);
        Ok(())
    }

    /// Changes the kind; outside respondents keep the case customer harassment.
    pub fn set_kind(&mut self, kind: HarassmentKind) -> Result<(), CaseError> {
        self.check_open()?;
        check_respondents(kind, &self.respondents)?;
        self.kind = kind;
        Ok(())
    }

    /// Replaces the respondents (the fact finding may name others).
    pub fn set_respondents(&mut self, respondents: Vec<Respondent>) -> Result<(), CaseError> {
        self.check_open()?;
        check_respondents(self.kind, &respondents)?;
        self.respondents = respondents;
        Ok(())
    }

    /// Adds a consultation or progress entry, dated no earlier than the report.
    pub fn add_entry(
        &mut self,
        on: Date,
        by: &str,
        text: impl Into<String>,
    ) -> Result<(), CaseError> {
        self.check_open()?;
        self.entries
            .push(entry(self.received, on, by, text.into())?);
        Ok(())
    }

    fn check_open(&self) -> Result<(), CaseError> {
        if self.is_open() {
            Ok(())
        } else {
            Err(CaseError::Closed)
        }
    }
}

/// Respondents are named, and outsiders appear only in customer harassment.
fn check_respondents(kind: HarassmentKind, respondents: &[Respondent]) -> Result<(), CaseError> {
    for r in respondents {
        match r {
            Respondent::Employee(s) | Respondent::Outside(s) if s.trim().is_empty() => {
                return Err(CaseError::EmptyText("respondent"));
            }
            Respondent::Outside(_) if kind != HarassmentKind::Customer => {
                return Err(CaseError::OutsideRespondent);
            }
            _ => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(month: u32, day: u32) -> Date {
        Date::new(2026, month, day).unwrap()
    }

    fn case(
        kind: HarassmentKind,
        respondents: Vec<Respondent>,
    ) -> Result<HarassmentCase, CaseError> {
        HarassmentCase::new(
            CaseId::from_bytes([2; 8]),
            d(5, 7),
            Channel::Interview,
            kind,
            Complainant::Employee("000456".into()),
            respondents,
            vec!["co.kato".into()],
            "co.kato",
        )
    }

    #[test]
    fn a_new_case_is_received_on_its_day() {
        let c = case(
            HarassmentKind::Power,
            vec![Respondent::Employee("000789".into())],
        )
        .unwrap();
        assert_eq!(c.stage, Stage::Received);
        assert_eq!(
            c.transitions,
            [Transition {
                to: Stage::Received,
                on: d(5, 7),
                by: "co.kato".into()
            }]
        );
        assert!(c.is_open());
        assert_eq!(c.closed_on(), None);
    }

    #[test]
    fn outside_respondents_only_in_customer_harassment() {
        let outsider = || vec![Respondent::Outside("窓口来庁者（男性、50代）".into())];
        for kind in HarassmentKind::ALL {
            let made = case(*kind, outsider());
            if *kind == HarassmentKind::Customer {
                assert!(made.is_ok());
            } else {
                assert_eq!(made, Err(CaseError::OutsideRespondent), "{kind:?}");
            }
        }
        let mut c = case(HarassmentKind::Customer, outsider()).unwrap();
        assert_eq!(
            c.set_kind(HarassmentKind::Power),
            Err(CaseError::OutsideRespondent)
        );
        assert_eq!(c.kind, HarassmentKind::Customer);
        c.set_respondents(vec![Respondent::Employee("000789".into())])
            .unwrap();
        c.set_kind(HarassmentKind::Power).unwrap();
        assert_eq!(
            c.set_respondents(outsider()),
            Err(CaseError::OutsideRespondent)
        );
        assert_eq!(
            c.set_respondents(vec![Respondent::Employee(" ".into())]),
            Err(CaseError::EmptyText("respondent"))
        );
    }

    #[test]
    fn no_respondents_and_anonymous_reports_are_allowed() {
        let c = HarassmentCase::new(
            CaseId::from_bytes([3; 8]),
            d(5, 7),
            Channel::Letter,
            HarassmentKind::Other,
            Complainant::Anonymous,
            Vec::new(),
            Vec::new(),
            "co.kato",
        )
        .unwrap();
        assert!(c.involved_staff().is_empty());
        let e = HarassmentCase::new(
            CaseId::from_bytes([3; 8]),
            d(5, 7),
            Channel::Letter,
            HarassmentKind::Other,
            Complainant::Employee(String::new()),
            Vec::new(),
            Vec::new(),
            "co.kato",
        );
        assert_eq!(e, Err(CaseError::EmptyText("complainant")));
    }

    #[test]
    fn involved_staff_are_the_named_employees() {
        let c = case(
            HarassmentKind::Customer,
            vec![
                Respondent::Employee("000789".into()),
                Respondent::Outside("電話の相手".into()),
                Respondent::Employee("000456".into()),
                Respondent::Employee("000790".into()),
            ],
        )
        .unwrap();
        assert_eq!(c.involved_staff(), ["000456", "000789", "000790"]);
    }

    #[test]
    fn every_stage_waits_for_its_field() {
        let mut c = case(HarassmentKind::Sexual, Vec::new()).unwrap();
        assert_eq!(c.missing_for_next(), None);
        assert_eq!(c.advance(d(5, 8), "co.kato"), Ok(Stage::FactFinding));

        assert_eq!(c.missing_for_next(), Some(Field::FactSummary));
        assert_eq!(
            c.advance(d(5, 20), "co.kato"),
            Err(CaseError::FieldMissing {
                stage: Stage::Deliberation,
                field: Field::FactSummary
            })
        );
        assert_eq!(
            c.set_fact_summary("  "),
            Err(CaseError::EmptyText("fact summary"))
        );
        c.set_fact_summary("双方から聴取。事実を確認。").unwrap();
        assert_eq!(c.advance(d(5, 20), "co.kato"), Ok(Stage::Deliberation));

        assert_eq!(
            c.advance(d(6, 1), "co.kato"),
            Err(CaseError::FieldMissing {
                stage: Stage::Measures,
                field: Field::Measures
            })
        );
        assert_eq!(c.set_measures(""), Err(CaseError::EmptyText("measures")));
        c.set_measures("配置転換、再発防止研修").unwrap();
        assert_eq!(c.advance(d(6, 1), "co.kato"), Ok(Stage::Measures));

        assert_eq!(
            c.advance(d(7, 1), "co.kato"),
            Err(CaseError::FieldMissing {
                stage: Stage::Closed,
                field: Field::Outcome
            })
        );
        assert_eq!(c.set_outcome("\n"), Err(CaseError::EmptyText("outcome")));
        c.set_outcome("再発なし。相談者了承。").unwrap();
        assert_eq!(c.missing_for_next(), None);
        assert_eq!(c.advance(d(7, 1), "co.kato"), Ok(Stage::Closed));

        let stages: Vec<Stage> = c.transitions.iter().map(|t| t.to).collect();
        assert_eq!(stages, Stage::ALL);
        assert_eq!(c.closed_on(), Some(d(7, 1)));
        assert!(!c.is_open());
    }

    #[test]
    fn moves_are_in_date_order() {
        let mut c = case(HarassmentKind::Power, Vec::new()).unwrap();
        assert_eq!(
            c.advance(d(5, 6), "co.kato"),
            Err(CaseError::BeforePrevious {
                on: d(5, 6),
                previous: d(5, 7)
            })
        );
        c.advance(d(5, 7), "co.kato").unwrap();
        c.set_fact_summary("確認済み").unwrap();
        c.advance(d(5, 10), "co.kato").unwrap();
        c.set_measures("注意指導").unwrap();
        assert_eq!(
            c.advance(d(5, 9), "co.kato"),
            Err(CaseError::BeforePrevious {
                on: d(5, 9),
                previous: d(5, 10)
            })
        );
        assert_eq!(c.stage, Stage::Deliberation);
        assert_eq!(
            c.add_entry(d(5, 6), "co.kato", "x"),
            Err(CaseError::BeforeOpened {
                on: d(5, 6),
                opened: d(5, 7)
            })
        );
    }

    #[test]
    fn a_closed_case_goes_nowhere() {
        let mut c = case(HarassmentKind::Maternity, Vec::new()).unwrap();
        c.set_fact_summary("a").unwrap();
        c.set_measures("b").unwrap();
        c.set_outcome("c").unwrap();
        for _ in 0..4 {
            c.advance(d(6, 1), "co.kato").unwrap();
        }
        assert_eq!(c.advance(d(6, 2), "co.kato"), Err(CaseError::Closed));
        assert_eq!(c.set_outcome("d"), Err(CaseError::Closed));
        assert_eq!(c.set_fact_summary("d"), Err(CaseError::Closed));
        assert_eq!(c.set_measures("d"), Err(CaseError::Closed));
        assert_eq!(c.add_entry(d(6, 2), "co.kato", "d"), Err(CaseError::Closed));
        assert_eq!(c.set_kind(HarassmentKind::Other), Err(CaseError::Closed));
        assert_eq!(c.set_respondents(Vec::new()), Err(CaseError::Closed));
        assert_eq!(c.transitions.len(), 5);
    }

    #[test]
    fn the_first_two_stages_need_nothing() {
        assert_eq!(HarassmentCase::required_for(Stage::FactFinding), None);
        assert_eq!(HarassmentCase::required_for(Stage::Received), None);
    }
}
