// @ts-check
// Journey 2: fill out the planner as a person would, send it with the first answer missing, see
// the message next to that field with everything else kept, then fix it and send again.
const { test, expect } = require('../support/fixtures');
const { CASHIER, fillPlanner } = require('../support/planner');

test('a planner sent without the current job comes back with the message by the field and the input kept', async ({
  page,
  guard,
  checkPage,
}) => {
  await page.goto('/plans/new');
  await fillPlanner(page, { ...CASHIER, current: '' });

  guard.expectStatus(422);
  const [sent] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/plans'),
    page.getByRole('button', { name: 'Make my plan' }).click(),
  ]);
  expect(sent.status()).toBe(422);

  const current = page.getByLabel('What is your job now?');
  await expect(page.getByRole('alert')).toContainText('Please check one answer');
  // Focus starts on the summary, so a screen reader reads it first and Tab goes to its links.
  await expect(page.getByRole('alert')).toBeFocused();
  await expect(current).toHaveAttribute('aria-invalid', 'true');
  await expect(current).toHaveAccessibleDescription(/Please tell us your current job\./);
  const field = page.locator('.field').filter({ has: current });
  await expect(field.getByText('Please tell us your current job.')).toBeVisible();

  await expect(page.getByLabel('What career are you aiming for?')).toHaveValue(CASHIER.target);
  await expect(page.getByLabel('Rung 1', { exact: true })).toHaveValue(CASHIER.rungs[0]);
  await expect(page.getByLabel('Rung 2', { exact: true })).toHaveValue(CASHIER.rungs[1]);
  await expect(page.getByLabel('What do you enjoy?')).toHaveValue(CASHIER.interests);
  await expect(page.getByLabel('What are you good at?')).toHaveValue(CASHIER.strengths);
  await expect(page.getByLabel('How long do you want to give this plan?').locator('option:checked')).toHaveText(
    CASHIER.horizon,
  );
  await expect(page.getByLabel('Childcare', { exact: true })).toBeChecked();
  await checkPage(page, 'planner-with-an-error');

  // The summary links to the field that needs fixing.
  await page.getByRole('alert').getByRole('link', { name: 'Please tell us your current job.' }).click();
  await expect(page).toHaveURL(/#current$/);
  await expect(current).toBeInViewport();

  await current.fill(CASHIER.current);
  await page.getByRole('button', { name: 'Make my plan' }).click();
  await expect(page).toHaveURL(/\/plans\/[A-Za-z0-9_-]{22}$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('From Cashier to Store manager');
});
