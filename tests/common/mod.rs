//! Helpers shared by the integration tests: a private temporary home and the real
//! binary run in it.

#![allow(dead_code)]

pub mod demo_world;
pub mod screens;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A temporary home for one test: data and config directories, and a fixed "today".
pub struct Home {
    pub dir: tempfile::TempDir,
}

impl Home {
    /// Runs kizuna with `input` on standard input.
    pub fn fed(&self, args: &[&str], input: &str) -> Output {
        use std::io::Write;
        let mut child = self
            .kizuna()
            .args(args)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
        child.wait_with_output().unwrap()
    }

    pub fn new() -> Home {
        Home {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn db(&self) -> PathBuf {
        self.path().join("data/kizuna/kizuna.redb")
    }

    pub fn demo_db(&self) -> PathBuf {
        self.path().join("data/kizuna/demo.redb")
    }

    /// The binary with a clean environment: no LANG, no KIZUNA_DB, today 2026-11-25.
    pub fn kizuna(&self) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_kizuna"));
        cmd.env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("HOME", self.path())
            .env("XDG_DATA_HOME", self.path().join("data"))
            .env("XDG_CONFIG_HOME", self.path().join("config"))
            .env("KIZUNA_SYSTEM_CONFIG", self.path().join("etc/config.toml"))
            .env("KIZUNA_NOW", "2026-11-25");
        cmd
    }

    /// Runs with arguments; returns the output.
    pub fn run(&self, args: &[&str]) -> Output {
        self.kizuna().args(args).output().unwrap()
    }

    /// Runs and insists on success; returns stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "kizuna {args:?} failed: {}\n{}",
            String::from_utf8_lossy(&out.stderr),
            String::from_utf8_lossy(&out.stdout)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// A database as `kizuna init` makes it, with the sample organisation, titles and
    /// staff of fixtures/csv imported through the CLI.
    pub fn with_samples() -> Home {
        let home = Home::new();
        home.ok(&["init"]);
        for (what, file) in [
            ("orgs", "orgs.csv"),
            ("titles", "titles.csv"),
            ("employees", "employees.csv"),
        ] {
            home.ok(&["import", what, &sample(file)]);
        }
        home
    }

    /// A demo database with `staff` people, made through the CLI.
    pub fn with_demo(staff: u32) -> Home {
        let home = Home::new();
        home.ok(&["demo", "--create-only", "--staff", &staff.to_string()]);
        home
    }
}

/// A sample file of fixtures/csv, as a path argument.
pub fn sample(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/csv")
        .join(name)
        .display()
        .to_string()
}

/// The first `n` staff numbers of the sample employee file.
pub fn sample_staff(n: usize) -> Vec<String> {
    std::fs::read_to_string(sample("employees.csv"))
        .unwrap()
        .lines()
        .skip(1)
        .take(n)
        .map(|l| l.split(',').next().unwrap().to_string())
        .collect()
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The TSV cell at a row whose column `key_col` equals `key`, in column `col`.
pub fn tsv_cell(tsv: &str, key_col: &str, key: &str, col: &str) -> String {
    let mut lines = tsv.lines();
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    let k = header.iter().position(|h| *h == key_col).unwrap();
    let c = header
        .iter()
        .position(|h| *h == col)
        .unwrap_or_else(|| panic!("no column {col}"));
    for line in lines {
        let cells: Vec<&str> = line.split('\t').collect();
        assert_eq!(cells.len(), header.len(), "ragged row: {line}");
        if cells[k] == key {
            return cells[c].to_string();
        }
    }
    panic!("no row {key}");
}

/// A private copy (mode 0600) of a committed database fixture, after checking it is
/// byte for byte the one committed: fixtures of released schemas are never
/// regenerated.
pub fn fixture_copy(fixture: &str) -> (tempfile::TempDir, PathBuf) {
    use sha2::{Digest, Sha256};
    use std::os::unix::fs::PermissionsExt;
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(root.join(fixture)).unwrap();
    let expected = std::fs::read_to_string(root.join(format!("{fixture}.sha256"))).unwrap();
    let digest: String = Sha256::digest(&bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(
        expected.split_whitespace().next(),
        Some(digest.as_str()),
        "{fixture} changed; it must never be regenerated"
    );
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("copy.redb");
    std::fs::write(&copy, bytes).unwrap();
    std::fs::set_permissions(&copy, std::fs::Permissions::from_mode(0o600)).unwrap();
    (dir, copy)
}
