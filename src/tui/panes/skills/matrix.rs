//! The matrix view's state: the matrix as the service read it, the cursor and the
//! scroll offsets, and the steps the undo stack keeps. The grid's geometry lives here
//! too, because `update` scrolls with the same arithmetic the drawing uses.

use crate::domain::Level;
use crate::service::Matrix;

/// Cells of one level column: the level, the mark of a gap, a space.
pub const CELL: usize = 3;
/// Lines of the view above the grid (the view tabs, the focus line, the column
/// header) and below it (the entry line).
pub const ABOVE: usize = 3;
pub const BELOW: usize = 1;
/// Cells of a person's name at the start of a row.
pub const NAME: usize = 12;
/// Cells of the title, shown from `WIDE` columns on.
pub const TITLE: usize = 10;
pub const WIDE: usize = 110;

/// Cells before the first level column at a terminal width.
pub fn label_width(width: usize) -> usize {
    if width >= WIDE {
        NAME + 1 + TITLE + 1
    } else {
        NAME + 1
    }
}

/// Whether a column opens a group (the foundation skills, the digital domains), which
/// a one-cell rule sets apart.
pub fn starts_group(m: &Matrix, col: usize) -> bool {
    if col == 0 || col >= m.columns() {
        return false;
    }
    if col == m.skills.len() {
        return true;
    }
    let foundation = |c: usize| m.skills.get(c).is_some_and(|s| s.is_foundation());
    foundation(col) && !foundation(col - 1)
}

/// Cells a column takes, its rule included.
pub fn col_width(m: &Matrix, col: usize) -> usize {
    CELL + usize::from(starts_group(m, col))
}

/// How many columns from `left` fit in `width` cells (at least one).
pub fn cols_from(m: &Matrix, left: usize, width: usize) -> usize {
    let mut used = 0;
    let mut n = 0;
    for col in left..m.columns() {
        let w = col_width(m, col);
        if used + w > width {
            break;
        }
        used += w;
        n += 1;
    }
    n.max(1)
}

/// Grid rows in a pane body of `height` lines.
pub fn grid_rows(height: usize) -> usize {
    height.saturating_sub(ABOVE + BELOW).max(1)
}

pub use crate::tui::widgets::list::first_visible;

/// The first column drawn: `left`, moved just enough that `col` shows in `width`.
pub fn first_col(m: &Matrix, left: usize, col: usize, width: usize) -> usize {
    let mut left = left.min(col);
    while col >= left + cols_from(m, left, width) && left < col {
        left += 1;
    }
    left
}

/// A level recorded from the matrix, as undo needs it back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UndoStep {
    pub staff_no: String,
    /// The sheet key of the column (a skill, or `dx:` and a digital domain).
    pub skill: String,
    /// What `set_level` changed, which `undo_level` takes back.
    pub change: crate::service::LevelChange,
    /// The cell the level was typed in, and what it showed before.
    pub row: usize,
    pub col: usize,
    pub shown: Option<Level>,
}

/// How many steps undo keeps: more than a whole section's year-start entry.
pub const UNDO_DEPTH: usize = 10_000;

pub struct MatrixState {
    pub matrix: Matrix,
    pub row: usize,
    pub col: usize,
    /// The first row and column drawn.
    pub top: usize,
    pub left: usize,
    /// The map changed since this was read: read it again when next shown.
    pub stale: bool,
}

impl MatrixState {
    /// The matrix with the cursor on a person and a skill, where they are in it.
    pub fn new(matrix: Matrix, person: Option<&str>, skill: Option<&str>) -> MatrixState {
        let row = person
            .and_then(|p| matrix.rows.iter().position(|r| r.staff_no == p))
            .unwrap_or(0);
        let col = skill
            .and_then(|k| {
                (0..matrix.columns()).find(|c| matrix.column_key(*c).as_deref() == Some(k))
            })
            .unwrap_or(0);
        MatrixState {
            matrix,
            row,
            col,
            top: 0,
            left: 0,
            stale: false,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.matrix.rows.is_empty() || self.matrix.columns() == 0
    }

    /// Moves the cursor, stopping at the edges.
    pub fn move_by(&mut self, rows: isize, cols: isize) {
        if self.is_empty() {
            return;
        }
        let last_row = self.matrix.rows.len() as isize - 1;
        let last_col = self.matrix.columns() as isize - 1;
        self.row = (self.row as isize + rows).clamp(0, last_row) as usize;
        self.col = (self.col as isize + cols).clamp(0, last_col) as usize;
    }

    pub fn row_start(&mut self) {
        self.col = 0;
    }

    pub fn row_end(&mut self) {
        self.col = self.matrix.columns().saturating_sub(1);
    }

    /// The next cell after an entry: right, then the first column of the next row, so
    /// a section is entered with digits alone. The last cell stays put.
    pub fn advance(&mut self) {
        if self.is_empty() {
            return;
        }
        if self.col + 1 < self.matrix.columns() {
            self.col += 1;
        } else if self.row + 1 < self.matrix.rows.len() {
            self.row += 1;
            self.col = 0;
        }
    }

    /// Keeps the cursor in view of a pane body of `width` x `height` cells.
    pub fn scroll(&mut self, width: usize, height: usize) {
        if self.is_empty() {
            return;
        }
        self.top = first_visible(self.top, self.row, grid_rows(height));
        let grid = width.saturating_sub(label_width(width));
        self.left = first_col(&self.matrix, self.left, self.col, grid);
    }

    /// The row of a person, trying the row the step was made in first (the matrix is
    /// rarely re-read between an entry and its undo).
    pub fn find_row(&self, hint: usize, staff_no: &str) -> Option<usize> {
        match self.matrix.rows.get(hint) {
            Some(r) if r.staff_no == staff_no => Some(hint),
            _ => self.matrix.rows.iter().position(|r| r.staff_no == staff_no),
        }
    }

    /// The column of a sheet key, trying `hint` first.
    pub fn find_col(&self, hint: usize, key: &str) -> Option<usize> {
        if self.matrix.column_key(hint).as_deref() == Some(key) {
            return Some(hint);
        }
        (0..self.matrix.columns()).find(|c| self.matrix.column_key(*c).as_deref() == Some(key))
    }

    pub fn level(&self, row: usize, col: usize) -> Option<Level> {
        self.matrix
            .rows
            .get(row)
            .and_then(|r| r.levels.get(col).copied().flatten())
    }

    /// Puts a level into a cell, as the service has just stored it.
    pub fn set(&mut self, row: usize, col: usize, level: Option<Level>) {
        if let Some(cell) = self
            .matrix
            .rows
            .get_mut(row)
            .and_then(|r| r.levels.get_mut(col))
        {
            *cell = level;
        }
    }

    /// The person and the column key under the cursor, to find them again after a
    /// fresh read.
    pub fn focus(&self) -> (Option<String>, Option<String>) {
        (
            self.matrix.rows.get(self.row).map(|r| r.staff_no.clone()),
            self.matrix.column_key(self.col),
        )
    }
}
