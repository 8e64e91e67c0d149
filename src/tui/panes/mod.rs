//! The panes. Each has a state module and a drawing module; panes of later issues show
//! a placeholder drawn by `ui`.

pub mod skills;
pub mod staff;
