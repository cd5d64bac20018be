//! Command-line flags and their environment variables.

use std::{net::SocketAddr, path::PathBuf};

use clap::{Parser, ValueEnum};

/// How Ladder is started. Every flag has an environment variable of the same meaning.
#[derive(Debug, Clone, Parser)]
#[command(
    name = "ladder",
    version,
    about = "Career guides and a step planner, served on one port"
)]
pub struct Config {
    /// Address and port to listen on.
    #[arg(long, env = "LADDER_BIND", default_value = "127.0.0.1:3000")]
    pub bind: SocketAddr,

    /// SQLite database file; it and its folder are created when missing.
    #[arg(long, env = "LADDER_DATABASE", default_value = "data/ladder.db")]
    pub database: PathBuf,

    /// Folder of the stylesheet and icons served under /static.
    #[arg(long, env = "LADDER_STATIC", default_value = concat!(env!("CARGO_MANIFEST_DIR"), "/static"))]
    pub static_dir: PathBuf,

    /// Per-client limit on writes; `off` for load tests from one address.
    #[arg(long, env = "LADDER_RATE_LIMIT", value_enum, default_value_t = Switch::On)]
    pub rate_limit: Switch,

    /// Set when a proxy serves the site over HTTPS: adds Strict-Transport-Security.
    #[arg(long, env = "LADDER_HTTPS", default_value_t = false)]
    pub https: bool,
}

/// An on/off setting spelled as a word, so `LADDER_RATE_LIMIT=off` reads naturally.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Switch {
    On,
    Off,
}

impl Config {
    /// The settings a test uses: a given database file, everything else at its default.
    pub fn for_database(database: impl Into<PathBuf>) -> Self {
        let mut config = Config::parse_from(["ladder"]);
        config.database = database.into();
        config
    }
}
