//! Customer-harassment incidents (カスタマーハラスメント): one event at a counter, on the
//! phone or in writing, with what was done about it. Employers must take measures
//! against customer harassment from 2026-10-01; an incident is recorded with them.

use super::harassment::Channel;
use super::{CaseError, CaseId, Entry, entry, non_empty};
use crate::domain::Date;

/// One customer-harassment incident.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Incident {
    /// The random id.
    pub id: CaseId,
    /// The day it happened.
    pub on: Date,
    /// How it happened.
    pub channel: Channel,
    /// Where the recording is kept (a file name, a tape number); empty if none.
    pub recording: String,
    /// What was done about it.
    pub measures: String,
    /// The harassment case opened over it, if any.
    pub case: Option<CaseId>,
    /// Progress entries, in the order written.
    pub entries: Vec<Entry>,
    /// The account that recorded it.
    pub recorded_by: String,
    /// The staff parties of the linked case, copied when it is linked: who may not hold
    /// the incident's key is who may not hold the case's.
    pub parties: Vec<String>,
    /// The linked case's deny list, copied with the parties.
    pub deny: Vec<String>,
}

impl Incident {
    /// Records an incident; the measures taken must be written.
    pub fn new(
        id: CaseId,
        on: Date,
        channel: Channel,
        recording: impl Into<String>,
        measures: impl Into<String>,
        recorded_by: &str,
    ) -> Result<Incident, CaseError> {
        Ok(Incident {
            id,
            on,
            channel,
            recording: recording.into(),
            measures: non_empty(measures.into(), "measures")?,
            case: None,
            entries: Vec::new(),
            recorded_by: recorded_by.to_owned(),
            parties: Vec::new(),
            deny: Vec::new(),
        })
    }

    /// Rewrites the measures taken; they may not become empty.
    pub fn set_measures(&mut self, text: impl Into<String>) -> Result<(), CaseError> {
        self.measures = non_empty(text.into(), "measures")?;
        Ok(())
    }

    /// Links the incident to a harassment case, or unlinks it with `None`. The service
    /// copies the case's parties and deny list over (see [`Incident::exclude_as`]).
    pub fn link(&mut self, case: Option<CaseId>) {
        self.case = case;
        if self.case.is_none() {
            self.parties.clear();
            self.deny.clear();
        }
    }

    /// Takes the exclusions of the linked case: its staff parties and deny list.
    pub fn exclude_as(&mut self, parties: Vec<String>, deny: Vec<String>) {
        self.parties = parties;
        self.deny = deny;
    }

    /// Adds a progress entry, dated no earlier than the incident.
    pub fn add_entry(
        &mut self,
        on: Date,
        by: &str,
        text: impl Into<String>,
    ) -> Result<(), CaseError> {
        self.entries.push(entry(self.on, on, by, text.into())?);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::cases::{CaseDomain, CaseItem};

    fn d(month: u32, day: u32) -> Date {
        Date::new(2026, month, day).unwrap()
    }

    fn incident() -> Incident {
        Incident::new(
            CaseId::from_bytes([4; 8]),
            d(10, 5),
            Channel::Phone,
            "通話録音 2026-10-05-0932",
            "二名で対応、上司に引継ぎ",
            "hr.sato",
        )
        .unwrap()
    }

    #[test]
    fn measures_are_required() {
        let e = Incident::new(
            CaseId::from_bytes([4; 8]),
            d(10, 5),
            Channel::Interview,
            "",
            " ",
            "hr.sato",
        );
        assert_eq!(e, Err(CaseError::EmptyText("measures")));
        let mut i = incident();
        assert_eq!(i.set_measures(""), Err(CaseError::EmptyText("measures")));
        i.set_measures("警察に相談").unwrap();
        assert_eq!(i.measures, "警察に相談");
    }

    #[test]
    fn entries_and_links() {
        let mut i = incident();
        assert_eq!(
            i.add_entry(d(10, 4), "hr.sato", "x"),
            Err(CaseError::BeforeOpened {
                on: d(10, 4),
                opened: d(10, 5)
            })
        );
        i.add_entry(d(10, 6), "hr.sato", "再度の電話なし").unwrap();
        let case = CaseId::from_bytes([5; 8]);
        i.link(Some(case.clone()));
        assert_eq!(i.case, Some(case));
        let item = CaseItem::Incident(i);
        assert_eq!(item.domain(), CaseDomain::Harassment);
        assert!(item.involved_staff().is_empty());
        assert!(item.deny().is_empty());
        assert!(!item.is_open());
        assert_eq!(item.id(), &CaseId::from_bytes([4; 8]));
    }
}
