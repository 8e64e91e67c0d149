//! What the case calls hand back across the socket: never a key. An unlock answers with
//! whose keys the service now holds and for which domains; a secret shown once (the
//! recovery key) travels in a wrapper that wipes it when dropped.

use std::fmt;

use zeroize::Zeroizing;

use super::Keyring;
use crate::domain::cases::CaseDomain;

/// The keys the service holds for a connection after an unlock, as the screens need
/// to know them: whose, and the domains they open.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Unlocked {
    /// The account whose keys they are.
    pub account: String,
    /// The domains they open, in order.
    pub domains: Vec<CaseDomain>,
}

impl Unlocked {
    /// Whether the keys open the domain.
    pub fn holds(&self, domain: CaseDomain) -> bool {
        self.domains.contains(&domain)
    }
}

impl Keyring {
    /// What may be told about the keyring: whose it is and what it opens.
    pub fn unlocked(&self) -> Unlocked {
        Unlocked {
            account: self.account.clone(),
            domains: self.domains(),
        }
    }
}

/// A secret as text (a recovery key): wiped when dropped, never printed by `Debug`.
#[derive(Clone, PartialEq, Eq)]
pub struct SecretText(pub Zeroizing<String>);

impl SecretText {
    /// Takes the text over; it is wiped when the wrapper is dropped.
    pub fn new(text: String) -> SecretText {
        SecretText(Zeroizing::new(text))
    }
}

impl std::ops::Deref for SecretText {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for SecretText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SecretText(***)")
    }
}

impl From<Zeroizing<String>> for SecretText {
    fn from(text: Zeroizing<String>) -> SecretText {
        SecretText(text)
    }
}

impl serde::Serialize for SecretText {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> serde::Deserialize<'de> for SecretText {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<SecretText, D::Error> {
        String::deserialize(d).map(SecretText::new)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_secret_crosses_the_wire_and_is_never_printed() {
        let s = SecretText::new("AGE-SECRET-KEY-1XYZ".into());
        let text = serde_json::to_string(&s).unwrap();
        assert_eq!(text, "\"AGE-SECRET-KEY-1XYZ\"");
        assert_eq!(serde_json::from_str::<SecretText>(&text).unwrap(), s);
        assert_eq!(format!("{s:?}"), "SecretText(***)");
        assert_eq!(&*s, "AGE-SECRET-KEY-1XYZ");
    }
}
