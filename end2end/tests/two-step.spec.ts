import { test, expect, Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { DEVICE_CODE, hydrated, serverNow, totp, latestMail, mailCount, PASSWORD, registerAndSignIn, sixDigits } from './helpers';

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).first().click();
  await expect(page).toHaveURL(/\/login\?reason=signed_out/);
  await hydrated(page);
}

async function passwordStep(page: Page, email: string) {
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

test('a new device is authorised with the emailed code', async ({ page, browser }, info) => {
  const email = await registerAndSignIn(page, `${info.project.name}-newdevice`);
  const other = await (await browser.newContext()).newPage();
  const before = await mailCount(other, email, DEVICE_CODE);
  await other.goto('/login');
  await hydrated(other);
  await passwordStep(other, email);
  await expect(other).toHaveURL(/\/login\/verify$/);
  // A new page load: typing before the app has hydrated would reach the server unchecked.
  await hydrated(other);
  await expect(other.getByRole('heading', { name: 'Authorize this device' })).toBeVisible();
  await expect(other.getByText(/We emailed a 6-digit code to \w\*\*\*@example\.com/)).toBeVisible();
  // A short code is caught before it is sent.
  await other.getByLabel('6-digit code').fill('123');
  await other.getByRole('button', { name: 'Verify' }).click();
  await expect(other.locator('#code-error')).toHaveText('Enter the 6-digit code.');
  const code = sixDigits(await latestMail(other, email, DEVICE_CODE, before));
  await other.getByLabel('6-digit code').fill(code === '000000' ? '111111' : '000000');
  await other.getByRole('button', { name: 'Verify' }).click();
  await expect(other.locator('#code-error')).toContainText('You have 4 more tries');
  await other.getByLabel('6-digit code').fill(code);
  await other.getByRole('button', { name: 'Verify' }).click();
  await expect(other).toHaveURL(/\/dashboard$/);
  // The device now shows on the Security page of the first browser.
  await page.goto('/profile/security');
  await expect(page.locator('li[data-device]')).toHaveCount(2);
});

test('authenticator app: enrol with the QR secret, then sign in with a computed code', async ({ page }, info) => {
  const email = await registerAndSignIn(page, `${info.project.name}-totp`);
  await page.goto('/profile/two-step');
  await hydrated(page);
  await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
  await expect(page.locator('.qr svg')).toBeVisible();
  const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
  const now = () => serverNow(page);
  await page.getByLabel('Code from the app').fill(totp(secret, await now()));
  await page.getByRole('button', { name: 'Turn on' }).click();
  await expect(page.getByRole('heading', { name: 'Save your recovery codes' })).toBeVisible();
  const codes = await page.locator('ol.codes li').allTextContents();
  expect(codes).toHaveLength(10);
  await page.getByRole('button', { name: 'I have saved them' }).click();
  await expect(page.getByText('Sign-in asks for the 6-digit code from your app.')).toBeVisible();

  await signOut(page);
  await passwordStep(page, email);
  await expect(page).toHaveURL(/\/login\/verify$/);
  await expect(page.getByRole('heading', { name: 'Confirm it is you' })).toBeVisible();
  // The enrolment code's time step is used up; the app's next code is accepted (±30 s drift).
  await page.getByLabel('Code from your authenticator app').fill(totp(secret, (await now()) + 30));
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);

  // A recovery code works too, once.
  await hydrated(page);
  await signOut(page);
  await passwordStep(page, email);
  await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
  await page.getByLabel('Recovery code').fill(codes[0]);
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
});

test('passkey: add one, then sign in with it and no password', async ({ page }, info) => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  await registerAndSignIn(page, `${info.project.name}-passkey`);
  await page.goto('/profile/two-step');
  await hydrated(page);
  await page.getByLabel('Name for the new passkey (optional)').fill('Test phone');
  await page.getByRole('button', { name: 'Add a passkey' }).click();
  await expect(page.locator('.toasts')).toContainText('Passkey added');
  await expect(page.getByText('Test phone')).toBeVisible();
  // The first second factor comes with recovery codes.
  await expect(page.getByRole('heading', { name: 'Save your recovery codes' })).toBeVisible();
  await page.getByRole('button', { name: 'I have saved them' }).click();

  await signOut(page);
  await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await hydrated(page);
  await page.goto('/profile/security');
  await expect(page.getByText('Signed in with passkey').first()).toBeVisible();
  // Both are on the login's audit trail, which this page reads.
  await expect(page.getByText('Passkey added').first()).toBeVisible();
});

test('contract number and temporary password: set up email and password first', async ({ page }, info) => {
  const contract = info.project.name === 'desktop' ? 'LN-2024-005124' : 'LN-2024-005125';
  const root = path.resolve(__dirname, '..', '..');
  const dataDir = process.env.E2E_DATA_DIR ?? path.join(root, 'target', 'e2e-data');
  // Staff issue the temporary password with the CLI, on the same database as the running portal.
  const out = execFileSync(path.join(root, 'target', 'release', 'server'), ['create-temp-login', '--contract', contract, '--by', 'e2e'], {
    cwd: root,
    env: {
      ...process.env,
      PORTAL_DATA_DIR: dataDir,
      DATABASE_URL: `sqlite://${dataDir}/e2e.db?mode=rwc`,
      LEPTOS_SITE_ROOT: 'target/site',
      LEPTOS_SITE_PKG_DIR: 'pkg',
      LEPTOS_OUTPUT_NAME: 'portal',
      PORTAL_ADDR: '127.0.0.1:0',
      PORTAL_ENV: 'demo',
    },
  }).toString();
  const temp = out.match(/temporary password for [A-Z0-9-]+: (\S+)/)![1];
  const email = `${info.project.name}.temp.${Date.now()}@example.com`;

  await page.goto('/login');
  await hydrated(page);
  await page.getByLabel('Email address or contract number').fill(contract.toLowerCase());
  await page.getByLabel('Password', { exact: true }).fill(temp);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(/\/login\/setup$/);
  await hydrated(page);
  await expect(page.getByRole('heading', { name: 'Set up your login' })).toBeVisible();
  await expect(page.getByText(contract)).toBeVisible();
  // The password rules apply here too.
  await page.getByLabel('Your email address').fill(email);
  await page.getByLabel('New password', { exact: true }).fill('short');
  await page.getByLabel('Repeat the new password').fill('short');
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect(page.locator('#password-error')).toContainText('at least 8 characters');
  await page.getByLabel('New password', { exact: true }).fill(PASSWORD);
  await page.getByLabel('Repeat the new password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Save and continue' }).click();
  // A code to the new address proves it.
  await expect(page).toHaveURL(/\/login\/verify$/);
  const code = sixDigits(await latestMail(page, email, DEVICE_CODE));
  await page.getByLabel('6-digit code').fill(code);
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.locator(`article[data-contract="${contract}"]`)).toBeVisible();
});
