//! The service API as the screens and commands call it: in this process on the
//! database file (one account, the embedded default), or through `kizuna serve` over a
//! Unix socket (several HR staff at once). Both run the same requests: a call becomes a
//! [`Request`], which the server or this process runs with [`Request::run`].

mod api;
mod calls;
mod conn;
mod fault;
pub mod own;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

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
}

/// The service in this process, with the one connection's state.
pub struct Local {
    service: Service,
    conn: Mutex<Conn>,
}

impl Api {
    /// Opens the database file in this process.
    pub fn open(path: &Path, clock: Arc<dyn Clock>, lang: Lang) -> Result<Api, ServiceError> {
        Ok(Api::local(Service::open(path, clock)?, lang))
    }

    /// Wraps a service already open.
    pub fn local(service: Service, lang: Lang) -> Api {
        Api::Local(Local {
            service,
            conn: Mutex::new(Conn::new(lang)),
        })
    }

    /// Today's source, Japan time.
    pub fn clock(&self) -> &dyn Clock {
        match self {
            Api::Local(l) => l.service.clock(),
        }
    }

    /// The database file, or the server's socket.
    pub fn path(&self) -> PathBuf {
        match self {
            Api::Local(l) => l.service.path().to_path_buf(),
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
        }
    }
}

impl std::ops::Deref for Api {
    type Target = Service;
    fn deref(&self) -> &Service {
        match self {
            Api::Local(l) => &l.service,
        }
    }
}
