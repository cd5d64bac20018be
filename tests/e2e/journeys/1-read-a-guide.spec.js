// @ts-check
// Journey 1: from the home page to the guide library, into a guide, through its table of
// contents, and on to "start a plan".
const { test, expect } = require('../support/fixtures');

test('a reader goes from the home page through a guide to the planner', async ({ page, checkPage }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/career/i);
  await checkPage(page, 'home');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Guides' }).click();
  await expect(page).toHaveURL(/\/guides$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Guides' })).toBeVisible();
  await checkPage(page, 'library');

  await page.getByRole('link', { name: 'How to turn your job into a career' }).click();
  await expect(page).toHaveURL(/\/guides\/turn-your-job-into-a-career$/);
  await expect(page.getByRole('heading', { level: 1, name: 'How to turn your job into a career' })).toBeVisible();
  await checkPage(page, 'guide');

  const toc = page.getByRole('navigation', { name: 'On this page' });
  await expect(toc).toBeVisible();
  await toc.getByRole('link', { name: 'Find a mentor' }).click();
  await expect(page).toHaveURL(/#find-a-mentor$/);
  await expect(page.getByRole('heading', { level: 2, name: 'Find a mentor' })).toBeInViewport();

  await page.getByRole('link', { name: 'Start my plan' }).click();
  await expect(page).toHaveURL(/\/plans\/new$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Make your career plan' })).toBeVisible();
  await checkPage(page, 'planner');
});

test('a guide prints without the site furniture', async ({ page }) => {
  await page.goto('/guides/career-ladders');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(page.getByRole('search')).toBeHidden();
  await expect(page.getByRole('link', { name: 'Start my plan' })).toBeHidden();
});

test('a keyboard user can skip to the content and always sees where the focus is', async ({ page }) => {
  await page.goto('/guides/job-vs-career');
  const focusRing = () =>
    page.evaluate(() => {
      const style = getComputedStyle(/** @type {Element} */ (document.activeElement));
      return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });

  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  expect(await focusRing()).toEqual({ style: 'solid', width: 3 });

  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
  await page.keyboard.press('Tab');
  const focused = page.locator(':focus');
  await expect(focused).toHaveText('Guides');
  await expect(focused).toBeInViewport();
  expect(await focusRing()).toEqual({ style: 'solid', width: 3 });

  await page.goto('/plans/new');
  await page.getByLabel('What is your job now?').focus();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('What career are you aiming for?')).toBeFocused();
  expect(await focusRing()).toEqual({ style: 'solid', width: 3 });
});

test('every guide in the library reads well: the same checks on each', async ({ page, checkPage }) => {
  await page.goto('/guides');
  const links = page.getByRole('main').getByRole('list').first().getByRole('link');
  const hrefs = await links.evaluateAll((all) => all.map((a) => a.getAttribute('href')));
  expect(hrefs.length).toBeGreaterThanOrEqual(6);
  for (const href of hrefs) {
    await page.goto(/** @type {string} */ (href));
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await checkPage(page, `guide-${href?.split('/').pop()}`);
  }
});
