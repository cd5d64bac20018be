// @ts-check
// Starts the release binary as a server of a test's own, for journeys that stop and restart it.
// The server prints the address it listens on; we wait for that line, never for a timer.
const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');

const BIN = process.env.LADDER_BIN || path.resolve(__dirname, '../../../target/release/ladder');

/**
 * Starts `ladder` on `port` (0: any free port) with the given database file.
 * @param {{ database: string, port?: number }} options
 */
async function startServer({ database, port = 0 }) {
  fs.mkdirSync(path.dirname(database), { recursive: true });
  const child = spawn(BIN, ['--bind', `127.0.0.1:${port}`, '--database', database], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  // Recorded like the main server's, for tests/e2e/run to clean up after a killed runner.
  const pidFile = path.join(path.dirname(database), `server-${child.pid}.pid`);
  fs.writeFileSync(pidFile, `${child.pid}\n`);
  child.once('exit', () => fs.rmSync(pidFile, { force: true }));
  let log = '';
  const keep = (chunk) => {
    // Keep reading so the pipe never fills; keep only the tail for error messages.
    log = (log + chunk).slice(-4000);
  };
  child.stderr.on('data', keep);
  const url = await new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      keep(chunk);
      const found = log.match(/serving on (http:\/\/127\.0\.0\.1:\d+)/);
      if (found) resolve(found[1]);
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`ladder exited (${code}) before serving:\n${log}`)));
  });

  /** Sends SIGTERM and waits for the process to exit (it finishes open requests first). */
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve(undefined);
      child.once('exit', () => resolve(undefined));
      child.kill('SIGTERM');
    });

  return { url, port: Number(new URL(url).port), stop };
}

module.exports = { startServer };
