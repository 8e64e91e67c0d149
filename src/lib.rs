//! kizuna (絆): staff, skills, training, confidential cases and the R8-R12 roadmap for
//! the HR section of a Japanese city hall.

pub mod catalogue;
pub mod cli;
pub mod domain;
pub mod i18n;
pub mod io;
pub mod remote;
pub mod search;
pub mod service;
pub mod store;
pub mod tui;
