//! Stored records. Each domain type is written through a frozen DTO of its current
//! version; older versions stay here, decoded and upgraded in code. Never change a
//! `…V1` struct: add a `…V2` and a migration instead.

pub mod cases;
mod catalogue;
mod kpi_values;
mod progress;
mod skills;
mod staff;
pub mod survey;
mod training;

pub use skills::{SETTINGS_KEY, levels_on};
pub use staff::{BandLabel, brief_on};

use super::codec::CodecError;
use crate::domain::Date;

/// A value that lives in one table, under a text key.
pub trait Record: Sized {
    /// The redb table that holds it.
    const TABLE: &'static str;
    /// The version this build writes.
    const VERSION: u16;
    fn key(&self) -> String;
    /// Entries of the unit-history index, `(unit, YYYYMMDD, key)`; most records have none.
    fn unit_index(&self) -> Vec<(String, u32, String)> {
        Vec::new()
    }
    /// The staff numbers the record is about, for the per-person index (enrollments,
    /// proposals, subsidy applications); most records have none.
    fn people(&self) -> Vec<String> {
        Vec::new()
    }
    fn to_bytes(&self) -> Result<Vec<u8>, CodecError>;
    fn from_bytes(bytes: &[u8]) -> Result<Self, CodecError>;
}

/// Implements [`Record`] for a domain type of one version and one person through its
/// V1 DTO.
macro_rules! person_record_v1 {
    ($domain:ty, $table:literal, $dto:ty, |$s:ident| $key:expr, person = |$p:ident| $person:expr) => {
        impl $crate::store::records::Record for $domain {
            const TABLE: &'static str = $table;
            const VERSION: u16 = 1;

            fn key(&self) -> String {
                let $s = self;
                $key
            }

            fn people(&self) -> Vec<String> {
                let $p = self;
                vec![$person]
            }

            fn to_bytes(&self) -> Result<Vec<u8>, $crate::store::codec::CodecError> {
                $crate::store::codec::encode(1, &<$dto>::from(self))
            }

            fn from_bytes(bytes: &[u8]) -> Result<Self, $crate::store::codec::CodecError> {
                let payload = $crate::store::codec::only_version(bytes, 1)?;
                <$domain>::try_from($crate::store::codec::decode::<$dto>(payload)?)
            }
        }
    };
}
pub(crate) use person_record_v1;

/// Implements [`Record`] for a domain type through its V1 DTO.
macro_rules! record_v1 {
    ($domain:ty, $table:literal, $dto:ty, |$s:ident| $key:expr) => {
        record_v1!($domain, $table, $dto, |$s| $key, index = |_x| Vec::new());
    };
    ($domain:ty, $table:literal, $dto:ty, |$s:ident| $key:expr, index = |$i:ident| $index:expr) => {
        impl $crate::store::records::Record for $domain {
            const TABLE: &'static str = $table;
            const VERSION: u16 = 1;

            fn key(&self) -> String {
                let $s = self;
                $key
            }

            fn unit_index(&self) -> Vec<(String, u32, String)> {
                let $i = self;
                $index
            }

            fn to_bytes(&self) -> Result<Vec<u8>, $crate::store::codec::CodecError> {
                $crate::store::codec::encode(1, &<$dto>::from(self))
            }

            fn from_bytes(bytes: &[u8]) -> Result<Self, $crate::store::codec::CodecError> {
                let (version, payload) = $crate::store::codec::split(bytes)?;
                match version {
                    1 => <$domain>::try_from($crate::store::codec::decode::<$dto>(payload)?),
                    found => {
                        Err($crate::store::codec::CodecError::UnknownVersion { found, known: 1 })
                    }
                }
            }
        }
    };
}
pub(crate) use record_v1;

/// Frozen numbering of a domain enum on disk: the numbers never change.
macro_rules! enum_codes {
    ($ty:ty, $to:ident, $from:ident { $($variant:ident = $n:literal),* $(,)? }) => {
        pub(super) fn $to(v: $ty) -> u8 {
            match v { $(<$ty>::$variant => $n),* }
        }

        pub(super) fn $from(n: u8) -> Result<$ty, $crate::store::codec::CodecError> {
            match n {
                $($n => Ok(<$ty>::$variant),)*
                other => Err($crate::store::codec::CodecError::Corrupt(format!(
                    "{} code {other}", stringify!($ty)
                ))),
            }
        }
    };
}
pub(crate) use enum_codes;

/// Dates are stored as the number YYYYMMDD.
pub(super) fn date_to(d: Date) -> u32 {
    d.to_yyyymmdd()
}

pub(super) fn date_from(n: u32) -> Result<Date, CodecError> {
    Date::from_yyyymmdd(n).map_err(|e| CodecError::Corrupt(e.to_string()))
}

/// Keys that sort numbers in order.
pub(super) fn number_key(n: u32) -> String {
    format!("{n:08}")
}

#[cfg(test)]
mod tests;
