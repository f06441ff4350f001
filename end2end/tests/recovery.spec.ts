import { test, expect } from '@playwright/test';
import { hydrated, latestMail, registerAndSignIn, PASSWORD } from './helpers';

test('forgot password: request, email link, new password, sign in with it', async ({ page }, info) => {
  const email = await registerAndSignIn(page, `${info.project.name}-reset`);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login/);
  await hydrated(page);

  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(page.getByRole('heading', { name: 'Forgot your password?' })).toBeVisible();
  await hydrated(page);
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByText('we have sent it a link to reset the password')).toBeVisible();

  const text = await latestMail(page, email, 'Request to reset your password');
  const link = text.match(/https?:\/\/\S+\/reset-password\?token=[0-9a-f]+/)![0];
  await page.goto(link);
  await hydrated(page);
  const fresh = 'quiet harbour lanterns';
  await page.getByLabel('New password', { exact: true }).fill(fresh);
  await page.getByLabel('Confirm new password').fill('something else entirely');
  await page.getByRole('button', { name: 'Reset Your Password' }).click();
  await expect(page.locator('#password_confirm-error')).toHaveText('The two passwords do not match.');
  await page.getByLabel('Confirm new password').fill(fresh);
  await page.getByRole('button', { name: 'Reset Your Password' }).click();
  await expect(page.getByText('Your password was reset')).toBeVisible();

  await page.getByRole('link', { name: 'Sign in', exact: true }).click();
  await hydrated(page);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('The email or password is incorrect');
  await page.getByLabel('Password').fill(fresh);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
});
