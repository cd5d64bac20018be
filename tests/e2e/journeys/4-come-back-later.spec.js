// @ts-check
// Journey 4: the bookmark still works after the server restarts, in a brand-new browser: the
// plan, its statuses and its notes are all there. This journey runs a server of its own, so
// restarting it disturbs no other journey.
const path = require('node:path');
const fs = require('node:fs');
const { test, expect } = require('../support/fixtures');
const { makePlan, stepItem, stepTitles } = require('../support/planner');

test('a bookmarked plan opens in a new browser after a server restart with its statuses and notes', async ({
  page,
  servers,
  newContext,
  checkPage,
}, testInfo) => {
  const folder = path.join(process.env.E2E_DATA || testInfo.outputDir, `restart-${testInfo.project.name}`);
  fs.rmSync(folder, { recursive: true, force: true });
  const database = path.join(folder, 'ladder.db');
  let server = await servers.start({ database });

  const bookmark = await makePlan(page, { current: 'Babysitter', target: 'Preschool teacher' }, server.url);
  const titles = await stepTitles(page);
  await stepItem(page, titles[0]).getByRole('button', { name: `Mark “${titles[0]}” done` }).click();
  const second = stepItem(page, titles[1]);
  await second.getByLabel('Status').selectOption({ label: 'In progress' });
  await second.getByLabel('Your note on this step').fill('Signed up for the open day on the 12th.');
  await second.getByRole('button', { name: 'Save status and note' }).click();
  await expect(stepItem(page, titles[1]).locator('.badge')).toHaveText('In progress');
  await page.close();

  await server.stop();
  server = await servers.start({ database, port: server.port });

  const context = await newContext();
  const later = await context.newPage();
  await later.goto(bookmark);
  await expect(later.getByRole('heading', { level: 1 })).toHaveText('From Babysitter to Preschool teacher');
  expect(await stepTitles(later)).toEqual(titles);
  await expect(stepItem(later, titles[0]).locator('.badge')).toHaveText('Done');
  await expect(stepItem(later, titles[1]).locator('.badge')).toHaveText('In progress');
  await expect(stepItem(later, titles[1]).getByLabel('Status')).toHaveValue('doing');
  await expect(stepItem(later, titles[1]).getByLabel('Your note on this step')).toHaveValue(
    'Signed up for the open day on the 12th.',
  );
  await expect(later.getByText(`1 of ${titles.length} steps done`)).toBeVisible();
  await checkPage(later, 'plan-after-restart');
});
