//! Refusing lost updates. A screen reads a record with its revision; the save passes
//! that revision back, and the write refuses, inside its own transaction, a record
//! whose stored revision has moved on since: [`ServiceError::Conflict`] carries both
//! revisions and the stored version, so the screen can show both versions and let the
//! user reload or re-apply.
//!
//! Another kind of record uses the same mechanism in three steps: its view carries
//! `Reader::revision::<T>(key)` read in the view's own transaction; its save takes the
//! revision the edit started from; inside `write_as` it calls [`expect_revision`] with
//! a `Theirs` variant of its own before writing.

use super::ServiceError;
use crate::domain::interned::Name;
use crate::domain::{Employee, Initiative, InitiativeProgress, Session, Skill};
use crate::store::{Record, Writer};

/// The stored version of a record that changed under an edit, as the screen shows it.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Theirs {
    /// A staff record.
    Employee(Box<Employee>),
    /// A training session of the plan.
    Session(Box<Session>),
    /// A skill of the skill map, with its dated states.
    Skill(Box<Skill>),
    /// An initiative's progress, with the policy's initiative it is read against.
    Progress {
        initiative: Box<Initiative>,
        progress: Box<InitiativeProgress>,
    },
}

/// A save refused because someone else changed the record since it was opened.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Conflict {
    /// The kind of record (`employee`, `session`, `skill`, `initiative`).
    #[serde(deserialize_with = "crate::domain::interned::name")]
    pub kind: Name,
    /// Its id (a staff number, a session id, a skill key, an initiative id).
    pub id: String,
    /// The revision the edit started from.
    pub opened: u64,
    /// The revision stored now.
    pub current: u64,
    /// The record as stored now.
    pub theirs: Theirs,
}

/// Refuses the write when the stored revision of `key` is not `opened`. `kind` names
/// the record in the message; `theirs` turns the stored record into what the screen
/// shows. A record that is not stored is left to the caller's own check.
pub fn expect_revision<T: Record>(
    w: &Writer,
    kind: Name,
    key: &str,
    opened: u64,
    theirs: impl FnOnce(T) -> Theirs,
) -> Result<(), ServiceError> {
    let current = w.revision::<T>(key)?;
    if current == opened {
        return Ok(());
    }
    let Some(stored) = w.get::<T>(key)? else {
        return Ok(());
    };
    Err(ServiceError::Conflict(Box::new(Conflict {
        kind,
        id: key.to_string(),
        opened,
        current,
        theirs: theirs(stored),
    })))
}
