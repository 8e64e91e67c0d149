//! Reading passphrases and recovery keys: from the terminal without echo, or one line at
//! a time from standard input for scripts (`--passphrase-stdin`).

use std::io::{BufRead, Write};
use std::os::fd::AsRawFd;

use zeroize::Zeroizing;

use super::CliError;
use crate::i18n::{self, Lang};

/// Where secrets come from for one command.
pub enum Secrets {
    /// Each secret is asked for on the controlling terminal, without echo.
    Terminal,
    /// Each secret is the next line of standard input.
    Stdin,
}

impl Secrets {
    pub fn new(from_stdin: bool) -> Secrets {
        if from_stdin {
            Secrets::Stdin
        } else {
            Secrets::Terminal
        }
    }

    /// The next secret; `prompt` is shown on the terminal only.
    pub fn read(&self, prompt: &str, lang: Lang) -> Result<Zeroizing<String>, CliError> {
        let read = match self {
            Secrets::Stdin => line_from_stdin(),
            Secrets::Terminal => line_from_tty(prompt),
        };
        match read {
            Ok(Some(text)) => Ok(text),
            Ok(None) => Err(CliError::Said(i18n::no_secret(lang).to_string())),
            Err(e) => Err(CliError::Said(format!("{}: {e}", i18n::no_terminal(lang)))),
        }
    }
}

fn trim_line(mut line: Zeroizing<String>) -> Zeroizing<String> {
    while line.ends_with('\n') || line.ends_with('\r') {
        line.pop();
    }
    line
}

fn line_from_stdin() -> std::io::Result<Option<Zeroizing<String>>> {
    let mut line = Zeroizing::new(String::new());
    match std::io::stdin().lock().read_line(&mut line)? {
        0 => Ok(None),
        _ => Ok(Some(trim_line(line))),
    }
}

/// Turns the terminal's echo off while a line is read, and back on whatever happens.
fn line_from_tty(prompt: &str) -> std::io::Result<Option<Zeroizing<String>>> {
    let tty = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/tty")?;
    let fd = tty.as_raw_fd();
    // SAFETY: `termios` is plain data that tcgetattr fills for an open descriptor.
    let mut saved: libc::termios = unsafe { std::mem::zeroed() };
    // SAFETY: `fd` is open for the life of `tty`; `saved` is a valid termios.
    if unsafe { libc::tcgetattr(fd, &mut saved) } != 0 {
        return Err(std::io::Error::last_os_error());
    }
    let mut quiet = saved;
    quiet.c_lflag &= !(libc::ECHO | libc::ECHONL);
    quiet.c_lflag |= libc::ICANON;
    // SAFETY: as above; `quiet` is a copy of the terminal's own settings.
    if unsafe { libc::tcsetattr(fd, libc::TCSAFLUSH, &quiet) } != 0 {
        return Err(std::io::Error::last_os_error());
    }
    let mut writer = &tty;
    let result = (|| {
        writer.write_all(prompt.as_bytes())?;
        writer.flush()?;
        let mut line = Zeroizing::new(String::new());
        let n = std::io::BufReader::new(&tty).read_line(&mut line)?;
        Ok(if n == 0 { None } else { Some(trim_line(line)) })
    })();
    // SAFETY: restores the settings read above on the same descriptor.
    unsafe { libc::tcsetattr(fd, libc::TCSAFLUSH, &saved) };
    let _ = writer.write_all(b"\n");
    result
}
