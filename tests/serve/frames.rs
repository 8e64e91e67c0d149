//! Broken frames from a client: each closes only its own connection, with the reason
//! in the server's log, while a client connected all along keeps working. A frame cut
//! short writes nothing.

use std::io::{ErrorKind, Read, Write};
use std::os::unix::net::UnixStream;
use std::path::Path;
use std::time::Duration;

use kizuna::i18n::Lang;
use kizuna::remote::proto::{ClientFrame, Hello, PROTOCOL, ServerFrame, version};
use kizuna::remote::wire::{self, MAX_FRAME};
use kizuna::service::Principal;

use crate::data::home;
use crate::support::{Server, connect, wait_until};

fn hello() -> Vec<u8> {
    wire::encode(&ClientFrame::Hello(Hello {
        version: version(),
        lang: Lang::En,
    }))
    .unwrap()
}

/// A raw connection, before the hello.
fn raw(socket: &Path) -> UnixStream {
    let stream = UnixStream::connect(socket).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    stream
}

/// A raw connection the server has welcomed.
fn welcomed(socket: &Path) -> UnixStream {
    let mut stream = raw(socket);
    stream.write_all(&hello()).unwrap();
    match wire::read::<ServerFrame>(&mut stream) {
        Ok(ServerFrame::Welcome(w)) => assert_eq!(w.account, Principal::current().account),
        other => panic!("no welcome: {other:?}"),
    }
    stream
}

/// Insists the server closes `stream`: the next read ends (or is reset), well before
/// the read timeout.
fn closed_by_server(mut stream: UnixStream) {
    let mut byte = [0u8; 1];
    match stream.read(&mut byte) {
        Ok(0) => {}
        Err(e) if e.kind() == ErrorKind::ConnectionReset => {}
        other => panic!("the connection stayed open: {other:?}"),
    }
}

/// A frame header: length, then the protocol version.
fn header(len: u32, version: u16) -> Vec<u8> {
    let mut out = len.to_le_bytes().to_vec();
    out.extend_from_slice(&version.to_le_bytes());
    out
}

#[test]
fn broken_frames_close_only_their_connection_with_a_logged_reason() {
    let home = home();
    let socket = home.path().join("k.sock");
    let mut server = Server::start(&home, &home.db(), &socket);
    let me = Principal::current();
    let closed = format!("closed the connection of {} (uid {}): ", me.account, me.uid);
    let steady = connect(&socket);
    let stats = || format!("{:?}", steady.stats(&me).unwrap());
    let people = stats();
    let audit_before = server.ok(&home, &["audit", "list"]);

    let mut cases: Vec<(&str, Vec<u8>, String)> = Vec::new();
    // Garbage after a valid hello: the right length and version, a body that is no
    // message.
    let mut garbage = header(7, PROTOCOL);
    garbage.extend_from_slice(&[0xff, 0xfe, 0xfd, 0xfc, 0xfb]);
    cases.push((
        "after hello",
        garbage,
        "a frame that does not decode".into(),
    ));
    // A frame of another protocol version.
    let mut other = hello();
    other[4..6].copy_from_slice(&(PROTOCOL + 1).to_le_bytes());
    cases.push((
        "after hello",
        other,
        format!("a frame of protocol {}", PROTOCOL + 1),
    ));
    // A length over the limit: refused before any of the body is read.
    cases.push((
        "after hello",
        header(MAX_FRAME + 1, PROTOCOL),
        "over the limit".into(),
    ));
    // Text where the hello should be: its first bytes read as a huge length.
    cases.push((
        "instead of hello",
        b"GET / HTTP/1.1\r\n\r\n".to_vec(),
        "over the limit".into(),
    ));

    for (when, bytes, reason) in &cases {
        let mut stream = if *when == "after hello" {
            welcomed(&socket)
        } else {
            raw(&socket)
        };
        let before = server.count_log(&closed);
        stream.write_all(bytes).unwrap();
        closed_by_server(stream);
        wait_until(Duration::from_secs(10), "the reason in the log", || {
            server.count_log(&closed) > before
        });
        let log = server.log();
        let line = log.lines().rfind(|l| l.contains(&closed)).unwrap();
        assert!(line.contains(reason.as_str()), "{line}");
        assert_eq!(server.count_log(&closed), before + 1, "{log}");
        // The other client never noticed.
        assert_eq!(stats(), people, "after {reason}");
    }

    // A large frame cut short, as from a client that died sending it: nothing is
    // written, and the reason is logged.
    let mut cut = welcomed(&socket);
    let mut frame = header(3_000_000, PROTOCOL);
    frame.extend(std::iter::repeat_n(0u8, 1_000_000));
    cut.write_all(&frame).unwrap();
    drop(cut);
    server.wait_log(
        &format!("{closed}failed to fill whole buffer"),
        Duration::from_secs(10),
    );
    assert_eq!(server.ok(&home, &["audit", "list"]), audit_before);
    assert_eq!(stats(), people);

    // New connections are served as before.
    let counts = server.ok(&home, &["stats"]);
    assert!(counts.contains("職員\t4"), "{counts}");
    drop(steady);
    assert!(server.stop().success(), "{}", server.log());
}
