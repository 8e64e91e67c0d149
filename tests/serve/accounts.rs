//! Throw-away OS accounts for the peer-credential test: a group for the socket,
//! accounts in it (removed when dropped, even after a failure), and a place where
//! they can run a copy of the binary through `runuser`.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::common::{stderr, stdout};
use crate::support::{COMMAND_LIMIT, output};

/// The system tools the test needs, looked for where Debian keeps them.
pub const TOOLS: [&str; 5] = ["useradd", "userdel", "groupadd", "groupdel", "runuser"];

pub fn tool(name: &str) -> Option<PathBuf> {
    ["/usr/sbin", "/sbin", "/usr/bin", "/bin"]
        .iter()
        .map(|d| Path::new(d).join(name))
        .find(|p| p.is_file())
}

/// Why the test cannot run here, if it cannot.
pub fn missing() -> Option<String> {
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } != 0 {
        return Some("not root".into());
    }
    let absent: Vec<&str> = TOOLS.into_iter().filter(|t| tool(t).is_none()).collect();
    (!absent.is_empty()).then(|| format!("missing {}", absent.join(", ")))
}

pub fn run_tool(name: &str, args: &[&str]) -> Output {
    let mut cmd = Command::new(tool(name).unwrap());
    cmd.args(args);
    output(cmd, COMMAND_LIMIT)
}

/// A group and accounts made for this test, removed when dropped, even after a failure.
pub struct Accounts {
    group: String,
    users: Vec<String>,
}

impl Accounts {
    pub fn new(tag: &str) -> Accounts {
        let group = format!("{tag}s");
        let out = run_tool("groupadd", &[&group]);
        assert!(out.status.success(), "groupadd: {}", stderr(&out));
        Accounts {
            group,
            users: Vec::new(),
        }
    }

    /// A new account with the group as its primary group, no home, no login.
    pub fn add(&mut self, name: &str) -> u32 {
        let out = run_tool(
            "useradd",
            &["-M", "-g", &self.group, "-s", "/usr/sbin/nologin", name],
        );
        assert!(out.status.success(), "useradd {name}: {}", stderr(&out));
        self.users.push(name.to_string());
        let out = output(
            {
                let mut c = Command::new("id");
                c.args(["-u", name]);
                c
            },
            COMMAND_LIMIT,
        );
        stdout(&out).trim().parse().unwrap()
    }

    pub fn gid(&self) -> u32 {
        let out = output(
            {
                let mut c = Command::new("getent");
                c.args(["group", &self.group]);
                c
            },
            COMMAND_LIMIT,
        );
        stdout(&out)
            .trim()
            .split(':')
            .nth(2)
            .unwrap()
            .parse()
            .unwrap()
    }
}

impl Drop for Accounts {
    fn drop(&mut self) {
        for user in &self.users {
            let _ = run_tool("userdel", &["-f", user]);
        }
        let _ = run_tool("groupdel", &[&self.group]);
    }
}

/// Where the accounts run the client: a copy of the binary in a directory they can
/// read, and a home of their own each.
pub struct Place {
    pub root: tempfile::TempDir,
}

impl Place {
    pub fn bin(&self) -> PathBuf {
        self.root.path().join("bin/kizuna")
    }

    pub fn home(&self, user: &str) -> PathBuf {
        self.root.path().join("home").join(user)
    }

    /// `kizuna ARGS` as `user`, with a clean environment plus `extra`.
    pub fn run_as(&self, user: &str, extra: &[(&str, &str)], args: &[&str]) -> Output {
        let home = self.home(user).display().to_string();
        let mut cmd = Command::new(tool("runuser").unwrap());
        cmd.args(["-u", user, "--", "env", "-i", "PATH=/usr/bin:/bin"])
            .arg(format!("HOME={home}"))
            .arg(format!("XDG_DATA_HOME={home}/data"))
            .arg(format!("XDG_CONFIG_HOME={home}/config"))
            .arg("KIZUNA_SYSTEM_CONFIG=/nonexistent")
            .arg("KIZUNA_NOW=2026-11-25");
        for (k, v) in extra {
            cmd.arg(format!("{k}={v}"));
        }
        cmd.arg(self.bin()).args(args);
        output(cmd, COMMAND_LIMIT)
    }
}

pub fn chown(path: &Path, uid: u32, gid: u32) {
    std::os::unix::fs::chown(path, Some(uid), Some(gid)).unwrap();
}

pub fn chmod(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}
