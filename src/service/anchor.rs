//! Anchoring the audit head outside the database: the system log keeps a copy of the
//! head hash each time a backup is taken, so a rewritten or truncated tail shows.

use std::ffi::CString;

use crate::store::Hash;

/// Writes the head hash to the system log (authpriv, info). Hosts without a syslog
/// socket lose the line silently; the hash is also printed to the user.
pub(super) fn log_audit_head(head: &Hash, entries: u64) {
    let Ok(line) = CString::new(format!("audit head {head} after {entries} entries")) else {
        return;
    };
    // SAFETY: the identity and format are static NUL-terminated strings; `line` lives
    // across the call; openlog/syslog/closelog have no other preconditions.
    unsafe {
        libc::openlog(c"kizuna".as_ptr(), libc::LOG_PID, libc::LOG_AUTHPRIV);
        libc::syslog(libc::LOG_INFO, c"%s".as_ptr(), line.as_ptr());
        libc::closelog();
    }
}
