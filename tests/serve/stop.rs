//! SIGTERM: the server finishes the call under way, tells the clients, removes its
//! socket, closes the database and exits 0; a client still connected is told why its
//! next call fails, and the file opens cleanly afterwards.

use std::process::Stdio;
use std::time::Duration;

use kizuna::i18n::{Lang, link_fault};
use kizuna::service::{LinkFault, Principal, ServiceError};

use crate::common::{stderr, stdout};
use crate::data::{employee_file, home, person, row, staff_numbers};
use crate::support::{COMMAND_LIMIT, Server, connect, wait_answer, wait_until};

#[test]
fn sigterm_finishes_the_call_under_way_tells_the_clients_and_exits_0() {
    let home = home();
    let socket = home.path().join("k.sock");
    let mut server = Server::start(&home, &home.db(), &socket);
    let me = Principal::current();
    let client = connect(&socket);
    assert!(client.stats(&me).is_ok());
    assert_eq!(client.lost(), None);

    // A long import is under way when the signal comes.
    let rows: Vec<String> = (20_000..30_000)
        .map(|i| {
            let (no, name, reading) = person(i);
            row(&no, &name, &reading)
        })
        .collect();
    let file = employee_file(&home, "long.csv", &rows);
    let connected = server.count_log("connected: ");
    let mut import = server
        .cli(&home)
        .args(["import", "employees", &file])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    wait_until(Duration::from_secs(10), "the import to connect", || {
        server.count_log("connected: ") > connected
    });
    // The request sent, the client waits for its answer.
    wait_answer(import.id());
    assert!(
        import.try_wait().unwrap().is_none(),
        "the import ended early"
    );
    let status = server.stop();
    assert_eq!(status.code(), Some(0), "{}", server.log());
    let log = server.log();
    assert!(
        log.contains("stopping: finishing the calls under way"),
        "{log}"
    );
    assert!(log.ends_with("stopped; the database is closed"), "{log}");
    assert!(!socket.exists(), "the socket is left behind");

    // The import under way was finished and answered.
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(import.wait_with_output());
    });
    let out = rx.recv_timeout(COMMAND_LIMIT).unwrap().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("追加 10000 人"), "{}", stdout(&out));

    // The client still connected was told; its next call says why it fails.
    wait_until(Duration::from_secs(5), "the client to hear", || {
        client.lost().is_some()
    });
    assert_eq!(client.lost(), Some(LinkFault::Stopping));
    let Err(ServiceError::Link(fault)) = client.stats(&me) else {
        panic!("a call after the stop did not fail on the link");
    };
    assert!(
        matches!(fault, LinkFault::Stopping | LinkFault::Closed),
        "{fault:?}"
    );
    let said = link_fault(&fault, Lang::Ja);
    assert!(
        said.contains("停止しています") || said.contains("接続が切れました"),
        "{said}"
    );
    drop(client);

    // A new command finds no server, and says where it looked.
    let after = server.run(&home, &["stats"]);
    assert_ne!(after.status.code(), Some(0));
    assert!(stderr(&after).contains(&socket.display().to_string()));

    // The database opens cleanly on the file, with everything in it.
    let checked = home.ok(&["check"]);
    assert!(checked.contains("問題はありません"), "{checked}");
    let people = staff_numbers(&home.ok(&["export", "employees"]));
    assert_eq!(people.len(), 4 + 10_000);
    let verified = home.ok(&["audit", "verify"]);
    assert!(verified.contains("連鎖は完全です"), "{verified}");
}

/// A connection that has said nothing yet, and one that reads nothing (a screen
/// suspended with Ctrl-Z while others save), must not hold up the stop.
mod stalled {
    use std::io::Write;
    use std::os::unix::net::UnixStream;
    use std::time::{Duration, Instant};

    use kizuna::i18n::Lang;
    use kizuna::remote::proto::{ClientFrame, Hello, version};
    use kizuna::remote::wire;
    use kizuna::service::Principal;

    use crate::data::{home, person};
    use crate::support::{Server, connect};

    /// SIGTERM, and how long the server took to exit.
    fn stop_time(server: &mut Server) -> Duration {
        let start = Instant::now();
        server.signal(libc::SIGTERM);
        let status = server.wait_exit(Duration::from_secs(60));
        assert!(status.success(), "{}", server.log());
        start.elapsed()
    }

    #[test]
    fn a_silent_connection_does_not_hold_up_the_stop() {
        let home = home();
        let socket = home.path().join("k.sock");
        let mut server = Server::start(&home, &home.db(), &socket);
        let _silent = UnixStream::connect(&socket).unwrap();
        std::thread::sleep(Duration::from_millis(200));
        let took = stop_time(&mut server);
        assert!(took < Duration::from_secs(5), "stopped after {took:?}");
    }

    #[test]
    fn a_client_that_reads_nothing_does_not_hold_up_the_stop() {
        let home = home();
        let socket = home.path().join("k.sock");
        let mut server = Server::start(&home, &home.db(), &socket);
        let mut stalled = UnixStream::connect(&socket).unwrap();
        let hello = ClientFrame::Hello(Hello {
            version: version(),
            lang: Lang::Ja,
        });
        stalled.write_all(&wire::encode(&hello).unwrap()).unwrap();
        // Others save, and the news of each piles up unread.
        let me = Principal::current();
        let api = connect(&socket);
        let template = api.employee(&me, "000456").unwrap().employee;
        for i in 0..400 {
            let (no, name, reading) = person(i);
            let mut e = template.clone();
            (e.staff_no, e.name, e.reading) = (no, name, reading);
            api.add_employee(&me, &e).unwrap();
        }
        drop(api);
        let (tx, rx) = std::sync::mpsc::channel();
        let took = std::thread::scope(|s| {
            s.spawn(move || {
                // Close the stalled client at last, so the test itself ends.
                let _ = rx.recv_timeout(Duration::from_secs(15));
                drop(stalled);
            });
            let took = stop_time(&mut server);
            let _ = tx.send(());
            took
        });
        assert!(took < Duration::from_secs(5), "stopped after {took:?}");
    }
}
