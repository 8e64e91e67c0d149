//! Two clients of one server, one of them the screens in a real terminal (tmux): a
//! person another client adds appears in the search already typed, without a keypress;
//! when the server stops, the screen says so.

use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

use crate::common::Home;
use crate::data::{employee_file, home, row};
use crate::support::Server;

/// A tmux server of its own, with one 80x24 window.
struct Tmux {
    socket: String,
}

impl Tmux {
    fn start(home: &Home, args: &str) -> Tmux {
        let t = Tmux {
            socket: format!("kizuna-serve-{}", std::process::id()),
        };
        let env = format!(
            "env -i PATH=/usr/bin:/bin HOME={h} XDG_DATA_HOME={h}/data XDG_CONFIG_HOME={h}/config KIZUNA_SYSTEM_CONFIG={h}/etc/none KIZUNA_NOW=2026-11-25 TERM=xterm-256color",
            h = home.path().display()
        );
        let command = format!("{env} {} {args}", env!("CARGO_BIN_EXE_kizuna"));
        let ok = t
            .cmd()
            .args(["new-session", "-d", "-x", "80", "-y", "24", "-s", "k"])
            .arg(&command)
            .status()
            .unwrap();
        assert!(ok.success());
        t
    }

    fn cmd(&self) -> Command {
        let mut c = Command::new("tmux");
        c.args(["-L", &self.socket, "-f", "/dev/null"]);
        c
    }

    fn screen(&self) -> String {
        let out = self
            .cmd()
            .args(["capture-pane", "-p", "-t", "k"])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Waits up to `limit` for `text` on the screen; returns the screen.
    fn wait_for(&self, text: &str, limit: Duration) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            assert!(
                start.elapsed() < limit,
                "waited {limit:?} for {text:?}; the screen is:\n{screen}"
            );
            sleep(Duration::from_millis(20));
        }
    }

    fn type_text(&self, text: &str) {
        let ok = self
            .cmd()
            .args(["send-keys", "-t", "k", "-l", text])
            .status()
            .unwrap();
        assert!(ok.success());
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.cmd().arg("kill-server").status();
    }
}

#[test]
fn a_person_added_by_another_client_appears_on_the_screen_without_a_keypress() {
    let tmux = Command::new("tmux").arg("-V").output();
    assert!(
        tmux.is_ok_and(|o| o.status.success()),
        "tmux is needed; .ci/run installs it"
    );
    let home = home();
    let socket = home.path().join("k.sock");
    let mut server = Server::start(&home, &home.db(), &socket);
    let t = Tmux::start(&home, &format!("--socket {}", socket.display()));
    let wait = Duration::from_secs(10);
    t.wait_for("検索", wait);
    t.type_text("ゆりあげ");
    let before = t.wait_for("検索: ゆりあげ", wait);
    assert!(!before.contains("閖上"), "{before}");
    // The screen's own connection is in the server's log.
    assert!(server.log().contains("connected: "), "{}", server.log());

    // Someone else adds the person, through the same server.
    let file = employee_file(
        &home,
        "one.csv",
        &[row("900001", "閖上　瑠璃子", "ゆりあげ　るりこ")],
    );
    let out = server.ok(&home, &["import", "employees", &file]);
    assert!(out.contains("追加 1 人"), "{out}");
    let added = Instant::now();
    let after = t.wait_for("閖上　瑠璃子", Duration::from_secs(1));
    let seen_in = added.elapsed();
    assert!(after.contains("900001"), "{after}");
    assert!(
        after.contains("検索: ゆりあげ"),
        "the query is kept: {after}"
    );

    // The server stops: the screen says so, still without a keypress.
    assert!(server.stop().success(), "{}", server.log());
    let stopped = t.wait_for("サーバーが停止しています", Duration::from_secs(5));
    assert!(stopped.contains("閖上　瑠璃子"), "{stopped}");
    println!("the new person appeared after {seen_in:?}");
}
