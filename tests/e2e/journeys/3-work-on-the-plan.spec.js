// @ts-check
// Journey 3: on a new plan, the bookmark banner, the ladder picture and the steps are there;
// ticking two steps moves the progress bar; a note on a step is still there after a reload.
const { test, expect } = require('../support/fixtures');
const { CASHIER, makePlan, stepItem, stepTitles, progress } = require('../support/planner');

test('a new plan shows the bookmark banner, the ladder and the steps, and keeps ticks and notes', async ({
  page,
  checkPage,
}) => {
  const url = await makePlan(page);

  const banner = page.getByRole('region', { name: 'Bookmark this page now' });
  await expect(banner).toBeVisible();
  await expect(banner.getByLabel("Your plan's private link")).toHaveValue(url);

  const ladder = page.getByRole('list', { name: /^Career ladder from Cashier/ });
  await expect(ladder).toBeVisible();
  const rungs = ladder.getByRole('listitem');
  await expect(rungs).toHaveText([/Store manager\s*Goal/, 'Assistant manager', 'Shift lead', /Cashier\s*You are here/]);
  await expect(page.locator('ol.ladder > li.rung.goal')).toContainText(CASHIER.target);
  await expect(page.locator('ol.ladder > li.rung.here')).toContainText(CASHIER.current);

  // A picture, not a list: two rails beside the rungs, and a bar across each rung.
  // Polled: the stylesheet may still be on its way when the page's text is already there.
  const drawn = () =>
    page.locator('ol.ladder').evaluate((ol) => {
      const rail = (side) => getComputedStyle(ol, side);
      const bar = getComputedStyle(/** @type {Element} */ (ol.querySelector('li.rung')), '::after');
      return {
        rails: [rail('::before'), rail('::after')].map((r) => r.backgroundColor !== 'rgba(0, 0, 0, 0)' && parseFloat(r.width) >= 6),
        rung: bar.backgroundColor !== 'rgba(0, 0, 0, 0)' && parseFloat(bar.height) >= 4,
      };
    });
  await expect.poll(drawn).toEqual({ rails: [true, true], rung: true });

  const titles = await stepTitles(page);
  expect(titles.length).toBeGreaterThanOrEqual(6);
  await expect(page.getByRole('img', { name: `0 of ${titles.length} steps done` })).toBeVisible();
  const fills = await page.locator('svg.progress').evaluate((svg) =>
    ['.progress-track', '.progress-fill'].map((c) => getComputedStyle(/** @type {Element} */ (svg.querySelector(c))).fill),
  );
  expect(fills[0]).not.toBe(fills[1]);
  expect(await progress(page)).toBe(0);
  await checkPage(page, 'plan');

  await stepItem(page, titles[0]).getByRole('button', { name: `Mark “${titles[0]}” done` }).click();
  await expect(page.getByRole('img', { name: `1 of ${titles.length} steps done` })).toBeVisible();
  const one = await progress(page);
  expect(one).toBeGreaterThan(0);

  await stepItem(page, titles[1]).getByRole('button', { name: `Mark “${titles[1]}” done` }).click();
  await expect(page.getByRole('img', { name: `2 of ${titles.length} steps done` })).toBeVisible();
  await expect(page.getByText(`2 of ${titles.length} steps done`)).toBeVisible();
  expect(await progress(page)).toBeGreaterThan(one);
  await expect(stepItem(page, titles[0]).locator('.badge')).toHaveText('Done');

  const note = 'Asked my manager; she said to apply in March.';
  const third = stepItem(page, titles[2]);
  await third.getByLabel('Your note on this step').fill(note);
  await third.getByRole('button', { name: 'Save status and note' }).click();
  await expect(page).toHaveURL(new RegExp(`#step-`));
  await page.reload();
  await expect(stepItem(page, titles[2]).getByLabel('Your note on this step')).toHaveValue(note);
  await expect(page.getByText(`2 of ${titles.length} steps done`)).toBeVisible();
  await checkPage(page, 'plan-with-progress');
});

test('a printed plan hides the forms and shows the notes', async ({ page }) => {
  await makePlan(page);
  const titles = await stepTitles(page);
  const first = stepItem(page, titles[0]);
  await first.getByLabel('Your note on this step').fill('Print me');
  await first.getByRole('button', { name: 'Save status and note' }).click();

  const printed = stepItem(page, titles[0]).locator('.print-only');
  await expect(printed).toBeHidden();
  await page.emulateMedia({ media: 'print' });
  await expect(printed).toBeVisible();
  await expect(printed).toContainText('Print me');
  await expect(page.getByRole('region', { name: 'Bookmark this page now' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Save status and note' }).first()).toBeHidden();
  await expect(page.getByRole('list', { name: /^Career ladder/ })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
});

test('the copy-link button is there only with JavaScript, and copies the link', async ({
  page,
  context,
  javaScriptEnabled,
}) => {
  const url = await makePlan(page);
  const banner = page.getByRole('region', { name: 'Bookmark this page now' });
  const copy = banner.getByRole('button', { name: 'Copy link' });
  if (!javaScriptEnabled) {
    await expect(copy).toHaveCount(0);
    return;
  }
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await copy.click();
  await expect(banner.getByRole('status')).toHaveText('Link copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
});
