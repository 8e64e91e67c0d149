//! The real binary in a real pseudo-terminal (tmux): search, open a card, edit a field,
//! quit, reopen and find the change. Needs tmux (installed by .ci/run).

mod common;

use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

use common::Home;

struct Tmux {
    socket: String,
}

impl Tmux {
    fn new(tag: &str) -> Tmux {
        Tmux {
            socket: format!("kizuna-test-{}-{tag}", std::process::id()),
        }
    }

    fn cmd(&self) -> Command {
        let mut c = Command::new("tmux");
        c.args(["-L", &self.socket, "-f", "/dev/null"]);
        c
    }

    fn start(&self, home: &Home, args: &str) {
        let env = format!(
            "env -i PATH=/usr/bin:/bin HOME={h} XDG_DATA_HOME={h}/data XDG_CONFIG_HOME={h}/config KIZUNA_SYSTEM_CONFIG={h}/etc/none KIZUNA_NOW=2026-11-25 TERM=xterm-256color",
            h = home.path().display()
        );
        let command = format!("{env} {} {args}", env!("CARGO_BIN_EXE_kizuna"));
        let ok = self
            .cmd()
            .args([
                "new-session",
                "-d",
                "-x",
                "80",
                "-y",
                "24",
                "-s",
                "k",
                &command,
            ])
            .status()
            .unwrap();
        assert!(ok.success());
        self.cmd()
            .args(["set-option", "-t", "k", "remain-on-exit", "on"])
            .status()
            .unwrap();
    }

    fn screen(&self) -> String {
        let out = self
            .cmd()
            .args(["capture-pane", "-p", "-t", "k"])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "waited for {text:?}; the screen is:\n{screen}"
            );
            sleep(Duration::from_millis(50));
        }
    }

    fn keys(&self, keys: &[&str]) {
        self.cmd()
            .args(["send-keys", "-t", "k"])
            .args(keys)
            .status()
            .unwrap();
    }

    fn type_text(&self, text: &str) {
        self.cmd()
            .args(["send-keys", "-t", "k", "-l", text])
            .status()
            .unwrap();
    }

    /// The pid of the pane's process: `env` execs kizuna, so it is kizuna's.
    fn pane_pid(&self) -> String {
        let out = self
            .cmd()
            .args(["display-message", "-p", "-t", "k", "#{pane_pid}"])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    fn exited(&self) -> bool {
        let out = self
            .cmd()
            .args(["display-message", "-p", "-t", "k", "#{pane_dead}"])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).trim() == "1"
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.cmd().arg("kill-server").status();
    }
}

fn tmux_available() -> bool {
    Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn search_open_edit_quit_reopen() {
    assert!(tmux_available(), "tmux is needed; .ci/run installs it");
    let home = Home::with_demo(300);
    let t = Tmux::new("edit");
    t.start(&home, "--demo");
    t.wait_for("検索");
    t.type_text("ﾀｶﾊｼ");
    let screen = t.wait_for("たかはし");
    assert!(screen.contains("DEMO"), "{screen}");
    t.keys(&["Enter"]);
    t.wait_for("面談カード");
    let staff_no = t
        .screen()
        .lines()
        .find_map(|l| {
            l.split_whitespace()
                .find(|w| w.len() == 6 && w.chars().all(|c| c.is_ascii_digit()))
                .map(str::to_string)
        })
        .expect("the card shows the staff number");
    t.keys(&["e"]);
    t.wait_for("職員の編集");
    t.keys(&["C-u"]);
    t.type_text("髙橋　改名");
    t.keys(&["C-s"]);
    t.wait_for("保存しました");
    t.keys(&["C-c"]);
    let start = Instant::now();
    while !t.exited() {
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "kizuna did not quit"
        );
        sleep(Duration::from_millis(50));
    }
    drop(t);

    let json = home.ok(&["--demo", "show", &staff_no, "--format", "json"]);
    assert!(json.contains("髙橋　改名"), "{json}");

    let again = Tmux::new("reopen");
    again.start(&home, "--demo");
    again.wait_for("検索");
    again.type_text("改名");
    let screen = again.wait_for("髙橋　改名");
    assert!(screen.contains(&staff_no), "{screen}");
    again.keys(&["C-c"]);
}

#[test]
fn a_held_database_is_refused_before_the_screen_opens() {
    assert!(tmux_available(), "tmux is needed; .ci/run installs it");
    let home = Home::with_demo(30);
    let first = Tmux::new("first");
    first.start(&home, "--demo");
    first.wait_for("検索");
    let out = home.run(&["--demo"]);
    assert_eq!(out.status.code(), Some(3));
    assert!(common::stderr(&out).contains("別のプロセスが開いています"));
    first.keys(&["C-c"]);
}

#[test]
fn sigterm_restores_the_terminal_and_closes_the_database() {
    assert!(tmux_available(), "tmux is needed; .ci/run installs it");
    let home = Home::with_demo(30);
    let t = Tmux::new("term");
    t.start(&home, "--demo");
    t.wait_for("検索");
    let pid = t.pane_pid();
    Command::new("kill").args(["-TERM", &pid]).status().unwrap();
    let start = Instant::now();
    while !t.exited() {
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "kizuna ignored SIGTERM"
        );
        sleep(Duration::from_millis(50));
    }
    // The database is closed cleanly: it opens again and checks.
    assert!(home.ok(&["--demo", "check"]).contains("問題はありません"));
}

#[test]
fn a_dropped_terminal_ends_kizuna_and_leaves_the_database_whole() {
    assert!(tmux_available(), "tmux is needed; .ci/run installs it");
    let home = Home::with_demo(30);
    let t = Tmux::new("hangup");
    t.start(&home, "--demo");
    t.wait_for("検索");
    t.type_text("さ");
    t.wait_for("検索: さ");
    let pid = t.pane_pid();
    // Killing the server closes the pseudo-terminal, as a dropped SSH link does.
    drop(t);
    let start = Instant::now();
    let alive = || {
        Command::new("kill")
            .args(["-0", &pid])
            .stderr(std::process::Stdio::null())
            .status()
            .unwrap()
            .success()
    };
    while alive() {
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "kizuna {pid} outlived its terminal"
        );
        sleep(Duration::from_millis(50));
    }
    assert!(home.ok(&["--demo", "check"]).contains("問題はありません"));
}

#[test]
fn the_case_pane_unlocks_with_the_passphrase_and_locks_on_ctrl_l() {
    assert!(tmux_available(), "tmux is needed; .ci/run installs it");
    let home = Home::with_demo(60);
    let t = Tmux::new("cases");
    t.start(&home, "--demo");
    t.wait_for("検索");
    t.keys(&["F4"]);
    t.wait_for("ロックされています");
    t.keys(&["Enter"]);
    t.wait_for("パスフレーズ");
    t.type_text("kizuna-demo-2026");
    let typed = t.screen();
    assert!(
        !typed.contains("kizuna-demo-2026\u{2502}") && typed.contains("****************"),
        "the passphrase is drawn masked: {typed}"
    );
    t.keys(&["Enter"]);
    let list = t.wait_for("今後の予定");
    assert!(list.contains("解錠中"), "{list}");
    t.keys(&["C-l"]);
    let locked = t.wait_for("ロックしました");
    assert!(locked.contains("ロックされています"), "{locked}");
    assert!(!locked.contains("今後の予定"), "{locked}");
    t.keys(&["C-c"]);
}
