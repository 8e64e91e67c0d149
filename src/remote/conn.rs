//! What the service keeps for one connection: while the caller is unlocked, their
//! case keys, and the levels they recorded and may take back. Dropped with the
//! connection.

use crate::service::LevelChange;
use crate::service::cases::Keyring;

/// How many recorded levels a connection can still take back.
const UNDO_DEPTH: usize = 100;

/// One connection's state.
#[derive(Default)]
pub struct Conn {
    /// The caller's case keys while unlocked; dropped (and wiped) on lock.
    pub ring: Option<Keyring>,
    /// The levels this connection recorded, newest last: only these can be taken back
    /// through it, so an undo cannot carry rows the service never wrote.
    level_changes: Vec<LevelChange>,
}

impl Conn {
    /// A new connection: locked, nothing to take back.
    pub fn new() -> Conn {
        Conn::default()
    }

    /// Remembers a level recorded through this connection.
    pub fn recorded(&mut self, change: &LevelChange) {
        if self.level_changes.len() == UNDO_DEPTH {
            self.level_changes.remove(0);
        }
        self.level_changes.push(change.clone());
    }

    /// Takes `change` off the list of what this connection may undo; false if it never
    /// recorded it.
    pub fn take_back(&mut self, change: &LevelChange) -> bool {
        match self.level_changes.iter().rposition(|c| c == change) {
            Some(i) => {
                self.level_changes.remove(i);
                true
            }
            None => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(skill: &str) -> LevelChange {
        LevelChange {
            staff_no: "000123".into(),
            skill: skill.into(),
            before: Vec::new(),
            after: Vec::new(),
        }
    }

    #[test]
    fn only_a_change_recorded_here_can_be_taken_back_and_only_once() {
        let mut conn = Conn::new();
        conn.recorded(&change("logical-thinking"));
        assert!(!conn.take_back(&change("planning")));
        assert!(conn.take_back(&change("logical-thinking")));
        assert!(!conn.take_back(&change("logical-thinking")));
    }

    #[test]
    fn the_oldest_changes_drop_off() {
        let mut conn = Conn::new();
        for i in 0..=UNDO_DEPTH {
            conn.recorded(&change(&format!("s{i}")));
        }
        assert!(!conn.take_back(&change("s0")));
        assert!(conn.take_back(&change(&format!("s{UNDO_DEPTH}"))));
    }
}
