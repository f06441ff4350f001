import { test, expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { hydrated, noViolations, signIn } from './helpers';
import { addBank, CLOCK_URL, contractCard } from './clock';

// Marc's BMW lease (LS-2023-007731) ends on 3 December 2026: on the pinned day its lease-end
// options are open. The estimate is the domain's arithmetic at the contract's $0.25 a mile; the
// pre-inspection booking gives a reference (a later run's booking replaces it: nothing else reads it).
test('lease end: the options side by side, a return estimate, a pre-inspection booked with its reference', async ({ page }) => {
  await signIn(page, 'marc.tremblay@demo.example', 'Northstar-demo-2026');
  await page.goto('/dashboard');
  await hydrated(page);
  await page.locator('article[data-contract="LS-2023-007731"]').getByRole('link', { name: 'Details' }).click();
  await page.getByRole('link', { name: 'Lease-end options' }).click();
  await expect(page.getByRole('heading', { name: 'End of your lease', level: 1 })).toBeVisible();
  await hydrated(page);
  for (const id of ['lease-return', 'lease-purchase', 'lease-extend']) await expect(page.getByTestId(id)).toBeVisible();
  await expect(page.getByTestId('lease-purchase').getByRole('link', { name: 'Get a dated quote and letter' })).toBeVisible();

  // 38,500 miles on 36,000, $150 of known damage: 2,500 × $0.25 + $150.
  await page.getByLabel('Odometer reading (miles)').fill('38,500');
  await page.getByLabel(/^Damage beyond normal wear/).fill('150');
  await page.getByRole('button', { name: 'Estimate the cost' }).click();
  const estimate = page.getByTestId('lease-estimate');
  await expect(estimate.locator('div').filter({ hasText: 'Extra-mile charge' }).getByRole('definition')).toHaveText('$625.00');
  await expect(estimate.locator('div').filter({ hasText: 'Estimated total at return' }).getByRole('definition')).toHaveText('$775.00');
  await page.getByLabel('Odometer reading (miles)').fill('12.5');
  await page.getByRole('button', { name: 'Estimate the cost' }).click();
  await expect(page.getByText('Enter the odometer reading in whole miles, for example 36500.')).toBeVisible();

  // A Saturday is refused with the reason; the Monday after is booked.
  await page.getByLabel('Inspection day').fill('2026-11-21');
  await page.getByRole('button', { name: /^(Book|Move) the inspection$/ }).click();
  await expect(page.getByText(/^Choose a weekday from 2 business days/)).toBeVisible();
  await page.getByLabel('Inspection day').fill('2026-11-23');
  await page.getByRole('button', { name: /^(Book|Move) the inspection$/ }).click();
  await expect(page.getByTestId('lease-inspection')).toContainText(/booked for Nov 23, 2026\. Reference INS-[A-Z0-9]+/);
  // Inside the window, miles can no longer be bought ahead.
  await expect(page.getByTestId('lease-miles')).toContainText('Miles can be bought ahead only until 120 days before the lease ends.');
  await expect(page.getByTestId('lease-miles-form')).toHaveCount(0);
  await noViolations(page, 'lease end', false);

  // Purchase: the dated quote, and its letter as a PDF.
  await page.getByTestId('lease-purchase').getByRole('link', { name: 'Get a dated quote and letter' }).click();
  await expect(page.getByRole('heading', { name: 'Payoff quote', level: 1 })).toBeVisible();
  await hydrated(page);
  const [letter] = await Promise.all([page.waitForEvent('download'), page.getByTestId('payoff-letter').click()]);
  expect(letter.suggestedFilename()).toMatch(/^LS-2023-007731-payoff-\d{4}-\d{2}-\d{2}\.pdf$/);
  expect((await readFile((await letter.path())!)).subarray(0, 5).toString()).toBe('%PDF-');
});

// Olga's Tesla lease (LS-2024-010406) ends in 2027: miles can still be bought ahead at its $0.15
// pre-paid rate. Bought for real, so on the second server (its own database: the lease on the
// first must stay as it is for the buyout test); each run's purchase adds its own line.
test.describe('miles bought ahead', () => {
  test.use({ baseURL: CLOCK_URL });

  test('a lease before its window: the price as you type, bought in one step with a reference', async ({ page }) => {
    await signIn(page, 'olga.ivanova@demo.example', 'Northstar-demo-2026');
    await addBank(page, 'Olga Ivanova');
    const card = await contractCard(page, 'LS-2024-010406');
    await card.getByRole('link', { name: 'Details' }).click();
    await page.getByRole('link', { name: 'Lease-end options' }).click();
    await expect(page.getByRole('heading', { name: 'End of your lease', level: 1 })).toBeVisible();
    await hydrated(page);
    const miles = page.getByTestId('lease-miles');
    await expect(miles).toContainText('$0.15');
    await miles.getByLabel('Miles to buy (100 to 20,000)').fill('50');
    await miles.getByRole('button', { name: 'Buy the miles' }).click();
    await expect(miles.getByText('Buy from 100 to 20,000 miles, in whole miles.')).toBeVisible();
    await miles.getByLabel('Miles to buy (100 to 20,000)').fill('5,000');
    await expect(miles.getByText('Price: $750.00')).toBeVisible();
    await miles.getByLabel('Pay from').selectOption({ label: 'Checking ••6789' });
    await miles.getByRole('button', { name: 'Buy the miles' }).click();
    const done = page.getByTestId('lease-miles-done');
    await expect(done).toContainText(/^5,000 miles bought for \$750\.00\. Reference MIL-[A-Z0-9]+; payment PMT-[A-Z0-9]+\./);
    const reference = (await done.textContent())!.match(/MIL-[A-Z0-9]+/)![0];
    await expect(page.getByTestId('lease-miles-bought')).toContainText(reference);
    await noViolations(page, 'lease end, miles bought', false);
    // The page read again lists the purchase too.
    await page.reload();
    await hydrated(page);
    await expect(page.getByTestId('lease-miles-bought')).toContainText(reference);
  });
});
