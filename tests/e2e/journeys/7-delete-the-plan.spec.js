// @ts-check
// Journey 7: delete the plan; its private and read-only links then show the friendly 404.
const { test, expect } = require('../support/fixtures');
const { makePlan } = require('../support/planner');

test('a deleted plan is gone: both its links show the friendly 404', async ({ page, guard, checkPage }) => {
  const url = await makePlan(page, { current: 'Seasonal worker', target: 'Park ranger' });
  const shareLink = await page.getByLabel('Read-only link').inputValue();

  // The plan page asks first: the button is hidden under a warning until the person opens it.
  const confirm = page.getByRole('button', { name: 'Yes, delete my plan' });
  await expect(confirm).toBeHidden();
  await page.getByText('Delete this plan for good', { exact: true }).click();
  await expect(page.getByText('This cannot be undone.')).toBeVisible();
  await checkPage(page, 'delete-confirm');
  await confirm.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your plan is deleted');
  await checkPage(page, 'deleted');

  guard.expectStatus(404);
  for (const link of [url, shareLink]) {
    const response = await page.goto(link);
    expect(response?.status(), link).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText("We can't find that page");
    await expect(page.getByRole('main').getByRole('link', { name: 'Browse the guides' })).toBeVisible();
  }
  await checkPage(page, 'not-found');
});
