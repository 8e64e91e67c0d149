//! The terminal application: runtime (terminal, signals, event loop), app state,
//! keymap, panes and widgets. Everything it shows or changes goes through `service`.

pub mod action;
pub mod app;
pub mod effect;
pub mod keymap;
pub mod panes;
pub mod runtime;
mod terminal;
pub mod theme;
pub mod ui;
pub mod update;
pub mod widgets;

pub use app::{App, Look};
pub use runtime::{RunError, run};
