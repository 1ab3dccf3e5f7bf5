mod cache;
mod cli;
mod dates;
mod engine;
mod exit;
mod ledger;
mod model;
mod record;
mod registry;
mod render;
mod send;
mod views;

use std::process::ExitCode;

fn main() -> ExitCode {
    match cli::run() {
        Ok(exit) => exit.into(),
        // A reader that closed the pipe (`due | head -1`) has all it wanted.
        Err(err) if cli::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("due: {err:#}");
            exit::Exit::Error.into()
        }
    }
}
