//! Roadmap progress on disk (schema 5): one record per initiative with its statuses,
//! notes, plan revisions, owners and KPI links, and one per progress report written.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{enum_codes, record_v1};
use crate::domain::progress::{KpiLink, Note, OwnerChange, PlanEdit, Signed, StatusChange};
use crate::domain::{FiscalYear, InitiativeProgress, Progress, ReportMark, Timestamp};
use crate::store::codec::CodecError;

enum_codes!(Progress, progress_to, progress_from {
    NotStarted = 0, InProgress = 1, Done = 2, Delayed = 3, Cancelled = 4,
});

#[derive(Serialize, Deserialize)]
struct SignedV1 {
    at: i64,
    by: String,
}

impl From<&Signed> for SignedV1 {
    fn from(s: &Signed) -> Self {
        SignedV1 {
            at: s.at.0,
            by: s.by.clone(),
        }
    }
}

impl From<SignedV1> for Signed {
    fn from(v: SignedV1) -> Self {
        Signed {
            at: Timestamp(v.at),
            by: v.by,
        }
    }
}

#[derive(Serialize, Deserialize)]
struct StatusV1 {
    fy: i32,
    status: u8,
    signed: SignedV1,
}

#[derive(Serialize, Deserialize)]
struct NoteV1 {
    fy: Option<i32>,
    text: String,
    signed: SignedV1,
}

#[derive(Serialize, Deserialize)]
struct PlanEditV1 {
    fy: i32,
    text: Option<String>,
    signed: SignedV1,
}

#[derive(Serialize, Deserialize)]
struct OwnerV1 {
    section: String,
    signed: SignedV1,
}

#[derive(Serialize, Deserialize)]
struct LinkV1 {
    key: String,
    linked: bool,
    signed: SignedV1,
}

#[derive(Serialize, Deserialize)]
struct ProgressV1 {
    id: String,
    statuses: Vec<StatusV1>,
    notes: Vec<NoteV1>,
    plans: Vec<PlanEditV1>,
    owners: Vec<OwnerV1>,
    links: Vec<LinkV1>,
}

impl From<&InitiativeProgress> for ProgressV1 {
    fn from(p: &InitiativeProgress) -> Self {
        ProgressV1 {
            id: p.id.clone(),
            statuses: p
                .statuses
                .iter()
                .map(|s| StatusV1 {
                    fy: s.fy.0,
                    status: progress_to(s.status),
                    signed: (&s.signed).into(),
                })
                .collect(),
            notes: p
                .notes
                .iter()
                .map(|n| NoteV1 {
                    fy: n.fy.map(|y| y.0),
                    text: n.text.clone(),
                    signed: (&n.signed).into(),
                })
                .collect(),
            plans: p
                .plans
                .iter()
                .map(|e| PlanEditV1 {
                    fy: e.fy.0,
                    text: e.text.clone(),
                    signed: (&e.signed).into(),
                })
                .collect(),
            owners: p
                .owners
                .iter()
                .map(|o| OwnerV1 {
                    section: o.section.clone(),
                    signed: (&o.signed).into(),
                })
                .collect(),
            links: p
                .links
                .iter()
                .map(|l| LinkV1 {
                    key: l.key.clone(),
                    linked: l.linked,
                    signed: (&l.signed).into(),
                })
                .collect(),
        }
    }
}

impl TryFrom<ProgressV1> for InitiativeProgress {
    type Error = CodecError;
    fn try_from(v: ProgressV1) -> Result<Self, CodecError> {
        Ok(InitiativeProgress {
            id: v.id,
            statuses: v
                .statuses
                .into_iter()
                .map(|s| {
                    Ok(StatusChange {
                        fy: FiscalYear(s.fy),
                        status: progress_from(s.status)?,
                        signed: s.signed.into(),
                    })
                })
                .collect::<Result<_, CodecError>>()?,
            notes: v
                .notes
                .into_iter()
                .map(|n| Note {
                    fy: n.fy.map(FiscalYear),
                    text: n.text,
                    signed: n.signed.into(),
                })
                .collect(),
            plans: v
                .plans
                .into_iter()
                .map(|e| PlanEdit {
                    fy: FiscalYear(e.fy),
                    text: e.text,
                    signed: e.signed.into(),
                })
                .collect(),
            owners: v
                .owners
                .into_iter()
                .map(|o| OwnerChange {
                    section: o.section,
                    signed: o.signed.into(),
                })
                .collect(),
            links: v
                .links
                .into_iter()
                .map(|l| KpiLink {
                    key: l.key,
                    linked: l.linked,
                    signed: l.signed.into(),
                })
                .collect(),
        })
    }
}

record_v1!(InitiativeProgress, "roadmap_progress", ProgressV1, |p| p
    .id
    .clone());

#[derive(Serialize, Deserialize)]
struct ReportMarkV1 {
    fy: i32,
    no: u32,
    signed: SignedV1,
    seen: Vec<(String, u32)>,
}

impl From<&ReportMark> for ReportMarkV1 {
    fn from(m: &ReportMark) -> Self {
        ReportMarkV1 {
            fy: m.fy.0,
            no: m.no,
            signed: (&m.signed).into(),
            seen: m.seen.iter().map(|(k, n)| (k.clone(), *n)).collect(),
        }
    }
}

impl TryFrom<ReportMarkV1> for ReportMark {
    type Error = CodecError;
    fn try_from(v: ReportMarkV1) -> Result<Self, CodecError> {
        Ok(ReportMark {
            fy: FiscalYear(v.fy),
            no: v.no,
            signed: v.signed.into(),
            seen: v.seen.into_iter().collect::<BTreeMap<_, _>>(),
        })
    }
}

record_v1!(ReportMark, "roadmap_reports", ReportMarkV1, |m| m.key());

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Record;

    fn signed(n: i64) -> Signed {
        Signed {
            at: Timestamp(1_780_000_000 + n),
            by: "hr.sato".into(),
        }
    }

    #[test]
    fn progress_and_report_marks_round_trip() {
        let r = FiscalYear::reiwa;
        let p = InitiativeProgress {
            id: "1-3".into(),
            statuses: vec![StatusChange {
                fy: r(8),
                status: Progress::Delayed,
                signed: signed(1),
            }],
            notes: vec![Note {
                fy: None,
                text: "予算要求を見送り".into(),
                signed: signed(2),
            }],
            plans: vec![
                PlanEdit {
                    fy: r(9),
                    text: Some("システム選定".into()),
                    signed: signed(3),
                },
                PlanEdit {
                    fy: r(12),
                    text: None,
                    signed: signed(4),
                },
            ],
            owners: vec![OwnerChange {
                section: "職員課".into(),
                signed: signed(5),
            }],
            links: vec![KpiLink {
                key: "overtime-hours".into(),
                linked: true,
                signed: signed(6),
            }],
        };
        let back = InitiativeProgress::from_bytes(&p.to_bytes().unwrap()).unwrap();
        assert_eq!(back, p);
        assert_eq!(p.key(), "1-3");
        let m = ReportMark {
            fy: r(8),
            no: 2,
            signed: signed(7),
            seen: BTreeMap::from([("1-3".to_string(), 4)]),
        };
        assert_eq!(ReportMark::from_bytes(&m.to_bytes().unwrap()).unwrap(), m);
        // An unknown status code is an error, not a panic.
        let mut bytes = p.to_bytes().unwrap();
        let at = bytes.len() - 1;
        bytes.truncate(at);
        assert!(InitiativeProgress::from_bytes(&bytes).is_err());
    }
}
