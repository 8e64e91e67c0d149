//! `kizuna serve`: owns the database and serves the service API on a Unix socket.
//!
//! One thread accepts; each connection has a thread that reads and runs its calls, one
//! at a time, and a thread that writes its frames (replies, and news of commits made
//! by others). redb orders the write transactions; reads run side by side. Key
//! derivations (argon2) run on a thread of their own, one at a time. On SIGTERM or
//! SIGINT the server stops accepting, lets every call under way finish, tells the
//! clients, and closes the database.

use std::collections::BTreeMap;
use std::os::fd::AsRawFd;
use std::os::unix::fs::{FileTypeExt, PermissionsExt};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::SyncSender;
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use super::proto::ServerFrame;
use super::session;
use crate::i18n::Lang;
use crate::service::Service;

/// The socket's mode: the service account and the HR staff's group.
pub const SOCKET_MODE: u32 = 0o660;

/// How often waiting threads look at the stop flag.
const TICK: Duration = Duration::from_millis(100);

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("{}: another server is listening here", .0.display())]
    InUse(PathBuf),
    #[error("{}: a file that is not a socket is in the way", .0.display())]
    NotASocket(PathBuf),
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// The most connections served at once; more are refused, with a line in the log.
const MAX_CONNECTIONS: usize = 256;

/// What a connection's writer thread is given.
pub(super) enum Out {
    /// A frame, already encoded.
    Frame(Vec<u8>),
    /// Look at the commit count and tell the client if it grew.
    News,
}

/// One connection as the others see it: its socket (to end its reading at shutdown)
/// and, once it has said hello, where its frames go and the last commit count it
/// should hear of.
struct Peer {
    stream: UnixStream,
    out: Option<(SyncSender<Out>, Arc<AtomicU64>)>,
}

/// What every connection thread shares.
pub(super) struct Shared {
    pub service: Service,
    pub lang: Lang,
    pub stopping: AtomicBool,
    /// Key derivations run one at a time, each on a thread of its own.
    pub kdf: Mutex<()>,
    peers: Mutex<BTreeMap<u64, Peer>>,
    log: Box<dyn Fn(&str) + Send + Sync>,
}

impl Shared {
    pub fn log(&self, line: &str) {
        (self.log)(line);
    }

    /// Tells every connection but `from` that the database changed. A client that
    /// does not read is not waited for: its writer sends the latest count when it can.
    pub fn changed(&self, from: u64, commits: u64) {
        if let Ok(peers) = self.peers.lock() {
            for (id, peer) in peers.iter() {
                if let (true, Some((out, latest))) = (*id != from, &peer.out) {
                    latest.fetch_max(commits, Ordering::SeqCst);
                    let _ = out.try_send(Out::News);
                }
            }
        }
    }

    /// Registers a connection as soon as it is accepted, so shutdown reaches it even
    /// before its hello. False when the server is full.
    fn arrive(&self, id: u64, stream: &UnixStream) -> bool {
        let Ok(mut peers) = self.peers.lock() else {
            return false;
        };
        let Ok(stream) = stream.try_clone() else {
            return false;
        };
        if peers.len() >= MAX_CONNECTIONS {
            return false;
        }
        peers.insert(id, Peer { stream, out: None });
        true
    }

    /// The connection said hello: it now hears of commits.
    pub fn join(&self, id: u64, out: SyncSender<Out>, latest: Arc<AtomicU64>) {
        if let Some(peer) = self.peers.lock().ok().as_mut().and_then(|p| p.get_mut(&id)) {
            peer.out = Some((out, latest));
        }
    }

    pub fn leave(&self, id: u64) {
        if let Ok(mut peers) = self.peers.lock() {
            peers.remove(&id);
        }
    }
}

/// Binds the socket: a stale socket file from a server that died is replaced; a live
/// one, or any other file, is left alone.
pub fn bind(socket: &Path) -> Result<UnixListener, ServeError> {
    let io = |source| ServeError::Io {
        path: socket.to_path_buf(),
        source,
    };
    if let Ok(meta) = std::fs::symlink_metadata(socket) {
        if !meta.file_type().is_socket() {
            return Err(ServeError::NotASocket(socket.to_path_buf()));
        }
        // Only a socket nobody listens on is stale; one we may not even try (another
        // account's) is left alone.
        match UnixStream::connect(socket) {
            Err(e) if e.kind() == std::io::ErrorKind::ConnectionRefused => {
                std::fs::remove_file(socket).map_err(io)?;
            }
            Ok(_) => return Err(ServeError::InUse(socket.to_path_buf())),
            Err(e) => return Err(io(e)),
        }
    }
    let listener = UnixListener::bind(socket).map_err(io)?;
    std::fs::set_permissions(socket, std::fs::Permissions::from_mode(SOCKET_MODE)).map_err(io)?;
    Ok(listener)
}

/// Serves until `stop` is set, then shuts down cleanly and removes the socket.
pub fn serve(
    service: Service,
    listener: UnixListener,
    socket: &Path,
    lang: Lang,
    stop: &AtomicBool,
    log: Box<dyn Fn(&str) + Send + Sync>,
) -> Result<(), ServeError> {
    let io = |source| ServeError::Io {
        path: socket.to_path_buf(),
        source,
    };
    listener.set_nonblocking(true).map_err(io)?;
    let shared = Arc::new(Shared {
        service,
        lang,
        stopping: AtomicBool::new(false),
        kdf: Mutex::new(()),
        peers: Mutex::new(BTreeMap::new()),
        log,
    });
    let ids = AtomicU64::new(0);
    let mut threads: Vec<JoinHandle<()>> = Vec::new();
    while !stop.load(Ordering::SeqCst) {
        if !readable(listener.as_raw_fd(), TICK) {
            threads.retain(|t| !t.is_finished());
            continue;
        }
        match listener.accept() {
            Ok((stream, _)) => {
                let id = ids.fetch_add(1, Ordering::SeqCst) + 1;
                if !shared.arrive(id, &stream) {
                    shared.log(&crate::i18n::serve_full(MAX_CONNECTIONS, lang));
                    continue;
                }
                let serving = Arc::clone(&shared);
                let spawned = std::thread::Builder::new()
                    .name(format!("kizuna-conn-{id}"))
                    .spawn(move || session::run(&serving, id, stream));
                match spawned {
                    Ok(t) => threads.push(t),
                    Err(e) => shared.log(&crate::i18n::serve_trouble(&e.to_string(), lang)),
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
            Err(e) => shared.log(&crate::i18n::serve_trouble(&e.to_string(), lang)),
        }
    }
    shared.log(&crate::i18n::serve_stopping(lang));
    shared.stopping.store(true, Ordering::SeqCst);
    drop(listener);
    let _ = std::fs::remove_file(socket);
    // Every connection is told, and its reading ends; a call under way finishes first,
    // since its thread answers it before it reads again.
    let stopping = super::wire::encode(&ServerFrame::Stopping).unwrap_or_default();
    if let Ok(peers) = shared.peers.lock() {
        for peer in peers.values() {
            if let Some((out, _)) = &peer.out {
                let _ = out.try_send(Out::Frame(stopping.clone()));
            }
            let _ = peer.stream.shutdown(std::net::Shutdown::Read);
        }
    }
    for t in threads {
        let _ = t.join();
    }
    shared.log(&crate::i18n::serve_stopped(lang));
    // The last reference: the database closes here.
    drop(shared);
    Ok(())
}

/// Waits up to `timeout` for `fd` to be readable (or hung up).
pub(super) fn readable(fd: i32, timeout: Duration) -> bool {
    let mut p = libc::pollfd {
        fd,
        events: libc::POLLIN,
        revents: 0,
    };
    let millis = i32::try_from(timeout.as_millis()).unwrap_or(i32::MAX);
    // SAFETY: one valid pollfd, and its count.
    let rc = unsafe { libc::poll(&mut p, 1, millis) };
    rc > 0
}
