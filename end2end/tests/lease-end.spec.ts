import { test, expect } from '@playwright/test';
import { hydrated, noViolations, signIn } from './helpers';

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
  await noViolations(page, 'lease end', false);
});
