//! The policy catalogue and the demo data, from fixtures/.

pub mod demo;
pub mod policy;

pub use policy::{CatalogueError, Policy};
