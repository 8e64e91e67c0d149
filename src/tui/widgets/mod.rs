//! Pieces shared by the panes.

pub mod input;
pub mod text;
