//! Colours and borders: colour where it helps, none under NO_COLOR, and ASCII borders
//! for terminals that draw box characters two cells wide.

use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::border;
use ratatui::widgets::{Block, Borders};

use super::app::Look;

pub const ASCII_BORDER: border::Set = border::Set {
    top_left: "+",
    top_right: "+",
    bottom_left: "+",
    bottom_right: "+",
    vertical_left: "|",
    vertical_right: "|",
    horizontal_top: "-",
    horizontal_bottom: "-",
};

pub struct Theme {
    pub plain: bool,
    pub ascii: bool,
}

impl Theme {
    pub fn of(look: &Look) -> Theme {
        Theme {
            plain: look.plain,
            ascii: look.ascii,
        }
    }

    fn colour(&self, c: Color) -> Style {
        if self.plain {
            Style::default()
        } else {
            Style::default().fg(c)
        }
    }

    pub fn block<'a>(&self, title: impl Into<ratatui::text::Line<'a>>) -> Block<'a> {
        let block = Block::default().borders(Borders::ALL).title(title);
        if self.ascii {
            block.border_set(ASCII_BORDER)
        } else {
            block
        }
    }

    /// The mark for cut text.
    pub fn ellipsis(&self) -> &'static str {
        if self.ascii { "~" } else { "…" }
    }

    /// The mark of a required skill below target, beside its level: ambiguous-width
    /// terminals get an ASCII one.
    pub fn gap_mark(&self) -> &'static str {
        if self.ascii { "!" } else { "×" }
    }

    /// The mark of a band at which a skill is particularly required (○ in the policy).
    pub fn required_mark(&self) -> &'static str {
        if self.ascii { "o" } else { "○" }
    }

    /// A full cell of a bar chart.
    pub fn bar_cell(&self) -> &'static str {
        if self.ascii { "#" } else { "█" }
    }

    pub fn selected(&self) -> Style {
        Style::default().add_modifier(Modifier::REVERSED)
    }

    pub fn heading(&self) -> Style {
        self.colour(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn dim(&self) -> Style {
        if self.plain {
            Style::default()
        } else {
            Style::default().add_modifier(Modifier::DIM)
        }
    }

    pub fn error(&self) -> Style {
        self.colour(Color::Red).add_modifier(Modifier::BOLD)
    }

    pub fn good(&self) -> Style {
        self.colour(Color::Green)
    }

    pub fn bar(&self) -> Style {
        if self.plain {
            Style::default().add_modifier(Modifier::REVERSED)
        } else {
            Style::default().bg(Color::Blue).fg(Color::White)
        }
    }

    pub fn demo(&self) -> Style {
        self.colour(Color::Yellow)
            .add_modifier(Modifier::BOLD | Modifier::REVERSED)
    }
}
