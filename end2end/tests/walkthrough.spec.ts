import { test, expect } from '@playwright/test';
import { hydrated, signIn } from './helpers';

// What the walk-through of issue #13 tripped over, each checked where a person meets it.

const ANNA = 'anna.kowalski@demo.example';
const DEMO = 'Northstar-demo-2026';

test('Print shows every row of the schedule, then prints', async ({ page }) => {
  await page.addInitScript(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => { (window as unknown as { printed: number }).printed += 1; };
  });
  await signIn(page, ANNA, DEMO);
  await page.goto('/dashboard');
  const card = page.locator('article[data-contract="LN-2023-004512"]');
  const details = await card.getByRole('link', { name: 'Details' }).getAttribute('href');
  await page.goto(`${details}/schedule`);
  await hydrated(page);
  // Opened without a page: the page holding the next payment due, so a row still to pay is on it.
  await expect(page.locator('table.data tbody .status:not(.status-ok):not(.status-warn)').first()).toBeVisible();
  await page.getByRole('link', { name: 'Print all rows' }).click();
  await expect(page).toHaveURL(/page=all&print=1/);
  const rows = page.locator('table.data tbody tr');
  await expect.poll(() => rows.count()).toBeGreaterThan(12);
  await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
});

test('a page that needs signing in comes back after it; a saved file link too', async ({ page }) => {
  await page.goto('/contracts/1/history?page=2');
  await expect(page).toHaveURL(/\/login\?reason=signin&next=%2Fcontracts%2F1%2Fhistory%3Fpage%3D2/);
  await hydrated(page);
  await page.getByLabel('Email address').fill(ANNA);
  await page.getByLabel('Password').fill(DEMO);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  // A new browser owes the emailed device code first; the code page keeps where to go back to.
  await expect(page).toHaveURL(/\/login\/verify\?next=/);
});

test('a saved link to a file of another login lands on the documents page, saying so', async ({ page }) => {
  await signIn(page, ANNA, DEMO);
  const response = await page.goto('/documents/999999/statement-2026-01.pdf');
  expect(response?.status()).toBe(200);
  await expect(page).toHaveURL(/\/documents\?missing=1/);
  await expect(page.getByText('That file is not available to this login')).toBeVisible();
});

test('signed out, a saved file link asks to sign in', async ({ page }) => {
  await page.goto('/documents/1/statement-2026-01.pdf');
  await expect(page).toHaveURL(/\/login\?reason=signin&next=%2Fdocuments%2F1%2Fstatement-2026-01\.pdf/);
  await expect(page.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible();
});
