//! Files and text in and out: catalogue tables as TSV and JSON.

pub mod catalogue;
pub mod csv;
pub mod survey;
