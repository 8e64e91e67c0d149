//! Skills, training and CSV files through `kizuna serve`: the same commands give the
//! same answers through the server as on the database file, an employee file with 外字
//! travels with its gaiji table, and a refused file lists every problem by line and
//! column through the server as it does at home.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Child, Output, Stdio};
use std::time::{Duration, Instant};

use common::{Home, stderr, stdout};

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/csv")
        .join(name)
        .display()
        .to_string()
}

/// `kizuna serve` on a socket in the home; stopped with SIGTERM when dropped.
struct Server {
    child: Child,
    socket: PathBuf,
}

impl Server {
    fn start(home: &Home) -> Server {
        let socket = home.path().join("kizuna.sock");
        let child = home
            .kizuna()
            .args(["serve", "--socket"])
            .arg(&socket)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let started = Instant::now();
        while !socket.exists() {
            assert!(started.elapsed() < Duration::from_secs(20), "no socket");
            std::thread::sleep(Duration::from_millis(20));
        }
        Server { child, socket }
    }

    fn run(&self, home: &Home, args: &[&str]) -> Output {
        home.kizuna()
            .env("KIZUNA_SOCKET", &self.socket)
            .args(args)
            .output()
            .unwrap()
    }

    fn ok(&self, home: &Home, args: &[&str]) -> String {
        let out = self.run(home, args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        stdout(&out)
    }

    /// Stops the server and waits until it has closed the database.
    fn stop(mut self) {
        self.terminate();
    }

    fn terminate(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let pid = i32::try_from(self.child.id()).unwrap();
            // SAFETY: a signal to our own child process, which has not been waited for.
            unsafe { libc::kill(pid, libc::SIGTERM) };
            let _ = self.child.wait();
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.terminate();
    }
}

/// A database with the sample organisation and titles.
fn home() -> Home {
    let home = Home::new();
    home.ok(&["init"]);
    home.ok(&["import", "orgs", &fixture("orgs.csv")]);
    home.ok(&["import", "titles", &fixture("titles.csv")]);
    home
}

const HEADER: &str = "職員番号,氏名,フリガナ,所属コード,職名,生年月日,採用日,発令日";

#[test]
fn files_go_through_the_server_whole_with_their_gaiji_table() {
    let home = home();
    let dir = home.path();
    let gaiji_file = dir.join("gaiji.csv");
    std::fs::write(
        &gaiji_file,
        format!(
            "{HEADER}\n000001,\u{E000}橋　誠,たかはし まこと,010201,主事,1990-01-01,2012-04-01,\n"
        ),
    )
    .unwrap();
    let table = dir.join("gaiji.tsv");
    std::fs::write(&table, "# 旧システムの外字\nE000\t髙\n").unwrap();
    let gaiji_file = gaiji_file.display().to_string();
    let table = table.display().to_string();
    let levels = dir.join("levels.csv");
    std::fs::write(
        &levels,
        "職員番号,スキル,レベル,日付,区分,評価者\n000001,logical-thinking,2,2026-10-01,本人申告,\n",
    )
    .unwrap();
    let levels = levels.display().to_string();

    // The refusal at home, for comparison.
    let at_home = home.run(&["import", "employees", &gaiji_file]);
    assert_eq!(at_home.status.code(), Some(1));

    let server = Server::start(&home);
    let refused = server.run(&home, &["import", "employees", &gaiji_file]);
    assert_eq!(refused.status.code(), Some(1));
    assert_eq!(stderr(&refused), stderr(&at_home));
    assert!(stderr(&refused).contains("U+E000"), "{}", stderr(&refused));

    let done = server.ok(
        &home,
        &["import", "employees", &gaiji_file, "--gaiji", &table],
    );
    assert!(done.contains("追加 1 人"), "{done}");
    let cp932 = server.ok(
        &home,
        &["import", "employees", &fixture("employees-cp932.csv")],
    );
    assert!(cp932.contains("CP932"), "{cp932}");
    let dry = server.ok(&home, &["import", "skills", &levels, "--dry-run"]);
    assert!(dry.contains("追加 1 件"), "{dry}");
    server.ok(&home, &["import", "skills", &levels]);
    let staff = server.ok(&home, &["export", "employees"]);
    let skills = server.ok(&home, &["export", "skills"]);
    assert!(staff.contains("000001,髙橋　誠,"), "{staff}");
    assert!(
        skills.contains("000001,logical-thinking,2,2026-10-01,"),
        "{skills}"
    );
    server.stop();

    // What the server wrote is what the file holds.
    assert_eq!(home.ok(&["export", "employees"]), staff);
    assert_eq!(home.ok(&["export", "skills"]), skills);
}

#[test]
fn skill_and_training_commands_answer_the_same_through_the_server() {
    let home = home();
    home.ok(&["import", "employees", &fixture("employees.csv")]);
    let server = Server::start(&home);
    let session = server.ok(
        &home,
        &[
            "training",
            "add-session",
            "harassment",
            "--day",
            "2026-12-10",
            "--capacity",
            "2",
            "--place",
            "会議室",
            "--instructor",
            "講師",
        ],
    );
    let id = session.split('\t').next().unwrap().to_string();
    server.ok(&home, &["training", "session-status", &id, "open"]);
    // Two places for three people of the sample file: the third waits.
    let staff = ["000123", "000456", "260001"];
    let mut enroll = vec!["training", "enroll", id.as_str()];
    enroll.extend(staff);
    server.ok(&home, &enroll);

    let reads: Vec<Vec<&str>> = vec![
        vec!["skills", "map"],
        vec!["skills", "gaps", "--org", "01"],
        vec!["skills", "gaps", "--employee", staff[0]],
        vec!["skills", "matrix", "--org", "01"],
        vec!["digital", "targets"],
        vec!["training", "courses"],
        vec!["training", "sessions"],
        vec!["training", "roster", &id],
        vec!["training", "outstanding"],
        vec!["training", "proposals"],
        vec!["training", "bulk", &id, "--org", "01"],
        vec!["subsidy", "list"],
    ];
    // Refusals too: an unknown session, a retired person.
    let refusals: Vec<Vec<&str>> = vec![
        vec!["training", "roster", "R8-999"],
        vec!["training", "enroll", &id, "000789"],
    ];
    let through: Vec<(String, String)> = reads
        .iter()
        .map(|args| {
            let out = server.run(&home, args);
            assert!(out.status.success(), "{args:?}: {}", stderr(&out));
            (stdout(&out), stderr(&out))
        })
        .collect();
    let refused: Vec<(Option<i32>, String)> = refusals
        .iter()
        .map(|args| {
            let out = server.run(&home, args);
            (out.status.code(), stderr(&out))
        })
        .collect();
    server.stop();
    for (args, seen) in refusals.iter().zip(&refused) {
        let out = home.run(args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert_eq!((out.status.code(), stderr(&out)), *seen, "{args:?}");
    }
    for (args, seen) in reads.iter().zip(&through) {
        let out = home.run(args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        assert_eq!((stdout(&out), stderr(&out)), *seen, "{args:?}");
    }
    assert_eq!(
        through[7].0.lines().count(),
        4,
        "the roster has three people"
    );
}
