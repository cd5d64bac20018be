//! All SQL: the connection pools, the migrations and one function per query.
//!
//! Handlers call these functions and never build SQL, so another backend can replace this
//! module without touching the pages.

mod checkpoint;
mod coalesce;
pub mod plans;
mod writer;

use std::{
    path::{Path, PathBuf},
    str::FromStr,
    time::Duration,
};

use sqlx::{
    SqlitePool,
    migrate::Migrator,
    sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous},
};

mod search;

/// The migrations in `migrations/`, compiled into the binary.
pub static MIGRATOR: Migrator = sqlx::migrate!();

/// At most this many read connections; in WAL mode they never wait for the writer.
const MAX_READERS: usize = 4;

/// One read connection per core the server may run on. More would only take turns on the same
/// cores, each with its own thread and its own copy of the hot pages: on one core, four readers
/// served plan pages about 5% slower than one.
fn readers() -> u32 {
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    cores.min(MAX_READERS) as u32
}

/// The database: one writer connection (SQLite takes one writer at a time anyway, and a single
/// connection avoids lock contention and busy retries) and a pool of read-only connections.
#[derive(Clone, Debug)]
pub struct Store {
    pub(crate) writer: SqlitePool,
    pub(crate) reader: SqlitePool,
    checkpointer: SqlitePool,
    /// The group-commit task that runs every write after start-up.
    write: writer::Writer,
    /// New plans and step changes, coalesced into multi-row writes.
    creates: coalesce::Coalescer<plans::NewPlan, String>,
    step_updates: coalesce::Coalescer<plans::StepUpdate, bool>,
}

impl Store {
    /// Opens (creating when missing) the database file and its folder, and applies the migrations.
    pub async fn open(path: &Path) -> anyhow::Result<Store> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)?;
        }
        let options = SqliteConnectOptions::from_str("sqlite:")?
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            // FULL: a commit is on disk before it returns. The writer instead runs NORMAL and
            // flushes the log itself before it answers (see `writer`); checkpoints stay FULL.
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(5));
        // The writer and the checkpointer keep their one connection for the life of the store.
        let lasting = || {
            SqlitePoolOptions::new()
                .max_connections(1)
                .min_connections(1)
                .idle_timeout(None)
                .max_lifetime(None)
        };
        let writer = lasting()
            .connect_with(
                options
                    .clone()
                    .synchronous(SqliteSynchronous::Normal)
                    .pragma("wal_autocheckpoint", checkpoint::WRITER_FALLBACK_PAGES),
            )
            .await?;
        MIGRATOR.run(&writer).await?;
        let checkpointer = lasting().connect_with(options.clone()).await?;
        let reader = SqlitePoolOptions::new()
            .max_connections(readers())
            .connect_with(options.read_only(true))
            .await?;
        let wal_file = wal_path(path);
        let wal = writer::Flushable::open(&wal_file)?;
        // The log's own folder entry must be on disk too, or a power cut could lose the file.
        wal.sync().await?;
        if let Some(folder) = wal_file.parent().filter(|p| !p.as_os_str().is_empty()) {
            writer::sync_file(folder)?;
        }
        let log = checkpoint::Log::default();
        checkpoint::start(
            checkpointer.clone(),
            writer::Flushable::open(path)?,
            log.clone(),
        );
        let write = writer::Writer::start(writer.clone(), wal, log);
        Ok(Store {
            creates: coalesce::Coalescer::start(write.clone(), plans::insert_plans),
            step_updates: coalesce::Coalescer::start(write.clone(), plans::update_steps),
            write,
            writer,
            reader,
            checkpointer,
        })
    }

    /// Whether the database answers a query on its plans. `select 1` would not do: it reads no
    /// file, so it answers even when the database file is gone bad.
    pub async fn is_healthy(&self) -> bool {
        sqlx::query_scalar::<_, i64>("select count(*) from (select 1 from plans limit 1)")
            .fetch_one(&self.reader)
            .await
            .is_ok()
    }

    /// Rows in one of the site's tables; used by tests and checks to prove what changed.
    pub async fn count_rows(&self, table: &str) -> sqlx::Result<i64> {
        // Table names cannot be bound as parameters, so only known names reach the SQL.
        let sql = match table {
            "plans" => "select count(*) from plans",
            "rungs" => "select coalesce(sum(json_array_length(rungs)), 0) from plans",
            "barriers" => "select count(*) from barriers",
            "steps" => "select count(*) from steps",
            _ => return Err(sqlx::Error::Protocol(format!("unknown table {table}"))),
        };
        sqlx::query_scalar(sql).fetch_one(&self.reader).await
    }

    /// Waits for open connections to finish and closes both pools.
    pub async fn close(&self) {
        self.reader.close().await;
        self.checkpointer.close().await;
        self.writer.close().await;
    }
}

/// SQLite's write-ahead log sits beside the database, named after it.
fn wal_path(database: &Path) -> PathBuf {
    let mut name = database.as_os_str().to_owned();
    name.push("-wal");
    PathBuf::from(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn opening_an_empty_folder_creates_the_database_and_a_second_open_reuses_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nested/ladder.db");

        let store = Store::open(&path).await.unwrap();
        assert!(store.is_healthy().await);
        store.close().await;
        assert!(path.exists());

        let again = Store::open(&path).await.unwrap();
        assert!(again.is_healthy().await);
    }

    #[tokio::test]
    async fn a_closed_store_is_not_healthy() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("ladder.db")).await.unwrap();

        store.close().await;

        assert!(!store.is_healthy().await);
    }

    const PLANS: &str = include_str!("../../migrations/0001_create_plans.sql");
    const BARRIERS: &str = include_str!("../../migrations/0003_create_barriers.sql");
    const OWN_FLAGS: &str = include_str!("../../migrations/0004_mark_steps_the_person_changed.sql");
    const LAST_STEP: &str = include_str!("../../migrations/0005_remember_the_last_step_number.sql");

    /// An in-memory database made by the first migration, holding `rows`, then taken through
    /// `later` ones: how a database saved before them is upgraded.
    async fn upgraded(rows: &'static str, later: &[&'static str]) -> sqlx::SqliteConnection {
        use sqlx::Connection;
        let mut conn = sqlx::SqliteConnection::connect("sqlite::memory:")
            .await
            .unwrap();
        for sql in [PLANS, rows].into_iter().chain(later.iter().copied()) {
            sqlx::raw_sql(sql).execute(&mut conn).await.unwrap();
        }
        conn
    }

    #[tokio::test]
    async fn the_barrier_migration_moves_each_plans_list_into_rows() {
        let mut conn = upgraded(
            "insert into plans (n, id, share_id, current_job, target_career, barriers,
                                horizon_months, created_on, review_on)
             values (1, 'a', 'sa', 'Cashier', 'Manager', '[\"money\",\"goals\"]', 12, '', ''),
                    (2, 'b', 'sb', 'Cook', 'Chef', '[]', 12, '', '')",
            &[BARRIERS],
        )
        .await;

        let rows: Vec<(i64, String)> =
            sqlx::query_as("select plan, barrier from barriers order by plan, barrier")
                .fetch_all(&mut conn)
                .await
                .unwrap();
        assert_eq!(rows, [(1, "goals".into()), (1, "money".into())]);
        let columns: Vec<String> =
            sqlx::query_scalar("select name from pragma_table_info('plans')")
                .fetch_all(&mut conn)
                .await
                .unwrap();
        assert!(!columns.iter().any(|c| c == "barriers"), "{columns:?}");
    }

    #[tokio::test]
    async fn steps_saved_before_the_own_flags_get_them_as_unknown() {
        let mut conn = upgraded(
            "insert into plans (n, id, share_id, current_job, target_career, horizon_months,
                                created_on, review_on)
             values (1, 'a', 'sa', 'Cashier', 'Manager', 12, '', '');
             insert into steps (plan, number, position, kind, title)
             values (1, 1, 1, 'path', 'Map it');",
            &[BARRIERS, OWN_FLAGS],
        )
        .await;

        let flags: (Option<bool>, Option<bool>) =
            sqlx::query_as("select own_title, own_due from steps")
                .fetch_one(&mut conn)
                .await
                .unwrap();
        let refused = sqlx::query("update steps set own_title = 2")
            .execute(&mut conn)
            .await;

        assert_eq!(flags, (None, None));
        assert!(refused.is_err(), "only 0 or 1");
    }

    #[tokio::test]
    async fn plans_saved_before_the_last_step_number_get_their_highest_step() {
        let mut conn = upgraded(
            "insert into plans (n, id, share_id, current_job, target_career, horizon_months,
                                created_on, review_on)
             values (1, 'a', 'sa', 'Cashier', 'Manager', 12, '', ''),
                    (2, 'b', 'sb', 'Cook', 'Chef', 12, '', '');
             insert into steps (plan, number, position, kind, title)
             values (1, 1, 1, 'path', 'Map it'), (1, 3, 2, 'custom', 'Mine');",
            &[BARRIERS, OWN_FLAGS, LAST_STEP],
        )
        .await;

        let last: Vec<(i64, i64)> = sqlx::query_as("select n, last_step from plans order by n")
            .fetch_all(&mut conn)
            .await
            .unwrap();

        assert_eq!(last, [(1, 3), (2, 0)]);
    }
}
