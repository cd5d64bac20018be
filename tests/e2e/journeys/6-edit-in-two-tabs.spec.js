// @ts-check
// Journey 6: the plan is open for editing in two tabs. The first save wins; the second is
// refused with a clear message (409) and its input is still in the form, so nothing is lost.
const { test, expect } = require('../support/fixtures');
const { makePlan } = require('../support/planner');

test('the second of two tabs to save is refused with a clear message and keeps its input', async ({
  page,
  context,
  guard,
  checkPage,
}) => {
  const url = await makePlan(page, { current: 'Junior nurse', target: 'Charge nurse', horizon: '1 year' });
  await page.getByRole('link', { name: 'Change answers and steps' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Change your plan' })).toBeVisible();
  await checkPage(page, 'edit');

  const other = await context.newPage();
  await other.goto(`${url}/edit`);
  await other.getByLabel('What career are you aiming for?').fill('Nurse educator');
  await other.getByRole('button', { name: 'Save changes' }).click();
  await expect(other).toHaveURL(url);
  await expect(other.getByRole('heading', { level: 1 })).toHaveText('From Junior nurse to Nurse educator');

  await page.getByLabel('What career are you aiming for?').fill('Nurse manager');
  await page.getByLabel('Step 1 title').fill('Shadow the charge nurse for a shift');
  await page.getByLabel('New step title').fill('Ask about the leadership course');
  guard.expectStatus(409);
  const [refused] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && r.url() === url),
    page.getByRole('button', { name: 'Save changes' }).click(),
  ]);
  expect(refused.status()).toBe(409);

  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading', { name: 'This plan was changed somewhere else' })).toBeVisible();
  await expect(alert).toContainText('Nothing is lost');
  await expect(alert).toContainText('Nurse educator');
  await expect(page.getByLabel('What career are you aiming for?')).toHaveValue('Nurse manager');
  await expect(page.getByLabel('Step 1 title')).toHaveValue('Shadow the charge nurse for a shift');
  await expect(page.getByLabel('New step title')).toHaveValue('Ask about the leadership course');
  await checkPage(page, 'edit-conflict');

  // Saving again, having seen the other version, is a deliberate choice and goes through.
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page).toHaveURL(url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('From Junior nurse to Nurse manager');
  await expect(page.getByRole('heading', { level: 3, name: 'Ask about the leadership course' })).toBeVisible();
});
