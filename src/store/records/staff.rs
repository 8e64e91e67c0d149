//! Organisation, titles, employees and accounts on disk.

use serde::{Deserialize, Serialize};

use super::{Record, date_from, date_to, enum_codes, record_v1};
use crate::domain::employee::in_effect;
use crate::domain::{
    Account, Assignment, AssignmentKind, Band, Brief, CareerTrack, Date, DigitalTier, Employee,
    EmploymentType, Leaving, OrgUnit, Post, Role, Status, Timestamp, TitleBand, UnitKind, UnitTag,
};
use crate::store::codec::{self, CodecError};

enum_codes!(UnitKind, kind_to, kind_from { Department = 0, Section = 1, Team = 2 });
enum_codes!(UnitTag, tag_to, tag_from { None = 0, Digital = 1, CoreSystem = 2 });
enum_codes!(EmploymentType, employment_to, employment_from {
    Regular = 0, Reappointed = 1, FixedTerm = 2, FiscalYearAppointed = 3,
});
enum_codes!(CareerTrack, track_to, track_from { Unset = 0, Generalist = 1, Expert = 2 });
enum_codes!(DigitalTier, tier_to, tier_from { Starter = 0, Leader = 1, Architect = 2 });
enum_codes!(Status, status_to, status_from { Active = 0, OnLeave = 1, Left = 2 });
enum_codes!(AssignmentKind, assignment_to, assignment_from {
    Hire = 0, Transfer = 1, Promotion = 2, Other = 3,
});
enum_codes!(Role, role_to, role_from {
    Admin = 0, Hr = 1, Health = 2, Counselor = 3, Auditor = 4, Viewer = 5,
});

pub(super) use tier_from as digital_tier_from;
pub(super) use tier_to as digital_tier_to;

fn band_from(n: u8) -> Result<Band, CodecError> {
    Band::new(n).ok_or_else(|| CodecError::Corrupt(format!("band {n}")))
}

#[derive(Serialize, Deserialize)]
pub(super) struct OrgUnitV1 {
    code: String,
    kind: u8,
    name: String,
    parent: Option<String>,
    tag: u8,
}

impl From<&OrgUnit> for OrgUnitV1 {
    fn from(u: &OrgUnit) -> Self {
        OrgUnitV1 {
            code: u.code.clone(),
            kind: kind_to(u.kind),
            name: u.name.clone(),
            parent: u.parent.clone(),
            tag: tag_to(u.tag),
        }
    }
}

impl TryFrom<OrgUnitV1> for OrgUnit {
    type Error = CodecError;
    fn try_from(v: OrgUnitV1) -> Result<Self, CodecError> {
        Ok(OrgUnit {
            code: v.code,
            kind: kind_from(v.kind)?,
            name: v.name,
            parent: v.parent,
            tag: tag_from(v.tag)?,
            valid_from: None,
            valid_to: None,
        })
    }
}

/// Version 2 adds the dates a unit exists between, so that a reorganisation (機構改革)
/// is dated.
#[derive(Serialize, Deserialize)]
pub(super) struct OrgUnitV2 {
    code: String,
    kind: u8,
    name: String,
    parent: Option<String>,
    tag: u8,
    valid_from: Option<u32>,
    valid_to: Option<u32>,
}

impl From<&OrgUnit> for OrgUnitV2 {
    fn from(u: &OrgUnit) -> Self {
        OrgUnitV2 {
            code: u.code.clone(),
            kind: kind_to(u.kind),
            name: u.name.clone(),
            parent: u.parent.clone(),
            tag: tag_to(u.tag),
            valid_from: u.valid_from.map(date_to),
            valid_to: u.valid_to.map(date_to),
        }
    }
}

impl TryFrom<OrgUnitV2> for OrgUnit {
    type Error = CodecError;
    fn try_from(v: OrgUnitV2) -> Result<Self, CodecError> {
        Ok(OrgUnit {
            code: v.code,
            kind: kind_from(v.kind)?,
            name: v.name,
            parent: v.parent,
            tag: tag_from(v.tag)?,
            valid_from: v.valid_from.map(date_from).transpose()?,
            valid_to: v.valid_to.map(date_from).transpose()?,
        })
    }
}

/// By hand rather than through `record_v1!`: two versions are read, the second written.
impl Record for OrgUnit {
    const TABLE: &'static str = "org_units";
    const VERSION: u16 = 2;

    fn key(&self) -> String {
        self.code.clone()
    }

    fn to_bytes(&self) -> Result<Vec<u8>, CodecError> {
        codec::encode(Self::VERSION, &OrgUnitV2::from(self))
    }

    fn from_bytes(bytes: &[u8]) -> Result<Self, CodecError> {
        let (version, payload) = codec::split(bytes)?;
        match version {
            1 => OrgUnit::try_from(codec::decode::<OrgUnitV1>(payload)?),
            2 => OrgUnit::try_from(codec::decode::<OrgUnitV2>(payload)?),
            found => Err(CodecError::UnknownVersion {
                found,
                known: Self::VERSION,
            }),
        }
    }
}

#[derive(Serialize, Deserialize)]
pub(super) struct TitleBandV1 {
    title: String,
    band: u8,
}

impl From<&TitleBand> for TitleBandV1 {
    fn from(t: &TitleBand) -> Self {
        TitleBandV1 {
            title: t.title.clone(),
            band: t.band.number(),
        }
    }
}

impl TryFrom<TitleBandV1> for TitleBand {
    type Error = CodecError;
    fn try_from(v: TitleBandV1) -> Result<Self, CodecError> {
        Ok(TitleBand {
            title: v.title,
            band: band_from(v.band)?,
        })
    }
}

record_v1!(TitleBand, "titles", TitleBandV1, |t| t.title.clone());

/// The label a band carries on screens (`主任・主事` …), editable by admins.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct BandLabel {
    pub band: Band,
    pub label: String,
}

#[derive(Serialize, Deserialize)]
pub(super) struct BandLabelV1 {
    band: u8,
    label: String,
}

impl From<&BandLabel> for BandLabelV1 {
    fn from(b: &BandLabel) -> Self {
        BandLabelV1 {
            band: b.band.number(),
            label: b.label.clone(),
        }
    }
}

impl TryFrom<BandLabelV1> for BandLabel {
    type Error = CodecError;
    fn try_from(v: BandLabelV1) -> Result<Self, CodecError> {
        Ok(BandLabel {
            band: band_from(v.band)?,
            label: v.label,
        })
    }
}

record_v1!(BandLabel, "bands", BandLabelV1, |b| b.band.to_string());

#[derive(Serialize, Deserialize)]
pub(super) struct AssignmentV1 {
    effective: u32,
    unit: String,
    title: String,
    kind: u8,
}

#[derive(Serialize, Deserialize)]
pub(super) struct EmployeeV1 {
    staff_no: String,
    name: String,
    reading: String,
    former_name: Option<String>,
    alias: Option<String>,
    employment: u8,
    birth: u32,
    hired: u32,
    leaving: Option<(u32, String)>,
    track: u8,
    digital: u8,
    status: u8,
    comeback: bool,
    history: Vec<AssignmentV1>,
}

impl From<&Employee> for EmployeeV1 {
    fn from(e: &Employee) -> Self {
        EmployeeV1 {
            staff_no: e.staff_no.clone(),
            name: e.name.clone(),
            reading: e.reading.clone(),
            former_name: e.former_name.clone(),
            alias: e.alias.clone(),
            employment: employment_to(e.employment),
            birth: date_to(e.birth),
            hired: date_to(e.hired),
            leaving: e
                .leaving
                .as_ref()
                .map(|l| (date_to(l.date), l.reason.clone())),
            track: track_to(e.track),
            digital: tier_to(e.digital),
            status: status_to(e.status),
            comeback: e.comeback,
            history: e
                .history
                .iter()
                .map(|a| AssignmentV1 {
                    effective: date_to(a.effective),
                    unit: a.unit.clone(),
                    title: a.title.clone(),
                    kind: assignment_to(a.kind),
                })
                .collect(),
        }
    }
}

/// [`EmployeeV1`] read in place: the same layout, its text borrowed from the bytes.
#[derive(Deserialize)]
struct EmployeeRefV1<'a> {
    staff_no: &'a str,
    name: &'a str,
    reading: &'a str,
    former_name: Option<&'a str>,
    alias: Option<&'a str>,
    employment: u8,
    birth: u32,
    hired: u32,
    #[serde(borrow)]
    leaving: Option<(u32, &'a str)>,
    track: u8,
    digital: u8,
    status: u8,
    _comeback: bool,
    #[serde(borrow)]
    history: Vec<AssignmentRefV1<'a>>,
}

#[derive(Deserialize)]
struct AssignmentRefV1<'a> {
    effective: u32,
    unit: &'a str,
    title: &'a str,
    kind: u8,
}

/// The [`Brief`] of a stored employee on a date, without copying the whole record out.
/// It accepts exactly the bytes [`Employee::from_bytes`] accepts: every date and code
/// is checked, so a damaged record fails here too, naming its key.
pub fn brief_on(bytes: &[u8], on: Date) -> Result<Brief<'_>, CodecError> {
    let (version, payload) = codec::split(bytes)?;
    let v: EmployeeRefV1<'_> = match version {
        1 => codec::decode_borrowed(payload)?,
        found => {
            return Err(CodecError::UnknownVersion {
                found,
                known: Employee::VERSION,
            });
        }
    };
    date_from(v.birth)?;
    let hired = date_from(v.hired)?;
    let left_on = match v.leaving {
        Some((left, _)) => Some(date_from(left)?),
        None => None,
    };
    track_from(v.track)?;
    for a in &v.history {
        date_from(a.effective)?;
        assignment_from(a.kind)?;
    }
    let on = date_to(on);
    Ok(Brief {
        staff_no: v.staff_no,
        name: v.name,
        reading: v.reading,
        former_name: v.former_name,
        alias: v.alias,
        employment: employment_from(v.employment)?,
        status: status_from(v.status)?,
        digital: tier_from(v.digital)?,
        post: in_effect(&v.history, on, |a| a.effective).map(|a| Post {
            unit: a.unit,
            title: a.title,
        }),
        hired,
        left_on,
    })
}

impl TryFrom<EmployeeV1> for Employee {
    type Error = CodecError;
    fn try_from(v: EmployeeV1) -> Result<Self, CodecError> {
        let history = v
            .history
            .into_iter()
            .map(|a| {
                Ok(Assignment {
                    effective: date_from(a.effective)?,
                    unit: a.unit,
                    title: a.title,
                    kind: assignment_from(a.kind)?,
                })
            })
            .collect::<Result<_, CodecError>>()?;
        Ok(Employee {
            staff_no: v.staff_no,
            name: v.name,
            reading: v.reading,
            former_name: v.former_name,
            alias: v.alias,
            employment: employment_from(v.employment)?,
            birth: date_from(v.birth)?,
            hired: date_from(v.hired)?,
            leaving: match v.leaving {
                Some((d, reason)) => Some(Leaving {
                    date: date_from(d)?,
                    reason,
                }),
                None => None,
            },
            track: track_from(v.track)?,
            digital: tier_from(v.digital)?,
            status: status_from(v.status)?,
            comeback: v.comeback,
            history,
        })
    }
}

record_v1!(
    Employee,
    "employees",
    EmployeeV1,
    |e| e.staff_no.clone(),
    index = |e| {
        e.history
            .iter()
            .map(|a| (a.unit.clone(), date_to(a.effective), e.staff_no.clone()))
            .collect()
    }
);

#[derive(Serialize, Deserialize)]
pub(super) struct AccountV1 {
    name: String,
    roles: Vec<u8>,
    employee: Option<String>,
    created: i64,
}

impl From<&Account> for AccountV1 {
    fn from(a: &Account) -> Self {
        AccountV1 {
            name: a.name.clone(),
            roles: a.roles.iter().map(|r| role_to(*r)).collect(),
            employee: a.employee.clone(),
            created: a.created.0,
        }
    }
}

impl TryFrom<AccountV1> for Account {
    type Error = CodecError;
    fn try_from(v: AccountV1) -> Result<Self, CodecError> {
        Ok(Account {
            name: v.name,
            roles: v
                .roles
                .into_iter()
                .map(role_from)
                .collect::<Result<_, _>>()?,
            employee: v.employee,
            created: Timestamp(v.created),
        })
    }
}

record_v1!(Account, "accounts", AccountV1, |a| a.name.clone());

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Date;

    fn unit() -> OrgUnit {
        OrgUnit {
            code: "0102".into(),
            kind: UnitKind::Section,
            name: "職員課".into(),
            parent: Some("01".into()),
            tag: UnitTag::Digital,
            valid_from: None,
            valid_to: None,
        }
    }

    #[test]
    fn org_unit_v1_bytes_still_read() {
        let bytes = codec::encode(1, &OrgUnitV1::from(&unit())).unwrap();
        assert_eq!(OrgUnit::from_bytes(&bytes).unwrap(), unit());
    }

    #[test]
    fn org_unit_v2_keeps_its_dates() {
        let mut u = unit();
        u.valid_from = Date::new(2026, 4, 1).ok();
        u.valid_to = Date::new(2031, 3, 31).ok();
        let bytes = u.to_bytes().unwrap();
        assert_eq!(&bytes[..2], &[2, 0]);
        assert_eq!(OrgUnit::from_bytes(&bytes).unwrap(), u);
        let mut bad = bytes.clone();
        bad[0] = 3;
        assert_eq!(
            OrgUnit::from_bytes(&bad),
            Err(CodecError::UnknownVersion { found: 3, known: 2 })
        );
    }
}
