// @ts-check
// Filling out the planner as a person would: by the labels they read, never by CSS selectors.
const { expect } = require('@playwright/test');

/** A person's answers, as they would type them. */
const CASHIER = {
  current: 'Cashier',
  target: 'Store manager',
  rungs: ['Shift lead', 'Assistant manager'],
  interests: 'Helping customers, keeping the shelves in order',
  strengths: 'Staying calm at the busy till',
  horizon: '2 years',
  barriers: ['Childcare'],
};

/** Fills the planner form on the current page (new or edit) with `answers`. */
async function fillPlanner(page, answers) {
  if (answers.current !== undefined) await page.getByLabel('What is your job now?').fill(answers.current);
  if (answers.target !== undefined) await page.getByLabel('What career are you aiming for?').fill(answers.target);
  for (const [i, rung] of (answers.rungs || []).entries()) {
    await page.getByLabel(`Rung ${i + 1}`, { exact: true }).fill(rung);
  }
  if (answers.interests) await page.getByLabel('What do you enjoy?').fill(answers.interests);
  if (answers.strengths) await page.getByLabel('What are you good at?').fill(answers.strengths);
  if (answers.horizon) {
    await page.getByLabel('How long do you want to give this plan?').selectOption({ label: answers.horizon });
  }
  for (const barrier of answers.barriers || []) {
    await page.getByLabel(barrier, { exact: true }).check();
  }
}

/** Makes a plan through the form and returns its private URL (without any #fragment). */
async function makePlan(page, answers = CASHIER, base = '') {
  await page.goto(`${base}/plans/new`);
  await fillPlanner(page, { horizon: '1 year', ...answers });
  await page.getByRole('button', { name: 'Make my plan' }).click();
  await expect(page).toHaveURL(/\/plans\/[A-Za-z0-9_-]{22}$/);
  await expect(
    page.getByRole('heading', { level: 1, name: `From ${answers.current} to ${answers.target}` }),
  ).toBeVisible();
  return page.url().replace(/#.*$/, '');
}

/** The list item of one step, found by its heading. */
function stepItem(page, title) {
  return page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: title }) });
}

/** The titles of the plan's steps, in order. */
async function stepTitles(page) {
  // "Your steps" on the owner's page, "The steps" on the read-only one.
  return page.getByRole('region', { name: /^(Your|The) steps$/ }).getByRole('heading', { level: 3 }).allTextContents();
}

/** Progress as the picture shows it: the fill's width (the percent) and the caption. */
async function progress(page) {
  const width = await page.locator('svg.progress rect.progress-fill').getAttribute('width');
  return Number(width);
}

module.exports = { CASHIER, fillPlanner, makePlan, stepItem, stepTitles, progress };
