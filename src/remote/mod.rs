//! The service API as the screens and commands call it: in this process on the
//! database file (one account, the embedded default), or through `kizuna serve` over a
//! Unix socket (several HR staff at once). Both run the same requests: a call becomes a
//! [`Request`], which the server or this process runs with [`Request::run`].

mod api;
mod calls;
mod client;
mod conn;
mod fault;
pub mod own;
mod peer;
pub mod proto;
pub mod server;
mod session;
pub mod wire;

use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};

pub use client::Client;

pub use api::{Reply, Request};
pub use conn::Conn;
pub use fault::Fault;

use crate::domain::Clock;
use crate::i18n::Lang;
use crate::service::{LinkFault, Principal, Service, ServiceError};

/// Where the service runs for this process.
pub enum Api {
    /// On the database file, in this process.
    Local(Local),
    /// Through `kizuna serve`.
    Remote(Remote),
}

/// A connection to the server, and the clock this end reads today from.
pub struct Remote {
    client: Client,
    clock: Arc<dyn Clock>,
}

/// The service in this process, with the one connection's state.
pub struct Local {
    service: Service,
    conn: Mutex<Conn>,
}

impl Api {
    /// Opens the database file in this process.
    pub fn open(path: &Path, clock: Arc<dyn Clock>) -> Result<Api, ServiceError> {
        Ok(Api::local(Service::open(path, clock)?))
    }

    /// Connects to `kizuna serve` on `socket`. A socket that does not answer is an
    /// error that names it: never a quiet fall-back to a file.
    pub fn connect(socket: &Path, clock: Arc<dyn Clock>, lang: Lang) -> Result<Api, ServiceError> {
        Ok(Api::Remote(Remote {
            client: Client::connect(socket, lang)?,
            clock,
        }))
    }

    /// Wraps a service already open.
    pub fn local(service: Service) -> Api {
        Api::Local(Local {
            service,
            conn: Mutex::new(Conn::new()),
        })
    }

    /// Today's source, Japan time.
    pub fn clock(&self) -> &dyn Clock {
        match self {
            Api::Local(l) => l.service.clock(),
            Api::Remote(r) => r.clock.as_ref(),
        }
    }

    /// The database file, or the server's socket.
    pub fn path(&self) -> PathBuf {
        match self {
            Api::Local(l) => l.service.path().to_path_buf(),
            Api::Remote(r) => r.client.database().to_path_buf(),
        }
    }

    /// How many commits others have made that this end has heard of: through a server
    /// it grows when another client saves something, and the screens refresh what they
    /// show; on the file it stays 0.
    pub fn commits(&self) -> u64 {
        match self {
            // Alone on the file, nobody else commits.
            Api::Local(_) => 0,
            Api::Remote(r) => r.client.news().commits.load(Ordering::SeqCst),
        }
    }

    /// Whether the server has said it is stopping, or the connection is gone.
    pub fn lost(&self) -> Option<LinkFault> {
        match self {
            Api::Local(_) => None,
            Api::Remote(r) => {
                let news = r.client.news();
                if news.stopping.load(Ordering::SeqCst) {
                    Some(LinkFault::Stopping)
                } else if news.closed.load(Ordering::SeqCst) {
                    Some(LinkFault::Closed)
                } else {
                    None
                }
            }
        }
    }

    /// Runs one request where the service is.
    fn call(&self, p: &Principal, request: Request) -> Result<Reply, ServiceError> {
        match self {
            Api::Local(l) => {
                let mut conn = l
                    .conn
                    .lock()
                    .map_err(|_| ServiceError::Link(LinkFault::Protocol("state".into())))?;
                Ok(request.run(&l.service, p, &mut conn))
            }
            Api::Remote(r) => r.client.call(request),
        }
    }
}
