//! How a call's borrowed arguments become the owned fields of a request.

use std::path::{Path, PathBuf};

/// Turns an argument as a service method takes it into the value a request carries.
pub trait Own<T> {
    fn own(self) -> T;
}

impl Own<String> for &str {
    fn own(self) -> String {
        self.to_owned()
    }
}

impl Own<Option<String>> for Option<&str> {
    fn own(self) -> Option<String> {
        self.map(str::to_owned)
    }
}

impl Own<Vec<u8>> for &[u8] {
    fn own(self) -> Vec<u8> {
        self.to_vec()
    }
}

impl Own<PathBuf> for &Path {
    fn own(self) -> PathBuf {
        self.to_path_buf()
    }
}

impl<T: Clone> Own<T> for &T {
    fn own(self) -> T {
        self.clone()
    }
}

impl<T> Own<Vec<T>> for Vec<T> {
    fn own(self) -> Vec<T> {
        self
    }
}

impl<T> Own<Option<T>> for Option<T> {
    fn own(self) -> Option<T> {
        self
    }
}

/// Values passed by value travel as they are.
macro_rules! by_value {
    ($($t:ty),* $(,)?) => {
        $(impl Own<$t> for $t {
            fn own(self) -> $t {
                self
            }
        })*
    };
}

by_value!(
    bool,
    u8,
    u16,
    u32,
    u64,
    i64,
    usize,
    String,
    crate::domain::Date,
    crate::domain::FiscalYear,
    crate::domain::Role,
    crate::domain::Assignment,
    crate::domain::Level,
    crate::domain::Source,
    crate::domain::EnrollStatus,
    crate::domain::SessionStatus,
    crate::domain::SubsidyStatus,
    crate::io::csv::Encoding,
    crate::io::csv::OutEncoding,
    crate::domain::Progress,
    crate::service::RoadmapChange,
    crate::domain::cases::CaseDomain,
);
