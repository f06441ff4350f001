import { test, expect } from '@playwright/test';
import { AGENT, DEMO_PASSWORD, hydrated, noViolations, staffSignIn, SUPERVISOR } from './helpers';

test('a supervisor issues a temporary password that opens the contract-number sign-in', async ({ page, browser }) => {
  await staffSignIn(page, SUPERVISOR);
  await noViolations(page, '/backoffice', false);
  await page.getByLabel('Name, email, contract number, VIN or Customer ID').fill('ln-2024-005125');
  await page.getByRole('button', { name: 'Search' }).click();
  // The address is exactly the search (no stray "&=").
  await expect(page).toHaveURL(/\/backoffice\?q=ln-2024-005125$/);
  const row = page.getByRole('row').filter({ hasText: 'LN-2024-005125' });
  await expect(row).toContainText('Not registered.');
  await noViolations(page, '/backoffice?q=…', false);
  await row.getByRole('button', { name: 'Issue temporary password' }).click();
  // Asked first, with focus on the answer.
  const yes = row.getByRole('button', { name: 'Yes, do it' });
  await expect(yes).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(row.getByText(/^Done\. Reference BO-\d{6}\./)).toBeVisible();
  const password = (await row.getByTestId('temp-password').textContent())!.trim();
  expect(password).toMatch(/^[A-Za-z2-9]{4}-[A-Za-z2-9]{4}-[A-Za-z2-9]{4}$/);

  // The customer, in their own browser, signs in with the contract number and it.
  const customer = await browser.newContext();
  const c = await customer.newPage();
  await c.goto('/login');
  await hydrated(c);
  await c.getByLabel('Email address or contract number').fill('LN-2024-005125');
  await c.getByLabel('Password', { exact: true }).fill(password);
  await c.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(c).toHaveURL(/\/login\/setup$/);
  await customer.close();
});

test('an agent opens a customer file and signs them out everywhere', async ({ page }) => {
  await staffSignIn(page, AGENT);
  await page.getByLabel('Name, email, contract number, VIN or Customer ID').fill('ivanova');
  await page.keyboard.press('Enter');
  await page.getByRole('link', { name: 'Olga Ivanova' }).click();
  await expect(page).toHaveURL(/\/backoffice\/customers\/\d+$/);
  await expect(page.getByRole('heading', { name: 'Olga Ivanova', level: 1 })).toBeVisible();
  await expect(page.getByText('LN-2021-001187')).toBeVisible();
  // Agents do not see the supervisor-only action; nothing is locked, so no unlock is offered.
  await expect(page.getByRole('button', { name: 'Issue temporary password' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Unlock sign-in' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: '← Back to search' })).toHaveAttribute('href', '/backoffice');
  await noViolations(page, page.url(), false);
  await page.getByRole('button', { name: 'Sign out everywhere' }).click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('button', { name: 'Sign out everywhere' })).toBeVisible();
  await page.getByRole('button', { name: 'Sign out everywhere' }).click();
  await page.getByRole('button', { name: 'Yes, do it' }).click();
  await expect(page.getByText(/^Done\. Reference BO-\d{6}\./)).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Signed out everywhere' }).first()).toBeVisible();
  // The customer's event trail names the event in words, not as its stored code.
  const events = page.getByRole('table', { name: 'Recent sign-in events' });
  await expect(events.getByRole('row').filter({ hasText: 'Signed out everywhere by our staff' }).first()).toBeVisible();
  await expect(events).not.toContainText('sessions_ended_by_staff');
  await page.emulateMedia({ colorScheme: 'dark' });
  await noViolations(page, page.url());
  // Signing out of the back office ends the staff session.
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page).toHaveURL(/\/backoffice\/login\?reason=signed_out$/);
  await page.goto('/backoffice');
  await expect(page).toHaveURL(/\/backoffice\/login$/);
});

test('an agent opens a contract from the customer file and sees its schedule and history', async ({ page }) => {
  await staffSignIn(page, AGENT);
  await page.getByLabel('Name, email, contract number, VIN or Customer ID').fill('ivanova');
  await page.keyboard.press('Enter');
  await page.getByRole('link', { name: 'Olga Ivanova' }).click();
  await expect(page).toHaveURL(/\/backoffice\/customers\/\d+$/);
  await expect(page.getByRole('heading', { name: 'Contact details' })).toBeVisible();
  await page.getByRole('link', { name: 'LN-2021-001187' }).click();
  await expect(page).toHaveURL(/\/backoffice\/contracts\/\d+$/);
  await expect(page.getByRole('heading', { name: 'Contract LN-2021-001187', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Payment schedule', level: 2 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Payment history', level: 2 })).toBeVisible();
  // Every instalment of the 72-month loan is on the page, not a page of them.
  await expect(page.getByTestId('bo-schedule').locator('tbody tr')).toHaveCount(72);
  await expect(page.getByRole('link', { name: 'Olga Ivanova', exact: true })).toHaveAttribute('href', /\/backoffice\/customers\/\d+$/);
  await noViolations(page, page.url(), false);
  await page.emulateMedia({ colorScheme: 'dark' });
  await noViolations(page, page.url(), false);
});

test('the staff sign-in page is accessible and explains a wrong code', async ({ page }) => {
  await noViolations(page, '/backoffice/login');
  await page.getByLabel('Work email').fill(AGENT.email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByLabel('Authenticator code').fill('12345');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByLabel('Authenticator code')).toHaveAttribute('aria-invalid', 'true');
  await page.emulateMedia({ colorScheme: 'dark' });
  await noViolations(page, '/backoffice/login');
});
