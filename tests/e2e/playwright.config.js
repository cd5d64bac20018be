// @ts-check
// Playwright drives Debian's Chromium (never a downloaded browser) against the real release
// binary, which `webServer` starts on a free port with a database in a temporary folder and
// stops with SIGTERM at the end. Every journey runs twice: with JavaScript on and off.
const { defineConfig } = require('@playwright/test');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

// The runner reads this file before it starts the workers, and they inherit its environment:
// the port and folder chosen here are the same in every process.
if (!process.env.E2E_PORT) {
  process.env.E2E_PORT = execFileSync(process.execPath, [
    '-e',
    "const s = require('net').createServer(); s.listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); });",
  ])
    .toString()
    .trim();
}
if (!process.env.E2E_DATA) {
  process.env.E2E_DATA = fs.mkdtempSync(path.join(os.tmpdir(), 'ladder-e2e-'));
  process.env.E2E_DATA_OWNED = '1';
}
const bin = process.env.LADDER_BIN || path.resolve(__dirname, '../../target/release/ladder');
const baseURL = `http://127.0.0.1:${process.env.E2E_PORT}`;

/** Flags that keep Chromium quiet: no sandbox (root in a container), no calls home. */
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

module.exports = defineConfig({
  testDir: './journeys',
  outputDir: './out/test-results',
  globalTeardown: require.resolve('./support/teardown.js'),
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'out/results.json' }]],
  use: {
    baseURL,
    headless: true,
    viewport: { width: 1280, height: 800 },
    launchOptions: { executablePath: '/usr/bin/chromium', args: chromiumArgs },
    trace: 'off',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'js-on', use: { javaScriptEnabled: true } },
    { name: 'js-off', use: { javaScriptEnabled: false } },
  ],
  webServer: {
    // The shell records the server's pid (exec keeps it), so tests/e2e/run can stop a server
    // left behind should the runner itself be killed.
    command: `echo $$ > "${process.env.E2E_DATA}/webserver.pid" && exec "${bin}" --bind 127.0.0.1:${process.env.E2E_PORT} --database "${process.env.E2E_DATA}/ladder.db"`,
    url: `${baseURL}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
  },
});
