//! One connection on the server: the handshake, then its calls, one at a time.

use std::io::Write;
use std::os::fd::AsRawFd;
use std::os::unix::net::UnixStream;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, SyncSender};
use std::time::{Duration, Instant};

use super::conn::Conn;
use super::peer::peer;
use super::proto::{ClientFrame, ServerFrame, Welcome, version};
use super::server::{Out, Shared, readable};
use super::wire::{self, FrameError, Timed};
use super::{Reply, Request};
use crate::i18n::{self, Lang};
use crate::service::{LinkFault, Principal};

/// How long a new connection has to say hello, and a begun frame to arrive whole.
const PATIENCE: Duration = Duration::from_secs(30);

/// How long a client may leave a frame to it unread before it is dropped.
const WRITE_PATIENCE: Duration = Duration::from_secs(10);

/// How long a stopping server waits for a client to take its last frames.
const STOP_GRACE: Duration = Duration::from_secs(1);

/// The largest hello: a few names and numbers.
const HELLO_LIMIT: u32 = 64 * 1024;

/// Frames waiting for a connection's writer: calls come one at a time, so a few.
const OUTBOX: usize = 8;

/// How often an idle connection looks at its keys' idle time and at shutdown.
const IDLE_TICK: Duration = Duration::from_millis(500);

/// Takes the connection off the server's list and closes it, however the thread ends.
struct Leave<'a> {
    shared: &'a Shared,
    id: u64,
    stream: &'a UnixStream,
}

impl Drop for Leave<'_> {
    fn drop(&mut self) {
        self.shared.leave(self.id);
        let _ = self.stream.shutdown(std::net::Shutdown::Both);
    }
}

/// Serves one connection until it closes, breaks the protocol, or the server stops.
pub(super) fn run(shared: &Shared, id: u64, stream: UnixStream) {
    let _leave = Leave {
        shared,
        id,
        stream: &stream,
    };
    let lang = shared.lang;
    let who = match peer(&stream) {
        Ok(p) => p,
        Err(e) => {
            shared.log(&i18n::serve_trouble(&e.to_string(), lang));
            return;
        }
    };
    match serve(shared, id, &who, &stream) {
        Ok(()) => shared.log(&i18n::conn_closed(&who.account, who.uid, None, lang)),
        Err(reason) => shared.log(&i18n::conn_closed(
            &who.account,
            who.uid,
            Some(&reason),
            lang,
        )),
    }
}

fn serve(shared: &Shared, id: u64, who: &Principal, stream: &UnixStream) -> Result<(), String> {
    let mut writing = stream.try_clone().map_err(|e| e.to_string())?;
    writing
        .set_write_timeout(Some(WRITE_PATIENCE))
        .map_err(|e| e.to_string())?;
    let hello =
        match wire::read_limited::<ClientFrame>(&mut Timed::new(stream, PATIENCE), HELLO_LIMIT) {
            Ok(ClientFrame::Hello(h)) => h,
            Ok(ClientFrame::Call { .. }) => return Err("a call before the hello".into()),
            Err(FrameError::Closed) if shared.stopping.load(Ordering::SeqCst) => return Ok(()),
            Err(e) => return Err(e.to_string()),
        };
    let lang = hello.lang;
    if hello.version != version() {
        let fault = LinkFault::Version {
            server: version(),
            client: hello.version.clone(),
        };
        let _ = wire::write(
            &mut writing,
            &ServerFrame::Refused(i18n::link_fault(&fault, lang)),
        );
        return Err(fault.to_string());
    }
    if shared.stopping.load(Ordering::SeqCst) {
        let _ = wire::write(&mut writing, &ServerFrame::Stopping);
        return Err(LinkFault::Stopping.to_string());
    }
    let commits = shared.service.commits();
    let welcome = Welcome {
        account: who.account.clone(),
        uid: who.uid,
        database: shared.service.path().to_path_buf(),
        commits,
    };
    wire::write(&mut writing, &ServerFrame::Welcome(welcome)).map_err(|e| e.to_string())?;
    let latest = Arc::new(AtomicU64::new(commits));
    let (out, frames) = mpsc::sync_channel::<Out>(OUTBOX);
    let writer = std::thread::Builder::new()
        .name(format!("kizuna-out-{id}"))
        .spawn({
            let latest = Arc::clone(&latest);
            move || write_frames(writing, &frames, &latest, commits)
        })
        .map_err(|e| e.to_string())?;
    shared.join(id, out.clone(), latest);
    shared.log(&i18n::conn_opened(&who.account, who.uid, shared.lang));
    let ended = calls(shared, id, who, lang, stream, &out);
    shared.leave(id);
    drop(out);
    let _ = stream.shutdown(std::net::Shutdown::Read);
    if shared.stopping.load(Ordering::SeqCst) {
        // The last frames go to a client that reads; one that does not is not waited
        // for beyond a moment.
        let until = Instant::now() + STOP_GRACE;
        while !writer.is_finished() && Instant::now() < until {
            std::thread::sleep(Duration::from_millis(10));
        }
        let _ = stream.shutdown(std::net::Shutdown::Both);
    }
    let wrote = writer
        .join()
        .unwrap_or_else(|_| Err("the writer failed".into()));
    ended.and(wrote)
}

/// Writes the connection's frames, and the latest commit count when it grows. A
/// client that leaves them unread for [`WRITE_PATIENCE`] is cut off.
fn write_frames(
    mut to: UnixStream,
    frames: &Receiver<Out>,
    latest: &AtomicU64,
    mut told: u64,
) -> Result<(), String> {
    let send = |bytes: &[u8], to: &mut UnixStream| -> Result<(), String> {
        to.write_all(bytes).and_then(|()| to.flush()).map_err(|e| {
            let _ = to.shutdown(std::net::Shutdown::Both);
            e.to_string()
        })
    };
    for out in frames {
        if let Out::Frame(bytes) = out {
            send(&bytes, &mut to)?;
        }
        let now = latest.load(Ordering::SeqCst);
        if now > told {
            told = now;
            let news =
                wire::encode(&ServerFrame::Changed { commits: now }).map_err(|e| e.to_string())?;
            send(&news, &mut to)?;
        }
    }
    Ok(())
}

/// Reads and answers calls until the connection ends or the server stops.
fn calls(
    shared: &Shared,
    id: u64,
    who: &Principal,
    lang: Lang,
    stream: &UnixStream,
    out: &SyncSender<Out>,
) -> Result<(), String> {
    let mut state = Conn::new();
    let mut last_case_call = Instant::now();
    loop {
        if state.ring.is_some() {
            let after = shared.service.case_lock_after().unwrap_or(Duration::ZERO);
            if last_case_call.elapsed() >= after {
                state.ring = None;
                shared.log(&i18n::keys_forgotten(&who.account, shared.lang));
            }
        }
        if shared.stopping.load(Ordering::SeqCst) {
            return Ok(());
        }
        if !readable(stream.as_raw_fd(), IDLE_TICK) {
            continue;
        }
        // Calls already sent but not begun are not served once the server stops.
        if shared.stopping.load(Ordering::SeqCst) {
            return Ok(());
        }
        match wire::read::<ClientFrame>(&mut Timed::new(stream, PATIENCE)) {
            Ok(ClientFrame::Call { id: call, request }) => {
                // Only case work keeps case keys open; a screen refreshing the staff
                // list does not.
                if matches!(request, Request::Cases(_)) {
                    last_case_call = Instant::now();
                }
                let name = request.name();
                let before = shared.service.commits();
                let answered = catch_unwind(AssertUnwindSafe(|| {
                    answer(shared, who, &mut state, request)
                }));
                let after = shared.service.commits();
                let Ok(reply) = answered else {
                    let reason = i18n::call_failed(name, lang);
                    let _ = out.send(Out::Frame(failed(call, &reason)));
                    return Err(format!("{name}: panicked"));
                };
                let frame = ServerFrame::Reply {
                    id: call,
                    reply: Box::new(reply.for_wire(lang)),
                };
                let bytes = match wire::encode(&frame) {
                    Ok(bytes) => bytes,
                    Err(e) => failed(call, &i18n::reply_too_large(name, &e.to_string(), lang)),
                };
                out.send(Out::Frame(bytes))
                    .map_err(|_| "the client stopped reading".to_string())?;
                if after != before {
                    shared.changed(id, after);
                }
            }
            Ok(ClientFrame::Hello(_)) => return Err("a second hello".into()),
            Err(FrameError::Closed) => return Ok(()),
            Err(e) => return Err(e.to_string()),
        }
    }
}

/// The frame saying call `id` failed.
fn failed(id: u64, reason: &str) -> Vec<u8> {
    wire::encode(&ServerFrame::Failed {
        id,
        reason: reason.to_string(),
    })
    .unwrap_or_default()
}

/// Runs one call. A key derivation (argon2, most of a second and 64 MiB) runs on a
/// thread of its own, one at a time across the server; the wait after wrong
/// passphrases is served before the turn is taken, so one person's mistakes do not
/// hold up anyone else.
fn answer(shared: &Shared, who: &Principal, state: &mut Conn, request: Request) -> Reply {
    if !request.derives_key() {
        return request.run(&shared.service, who, state);
    }
    std::thread::scope(|s| {
        let worker = s.spawn(|| {
            if let Ok(wait) = shared.service.unlock_wait(who) {
                std::thread::sleep(wait);
            }
            let _one = match shared.kdf.lock() {
                Ok(guard) => guard,
                Err(poisoned) => poisoned.into_inner(),
            };
            request.run(&shared.service, who, state)
        });
        match worker.join() {
            Ok(reply) => reply,
            Err(panic) => std::panic::resume_unwind(panic),
        }
    })
}
