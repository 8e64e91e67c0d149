//! Changes to a case, and new cases, as data: what the screens and commands ask for,
//! applied where the service runs (with the caller's account and the service's today),
//! so a request can carry them.

use super::{
    CaseDomain, CaseError, CaseId, CaseItem, Channel, Complainant, Field, HarassmentCase,
    HarassmentKind, HealthCase, HealthKind, Incident, Respondent, StepStatus,
};
use crate::domain::Date;

/// One change to a case. A day left out is the service's today.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum CaseChange {
    /// A dated consultation or progress entry (any kind of case).
    Note { on: Option<Date>, text: String },
    /// A leave of absence (health).
    Leave { start: Date, planned_end: Date },
    /// The end of a leave, by its index from 0 (health).
    LeaveEnd { leave: usize, on: Option<Date> },
    /// A step of the return-to-work plan (health).
    Step {
        name: String,
        start: Date,
        end: Option<Date>,
    },
    /// A plan step's new status from today, by its index from 0 (health).
    StepStatus { step: usize, status: StepStatus },
    /// A follow-up talk planned (health).
    FollowUp { on: Date },
    /// The case closed (health).
    Close { on: Option<Date> },
    /// A written field (harassment).
    Set { field: Field, text: String },
    /// The next stage of the workflow (harassment).
    Advance { on: Option<Date> },
    /// A written field, then the next stage today, in one change (harassment).
    SetThenAdvance { field: Field, text: String },
    /// An account excluded by hand from holding the case's key.
    Deny { account: String },
    /// An account no longer excluded by hand.
    Allow { account: String },
}

impl CaseChange {
    /// Applies the change, as the account `by` on the day `today`.
    pub fn apply(self, item: &mut CaseItem, by: &str, today: Date) -> Result<(), CaseError> {
        let day = |on: Option<Date>| on.unwrap_or(today);
        match self {
            CaseChange::Note { on, text } => match item {
                CaseItem::Health(c) => c.add_entry(day(on), by, text),
                CaseItem::Harassment(c) => c.add_entry(day(on), by, text),
                CaseItem::Incident(i) => i.add_entry(day(on), by, text),
            },
            CaseChange::Leave { start, planned_end } => {
                health(item)?.add_leave(start, planned_end).map(|_| ())
            }
            CaseChange::LeaveEnd { leave, on } => health(item)?.end_leave(leave, day(on)),
            CaseChange::Step { name, start, end } => {
                health(item)?.add_step(name, start, end).map(|_| ())
            }
            CaseChange::StepStatus { step, status } => {
                health(item)?.set_step_status(step, status, today, by)
            }
            CaseChange::FollowUp { on } => health(item)?.add_follow_up(on),
            CaseChange::Close { on } => health(item)?.close(day(on)),
            CaseChange::Set { field, text } => set(harassment(item)?, field, text),
            CaseChange::Advance { on } => harassment(item)?.advance(day(on), by).map(|_| ()),
            CaseChange::SetThenAdvance { field, text } => {
                let c = harassment(item)?;
                set(c, field, text)?;
                c.advance(today, by).map(|_| ())
            }
            CaseChange::Deny { account } => {
                let deny = deny_list(item)?;
                if !deny.contains(&account) {
                    deny.push(account);
                }
                Ok(())
            }
            CaseChange::Allow { account } => {
                deny_list(item)?.retain(|a| *a != account);
                Ok(())
            }
        }
    }
}

fn health(item: &mut CaseItem) -> Result<&mut HealthCase, CaseError> {
    match item {
        CaseItem::Health(c) => Ok(c),
        _ => Err(CaseError::WrongKind),
    }
}

fn harassment(item: &mut CaseItem) -> Result<&mut HarassmentCase, CaseError> {
    match item {
        CaseItem::Harassment(c) => Ok(c),
        _ => Err(CaseError::WrongKind),
    }
}

fn set(c: &mut HarassmentCase, field: Field, text: String) -> Result<(), CaseError> {
    match field {
        Field::FactSummary => c.set_fact_summary(text),
        Field::Measures => c.set_measures(text),
        Field::Outcome => c.set_outcome(text),
    }
}

/// The deny list of a case; an incident has none (it names no staff party).
fn deny_list(item: &mut CaseItem) -> Result<&mut Vec<String>, CaseError> {
    match item {
        CaseItem::Health(c) => Ok(&mut c.deny),
        CaseItem::Harassment(c) => Ok(&mut c.deny),
        CaseItem::Incident(_) => Err(CaseError::WrongKind),
    }
}

/// A case to open, built around the fresh random id the service draws. A day left out
/// is the service's today.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum NewCase {
    /// A mental-health case about the staff number `subject`.
    Health {
        subject: String,
        kind: HealthKind,
        opened: Option<Date>,
        assigned: Vec<String>,
    },
    /// A harassment case.
    Harassment {
        received: Option<Date>,
        channel: Channel,
        kind: HarassmentKind,
        complainant: Complainant,
        respondents: Vec<Respondent>,
        counsellors: Vec<String>,
    },
    /// A customer-harassment incident, linked to a case if given.
    Incident {
        on: Option<Date>,
        channel: Channel,
        recording: String,
        measures: String,
        case: Option<CaseId>,
    },
}

impl NewCase {
    /// The log the new record goes into.
    pub fn domain(&self) -> CaseDomain {
        match self {
            NewCase::Health { .. } => CaseDomain::Health,
            NewCase::Harassment { .. } | NewCase::Incident { .. } => CaseDomain::Harassment,
        }
    }

    /// The record, with its id, opened by the account `by` on the day `today`.
    pub fn build(self, id: CaseId, by: &str, today: Date) -> Result<CaseItem, CaseError> {
        Ok(match self {
            NewCase::Health {
                subject,
                kind,
                opened,
                assigned,
            } => CaseItem::Health(HealthCase::new(
                id,
                subject,
                kind,
                opened.unwrap_or(today),
                assigned,
            )?),
            NewCase::Harassment {
                received,
                channel,
                kind,
                complainant,
                respondents,
                counsellors,
            } => CaseItem::Harassment(HarassmentCase::new(
                id,
                received.unwrap_or(today),
                channel,
                kind,
                complainant,
                respondents,
                counsellors,
                by,
            )?),
            NewCase::Incident {
                on,
                channel,
                recording,
                measures,
                case,
            } => {
                let mut i =
                    Incident::new(id, on.unwrap_or(today), channel, recording, measures, by)?;
                i.link(case);
                CaseItem::Incident(i)
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> Date {
        Date::new(2026, 5, d).unwrap()
    }

    fn id() -> CaseId {
        CaseId::from_bytes([1, 2, 3, 4, 5, 6, 7, 8])
    }

    #[test]
    fn a_note_on_every_kind_is_dated_today_unless_given() {
        let new = NewCase::Health {
            subject: "001".into(),
            kind: HealthKind::Consultation,
            opened: None,
            assigned: vec![],
        };
        let mut item = new.build(id(), "nurse", day(1)).unwrap();
        CaseChange::Note {
            on: None,
            text: "talked".into(),
        }
        .apply(&mut item, "nurse", day(3))
        .unwrap();
        let CaseItem::Health(c) = &item else {
            panic!("{item:?}")
        };
        assert_eq!(c.opened, day(1));
        assert_eq!(
            (c.entries[0].on, c.entries[0].by.as_str()),
            (day(3), "nurse")
        );
    }

    #[test]
    fn a_change_for_another_kind_is_refused() {
        let mut item = NewCase::Incident {
            on: Some(day(2)),
            channel: Channel::Phone,
            recording: String::new(),
            measures: "ended the call".into(),
            case: None,
        }
        .build(id(), "counsel", day(5))
        .unwrap();
        for change in [
            CaseChange::Close { on: None },
            CaseChange::Advance { on: None },
            CaseChange::Deny {
                account: "x".into(),
            },
        ] {
            assert_eq!(
                change.apply(&mut item, "counsel", day(5)),
                Err(CaseError::WrongKind)
            );
        }
    }

    #[test]
    fn set_then_advance_writes_the_field_and_moves_on() {
        let mut item = NewCase::Harassment {
            received: None,
            channel: Channel::Interview,
            kind: HarassmentKind::Power,
            complainant: Complainant::Anonymous,
            respondents: vec![],
            counsellors: vec![],
        }
        .build(id(), "counsel", day(1))
        .unwrap();
        CaseChange::Advance { on: None }
            .apply(&mut item, "counsel", day(2))
            .unwrap();
        CaseChange::SetThenAdvance {
            field: Field::FactSummary,
            text: "confirmed".into(),
        }
        .apply(&mut item, "counsel", day(4))
        .unwrap();
        let CaseItem::Harassment(c) = &item else {
            panic!("{item:?}")
        };
        assert_eq!(c.fact_summary.as_deref(), Some("confirmed"));
        assert_eq!(c.stage, crate::domain::cases::Stage::Deliberation);
        assert_eq!(c.transitions.last().map(|t| t.on), Some(day(4)));
    }

    #[test]
    fn changes_and_ids_cross_the_wire() {
        let change = CaseChange::Deny {
            account: "a".into(),
        };
        let text = serde_json::to_string(&change).unwrap();
        assert_eq!(serde_json::from_str::<CaseChange>(&text).unwrap(), change);
        let good = serde_json::to_string(&id()).unwrap();
        assert_eq!(serde_json::from_str::<CaseId>(&good).unwrap(), id());
        assert!(serde_json::from_str::<CaseId>("\"not-an-id\"").is_err());
    }
}
