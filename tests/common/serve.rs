//! `kizuna serve` as the tests run it: the real binary on a database in a test home,
//! its log (standard error) collected line by line, commands through its socket with a
//! time limit, and the library's client for raw protocol work. Nothing here waits
//! without a deadline.

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Output, Stdio};
use std::sync::{Arc, Mutex};
use std::thread::{JoinHandle, sleep};
use std::time::{Duration, Instant};

use kizuna::domain::{Date, FixedClock};
use kizuna::i18n::Lang;
use kizuna::remote::Api;

use crate::common::Home;

/// How long one command may take before the test fails.
pub const COMMAND_LIMIT: Duration = Duration::from_secs(30);

/// Waits until `done` holds, failing with `what` after `limit`.
pub fn wait_until(limit: Duration, what: &str, mut done: impl FnMut() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(start.elapsed() < limit, "waited {limit:?} for {what}");
        sleep(Duration::from_millis(20));
    }
}

/// Runs a command to its end, or kills it and fails after `limit`.
pub fn output(mut cmd: Command, limit: Duration) -> Output {
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let out = drain(child.stdout.take());
    let err = drain(child.stderr.take());
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{cmd:?} ran over {limit:?}");
        }
        sleep(Duration::from_millis(5));
    };
    Output {
        status,
        stdout: out.join().unwrap(),
        stderr: err.join().unwrap(),
    }
}

fn drain(pipe: Option<impl Read + Send + 'static>) -> JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        if let Some(mut p) = pipe {
            let _ = p.read_to_end(&mut bytes);
        }
        bytes
    })
}

/// The state (`R`, `S`, `D` …) and the CPU time, in clock ticks, of the main thread of
/// a process.
pub fn main_thread(pid: u32) -> (char, u64) {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/task/{pid}/stat")).unwrap();
    // The fields after the command name, which is in parentheses.
    let rest = &stat[stat.rfind(')').unwrap() + 2..];
    let fields: Vec<&str> = rest.split(' ').collect();
    let state = fields[0].chars().next().unwrap();
    let cpu = fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap();
    (state, cpu)
}

/// Waits until the main thread of a process has slept a while without using any CPU:
/// it is stuck on its socket. A thread starved of CPU stays runnable (`R`), so a busy
/// machine does not fool this.
pub fn wait_blocked(pid: u32) {
    let start = Instant::now();
    let mut last = main_thread(pid).1;
    let mut still = Instant::now();
    while still.elapsed() < Duration::from_millis(250) {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "{pid} never blocked"
        );
        sleep(Duration::from_millis(25));
        let (state, cpu) = main_thread(pid);
        if state != 'S' || cpu != last {
            last = cpu;
            still = Instant::now();
        }
    }
}

/// Waits until a client has sent its whole call and waits for the answer: its main
/// thread sleeps on the reply channel (a futex), not in a write to the socket. Where
/// the kernel does not say what a thread waits in, a thread blocked a while has to do.
pub fn wait_answer(pid: u32) {
    let start = Instant::now();
    loop {
        wait_blocked(pid);
        let wchan = std::fs::read_to_string(format!("/proc/{pid}/wchan")).unwrap_or_default();
        if wchan.is_empty() || wchan == "0" || wchan.contains("futex") {
            return;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "{pid} still waits in {wchan}"
        );
    }
}

/// Sends `signal` to a process of this test.
pub fn signal(pid: u32, signal: i32) {
    let pid = i32::try_from(pid).unwrap();
    // SAFETY: a signal to a child process of this test that has not been reaped.
    let rc = unsafe { libc::kill(pid, signal) };
    assert_eq!(rc, 0, "kill({pid}, {signal})");
}

/// `kizuna serve` on `db` and `socket`, logging in English. Killed when dropped if it
/// is still running.
pub struct Server {
    child: Child,
    pub socket: PathBuf,
    pub db: PathBuf,
    log: Arc<Mutex<Vec<String>>>,
    reader: Option<JoinHandle<()>>,
}

impl Server {
    /// Starts the server as `home` runs it, and waits for its socket.
    pub fn start(home: &Home, db: &Path, socket: &Path) -> Server {
        let mut cmd = home.kizuna();
        cmd.args(["--lang", "en", "serve", "--db"])
            .arg(db)
            .arg("--socket")
            .arg(socket);
        Server::spawn(cmd, db, socket)
    }

    /// Starts a server from a command already made (another account, another binary).
    pub fn spawn(mut cmd: Command, db: &Path, socket: &Path) -> Server {
        let mut child = cmd
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let log = Arc::new(Mutex::new(Vec::new()));
        let stderr = child.stderr.take().unwrap();
        let lines = Arc::clone(&log);
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                lines.lock().unwrap().push(line);
            }
        });
        let mut server = Server {
            child,
            socket: socket.to_path_buf(),
            db: db.to_path_buf(),
            log,
            reader: Some(reader),
        };
        server.wait_log("listening on", Duration::from_secs(20));
        server
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// The binary as `home` runs it, through this server's socket.
    pub fn cli(&self, home: &Home) -> Command {
        let mut cmd = home.kizuna();
        cmd.arg("--socket").arg(&self.socket);
        cmd
    }

    /// Runs a command through the server.
    pub fn run(&self, home: &Home, args: &[&str]) -> Output {
        let mut cmd = self.cli(home);
        cmd.args(args);
        output(cmd, COMMAND_LIMIT)
    }

    /// Runs a command through the server and insists on success; returns stdout.
    pub fn ok(&self, home: &Home, args: &[&str]) -> String {
        let out = self.run(home, args);
        assert!(
            out.status.success(),
            "kizuna --socket {args:?} failed: {}\n{}",
            String::from_utf8_lossy(&out.stderr),
            String::from_utf8_lossy(&out.stdout)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// The log so far, one line each.
    pub fn log(&self) -> String {
        self.log.lock().unwrap().join("\n")
    }

    /// Waits for a log line containing `text`; returns the log.
    pub fn wait_log(&mut self, text: &str, limit: Duration) -> String {
        let start = Instant::now();
        loop {
            let log = self.log();
            if log.contains(text) {
                return log;
            }
            if let Ok(Some(status)) = self.child.try_wait() {
                // Let the reader take the last lines before giving up.
                sleep(Duration::from_millis(50));
                let log = self.log();
                assert!(log.contains(text), "the server ended ({status}): {log}");
                return log;
            }
            assert!(
                start.elapsed() < limit,
                "waited {limit:?} for {text:?} in the log:\n{log}"
            );
            sleep(Duration::from_millis(10));
        }
    }

    /// How many log lines contain `text`.
    pub fn count_log(&self, text: &str) -> usize {
        self.log
            .lock()
            .unwrap()
            .iter()
            .filter(|l| l.contains(text))
            .count()
    }

    pub fn signal(&self, sig: i32) {
        signal(self.child.id(), sig);
    }

    /// Waits for the server to exit; fails after `limit`.
    pub fn wait_exit(&mut self, limit: Duration) -> ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                if let Some(reader) = self.reader.take() {
                    let _ = reader.join();
                }
                return status;
            }
            assert!(
                start.elapsed() < limit,
                "the server did not exit in {limit:?}:\n{}",
                self.log()
            );
            sleep(Duration::from_millis(10));
        }
    }

    /// SIGTERM, and the exit status.
    pub fn stop(&mut self) -> ExitStatus {
        self.signal(libc::SIGTERM);
        self.wait_exit(Duration::from_secs(20))
    }

    /// SIGKILL: no chance to close anything.
    pub fn kill(&mut self) {
        self.signal(libc::SIGKILL);
        self.wait_exit(Duration::from_secs(10));
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// The client of the library on `socket`, as this process's account, today 2026-11-25.
pub fn connect(socket: &Path) -> Api {
    let clock = Arc::new(FixedClock::at_noon(Date::new(2026, 11, 25).unwrap()));
    match Api::connect(socket, clock, Lang::Ja) {
        Ok(api) => api,
        Err(e) => panic!("connect to {}: {e}", socket.display()),
    }
}
