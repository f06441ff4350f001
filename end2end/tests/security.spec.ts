import { test, expect } from '@playwright/test';
import { hydrated, registerAndSignIn, signIn } from './helpers';

test('sign out another session from the Security page and see it signed out', async ({ page, browser }, info) => {
  const email = await registerAndSignIn(page, `${info.project.name}-sessions`);
  // A second browser (another device) signs in too.
  // It is a new device, so it enters the emailed "Authorize Device" code first.
  const other = await (await browser.newContext()).newPage();
  await signIn(other, email);

  await page.goto('/profile');
  await hydrated(page);
  await page.getByRole('link', { name: /Security/ }).click();
  await expect(page.getByRole('heading', { name: 'Where you are signed in' })).toBeVisible();
  await expect(page.getByText('This device')).toBeVisible();
  await expect(page.locator('li[data-session]')).toHaveCount(2);
  await page.locator('li[data-session]').filter({ hasNotText: 'This device' }).getByRole('button', { name: /Sign out/ }).click();
  await expect(page.locator('.toasts')).toContainText('That session was signed out.');
  await expect(page.locator('li[data-session]')).toHaveCount(1);
  await expect(page.getByRole('cell', { name: 'Password check' }).first()).toBeVisible();

  // The other browser is signed out on its next request.
  await other.goto('/dashboard');
  await expect(other).toHaveURL(/\/login\?reason=signin/);
  await other.context().close();
});

test('times are in the browser’s time zone, server-rendered and after navigation alike', async ({ browser }, info) => {
  const context = await browser.newContext({ timezoneId: 'America/Toronto' });
  const page = await context.newPage();
  await registerAndSignIn(page, `${info.project.name}-zone`);
  // Toronto is five hours behind UTC in winter, four in summer (the test calendar may be either).
  const toronto = /\(UTC−[45]\)/;
  await page.goto('/profile/security');
  await hydrated(page);
  await expect(page.locator('td[data-label="When"]').first()).toContainText(toronto);
  await page.goto('/profile');
  await hydrated(page);
  await page.getByRole('link', { name: /Security/ }).click();
  await expect(page.locator('td[data-label="When"]').first()).toContainText(toronto);
  await context.close();
});
