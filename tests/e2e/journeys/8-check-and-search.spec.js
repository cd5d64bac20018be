// @ts-check
// Journey 8: the "Job or career?" self-check (ten questions, one answer each, a result that
// leads into the planner) and search from the header's search box.
const { test, expect } = require('../support/fixtures');

test('the self-check takes ten answers, asks for a missing one, shows a result and leads to a plan', async ({
  page,
  guard,
  checkPage,
}) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Job or career?' }).click();
  await expect(page).toHaveURL(/\/check$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Job or career?' })).toBeVisible();
  await checkPage(page, 'check');

  await page.getByLabel('What is your job now?').fill('Cashier');
  const questions = page.getByRole('main').getByRole('group');
  await expect(questions).toHaveCount(10);
  // Alternate the answers, as someone whose work is part job, part career might; skip the last.
  for (let i = 0; i < 9; i += 1) {
    const choices = questions.nth(i).getByRole('radio');
    expect(await choices.count()).toBeGreaterThanOrEqual(2);
    await (i % 2 === 0 ? choices.first() : choices.last()).check();
  }
  guard.expectStatus(422);
  const [refused] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/check'),
    page.getByRole('button', { name: 'See my result' }).click(),
  ]);
  expect(refused.status()).toBe(422);
  await expect(page.getByRole('alert')).toContainText('Some answers are missing');
  await expect(page.getByRole('alert')).toBeFocused();
  const last = page.getByRole('main').getByRole('group').nth(9);
  await expect(last).toHaveAccessibleDescription(/Choose one answer to this question\./);
  await expect(page.getByRole('main').getByRole('radio', { checked: true })).toHaveCount(9);
  await expect(page.getByLabel('What is your job now?')).toHaveValue('Cashier');
  await checkPage(page, 'check-with-an-error');

  await last.getByRole('radio').first().check();
  await page.getByRole('button', { name: 'See my result' }).click();
  await expect(page).toHaveURL(/\/check$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Your work /);
  await expect(page.getByRole('heading', { level: 2, name: 'How we worked it out' })).toBeVisible();
  await checkPage(page, 'check-result');

  await page.getByRole('link', { name: 'Make my plan' }).click();
  await expect(page).toHaveURL(/\/plans\/new\?/);
  await expect(page.getByLabel('What is your job now?')).toHaveValue('Cashier');
});

test('searching from the header finds guide sections and leads into one', async ({ page, checkPage }) => {
  await page.goto('/guides');
  const box = page.getByRole('banner').getByRole('searchbox', { name: 'Search the guides' });
  await box.fill('mentor');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/search\?q=mentor$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Search the guides' })).toBeVisible();
  await expect(page.getByRole('main').getByRole('searchbox', { name: 'Words to look for' })).toHaveValue('mentor');
  await expect(page.getByRole('main').getByRole('status')).toContainText('“mentor”');
  const results = page.getByRole('main').getByRole('list').first().getByRole('heading', { level: 2 }).getByRole('link');
  expect(await results.count()).toBeGreaterThan(0);
  await checkPage(page, 'search-results');

  const first = results.first();
  const heading = (await first.textContent())?.trim() || '';
  await first.click();
  await expect(page).toHaveURL(/\/guides\/[a-z-]+(#[a-z0-9-]+)?$/);
  await expect(page.getByRole('heading', { name: heading }).first()).toBeVisible();

  await page.goto('/search?q=zzzzqqq');
  await expect(page.getByRole('main').getByRole('status')).toContainText('No guide matches');
  await expect(page.getByRole('heading', { level: 2, name: 'All guides' })).toBeVisible();
  await checkPage(page, 'search-nothing-found');
});
