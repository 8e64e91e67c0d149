//! Where the database and the config files are.
//!
//! The database path comes from `--db`, else `KIZUNA_DB`, else `db = …` in the host's
//! `/etc/kizuna/config.toml`, else the user's XDG data directory. The demo has its own
//! file. Personal preferences live in `$XDG_CONFIG_HOME/kizuna/config.toml`: built-in
//! defaults plus only what the user changes.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::error::CliError;

/// The host-wide config, for an HR server.
pub const SYSTEM_CONFIG: &str = "/etc/kizuna/config.toml";

/// The host-wide settings.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SystemConfig {
    pub db: Option<PathBuf>,
    /// The socket of `kizuna serve`: set, every command works through the server.
    pub socket: Option<PathBuf>,
}

/// One person's preferences.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UserConfig {
    /// `ja` or `en`.
    pub lang: Option<String>,
    /// ASCII borders for terminals that draw box characters two cells wide.
    pub ascii: Option<bool>,
    /// The socket of `kizuna serve`, for this person only.
    pub socket: Option<PathBuf>,
}

/// The environment as a lookup, so tests can give their own.
pub type Env<'a> = &'a dyn Fn(&str) -> Option<String>;

fn non_empty(env: Env<'_>, key: &str) -> Option<String> {
    env(key).filter(|v| !v.is_empty())
}

fn read_toml<T: for<'de> Deserialize<'de> + Default>(path: &Path) -> Result<T, CliError> {
    match std::fs::read_to_string(path) {
        Ok(text) => toml::from_str(&text).map_err(|e| CliError::Config {
            path: path.to_path_buf(),
            detail: e.to_string().trim_end().to_string(),
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(T::default()),
        Err(e) => Err(CliError::Config {
            path: path.to_path_buf(),
            detail: e.to_string(),
        }),
    }
}

/// The host config, from `KIZUNA_SYSTEM_CONFIG` if set (packaging and tests), else
/// `/etc/kizuna/config.toml`; a missing file is no error.
pub fn system_config(env: Env<'_>) -> Result<SystemConfig, CliError> {
    let path = non_empty(env, "KIZUNA_SYSTEM_CONFIG")
        .map_or_else(|| PathBuf::from(SYSTEM_CONFIG), PathBuf::from);
    read_toml(&path)
}

/// `$XDG_CONFIG_HOME/kizuna/config.toml`, or under `~/.config`.
pub fn user_config_path(env: Env<'_>) -> Option<PathBuf> {
    non_empty(env, "XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .or_else(|| non_empty(env, "HOME").map(|h| Path::new(&h).join(".config")))
        .map(|d| d.join("kizuna").join("config.toml"))
}

pub fn user_config(env: Env<'_>) -> Result<UserConfig, CliError> {
    match user_config_path(env) {
        Some(path) => read_toml(&path),
        None => Ok(UserConfig::default()),
    }
}

/// `$XDG_DATA_HOME/kizuna`, or `~/.local/share/kizuna`.
pub fn data_dir(env: Env<'_>) -> Result<PathBuf, CliError> {
    non_empty(env, "XDG_DATA_HOME")
        .map(PathBuf::from)
        .or_else(|| non_empty(env, "HOME").map(|h| Path::new(&h).join(".local").join("share")))
        .map(|d| d.join("kizuna"))
        .ok_or(CliError::NoHome)
}

/// The database to use.
pub fn database(flag: Option<&Path>, env: Env<'_>) -> Result<PathBuf, CliError> {
    if let Some(p) = flag {
        return Ok(p.to_path_buf());
    }
    if let Some(p) = non_empty(env, "KIZUNA_DB") {
        return Ok(PathBuf::from(p));
    }
    if let Some(p) = system_config(env)?.db {
        return Ok(p);
    }
    Ok(data_dir(env)?.join("kizuna.redb"))
}

/// Where the service is: a database file opened in this process, or a server.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    File(PathBuf),
    Server(PathBuf),
}

/// Where to find the service. The most particular choice wins: `--socket`, `--db`,
/// then `KIZUNA_SOCKET`, `KIZUNA_DB`, then the person's config (`socket`), the host's
/// config (`socket`, then `db`), and last the file in the XDG data directory.
pub fn place(db: Option<&Path>, socket: Option<&Path>, env: Env<'_>) -> Result<Place, CliError> {
    if let Some(s) = socket {
        return Ok(Place::Server(s.to_path_buf()));
    }
    if let Some(p) = db {
        return Ok(Place::File(p.to_path_buf()));
    }
    if let Some(s) = non_empty(env, "KIZUNA_SOCKET") {
        return Ok(Place::Server(PathBuf::from(s)));
    }
    if non_empty(env, "KIZUNA_DB").is_none() {
        if let Some(s) = user_config(env)?.socket {
            return Ok(Place::Server(s));
        }
        if let Some(s) = system_config(env)?.socket {
            return Ok(Place::Server(s));
        }
    }
    Ok(Place::File(database(None, env)?))
}

/// The socket `kizuna serve` listens on: `--socket`, `KIZUNA_SOCKET`, or the host's
/// config.
pub fn serve_socket(flag: Option<&Path>, env: Env<'_>) -> Result<Option<PathBuf>, CliError> {
    if let Some(s) = flag {
        return Ok(Some(s.to_path_buf()));
    }
    if let Some(s) = non_empty(env, "KIZUNA_SOCKET") {
        return Ok(Some(PathBuf::from(s)));
    }
    Ok(system_config(env)?.socket)
}

/// The demo database: `--db` if given on the command line, else its own file beside
/// the default database (never `KIZUNA_DB`, which names the real one).
pub fn demo_database(flag: Option<&Path>, env: Env<'_>) -> Result<PathBuf, CliError> {
    match flag {
        Some(p) => Ok(p.to_path_buf()),
        None => Ok(data_dir(env)?.join("demo.redb")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |k| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn flag_beats_env_beats_default() {
        let e = env(&[
            ("HOME", "/home/hr1"),
            ("KIZUNA_DB", "/srv/k.redb"),
            ("KIZUNA_SYSTEM_CONFIG", "/nonexistent"),
        ]);
        assert_eq!(
            database(Some(Path::new("/tmp/x.redb")), &e).unwrap(),
            PathBuf::from("/tmp/x.redb")
        );
        assert_eq!(database(None, &e).unwrap(), PathBuf::from("/srv/k.redb"));
        let e = env(&[
            ("HOME", "/home/hr1"),
            ("KIZUNA_SYSTEM_CONFIG", "/nonexistent"),
        ]);
        assert_eq!(
            database(None, &e).unwrap(),
            PathBuf::from("/home/hr1/.local/share/kizuna/kizuna.redb")
        );
        let e = env(&[("XDG_DATA_HOME", "/data"), ("KIZUNA_DB", "/srv/k.redb")]);
        assert_eq!(
            demo_database(None, &e).unwrap(),
            PathBuf::from("/data/kizuna/demo.redb")
        );
    }

    #[test]
    fn the_most_particular_place_wins() {
        let dir = tempfile::tempdir().unwrap();
        let system = dir.path().join("system.toml");
        std::fs::write(
            &system,
            "db = \"/srv/k.redb\"\nsocket = \"/run/kizuna/k.sock\"\n",
        )
        .unwrap();
        let system = system.to_string_lossy().to_string();
        let system = system.as_str();
        let pairs1 = [("HOME", "/home/hr1"), ("KIZUNA_SYSTEM_CONFIG", system)];
        let e = env(&pairs1);
        let server = |s: &str| Place::Server(PathBuf::from(s));
        assert_eq!(place(None, None, &e).unwrap(), server("/run/kizuna/k.sock"));
        assert_eq!(
            place(Some(Path::new("/tmp/x.redb")), None, &e).unwrap(),
            Place::File(PathBuf::from("/tmp/x.redb"))
        );
        assert_eq!(
            place(
                Some(Path::new("/tmp/x.redb")),
                Some(Path::new("/tmp/s")),
                &e
            )
            .unwrap(),
            server("/tmp/s")
        );
        let pairs2 = [
            ("HOME", "/home/hr1"),
            ("KIZUNA_SYSTEM_CONFIG", system),
            ("KIZUNA_DB", "/tmp/mine.redb"),
        ];
        let e = env(&pairs2);
        assert_eq!(
            place(None, None, &e).unwrap(),
            Place::File(PathBuf::from("/tmp/mine.redb"))
        );
        let pairs3 = [
            ("HOME", "/home/hr1"),
            ("KIZUNA_SYSTEM_CONFIG", system),
            ("KIZUNA_DB", "/tmp/mine.redb"),
            ("KIZUNA_SOCKET", "/tmp/other.sock"),
        ];
        let e = env(&pairs3);
        assert_eq!(place(None, None, &e).unwrap(), server("/tmp/other.sock"));
        assert_eq!(
            serve_socket(None, &e).unwrap(),
            Some(PathBuf::from("/tmp/other.sock"))
        );
    }

    #[test]
    fn no_home_is_an_error() {
        let e = env(&[("KIZUNA_SYSTEM_CONFIG", "/nonexistent")]);
        assert!(matches!(database(None, &e), Err(CliError::NoHome)));
    }

    #[test]
    fn bad_config_names_the_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "lang = \"ja\"\ncolour = 3\n").unwrap();
        let err = read_toml::<UserConfig>(&path).unwrap_err();
        let CliError::Config { detail, .. } = err else {
            panic!()
        };
        assert!(detail.contains("line 2"), "{detail}");
    }
}
