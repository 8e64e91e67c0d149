//! `kizuna serve` from the outside: the real binary serving a database on a Unix
//! socket, and the real binary (or the library's client, for raw frames) calling it.
//! Commands answer through the server as on the file; writes from many clients at once
//! all land in one verified audit chain; a stale save is refused with the conflict; a
//! screen shows what another client added without a keypress; broken frames close only
//! their own connection; killed clients and a killed server leave nothing half
//! written; SIGTERM stops the server cleanly.

mod common;
#[path = "serve/data.rs"]
mod data;
#[path = "common/serve.rs"]
mod support;

mod serve {
    mod conflict;
    mod frames;
    mod kills;
    mod live;
    mod same;
    mod stop;
    mod writes;
}
