// @ts-check
// Journey 5: the share link opens a read-only view of the plan, with no edit controls.
const { test, expect } = require('../support/fixtures');
const { makePlan, stepItem, stepTitles } = require('../support/planner');

test('the share link shows the plan read-only, notes included, with nothing to change', async ({
  page,
  newContext,
  checkPage,
}) => {
  const url = await makePlan(page, { current: 'Ride-share driver', target: 'Logistics coordinator' });
  const titles = await stepTitles(page);
  await stepItem(page, titles[0]).getByRole('button', { name: `Mark “${titles[0]}” done` }).click();
  const first = stepItem(page, titles[0]);
  await first.getByLabel('Your note on this step').fill('Done in my first week.');
  await first.getByRole('button', { name: 'Save status and note' }).click();

  const shareLink = await page.getByLabel('Read-only link').inputValue();
  expect(shareLink).toMatch(/\/p\/[A-Za-z0-9_-]{22}$/);
  expect(shareLink).not.toContain(new URL(url).pathname.split('/').pop());

  const friend = await (await newContext()).newPage();
  await friend.goto(shareLink);
  const main = friend.getByRole('main');
  await expect(main.getByText(/read-only copy/)).toBeVisible();
  await expect(friend.getByRole('heading', { level: 1 })).toHaveText('From Ride-share driver to Logistics coordinator');
  expect(await stepTitles(friend)).toEqual(titles);
  await expect(stepItem(friend, titles[0]).locator('.badge')).toHaveText('Done');
  await expect(stepItem(friend, titles[0]).getByText('Done in my first week.')).toBeVisible();

  await expect(main.locator('form')).toHaveCount(0);
  await expect(main.getByRole('button')).toHaveCount(0);
  await expect(main.getByRole('textbox')).toHaveCount(0);
  await expect(main.getByRole('combobox')).toHaveCount(0);
  await expect(main.getByRole('link', { name: /change|delete|edit/i })).toHaveCount(0);
  await expect(main.locator(`a[href*="${new URL(url).pathname}"]`)).toHaveCount(0);
  await checkPage(friend, 'shared-plan');
});
