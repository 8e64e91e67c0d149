//! Who is calling: the operating-system account that runs the process.

use std::ffi::CStr;

/// The caller of a service call.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Principal {
    pub account: String,
    pub uid: u32,
}

impl Principal {
    /// The account running this process, from its effective uid. An uid with no name in
    /// the password database is called `#UID`, which no account can be granted.
    pub fn current() -> Principal {
        let uid = crate::store::file::effective_uid();
        Principal {
            account: account_name(uid).unwrap_or_else(|| format!("#{uid}")),
            uid,
        }
    }

    /// A principal with a given name, for tests and for the server's peer lookup.
    pub fn named(account: &str, uid: u32) -> Principal {
        Principal {
            account: account.to_string(),
            uid,
        }
    }
}

/// The login name of an uid, from the password database.
pub fn account_name(uid: u32) -> Option<String> {
    let mut buf = vec![0u8; 4096];
    // SAFETY: `passwd` is plain data that getpwuid_r fills; `buf` outlives the call and
    // its length is passed; `result` is either null or points into `pwd`.
    unsafe {
        let mut pwd: libc::passwd = std::mem::zeroed();
        let mut result: *mut libc::passwd = std::ptr::null_mut();
        let rc = libc::getpwuid_r(
            uid,
            &mut pwd,
            buf.as_mut_ptr().cast(),
            buf.len(),
            &mut result,
        );
        if rc != 0 || result.is_null() || pwd.pw_name.is_null() {
            return None;
        }
        CStr::from_ptr(pwd.pw_name)
            .to_str()
            .ok()
            .map(str::to_string)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn root_has_a_name() {
        assert_eq!(account_name(0).as_deref(), Some("root"));
    }
}
