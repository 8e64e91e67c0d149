//! The `kizuna` binary: parse, run, map failures to exit codes.

use std::process::ExitCode;

use kizuna::cli::{self, Context};
use kizuna::service::Principal;

fn main() -> ExitCode {
    let env = |key: &str| std::env::var(key).ok();
    let ctx = Context {
        env: &env,
        clock: Context::clock_from(&env),
        principal: Principal::current(),
    };
    ExitCode::from(cli::main(std::env::args_os().collect(), &ctx))
}
