//! The policy's KPI series by fiscal year: the policy's own figures (R1-R6), the
//! figures HR has entered for later years, and, for resignations aged 40 or under, the
//! count computed from the staff records beside them.

use std::collections::BTreeMap;

use super::{Permission, Principal, Service, ServiceError, by_order};
use crate::domain::kpi::{self, YOUNG_RESIGNATIONS};
use crate::domain::{Employee, FiscalYear, KpiEntry, KpiFault, KpiSeries, KpiSource};
use crate::store::{Reader, StoreError};

/// A fiscal year of a series.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct KpiYear {
    pub year: FiscalYear,
    /// The policy's figure, or else the one entered; None when the year has neither.
    pub value: Option<i64>,
    pub source: Option<KpiSource>,
    /// Counted from the staff records (resignations aged 40 or under only).
    pub computed: Option<u32>,
}

/// A series with one line per fiscal year, from its first policy year to the year
/// asked about.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct KpiLine {
    pub key: String,
    pub name: String,
    pub unit: String,
    /// Whether the series has a figure computed from the staff records.
    pub computable: bool,
    pub years: Vec<KpiYear>,
}

impl KpiLine {
    /// The largest figure shown, entered or computed: the scale of a chart.
    pub fn peak(&self) -> i64 {
        self.years
            .iter()
            .flat_map(|y| [y.value, y.computed.map(i64::from)])
            .flatten()
            .max()
            .unwrap_or(0)
    }
}

/// What `kpi set` did.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct KpiSet {
    pub entry: KpiEntry,
    /// The figure entered before, if any.
    pub previous: Option<i64>,
}

/// A refusal of a KPI figure, or a failure of the service.
#[derive(Debug, thiserror::Error, serde::Serialize, serde::Deserialize)]
pub enum KpiError {
    #[error(transparent)]
    Service(#[from] ServiceError),
    #[error("the figure is not accepted: {0:?}")]
    Fault(KpiFault),
}

impl From<StoreError> for KpiError {
    fn from(e: StoreError) -> KpiError {
        KpiError::Service(e.into())
    }
}

/// The series with their lines up to `until`, computed resignations included.
pub(super) fn lines(r: &Reader, until: FiscalYear) -> Result<Vec<KpiLine>, ServiceError> {
    let series = by_order(r.all::<KpiSeries>()?, |k| k.order);
    let mut entered: BTreeMap<(String, FiscalYear), i64> = BTreeMap::new();
    for e in r.all::<KpiEntry>()? {
        entered.insert((e.series, e.year), e.value);
    }
    let computed = kpi::young_resignations(&r.all::<Employee>()?);
    Ok(series
        .into_iter()
        .map(|s| {
            let computable = s.key == YOUNG_RESIGNATIONS;
            let first = s.values.keys().next().copied().unwrap_or(until);
            let mut years = Vec::new();
            let mut year = first;
            while year <= until {
                let (value, source) = match s.values.get(&year) {
                    Some(v) => (Some(*v), Some(KpiSource::Policy)),
                    None => match entered.get(&(s.key.clone(), year)) {
                        Some(v) => (Some(*v), Some(KpiSource::Entered)),
                        None => (None, None),
                    },
                };
                years.push(KpiYear {
                    year,
                    value,
                    source,
                    computed: computable.then(|| computed.get(&year).copied().unwrap_or(0)),
                });
                year = year.next();
            }
            KpiLine {
                key: s.key,
                name: s.name,
                unit: s.unit,
                computable,
                years,
            }
        })
        .collect())
}

impl Service {
    /// Every series, year by year up to `until` (the current fiscal year when None).
    pub fn kpis(
        &self,
        p: &Principal,
        until: Option<FiscalYear>,
    ) -> Result<Vec<KpiLine>, ServiceError> {
        let r = self.read_as(p, Permission::StaffRead)?;
        lines(&r, until.unwrap_or_else(|| self.clock.fiscal_year()))
    }

    /// Enters (or corrects) a series' figure for a fiscal year after the policy's
    /// own, up to the current year: one transaction, one audit entry.
    pub fn set_kpi(
        &self,
        p: &Principal,
        key: &str,
        year: FiscalYear,
        value: i64,
    ) -> Result<KpiSet, KpiError> {
        let current = self.clock.fiscal_year();
        let series = self
            .read_as(p, Permission::StaffWrite)?
            .get::<KpiSeries>(key)?;
        kpi::check_entry(series.as_ref(), key, year, value, current).map_err(KpiError::Fault)?;
        let entry = KpiEntry {
            series: key.to_string(),
            year,
            value,
            entered_on: self.clock.today(),
            by: p.account.clone(),
        };
        let id = entry_id(key, year);
        Ok(self.write_as(p, Permission::StaffWrite, "kpi.set", |w| {
            let previous = w
                .get::<KpiEntry>(&KpiEntry::key_of(key, year))?
                .map(|e| e.value);
            w.put(&entry)?;
            Ok((
                KpiSet {
                    entry: entry.clone(),
                    previous,
                },
                vec![id],
            ))
        })?)
    }
}

/// The id the audit log names a figure by: `overtime-hours:R7`.
fn entry_id(key: &str, year: FiscalYear) -> String {
    format!("{key}:{}", year.short())
}
