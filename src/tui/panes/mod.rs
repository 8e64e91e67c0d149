//! The panes. Each has a state module and a drawing module; panes of later issues show
//! a placeholder drawn by `ui`.

pub mod skills;
pub mod staff;
pub mod training;

/// What a view has to show: nothing read yet, a failure to say, or the data.
pub enum Slot<T> {
    Empty,
    Failed(String),
    Ready(T),
}

impl<T> Slot<T> {
    pub fn ready(&self) -> Option<&T> {
        match self {
            Slot::Ready(t) => Some(t),
            _ => None,
        }
    }

    pub fn ready_mut(&mut self) -> Option<&mut T> {
        match self {
            Slot::Ready(t) => Some(t),
            _ => None,
        }
    }

    /// Whether the view has to ask for its data before showing: nothing read, or a
    /// failure the user asked to try again (`again`).
    pub fn wants(&self, again: bool) -> bool {
        match self {
            Slot::Empty => true,
            Slot::Failed(_) => again,
            Slot::Ready(_) => false,
        }
    }
}
