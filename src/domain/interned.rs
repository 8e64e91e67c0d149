//! Fixed names (a record kind, a field) that errors carry as `&'static str`, read back
//! from the server's replies. Each distinct name is kept once for the life of the
//! process; only the server's replies are read this way, and they name a few dozen.

use std::collections::BTreeSet;
use std::sync::Mutex;

use serde::{Deserialize, Deserializer};

/// A fixed name. Written through this alias, a field is not taken for a borrowed
/// string by serde's derive, which would tie it to the reply's buffer.
pub type Name = &'static str;

static NAMES: Mutex<BTreeSet<&'static str>> = Mutex::new(BTreeSet::new());

/// The one `'static` copy of `name`.
pub fn intern(name: &str) -> &'static str {
    let mut names = match NAMES.lock() {
        Ok(names) => names,
        Err(poisoned) => poisoned.into_inner(),
    };
    if let Some(found) = names.get(name) {
        return found;
    }
    let kept: &'static str = Box::leak(name.to_owned().into_boxed_str());
    names.insert(kept);
    kept
}

/// `#[serde(deserialize_with = "…")]` for a `&'static str` field.
pub fn name<'de, D: Deserializer<'de>>(d: D) -> Result<&'static str, D::Error> {
    let text = String::deserialize(d)?;
    Ok(intern(&text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_kept_once() {
        let a = intern("respondent");
        let b = intern(&String::from("respondent"));
        assert!(std::ptr::eq(a, b));
        assert_eq!(a, "respondent");
    }
}
