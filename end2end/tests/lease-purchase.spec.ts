import { test, expect } from '@playwright/test';
import { hydrated, noViolations, signIn } from './helpers';

// Olga's Tesla lease (LS-2024-010406): the buyout quote's "Buy it now" leads to the pay form with
// today's purchase price chosen, and the review shows what it buys. Reviewed, not confirmed: the
// demo book is shared by every test, and this lease must stay open.
test('a lease: the buyout quote offers to buy it now, and the review shows the vehicle price', async ({ page }) => {
  await signIn(page, 'olga.ivanova@demo.example', 'Northstar-demo-2026');
  await page.goto('/payments/sources');
  await hydrated(page);
  if ((await page.locator('li[data-source]').filter({ hasText: 'Checking ••6789' }).count()) === 0) {
    const bank = page.locator('form').filter({ has: page.getByLabel('Routing number') });
    await bank.getByLabel('Name on the account').fill('Olga Ivanova');
    await bank.getByLabel('Routing number').fill('021000021');
    await bank.getByLabel('Account number', { exact: true }).fill('000123456789');
    await bank.getByLabel('Account number again').fill('000123456789');
    await bank.getByRole('button', { name: 'Add bank account' }).click();
    await expect(page.locator('li[data-source]').filter({ hasText: 'Checking ••6789' }).first()).toBeVisible();
  }

  await page.goto('/dashboard');
  await hydrated(page);
  const card = page.locator('article.contract-card').filter({ hasText: 'LS-2024-010406' });
  await card.getByRole('link', { name: 'Buyout quote' }).click();
  await expect(page.getByRole('heading', { name: 'Payoff quote', level: 1 })).toBeVisible();
  await hydrated(page);
  const price = (await page.getByTestId('buyout-total').textContent())!.trim();
  expect(price).toMatch(/^\$[\d,]+\.\d{2}$/);
  await noViolations(page, 'the buyout quote', false);

  await page.getByRole('link', { name: 'Buy it now' }).click();
  await expect(page.getByRole('heading', { name: 'Make a payment', level: 1 })).toBeVisible();
  await hydrated(page);
  const buy = page.getByRole('radio', { name: `Buy the vehicle now: ${price}` });
  await expect(buy).toBeChecked();
  await page.getByRole('radio', { name: /Checking ••6789/ }).first().check();
  await page.getByRole('button', { name: 'Review payment' }).click();
  await expect(page.getByRole('heading', { name: 'Review your payment' })).toBeVisible();
  await expect(page.getByTestId('review')).toContainText(price);
  await expect(page.getByTestId('allocation').getByText('Purchase price of the vehicle')).toBeVisible();
  await expect(page.getByTestId('allocation').getByText('Rent charge')).toHaveCount(0);
  await expect(page.getByTestId('purchase-note')).toBeVisible();
  await noViolations(page, 'the purchase review', false);
});
