//! `kizuna serve`: the database's owner for several HR staff at once.

use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use super::error::CliError;
use super::{Cli, Context, database, paths};
use crate::i18n::{self, Lang};
use crate::remote::server;
use crate::service::Service;

/// Serves until SIGTERM, SIGINT or SIGHUP; the log goes to standard error (the journal, under
/// systemd).
pub fn run(cli: &Cli, ctx: &Context<'_>, lang: Lang) -> Result<u8, CliError> {
    let socket = paths::serve_socket(cli.socket.as_deref(), ctx.env)?
        .ok_or_else(|| CliError::Said(i18n::serve_no_socket(lang)))?;
    let db = database(cli, ctx)?;
    let service = Service::open(&db, ctx.clock.clone())?;
    let stop = Arc::new(AtomicBool::new(false));
    // A dropped terminal (SIGHUP) stops it cleanly too, as it does the screens.
    for signal in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGINT,
        signal_hook::consts::SIGHUP,
    ] {
        signal_hook::flag::register(signal, Arc::clone(&stop))
            .map_err(|e| CliError::Said(i18n::serve_trouble(&e.to_string(), lang)))?;
    }
    let listener =
        server::bind(&socket).map_err(|e| CliError::Said(i18n::serve_error(&e, lang)))?;
    eprintln!("{}", i18n::serving(&socket, &db, lang));
    server::serve(
        service,
        listener,
        &socket,
        lang,
        &stop,
        Box::new(|line| eprintln!("{line}")),
    )
    .map_err(|e| CliError::Said(i18n::serve_error(&e, lang)))?;
    Ok(0)
}
