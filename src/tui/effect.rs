//! What `update` asks the runtime to do through the service: the only I/O.

use crate::domain::Employee;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Read a person's interview card; open the form on it when `edit`.
    LoadCard { staff_no: String, edit: bool },
    /// Save the form's record.
    Save { employee: Box<Employee>, new: bool },
}
