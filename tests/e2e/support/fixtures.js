// @ts-check
// What every journey shares: a guard that fails the test on a console error, a page error or a
// request to any host but 127.0.0.1; `checkPage`, run on every page a journey visits (axe-core
// with the WCAG 2.2 A/AA tags, light and dark; no horizontal scroll at 360 px; screenshots at
// 390x844 and 1280x800);
// fresh browser contexts under the same guard; servers of our own that always stop.
const path = require('node:path');
const { test: base, expect } = require('@playwright/test');
const AxeBuilder = require('@axe-core/playwright');
const { startServer } = require('./server');

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const SCREENSHOTS = path.join(__dirname, '..', 'out', 'screenshots');

/** Only the site itself may be asked for anything. */
function isLocal(url) {
  if (/^(data|blob|about):/.test(url)) return true;
  return new URL(url).hostname === '127.0.0.1';
}

/** Collects what must not happen while a test runs; the test fails if anything was collected. */
class Guard {
  constructor() {
    /** @type {string[]} */
    this.problems = [];
    /** @type {number[]} */
    this.statuses = [];
  }

  /** Watches every page of `context`, now and later. */
  async watch(context) {
    await context.route(
      (url) => !isLocal(url.href),
      (route) => route.abort('blockedbyclient'),
    );
    context.on('request', (request) => {
      if (!isLocal(request.url())) this.problems.push(`request left 127.0.0.1: ${request.url()}`);
    });
    context.on('console', (message) => {
      if (message.type() !== 'error' || this.expected(message.text())) return;
      this.problems.push(`console error on ${message.page()?.url()}: ${message.text()}`);
    });
    context.on('weberror', (error) => this.problems.push(`page error: ${error.error().message}`));
  }

  /**
   * A journey that expects an error page (404, 409, 422) says so: Chromium logs the status of
   * such a document as a console error, which is then not a fault.
   */
  expectStatus(status) {
    this.statuses.push(status);
  }

  expected(text) {
    return this.statuses.some((status) =>
      text.startsWith(`Failed to load resource: the server responded with a status of ${status} `),
    );
  }
}

/** One line per axe violation: rule, impact, and where. */
function describeViolations(violations) {
  return violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

const test = base.extend({
  guard: async ({}, use) => {
    const guard = new Guard();
    await use(guard);
    expect(guard.problems, 'console errors, page errors and requests off 127.0.0.1').toEqual([]);
  },

  context: async ({ context, guard }, use) => {
    await guard.watch(context);
    await use(context);
  },

  /** A brand-new browser context (a different browser, as far as the site knows), guarded. */
  newContext: async ({ browser, guard }, use, testInfo) => {
    const made = [];
    await use(async (options = {}) => {
      const context = await browser.newContext({
        baseURL: testInfo.project.use.baseURL,
        javaScriptEnabled: testInfo.project.use.javaScriptEnabled,
        viewport: testInfo.project.use.viewport,
        ...options,
      });
      made.push(context);
      await guard.watch(context);
      return context;
    });
    for (const context of made) await context.close();
  },

  /** Ladder servers of this test's own; each is stopped when the test ends, pass or fail. */
  servers: async ({}, use) => {
    const started = [];
    await use({
      start: async (options) => {
        const server = await startServer(options);
        started.push(server);
        return server;
      },
    });
    for (const server of started) await server.stop();
  },

  /** `await checkPage(page, 'name')`: the checks every visited page must pass. */
  checkPage: async ({ javaScriptEnabled }, use, testInfo) => {
    const journey = path.basename(testInfo.file, '.spec.js');
    await use(async (page, name) => {
      await test.step(`check page: ${name}`, async () => {
        await checkPage(page, `${journey}-${name}`, testInfo.project.name, javaScriptEnabled);
      });
    });
  },
});

/**
 * axe runs inside the page. With JavaScript off, Chromium still evaluates what the test sends,
 * but never fires a timer, and axe schedules its work with timers. So, on such a page (whose own
 * scripts never run), timers are swapped for microtasks just before axe is injected. Legacy mode
 * keeps axe in the page itself instead of finishing in a new, equally script-less, tab.
 */
async function runAxe(page, javaScriptEnabled) {
  if (javaScriptEnabled === false) {
    await page.evaluate(() => {
      let id = 0;
      const soon = (fn, ...args) => {
        id += 1;
        Promise.resolve().then(() => fn(...args));
        return id;
      };
      window.setTimeout = /** @type {any} */ ((fn, _ms, ...args) => soon(fn, ...args));
      window.clearTimeout = () => {};
      window.requestAnimationFrame = (fn) => soon(fn, performance.now());
    });
  }
  return new AxeBuilder({ page }).setLegacyMode(true).withTags(WCAG_TAGS).analyze();
}

/**
 * axe in the light scheme on the wide layout and in the dark scheme on the phone layout, so both
 * schemes and both layouts are checked; the width at 360 px; then the screenshots for review.
 */
async function checkPage(page, name, project, javaScriptEnabled) {
  const where = `${name} (${new URL(page.url()).pathname})`;
  const viewport = page.viewportSize() || { width: 1280, height: 800 };
  const shot = (file) => page.screenshot({ path: path.join(SCREENSHOTS, project, `${name}-${file}.png`), fullPage: true });
  const axe = async (label) => {
    const results = await runAxe(page, javaScriptEnabled);
    expect.soft(describeViolations(results.violations), `axe (${label}) on ${where}`).toEqual([]);
  };

  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 800 });
  await axe('light, 1280 px');
  await shot('1280');

  // No sideways scrolling on a small phone (360 px), nor on the smallest still in use (320 px).
  for (const width of [360, 320]) {
    await page.setViewportSize({ width, height: 740 });
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect.soft(scrollWidth, `page width at a ${width} px viewport on ${where}`).toBeLessThanOrEqual(width);
  }

  await page.setViewportSize({ width: 390, height: 844 });
  await shot('390');
  await page.emulateMedia({ colorScheme: 'dark' });
  await axe('dark, 390 px');
  await shot('390-dark');

  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize(viewport);
}

module.exports = { test, expect };
