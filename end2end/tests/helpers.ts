import { expect, Page } from '@playwright/test';

export const PASSWORD = 'blue tractor sunrise';

/** Waits until the WASM app has hydrated the server-rendered page. */
export async function hydrated(page: Page) {
  await expect(page.locator('body')).toHaveAttribute('data-hydrated', 'true');
}

export function uniqueEmail(tag: string) {
  return `${tag}.${Date.now()}.${Math.floor(Math.random() * 1e6)}@example.com`;
}

/** The newest dev-mailbox message to `email` with `subject`, as text. */
export async function latestMail(page: Page, email: string, subject: string): Promise<string> {
  const mailbox = await page.context().newPage();
  await mailbox.goto('/dev/mailbox');
  const mail = mailbox.locator(`li.mail[data-to="${email}"]`).filter({ has: mailbox.getByRole('heading', { name: subject }) }).first();
  await expect(mail).toBeVisible();
  const text = (await mail.locator('.mail-body').textContent()) ?? '';
  await mailbox.close();
  return text;
}

/** Registers through the UI, activates from the dev mailbox and signs in; returns the email. */
export async function registerAndSignIn(page: Page, tag: string, first = 'Jordan', last = 'Rivera') {
  const email = uniqueEmail(tag);
  await page.goto('/register');
  await hydrated(page);
  await page.getByLabel('First name').fill(first);
  await page.getByLabel('Last name').fill(last);
  await page.getByLabel('Email address (this will be your username)').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByLabel('Confirm password').fill(PASSWORD);
  await page.getByLabel(/I have read and accept/).check();
  await page.getByRole('button', { name: 'Register now' }).click();
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  const text = await latestMail(page, email, 'Activate your account login');
  const link = text.match(/https?:\/\/\S+\/activate\?token=[0-9a-f]+/)![0];
  await page.goto(link);
  await expect(page).toHaveURL(/\/login\?reason=activated/);
  await hydrated(page);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await hydrated(page);
  return email;
}
