import { test, expect } from '@playwright/test';
import { AGENT, DEMO_PASSWORD, hydrated, noViolations, signIn, staffSignIn } from './helpers';
import { CLOCK_URL } from './clock';

// The customer file's autopay and payments panels, filled: Anna (demo) has autopay on and a
// scheduled payment. On the second server (playwright.config.ts), where nobody else touches Anna,
// so the shared server's payment specs keep her as they expect. Each project and retry schedules
// its own amount.
test.use({ baseURL: CLOCK_URL });
const AMOUNTS: Record<string, [string, string]> = { desktop: ['41.11', '41.12'], mobile: ['42.11', '42.12'] };

test('the customer file shows autopay and payments, accessibly at any width, and an agent cancels a scheduled payment', async ({ page, browser }, info) => {
  const amount = AMOUNTS[info.project.name][info.retry > 0 ? 1 : 0];
  const customer = await browser.newContext();
  const c = await customer.newPage();
  await signIn(c, 'anna.kowalski@demo.example', DEMO_PASSWORD);
  await c.goto('/payments/sources');
  await hydrated(c);
  if ((await c.locator('li[data-source]').filter({ hasText: 'Checking ••6789' }).count()) === 0) {
    const bank = c.locator('form').filter({ has: c.getByLabel('Routing number') });
    await bank.getByLabel('Name on the account').fill('Anna Kowalski');
    await bank.getByLabel('Routing number').fill('021000021');
    await bank.getByLabel('Account number', { exact: true }).fill('000123456789');
    await bank.getByLabel('Account number again').fill('000123456789');
    await bank.getByRole('button', { name: 'Add bank account' }).click();
    await expect(c.locator('li[data-source]').filter({ hasText: 'Checking ••6789' }).first()).toBeVisible();
  }
  await c.goto('/payments/autopay');
  await hydrated(c);
  const auto = c.locator('section[data-contract]').filter({ hasText: 'LN-2023-004512' });
  if (await auto.getByText('Off', { exact: true }).isVisible()) {
    await auto.getByLabel('Draft day').selectOption('5');
    await auto.getByRole('radio', { name: /Checking ••6789/ }).first().check();
    await auto.getByRole('button', { name: 'Set up autopay' }).click();
    await expect(auto.getByText('On', { exact: true })).toBeVisible();
  }
  await c.goto('/payments');
  await hydrated(c);
  await c.getByRole('link', { name: /^Pay 2022 BMW X5/ }).click();
  await hydrated(c);
  await c.getByLabel('Another amount').check();
  await c.getByLabel(/^Amount \(USD\)/).fill(amount);
  const min = (await c.locator('#date').getAttribute('min'))!;
  await c.locator('#date').fill(new Date(Date.parse(`${min}T12:00:00Z`) + 5 * 86_400_000).toISOString().slice(0, 10));
  await c.getByRole('radio', { name: /Checking ••6789/ }).first().check();
  await c.getByRole('button', { name: 'Review payment' }).click();
  await c.getByRole('button', { name: `Pay $${amount}` }).click();
  await expect(c.getByRole('heading', { name: 'Payment scheduled' })).toBeVisible();
  const reference = (await c.getByTestId('confirmation').textContent())!.match(/PMT-[A-Z0-9]{10}/)![0];
  await customer.close();

  await staffSignIn(page, AGENT);
  await page.getByLabel('Name, email, contract number, VIN or Customer ID').fill('kowalski');
  await page.keyboard.press('Enter');
  await page.getByRole('link', { name: 'Anna Kowalski' }).click();
  await expect(page).toHaveURL(/\/backoffice\/customers\/\d+$/);
  await hydrated(page);
  const autopays = page.getByTestId('bo-autopay-list');
  await expect(autopays.getByRole('listitem').filter({ hasText: 'LN-2023-004512' })).toContainText('Checking ••6789');
  await expect(autopays).toContainText(/Next draft \w+ \d+, \d{4} \(\d+ days before the due date\)/);
  const row = page.locator(`li[data-payment="${reference}"]`);
  await expect(row).toContainText(`$${amount}`);
  await expect(row).toContainText('Scheduled');
  await noViolations(page, 'the customer file with autopay and payments', false);
  await page.emulateMedia({ colorScheme: 'dark' });
  await noViolations(page, 'the customer file (dark)', false);
  await page.emulateMedia({ colorScheme: 'light' });

  // Cancelling asks for the reason first; the open form is checked too.
  await row.getByRole('button', { name: 'Cancel this payment…' }).click();
  const reason = row.getByLabel('Why it is cancelled (the customer is told)');
  await expect(reason).toBeVisible();
  await noViolations(page, 'the cancel-payment form', false);
  await reason.fill('The customer asked by phone; identity checked with the security questions.');
  const trail = page.getByRole('listitem').filter({ hasText: /BO-\d{6} · .* · Cancelled a scheduled payment/ });
  const before = await trail.count();
  await row.getByRole('button', { name: 'Cancel the payment' }).click();
  await expect(page.locator(`li[data-payment="${reference}"]`)).toContainText('Cancelled');
  await expect(trail).toHaveCount(before + 1);
  // The reference stays on screen after the file has reloaded (the page's outcome region).
  await expect(page.locator('.outcome')).toContainText(/Done\. Reference BO-\d{6}/);
  await noViolations(page, 'the customer file after the cancellation', false);
});
