//! Pieces shared by the panes.

pub mod conflict;
pub mod input;
pub mod list;
pub mod prompt;
pub mod tabs;
pub mod text;
