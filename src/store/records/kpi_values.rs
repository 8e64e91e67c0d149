//! KPI figures entered by year (schema 5): one record per series and fiscal year,
//! beside the policy's own figures in `kpi_series`, which stay as the policy gave them.

use serde::{Deserialize, Serialize};

use super::{date_from, date_to, record_v1};
use crate::domain::{FiscalYear, KpiEntry};
use crate::store::codec::CodecError;

#[derive(Serialize, Deserialize)]
pub(super) struct KpiEntryV1 {
    series: String,
    year: i32,
    value: i64,
    entered_on: u32,
    by: String,
}

impl From<&KpiEntry> for KpiEntryV1 {
    fn from(k: &KpiEntry) -> Self {
        KpiEntryV1 {
            series: k.series.clone(),
            year: k.year.0,
            value: k.value,
            entered_on: date_to(k.entered_on),
            by: k.by.clone(),
        }
    }
}

impl TryFrom<KpiEntryV1> for KpiEntry {
    type Error = CodecError;
    fn try_from(v: KpiEntryV1) -> Result<Self, CodecError> {
        Ok(KpiEntry {
            series: v.series,
            year: FiscalYear(v.year),
            value: v.value,
            entered_on: date_from(v.entered_on)?,
            by: v.by,
        })
    }
}

record_v1!(KpiEntry, "kpi_values", KpiEntryV1, |k| KpiEntry::key_of(
    &k.series, k.year
));

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Date;
    use crate::store::Record;

    #[test]
    fn round_trip_and_key_order() {
        let k = KpiEntry {
            series: "overtime-hours".into(),
            year: FiscalYear(2025),
            value: 88_001,
            entered_on: Date::new(2026, 11, 25).unwrap(),
            by: "hr.test".into(),
        };
        let bytes = k.to_bytes().unwrap();
        assert_eq!(KpiEntry::from_bytes(&bytes).unwrap(), k);
        assert!(KpiEntry::from_bytes(&bytes[..bytes.len() - 1]).is_err());
        assert_eq!(k.key(), "overtime-hours/2025");
        assert!(KpiEntry::key_of("a", FiscalYear(999)) < KpiEntry::key_of("a", FiscalYear(2025)));
    }
}
