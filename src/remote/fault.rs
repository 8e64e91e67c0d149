//! Errors as they cross the socket.

use crate::cli::service_message;
use crate::i18n::Lang;
use crate::service::ServiceError;

/// An error a reply can carry. What cannot cross the socket (a file's or the
/// database's own error) is replaced by its message, worded in the caller's language.
pub trait Fault: Sized {
    fn for_wire(self, lang: Lang) -> Self;
}

impl Fault for ServiceError {
    fn for_wire(self, lang: Lang) -> ServiceError {
        match self {
            ServiceError::Store(_)
            | ServiceError::Catalogue(_)
            | ServiceError::Organisation(_)
            | ServiceError::BadBackup { .. } => ServiceError::Server(service_message(&self, lang)),
            other => other,
        }
    }
}
