//! A cursor over a list drawn a page at a time. `update` keeps the cursor in view with
//! the page size the terminal had; drawing moves the page again if its area differs.

use crate::tui::action::Action;

/// The first line drawn of a list: `offset`, moved just enough that `cursor` shows
/// among `count` lines.
pub fn first_visible(offset: usize, cursor: usize, count: usize) -> usize {
    let count = count.max(1);
    if cursor < offset {
        cursor
    } else if cursor >= offset + count {
        cursor + 1 - count
    } else {
        offset
    }
}

/// The selected line of a list and the first line drawn.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Cursor {
    pub at: usize,
    pub top: usize,
}

impl Cursor {
    /// A cursor on line `at` of a list of `len` lines.
    pub fn on(at: usize, len: usize) -> Cursor {
        Cursor {
            at: at.min(len.saturating_sub(1)),
            top: 0,
        }
    }

    /// Moves `step` lines in a list of `len`, stopping at the ends.
    pub fn move_by(&mut self, len: usize, step: isize) {
        let last = len.saturating_sub(1) as isize;
        self.at = (self.at as isize + step).clamp(0, last.max(0)) as usize;
    }

    /// Keeps the cursor among `rows` lines drawn.
    pub fn scroll(&mut self, rows: usize) {
        self.top = first_visible(self.top, self.at, rows);
    }

    /// The first line to draw in an area of `rows` lines.
    pub fn top_for(&self, rows: usize) -> usize {
        first_visible(self.top, self.at, rows)
    }
}

/// The moves every list shares (up, down, a page, the ends), kept in view in `rows`
/// lines; true when the action was one.
pub fn moved(cursor: &mut Cursor, len: usize, rows: usize, action: &Action) -> bool {
    let page = rows as isize;
    match action {
        Action::Up => cursor.move_by(len, -1),
        Action::Down => cursor.move_by(len, 1),
        Action::PageUp => cursor.move_by(len, -page),
        Action::PageDown => cursor.move_by(len, page),
        Action::Home => cursor.at = 0,
        Action::End => cursor.at = len.saturating_sub(1),
        _ => return false,
    }
    cursor.scroll(rows);
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cursor_stops_at_the_ends_and_stays_in_view() {
        let mut c = Cursor::default();
        c.move_by(10, -3);
        assert_eq!(c.at, 0);
        c.move_by(10, 25);
        assert_eq!(c.at, 9);
        c.scroll(4);
        assert_eq!(c.top, 6);
        c.move_by(10, -5);
        c.scroll(4);
        assert_eq!((c.at, c.top), (4, 4));
        c.move_by(0, 1);
        assert_eq!(c.at, 0);
        assert_eq!(Cursor::on(7, 3).at, 2);
    }
}
