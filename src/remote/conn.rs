//! What the service keeps for one connection: the caller's language and, while they
//! are unlocked, their case keys. Dropped with the connection.

use crate::i18n::Lang;
use crate::service::cases::Keyring;

/// One connection's state.
pub struct Conn {
    /// The caller's language, for messages worded on the server.
    pub lang: Lang,
    /// The caller's case keys while unlocked; dropped (and wiped) on lock.
    pub ring: Option<Keyring>,
}

impl Conn {
    pub fn new(lang: Lang) -> Conn {
        Conn { lang, ring: None }
    }
}
