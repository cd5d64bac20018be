//! Starts Ladder: read the flags, open the database, serve until Ctrl-C or SIGTERM.

use std::io::IsTerminal;

use clap::Parser;
use ladder::{AppState, config::Config};
use tracing_subscriber::EnvFilter;

/// jemalloc: measured faster than the system allocator for Ladder's many small allocations.
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        // Colours only on a terminal: in a log file they are escape codes around every word.
        .with_ansi(std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none())
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn")),
        )
        .init();
    let config = Config::parse();
    let bind = config.bind;
    let state = AppState::new(config).await?;
    // Before the address is announced: from then on, Ctrl-C or SIGTERM stops the server gently.
    let shutdown = ladder::shutdown_signal();
    let listener = tokio::net::TcpListener::bind(bind).await?;
    tracing::info!("Ladder is serving on http://{}", listener.local_addr()?);
    ladder::serve(listener, state, shutdown).await
}
