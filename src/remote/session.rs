//! One connection on the server: the handshake, then its calls, one at a time.

use std::os::fd::AsRawFd;
use std::os::unix::net::UnixStream;
use std::sync::atomic::Ordering;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use super::peer::peer;
use super::proto::{ClientFrame, ServerFrame, Welcome, version};
use super::server::{Shared, conn, readable};
use super::wire::{self, FrameError};
use super::{Reply, Request};
use crate::i18n::{self, Lang};
use crate::service::{LinkFault, Principal};

/// How long a new connection has to say hello, and a begun frame to arrive whole.
const PATIENCE: Duration = Duration::from_secs(30);

/// How often an idle connection looks at its keys' idle time and at shutdown.
const IDLE_TICK: Duration = Duration::from_millis(500);

/// Serves one connection until it closes, breaks the protocol, or the server stops.
pub(super) fn run(shared: &Shared, id: u64, stream: UnixStream) {
    let lang = shared.lang;
    let who = match peer(&stream) {
        Ok(p) => p,
        Err(e) => {
            shared.log(&i18n::serve_trouble(&e.to_string(), lang));
            return;
        }
    };
    match serve(shared, id, &who, stream) {
        Ok(()) => shared.log(&i18n::conn_closed(&who.account, who.uid, None, lang)),
        Err(reason) => shared.log(&i18n::conn_closed(
            &who.account,
            who.uid,
            Some(&reason),
            lang,
        )),
    }
}

fn serve(shared: &Shared, id: u64, who: &Principal, stream: UnixStream) -> Result<(), String> {
    let mut reading = stream.try_clone().map_err(|e| e.to_string())?;
    let mut writing = stream.try_clone().map_err(|e| e.to_string())?;
    reading
        .set_read_timeout(Some(PATIENCE))
        .map_err(|e| e.to_string())?;
    let hello = match wire::read::<ClientFrame>(&mut reading) {
        Ok(ClientFrame::Hello(h)) => h,
        Ok(ClientFrame::Call { .. }) => return Err("a call before the hello".into()),
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
    let (out, frames) = mpsc::channel::<ServerFrame>();
    let writer = std::thread::Builder::new()
        .name(format!("kizuna-out-{id}"))
        .spawn(move || {
            for frame in frames {
                if wire::write(&mut writing, &frame).is_err() {
                    break;
                }
            }
        })
        .map_err(|e| e.to_string())?;
    let welcome = Welcome {
        account: who.account.clone(),
        uid: who.uid,
        database: shared.service.path().to_path_buf(),
        commits: shared.service.commits(),
    };
    let _ = out.send(ServerFrame::Welcome(welcome));
    shared.join(
        id,
        out.clone(),
        stream.try_clone().map_err(|e| e.to_string())?,
    );
    shared.log(&i18n::conn_opened(&who.account, who.uid, shared.lang));
    let ended = calls(shared, id, who, lang, &stream, &mut reading, &out);
    shared.leave(id);
    drop(out);
    let _ = writer.join();
    ended
}

/// Reads and answers calls until the connection ends.
fn calls(
    shared: &Shared,
    id: u64,
    who: &Principal,
    lang: Lang,
    stream: &UnixStream,
    reading: &mut UnixStream,
    out: &mpsc::Sender<ServerFrame>,
) -> Result<(), String> {
    let mut state = conn(lang);
    let mut last = Instant::now();
    loop {
        if state.ring.is_some() {
            let after = shared.service.case_lock_after().unwrap_or(Duration::ZERO);
            if last.elapsed() >= after {
                state.ring = None;
                shared.log(&i18n::keys_forgotten(&who.account, shared.lang));
            }
        }
        if !readable(stream.as_raw_fd(), IDLE_TICK) {
            if shared.stopping.load(Ordering::SeqCst) {
                return Ok(());
            }
            continue;
        }
        match wire::read::<ClientFrame>(reading) {
            Ok(ClientFrame::Call { id: call, request }) => {
                last = Instant::now();
                let before = shared.service.commits();
                let reply = answer(shared, who, &mut state, request);
                let after = shared.service.commits();
                let _ = out.send(ServerFrame::Reply {
                    id: call,
                    reply: Box::new(reply.for_wire(lang)),
                });
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

/// Runs one call. A key derivation (argon2, most of a second and 64 MiB) runs on a
/// thread of its own, one at a time across the server.
fn answer(shared: &Shared, who: &Principal, state: &mut super::Conn, request: Request) -> Reply {
    if !request.derives_key() {
        return request.run(&shared.service, who, state);
    }
    let _one = match shared.kdf.lock() {
        Ok(guard) => guard,
        Err(poisoned) => poisoned.into_inner(),
    };
    std::thread::scope(|s| {
        let worker = s.spawn(|| request.run(&shared.service, who, state));
        match worker.join() {
            Ok(reply) => reply,
            Err(panic) => std::panic::resume_unwind(panic),
        }
    })
}
