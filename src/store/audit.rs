//! The append-only audit log. Each entry records who, when, what and which ids, never
//! personal text. The chain runs over a hash of each entry's body, so a body can be
//! redacted later without breaking the chain; the head hash is anchored outside the file
//! (printed by `backup`), so a rewritten or truncated tail is found.

use std::fmt;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::codec::{self, CodecError};
use crate::domain::Timestamp;

/// A SHA-256 digest.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hash(pub [u8; 32]);

impl fmt::Display for Hash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.iter().try_for_each(|b| write!(f, "{b:02x}"))
    }
}

impl Hash {
    /// Reads 64 hex digits.
    pub fn parse(text: &str) -> Option<Hash> {
        let t = text.trim();
        if t.len() != 64 || !t.is_ascii() {
            return None;
        }
        let mut out = [0u8; 32];
        for (i, byte) in out.iter_mut().enumerate() {
            *byte = u8::from_str_radix(&t[2 * i..2 * i + 2], 16).ok()?;
        }
        Some(Hash(out))
    }
}

/// One audit entry.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct AuditEntry {
    pub seq: u64,
    pub at: Timestamp,
    /// The account that acted.
    pub actor: String,
    /// What it did, e.g. `account.grant`.
    pub action: String,
    /// The records touched, by id.
    pub ids: Vec<String>,
    pub body_hash: Hash,
    pub prev: Hash,
    pub hash: Hash,
    /// The body was removed; the hashes remain.
    pub redacted: bool,
}

#[derive(Serialize, Deserialize)]
struct AuditEntryV1 {
    seq: u64,
    at: i64,
    actor: String,
    action: String,
    ids: Vec<String>,
    body_hash: [u8; 32],
    prev: [u8; 32],
    hash: [u8; 32],
    redacted: bool,
}

/// The hashed body: what an entry says, apart from the chain.
#[derive(Serialize)]
struct Body<'a> {
    seq: u64,
    at: i64,
    actor: &'a str,
    action: &'a str,
    ids: &'a [String],
}

fn sha(parts: &[&[u8]]) -> Hash {
    let mut h = Sha256::new();
    for p in parts {
        h.update(p);
    }
    Hash(h.finalize().into())
}

impl AuditEntry {
    /// A new entry after `prev` (the zero hash for the first).
    pub fn new(
        seq: u64,
        at: Timestamp,
        actor: &str,
        action: &str,
        ids: Vec<String>,
        prev: Hash,
    ) -> Result<AuditEntry, CodecError> {
        let body_hash = body_hash(seq, at, actor, action, &ids)?;
        Ok(AuditEntry {
            seq,
            at,
            actor: actor.to_string(),
            action: action.to_string(),
            ids,
            body_hash,
            prev,
            hash: link(prev, body_hash, seq),
            redacted: false,
        })
    }

    pub fn to_bytes(&self) -> Result<Vec<u8>, CodecError> {
        codec::encode(
            1,
            &AuditEntryV1 {
                seq: self.seq,
                at: self.at.0,
                actor: self.actor.clone(),
                action: self.action.clone(),
                ids: self.ids.clone(),
                body_hash: self.body_hash.0,
                prev: self.prev.0,
                hash: self.hash.0,
                redacted: self.redacted,
            },
        )
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<AuditEntry, CodecError> {
        let (version, payload) = codec::split(bytes)?;
        if version != 1 {
            return Err(CodecError::UnknownVersion {
                found: version,
                known: 1,
            });
        }
        let v: AuditEntryV1 = codec::decode(payload)?;
        Ok(AuditEntry {
            seq: v.seq,
            at: Timestamp(v.at),
            actor: v.actor,
            action: v.action,
            ids: v.ids,
            body_hash: Hash(v.body_hash),
            prev: Hash(v.prev),
            hash: Hash(v.hash),
            redacted: v.redacted,
        })
    }

    /// Whether the body still matches its hash. A redacted body cannot be checked, so
    /// redaction must have removed the who and the which: a "redacted" entry that still
    /// names an actor or ids is a rewritten one.
    pub fn body_intact(&self) -> Result<bool, CodecError> {
        if self.redacted {
            return Ok(self.actor.is_empty() && self.ids.is_empty());
        }
        Ok(body_hash(self.seq, self.at, &self.actor, &self.action, &self.ids)? == self.body_hash)
    }
}

fn body_hash(
    seq: u64,
    at: Timestamp,
    actor: &str,
    action: &str,
    ids: &[String],
) -> Result<Hash, CodecError> {
    let body = codec::canonical(&Body {
        seq,
        at: at.0,
        actor,
        action,
        ids,
    })?;
    Ok(sha(&[&body]))
}

/// The chain link: the previous hash, this body's hash and the sequence number.
pub fn link(prev: Hash, body_hash: Hash, seq: u64) -> Hash {
    sha(&[&prev.0, &body_hash.0, &seq.to_le_bytes()])
}

/// What is wrong with a chain, entry by entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChainFault {
    Gap { expected: u64, found: u64 },
    Body(u64),
    Link(u64),
}

impl fmt::Display for ChainFault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ChainFault::Gap { expected, found } => {
                write!(f, "entry {found} follows where {expected} was expected")
            }
            ChainFault::Body(seq) => write!(f, "entry {seq}: body does not match its hash"),
            ChainFault::Link(seq) => write!(f, "entry {seq}: chain link broken"),
        }
    }
}

/// Walks a chain in order; returns the head hash and the faults found.
pub fn verify<'a>(entries: impl IntoIterator<Item = &'a AuditEntry>) -> (Hash, Vec<ChainFault>) {
    let mut prev = Hash::default();
    let mut expected = 1;
    let mut faults = Vec::new();
    for e in entries {
        if e.seq != expected {
            faults.push(ChainFault::Gap {
                expected,
                found: e.seq,
            });
        }
        if !e.body_intact().unwrap_or(false) {
            faults.push(ChainFault::Body(e.seq));
        }
        if e.prev != prev || e.hash != link(prev, e.body_hash, e.seq) {
            faults.push(ChainFault::Link(e.seq));
        }
        prev = e.hash;
        expected = e.seq + 1;
    }
    (prev, faults)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chain(n: u64) -> Vec<AuditEntry> {
        let mut out: Vec<AuditEntry> = Vec::new();
        for seq in 1..=n {
            let prev = out.last().map_or(Hash::default(), |e| e.hash);
            out.push(
                AuditEntry::new(
                    seq,
                    Timestamp(1000 + seq as i64),
                    "hr1",
                    "employee.add",
                    vec![format!("{seq:06}")],
                    prev,
                )
                .unwrap(),
            );
        }
        out
    }

    #[test]
    fn intact_chain_verifies_and_round_trips() {
        let c = chain(5);
        let (head, faults) = verify(&c);
        assert!(faults.is_empty());
        assert_eq!(head, c[4].hash);
        let back = AuditEntry::from_bytes(&c[2].to_bytes().unwrap()).unwrap();
        assert_eq!(back, c[2]);
        assert_eq!(Hash::parse(&head.to_string()), Some(head));
    }

    #[test]
    fn redaction_keeps_the_chain() {
        let mut c = chain(3);
        c[1].actor.clear();
        c[1].ids.clear();
        c[1].redacted = true;
        assert!(verify(&c).1.is_empty());
    }

    #[test]
    fn a_rewrite_cannot_hide_behind_the_redacted_flag() {
        let mut c = chain(3);
        c[1].actor = "someone.else".into();
        c[1].redacted = true;
        assert_eq!(verify(&c).1, vec![ChainFault::Body(2)]);
    }

    #[test]
    fn tampering_is_found() {
        let mut c = chain(4);
        c[1].ids = vec!["999999".into()];
        assert_eq!(verify(&c).1, vec![ChainFault::Body(2)]);
        let mut c = chain(4);
        c.remove(2);
        assert!(verify(&c).1.contains(&ChainFault::Gap {
            expected: 3,
            found: 4
        }));
        let c = chain(4);
        let truncated = verify(&c[..3]).0;
        assert_ne!(truncated, verify(&c).0, "a cut tail changes the head");
    }
}
