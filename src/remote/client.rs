//! The client end of the socket: one call at a time, and a reader thread that takes
//! replies and the server's news of commits and shutdown as they come.

use std::os::unix::fs::MetadataExt;
use std::os::unix::net::UnixStream;
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use super::proto::{ClientFrame, Hello, ServerFrame, Welcome, version};
use super::wire::{self, FrameError, Timed};
use super::{Reply, Request};
use crate::i18n::Lang;
use crate::service::{LinkFault, ServiceError};

/// How long a client waits for the server's welcome.
const HANDSHAKE: Duration = Duration::from_secs(10);

/// What the reader thread learns besides replies.
#[derive(Default)]
pub struct News {
    /// The server's commit count as last heard.
    pub commits: AtomicU64,
    /// The server said it is stopping.
    pub stopping: AtomicBool,
    /// The connection is gone.
    pub closed: AtomicBool,
    /// Why, when the server's frames stopped making sense.
    pub reason: Mutex<Option<String>>,
}

/// A connection to `kizuna serve`.
pub struct Client {
    welcome: Welcome,
    calls: Mutex<Calls>,
    news: Arc<News>,
    stream: UnixStream,
    reader: Option<JoinHandle<()>>,
}

struct Calls {
    stream: UnixStream,
    next: u64,
    replies: Receiver<(u64, Result<Reply, String>)>,
}

fn link(e: LinkFault) -> ServiceError {
    ServiceError::Link(e)
}

fn protocol(e: &FrameError) -> ServiceError {
    match e {
        FrameError::Closed => link(LinkFault::Closed),
        FrameError::Version(v) => link(LinkFault::Version {
            server: format!("(protocol {v})"),
            client: version(),
        }),
        other => link(LinkFault::Protocol(other.to_string())),
    }
}

impl Client {
    /// Connects and introduces itself. Nothing answering is an error naming the socket.
    pub fn connect(socket: &Path, lang: Lang) -> Result<Client, ServiceError> {
        let mut stream = UnixStream::connect(socket).map_err(|e| {
            link(LinkFault::Unreachable {
                socket: socket.to_path_buf(),
                detail: e.to_string(),
            })
        })?;
        let hello = ClientFrame::Hello(Hello {
            version: version(),
            lang,
        });
        served_by_owner(&stream, socket)?;
        wire::write(&mut stream, &hello).map_err(|e| protocol(&e))?;
        let welcome = match wire::read::<ServerFrame>(&mut Timed::new(&stream, HANDSHAKE)) {
            Ok(ServerFrame::Welcome(w)) => w,
            Ok(ServerFrame::Refused(reason)) => return Err(link(LinkFault::Refused(reason))),
            Ok(ServerFrame::Stopping) => return Err(link(LinkFault::Stopping)),
            Ok(_) => return Err(link(LinkFault::Protocol("no welcome".into()))),
            Err(FrameError::Io(e)) if e.kind() == std::io::ErrorKind::TimedOut => {
                return Err(link(LinkFault::Unreachable {
                    socket: socket.to_path_buf(),
                    detail: format!("no answer within {} s", HANDSHAKE.as_secs()),
                }));
            }
            Err(e) => return Err(protocol(&e)),
        };
        stream
            .set_read_timeout(None)
            .map_err(|e| link(LinkFault::Protocol(e.to_string())))?;
        let news = Arc::new(News::default());
        news.commits.store(welcome.commits, Ordering::SeqCst);
        let (tx, rx) = mpsc::channel();
        let reading = stream
            .try_clone()
            .map_err(|e| link(LinkFault::Protocol(e.to_string())))?;
        let reader = std::thread::Builder::new()
            .name("kizuna-client".into())
            .spawn({
                let news = Arc::clone(&news);
                move || read_frames(reading, tx, &news)
            })
            .map_err(|e| link(LinkFault::Protocol(e.to_string())))?;
        let calling = stream
            .try_clone()
            .map_err(|e| link(LinkFault::Protocol(e.to_string())))?;
        Ok(Client {
            welcome,
            calls: Mutex::new(Calls {
                stream: calling,
                next: 0,
                replies: rx,
            }),
            news,
            stream,
            reader: Some(reader),
        })
    }

    /// The database the server has open.
    pub fn database(&self) -> &Path {
        &self.welcome.database
    }

    /// What the server has said besides replies.
    pub fn news(&self) -> &News {
        &self.news
    }

    /// Sends one call and waits for its reply.
    pub fn call(&self, request: Request) -> Result<Reply, ServiceError> {
        let mut calls = self
            .calls
            .lock()
            .map_err(|_| link(LinkFault::Protocol("call state".into())))?;
        if self.news.stopping.load(Ordering::SeqCst) {
            return Err(link(LinkFault::Stopping));
        }
        calls.next += 1;
        let id = calls.next;
        let frame = ClientFrame::Call { id, request };
        wire::write(&mut calls.stream, &frame).map_err(|e| match e {
            FrameError::Io(_) => self.gone(),
            other => protocol(&other),
        })?;
        loop {
            match calls.replies.recv() {
                Ok((got, Ok(reply))) if got == id => return Ok(reply),
                Ok((got, Err(reason))) if got == id => return Err(ServiceError::Server(reason)),
                Ok(_) => continue,
                Err(_) => return Err(self.gone()),
            }
        }
    }

    fn gone(&self) -> ServiceError {
        let reason = self.news.reason.lock().ok().and_then(|r| r.clone());
        if self.news.stopping.load(Ordering::SeqCst) {
            link(LinkFault::Stopping)
        } else if let Some(reason) = reason {
            link(LinkFault::Protocol(reason))
        } else {
            link(LinkFault::Closed)
        }
    }
}

/// The server at the other end must be the account that owns the socket file: a
/// passphrase is never sent to whoever else managed to listen on the path.
fn served_by_owner(stream: &UnixStream, socket: &Path) -> Result<(), ServiceError> {
    let owner = std::fs::metadata(socket)
        .map_err(|e| {
            link(LinkFault::Unreachable {
                socket: socket.to_path_buf(),
                detail: e.to_string(),
            })
        })?
        .uid();
    let server =
        super::peer::peer_uid(stream).map_err(|e| link(LinkFault::Protocol(e.to_string())))?;
    if server == owner {
        Ok(())
    } else {
        Err(link(LinkFault::NotOwner {
            socket: socket.to_path_buf(),
            owner,
            server,
        }))
    }
}

fn read_frames(mut stream: UnixStream, replies: Sender<(u64, Result<Reply, String>)>, news: &News) {
    loop {
        match wire::read::<ServerFrame>(&mut stream) {
            Ok(ServerFrame::Reply { id, reply }) => {
                if replies.send((id, Ok(*reply))).is_err() {
                    break;
                }
            }
            Ok(ServerFrame::Failed { id, reason }) => {
                if replies.send((id, Err(reason))).is_err() {
                    break;
                }
            }
            Ok(ServerFrame::Changed { commits }) => {
                news.commits.fetch_max(commits, Ordering::SeqCst);
            }
            Ok(ServerFrame::Stopping) => news.stopping.store(true, Ordering::SeqCst),
            Ok(ServerFrame::Welcome(_) | ServerFrame::Refused(_)) => {
                remember(news, "an unexpected frame".into());
                break;
            }
            Err(FrameError::Closed) => break,
            Err(e) => {
                remember(news, e.to_string());
                break;
            }
        }
    }
    news.closed.store(true, Ordering::SeqCst);
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.stream.shutdown(std::net::Shutdown::Both);
        if let Some(reader) = self.reader.take() {
            let _ = reader.join();
        }
    }
}

fn remember(news: &News, reason: String) {
    if let Ok(mut r) = news.reason.lock() {
        *r = Some(reason);
    }
}
