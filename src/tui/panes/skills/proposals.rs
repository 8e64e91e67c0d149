//! The proposals view's state: the levels completed courses propose, pending an
//! assessor's yes or no, newest first.

use crate::domain::{Proposal, ProposalState};
use crate::tui::widgets::list::Cursor;

pub struct ProposalsState {
    /// Pending proposals only: a decided one leaves the list.
    pub rows: Vec<Proposal>,
    pub cursor: Cursor,
    /// A course was completed since this was read: read it again when next shown.
    pub stale: bool,
}

impl ProposalsState {
    /// The pending proposals among `all`, newest completion first, then by person and
    /// skill; the cursor on `key` if it is still there.
    pub fn new(all: Vec<Proposal>, key: Option<&str>) -> ProposalsState {
        let mut rows: Vec<Proposal> = all
            .into_iter()
            .filter(|p| p.state == ProposalState::Pending)
            .collect();
        rows.sort_by(|a, b| {
            (b.on, &a.staff_no, &a.skill, &a.session).cmp(&(
                a.on,
                &b.staff_no,
                &b.skill,
                &b.session,
            ))
        });
        let at = key
            .and_then(|k| rows.iter().position(|p| p.key() == k))
            .unwrap_or(0);
        ProposalsState {
            cursor: Cursor::on(at, rows.len()),
            rows,
            stale: false,
        }
    }

    pub fn selected(&self) -> Option<&Proposal> {
        self.rows.get(self.cursor.at)
    }

    /// A proposal was decided: it leaves the list and the cursor stays on the line,
    /// now the next proposal, so a list is decided with y and n alone.
    pub fn remove(&mut self, key: &str) -> Option<Proposal> {
        let i = self.rows.iter().position(|p| p.key() == key)?;
        let gone = self.rows.remove(i);
        self.cursor.at = self.cursor.at.min(self.rows.len().saturating_sub(1));
        Some(gone)
    }
}
