//! Who is at the other end of a Unix socket, from the kernel (SO_PEERCRED): the
//! caller cannot claim another account.

use std::io;
use std::os::fd::AsRawFd;
use std::os::unix::net::UnixStream;

use crate::service::{Principal, account_name};

/// The uid of the process that connected.
pub fn peer_uid(stream: &UnixStream) -> io::Result<u32> {
    // SAFETY: `ucred` is plain data; getsockopt writes at most `len` bytes into it and
    // the descriptor stays open for the call.
    unsafe {
        let mut cred: libc::ucred = std::mem::zeroed();
        let mut len = std::mem::size_of::<libc::ucred>() as libc::socklen_t;
        let rc = libc::getsockopt(
            stream.as_raw_fd(),
            libc::SOL_SOCKET,
            libc::SO_PEERCRED,
            (&mut cred as *mut libc::ucred).cast(),
            &mut len,
        );
        if rc != 0 {
            return Err(io::Error::last_os_error());
        }
        Ok(cred.uid)
    }
}

/// The principal of the peer: its login name, or `#UID` for an uid without one (which
/// no account in the database can match).
pub fn peer(stream: &UnixStream) -> io::Result<Principal> {
    let uid = peer_uid(stream)?;
    let account = account_name(uid).unwrap_or_else(|| format!("#{uid}"));
    Ok(Principal::named(&account, uid))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_peer_of_a_socket_pair_is_this_process_account() {
        let (a, _b) = UnixStream::pair().unwrap();
        let me = Principal::current();
        assert_eq!(peer(&a).unwrap(), me);
    }
}
