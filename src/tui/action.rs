//! Every user intent, one variant each. Keys become actions in the keymap; panes never
//! look at key codes.

use super::app::Pane;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Leave kizuna, asking first when a form has unsaved changes.
    Quit,
    /// Show pane N.
    Pane(Pane),
    /// The next pane to the right.
    NextPane,
    /// The next pane to the left.
    PrevPane,
    /// Open the help of the current layer.
    Help,
    /// Go back one step: close an overlay, leave a view, clear a field.
    Back,
    /// Put the cursor in the staff search field.
    FocusSearch,
    /// Move the selection up or down one row.
    Up,
    Down,
    /// Move the selection a page up or down.
    PageUp,
    PageDown,
    /// Open the selected item (the interview card of a person).
    Open,
    /// Type a character into the focused field.
    Input(char),
    /// Paste text into the focused field.
    Paste(String),
    /// Delete the character before the cursor.
    Backspace,
    /// Delete the character under the cursor.
    Delete,
    /// Move the cursor within the field.
    Left,
    Right,
    Home,
    End,
    /// Clear the field.
    ClearField,
    /// Show or hide staff who have left.
    ToggleLeavers,
    /// Narrow the search by organisation, band, type, status or tier.
    Filter,
    /// Start a new employee record.
    NewEmployee,
    /// Edit the selected person's record.
    EditEmployee,
    /// The next and previous form field.
    NextField,
    PrevField,
    /// Save the form.
    Save,
    /// Enter in a form: the next field, or save on the last one.
    Submit,
    /// Keep the form open after saving a new person, for year-start entry.
    ToggleContinuous,
    /// Show a list of the card whole.
    ShowHistory,
    /// Answer a question.
    Yes,
    No,
}

impl Action {
    /// An edit of the focused text field.
    pub fn is_edit(&self) -> bool {
        matches!(
            self,
            Action::Input(_)
                | Action::Paste(_)
                | Action::Backspace
                | Action::Delete
                | Action::Left
                | Action::Right
                | Action::Home
                | Action::End
                | Action::ClearField
        )
    }
}
