//! The restricted case logs: mental-health cases (メンタルヘルス), harassment cases
//! (ハラスメント) and customer-harassment incidents (カスタマーハラスメント). Pure types and
//! rules; sealing, tables and access live above.

pub mod change;
pub mod harassment;
pub mod health;
pub mod incident;
pub mod plan;
pub mod upcoming;
pub mod workflow;

use std::fmt;

pub use change::{CaseChange, NewCase};
pub use harassment::{Channel, Complainant, HarassmentCase, HarassmentKind, Respondent};
pub use health::{HealthCase, HealthKind, Leave};
pub use incident::Incident;
pub use plan::{PlanStep, StepChange, StepStatus};
pub use upcoming::{Upcoming, UpcomingKind};
pub use workflow::{Field, Stage, Transition};

use super::employee::terms;
use super::{Date, Role};

/// Which restricted log a case belongs to; each has its own holders and keys.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum CaseDomain {
    /// Mental-health cases, held by the `health` role.
    Health,
    /// Harassment cases and incidents, held by the `counselor` role.
    Harassment,
}

terms!(CaseDomain {
    Health => "メンタルヘルス", "health";
    Harassment => "ハラスメント", "harassment";
});

impl CaseDomain {
    /// The role whose holders may read the domain's cases.
    pub fn role(self) -> Role {
        match self {
            CaseDomain::Health => Role::Health,
            CaseDomain::Harassment => Role::Counselor,
        }
    }

    /// The domain a case role gives access to; other roles give none.
    pub fn of_role(role: Role) -> Option<CaseDomain> {
        match role {
            Role::Health => Some(CaseDomain::Health),
            Role::Counselor => Some(CaseDomain::Harassment),
            _ => None,
        }
    }
}

/// Crockford's base32 alphabet, lowercase: no i, l, o or u.
const ALPHABET: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";

/// The length of a case id in characters: 64 bits in fives, rounded up.
const ID_LEN: usize = 13;

/// A case id: 64 random bits, never sequential, so an id says nothing about how many
/// cases there are or when one was opened.
///
/// Written as 13 lowercase Crockford base32 characters: the bits big-endian, read five
/// at a time, with one zero bit after the last, so every prefix of an id is random and
/// the last character is always of even value.
#[derive(
    Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(try_from = "String")]
pub struct CaseId(String);

impl TryFrom<String> for CaseId {
    type Error = String;

    /// Only an id as [`CaseId::parse`] reads it comes in from outside.
    fn try_from(text: String) -> Result<CaseId, String> {
        CaseId::parse(&text).ok_or_else(|| format!("not a case id: {text}"))
    }
}

impl CaseId {
    /// The id of 64 bits (drawn by the caller from the OS random source).
    pub fn from_bytes(bytes: [u8; 8]) -> CaseId {
        let n = u128::from(u64::from_be_bytes(bytes)) << 1;
        let text = (0..ID_LEN)
            .map(|i| {
                let shift = 5 * (ID_LEN - 1 - i);
                char::from(ALPHABET[((n >> shift) & 31) as usize])
            })
            .collect();
        CaseId(text)
    }

    /// Reads an id as [`CaseId::from_bytes`] writes it; surrounding space is ignored
    /// and capitals are accepted. Anything else (a wrong length, a letter outside the
    /// alphabet, a non-zero padding bit) is not an id.
    pub fn parse(text: &str) -> Option<CaseId> {
        Self::bits_of(text.trim()).map(|n| CaseId::from_bytes(n.to_be_bytes()))
    }

    /// The 64 bits of the id.
    pub fn to_bytes(&self) -> [u8; 8] {
        Self::bits_of(&self.0).unwrap_or_default().to_be_bytes()
    }

    /// The id as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    fn bits_of(text: &str) -> Option<u64> {
        if text.len() != ID_LEN {
            return None;
        }
        let mut n: u128 = 0;
        for b in text.bytes() {
            let digit = ALPHABET.iter().position(|a| *a == b.to_ascii_lowercase())?;
            n = (n << 5) | digit as u128;
        }
        if n & 1 != 0 {
            return None;
        }
        u64::try_from(n >> 1).ok()
    }
}

impl fmt::Display for CaseId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A dated consultation or progress entry (相談記録・経過記録).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Entry {
    /// The day it happened.
    pub on: Date,
    /// The account that wrote it.
    pub by: String,
    /// What was said or done, as written.
    pub text: String,
}

/// Any restricted record: what the sealed store holds.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum CaseItem {
    /// A mental-health case.
    Health(HealthCase),
    /// A harassment case.
    Harassment(HarassmentCase),
    /// A customer-harassment incident.
    Incident(Incident),
}

impl CaseItem {
    /// The log the record belongs to; incidents belong to the harassment log.
    pub fn domain(&self) -> CaseDomain {
        match self {
            CaseItem::Health(_) => CaseDomain::Health,
            CaseItem::Harassment(_) | CaseItem::Incident(_) => CaseDomain::Harassment,
        }
    }

    /// The record's random id.
    pub fn id(&self) -> &CaseId {
        match self {
            CaseItem::Health(c) => &c.id,
            CaseItem::Harassment(c) => &c.id,
            CaseItem::Incident(c) => &c.id,
        }
    }

    /// Staff numbers of the people the record is about, who must never hold its key:
    /// the subject of a health case; the complainant (when named) and the employee
    /// respondents of a harassment case. An incident names no staff party.
    pub fn involved_staff(&self) -> Vec<&str> {
        match self {
            CaseItem::Health(c) => vec![c.subject.as_str()],
            CaseItem::Harassment(c) => c.involved_staff(),
            CaseItem::Incident(i) => i.parties.iter().map(String::as_str).collect(),
        }
    }

    /// Accounts excluded by hand from holding the record's key. Incidents have none.
    pub fn deny(&self) -> &[String] {
        match self {
            CaseItem::Health(c) => &c.deny,
            CaseItem::Harassment(c) => &c.deny,
            CaseItem::Incident(i) => &i.deny,
        }
    }

    /// Whether work on the record remains. An incident is recorded with the measures
    /// already taken, so it is never open; any follow-up runs in a linked case.
    pub fn is_open(&self) -> bool {
        match self {
            CaseItem::Health(c) => c.is_open(),
            CaseItem::Harassment(c) => c.is_open(),
            CaseItem::Incident(_) => false,
        }
    }
}

/// Why a case cannot change as asked.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error, serde::Serialize, serde::Deserialize)]
pub enum CaseError {
    /// An end (of a leave or a plan step) before its start.
    #[error("the end {end} comes before the start {start}")]
    EndBeforeStart {
        /// The start.
        start: Date,
        /// The end asked for.
        end: Date,
    },
    /// A day before the case was opened (or the report received).
    #[error("{on} comes before the case opened on {opened}")]
    BeforeOpened {
        /// The day asked for.
        on: Date,
        /// The day the case began.
        opened: Date,
    },
    /// A change dated before the previous change.
    #[error("{on} comes before the previous change on {previous}")]
    BeforePrevious {
        /// The day asked for.
        on: Date,
        /// The day of the previous change.
        previous: Date,
    },
    /// The next stage needs a written field first.
    #[error("the stage {stage:?} needs the {field:?} first")]
    FieldMissing {
        /// The stage the case could not enter.
        stage: Stage,
        /// The field to write first.
        field: Field,
    },
    /// The case is closed and refuses changes.
    #[error("the case is closed")]
    Closed,
    /// A respondent from outside on a case that is not customer harassment.
    #[error("an outside respondent is only possible in customer harassment")]
    OutsideRespondent,
    /// A text that must be written is empty; carries the field's English name.
    #[error("the {0} is empty")]
    EmptyText(
        #[serde(deserialize_with = "crate::domain::interned::name")] crate::domain::interned::Name,
    ),
    /// No plan step at this index.
    #[error("the plan has no step {0}")]
    NoSuchStep(usize),
    /// No leave at this index.
    #[error("the case has no leave {0}")]
    NoSuchLeave(usize),
    /// The leave would overlap the leave at this index.
    #[error("the leave overlaps leave {0}")]
    LeaveOverlap(usize),
    /// The plan step already has this status.
    #[error("the step is already {0:?}")]
    SameStatus(StepStatus),
    /// The change asked for does not apply to this kind of case.
    #[error("this kind of case has no such part")]
    WrongKind,
}

/// Refuses an empty or blank text; `what` names it in the error.
pub(crate) fn non_empty(text: String, what: &'static str) -> Result<String, CaseError> {
    if text.trim().is_empty() {
        Err(CaseError::EmptyText(what))
    } else {
        Ok(text)
    }
}

/// A checked entry dated no earlier than `from` (the day the case began).
pub(crate) fn entry(from: Date, on: Date, by: &str, text: String) -> Result<Entry, CaseError> {
    if on < from {
        return Err(CaseError::BeforeOpened { on, opened: from });
    }
    Ok(Entry {
        on,
        by: by.to_owned(),
        text: non_empty(text, "text")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn domains_and_roles() {
        for d in CaseDomain::ALL {
            assert_eq!(CaseDomain::of_role(d.role()), Some(*d));
            assert_eq!(CaseDomain::parse(d.code()), Some(*d));
            assert_eq!(CaseDomain::parse(d.ja()), Some(*d));
        }
        assert_eq!(CaseDomain::Harassment.role(), Role::Counselor);
        assert_eq!(CaseDomain::of_role(Role::Admin), None);
        assert_eq!(CaseDomain::of_role(Role::Hr), None);
    }

    #[test]
    fn id_form() {
        assert_eq!(CaseId::from_bytes([0; 8]).as_str(), "0000000000000");
        assert_eq!(CaseId::from_bytes([0xff; 8]).as_str(), "zzzzzzzzzzzzy");
        let id = CaseId::from_bytes([0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef]);
        assert_eq!(id.as_str(), "04hmasw9nf6yy");
        assert_eq!(id.to_string(), id.as_str());
        assert_eq!(
            id.to_bytes(),
            [0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef]
        );
    }

    #[test]
    fn id_parse() {
        let id = CaseId::from_bytes([9, 8, 7, 6, 5, 4, 3, 2]);
        assert_eq!(CaseId::parse(id.as_str()), Some(id.clone()));
        assert_eq!(
            CaseId::parse(&format!("  {}\n", id.as_str().to_uppercase())),
            Some(id)
        );
        assert_eq!(CaseId::parse(""), None);
        assert_eq!(CaseId::parse("000000000000"), None, "too short");
        assert_eq!(CaseId::parse("00000000000000"), None, "too long");
        assert_eq!(CaseId::parse("000000000000i"), None, "not in the alphabet");
        assert_eq!(CaseId::parse("000000000000u"), None, "not in the alphabet");
        assert_eq!(CaseId::parse("0000000000001"), None, "padding bit set");
        assert_eq!(
            CaseId::parse("００００００００００００0"),
            None,
            "full width"
        );
        assert_eq!(
            CaseId::parse("0000000000002").map(|i| i.to_bytes()),
            Some([0, 0, 0, 0, 0, 0, 0, 1])
        );
    }

    #[test]
    fn entries_are_dated_and_written() {
        let opened = Date::new(2026, 4, 1).unwrap();
        let before = Date::new(2026, 3, 31).unwrap();
        assert_eq!(
            entry(opened, before, "hs.ito", "x".into()),
            Err(CaseError::BeforeOpened { on: before, opened })
        );
        assert_eq!(
            entry(opened, opened, "hs.ito", " \u{3000}".into()),
            Err(CaseError::EmptyText("text"))
        );
        assert!(entry(opened, opened, "hs.ito", "面談".into()).is_ok());
    }

    #[test]
    fn items_name_their_parties() {
        let on = Date::new(2026, 4, 1).unwrap();
        let mut health = HealthCase::new(
            CaseId::from_bytes([1; 8]),
            "000123",
            HealthKind::Consultation,
            on,
            vec!["hs.ito".into()],
        )
        .unwrap();
        health.deny.push("hr.suzuki".into());
        let health = CaseItem::Health(health);
        assert_eq!(health.domain(), CaseDomain::Health);
        assert_eq!(health.involved_staff(), ["000123"]);
        assert_eq!(health.deny(), ["hr.suzuki"]);
        assert_eq!(health.id(), &CaseId::from_bytes([1; 8]));
        assert!(health.is_open());

        let named = |complainant| {
            HarassmentCase::new(
                CaseId::from_bytes([2; 8]),
                on,
                Channel::Email,
                HarassmentKind::Customer,
                complainant,
                vec![
                    Respondent::Outside("来庁者".into()),
                    Respondent::Employee("000789".into()),
                ],
                vec!["co.kato".into()],
                "co.kato",
            )
            .map(CaseItem::Harassment)
            .unwrap()
        };
        let item = named(Complainant::Employee("000456".into()));
        assert_eq!(item.domain(), CaseDomain::Harassment);
        assert_eq!(item.involved_staff(), ["000456", "000789"]);
        assert!(item.deny().is_empty());
        assert!(item.is_open());
        let item = named(Complainant::Anonymous);
        assert_eq!(item.involved_staff(), ["000789"]);
    }

    proptest! {
        #[test]
        fn any_bytes_round_trip(bytes in any::<[u8; 8]>()) {
            let id = CaseId::from_bytes(bytes);
            prop_assert_eq!(id.as_str().len(), ID_LEN);
            prop_assert!(id.as_str().bytes().all(|b| ALPHABET.contains(&b)));
            prop_assert_eq!(id.to_bytes(), bytes);
            prop_assert_eq!(CaseId::parse(&id.as_str().to_uppercase()), Some(id));
        }

        #[test]
        fn order_of_ids_is_order_of_bits(a in any::<[u8; 8]>(), b in any::<[u8; 8]>()) {
            prop_assert_eq!(CaseId::from_bytes(a).cmp(&CaseId::from_bytes(b)), a.cmp(&b));
        }
    }
}
