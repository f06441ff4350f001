import { expect, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { createHmac } from 'node:crypto';

export const PASSWORD = 'blue tractor sunrise';

/** Waits until the WASM app has hydrated the server-rendered page. */
export async function hydrated(page: Page) {
  await expect(page.locator('body')).toHaveAttribute('data-hydrated', 'true');
}

export function uniqueEmail(tag: string) {
  return `${tag}.${Date.now()}.${Math.floor(Math.random() * 1e6)}@example.com`;
}

/** The newest dev-mailbox message to `email` with `subject`, as text. With `after`, waits until
 *  there are more than `after` such messages (mail leaves through an outbox, a moment later). */
export async function latestMail(page: Page, email: string, subject: string | string[], after = 0): Promise<string> {
  const mailbox = await page.context().newPage();
  const mails = () => mailbox.locator(`li.mail[data-to="${email}"]`).filter({ has: mailbox.getByRole('heading', { name: subjectMatcher(subject) }) });
  await expect(async () => {
    await mailbox.goto('/dev/mailbox');
    expect(await mails().count()).toBeGreaterThan(after);
  }).toPass({ timeout: 15_000 });
  const text = (await mails().first().locator('.mail-body').textContent()) ?? '';
  await mailbox.close();
  return text;
}

/** An exact-match pattern for one subject or any of several (e.g. one email in three languages). */
function subjectMatcher(subject: string | string[]): RegExp {
  const list = Array.isArray(subject) ? subject : [subject];
  return new RegExp(`^(${list.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`);
}

/** How many dev-mailbox messages `email` has with `subject`. */
export async function mailCount(page: Page, email: string, subject: string | string[]): Promise<number> {
  const mailbox = await page.context().newPage();
  await mailbox.goto('/dev/mailbox');
  const n = await mailbox.locator(`li.mail[data-to="${email}"]`).filter({ has: mailbox.getByRole('heading', { name: subjectMatcher(subject) }) }).count();
  await mailbox.close();
  return n;
}

export const DEVICE_CODE = 'Your device authorization code';
/** The same email's subject in the other languages (a login's language decides its emails). */
export const DEVICE_CODE_ANY = [DEVICE_CODE, "Votre code d'autorisation de l'appareil", 'Код подтверждения устройства'];

/** The first 6-digit number in a text. */
export function sixDigits(text: string): string {
  return text.match(/\b\d{6}\b/)![0];
}

/** Signs in through the form; on a browser not yet remembered, enters the emailed device code. */
export async function signIn(page: Page, email: string, password = PASSWORD) {
  const before = await mailCount(page, email, DEVICE_CODE_ANY);
  await page.goto('/login');
  await hydrated(page);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL(/\/(dashboard|login\/verify)$/);
  if (page.url().endsWith('/login/verify')) {
    await hydrated(page);
    await expect(page.getByRole('heading', { name: 'Authorize this device' })).toBeVisible();
    const code = sixDigits(await latestMail(page, email, DEVICE_CODE_ANY, before));
    await page.getByLabel('6-digit code').fill(code);
    await page.getByRole('button', { name: 'Verify' }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
  }
  await hydrated(page);
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
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  // The browser that opened the activation link is remembered: no device code here.
  await expect(page).toHaveURL(/\/dashboard$/);
  await hydrated(page);
  return email;
}

/** The portal's "now" in Unix seconds. The end-to-end server runs on a pinned demo clock
 *  (PORTAL_CLOCK, so the demo book is the same on every calendar day); an authenticator app in
 *  these tests keeps the server's time, as a real phone keeps real time. */
export async function serverNow(page: Page): Promise<number> {
  const r = await page.request.get('/dev/clock');
  expect(r.ok()).toBeTruthy();
  return (await r.json()).unix as number;
}

/** RFC 6238 TOTP (SHA-1, 6 digits, 30 s), computed here as an authenticator app would. */
export function totp(secretBase32: string, unixSeconds: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const ch of secretBase32.replace(/=+$/, '')) bits += alphabet.indexOf(ch).toString(2).padStart(5, '0');
  const key = Buffer.from(bits.match(/.{8}/g)!.map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(unixSeconds / 30)));
  const mac = createHmac('sha1', key).update(counter).digest();
  const offset = mac[mac.length - 1] & 0xf;
  const n = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return n.toString().padStart(6, '0');
}


const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Opens `path` (unless `open` is false), runs axe (WCAG 2.0–2.2 A/AA) and checks reflow: zero
 *  violations and nothing wider than the configured viewport. */
export async function noViolations(page: Page, path: string, open = true) {
  if (open) {
    await page.goto(path);
    await hydrated(page);
  }
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const summary = result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `axe on ${path}`).toEqual([]);
  expect(result.passes.length, `axe checked ${path}`).toBeGreaterThan(5);
  // Reflow (WCAG 1.4.10): nothing wider than the screen, down to 360 px.
  // Compared with the configured viewport: on a mobile-emulated page the layout viewport itself
  // widens to fit overflowing content, so window.innerWidth would hide the problem.
  const width = page.viewportSize()!.width;
  const overflow = (await page.evaluate(() => document.documentElement.scrollWidth)) - width;
  expect(overflow, `horizontal overflow on ${path}`).toBeLessThanOrEqual(0);
}

/** A data table stays inside the page's main column, and its dates sit on one line (the
 *  walk-through found history dates wrapped over three lines and French/Russian tables wider
 *  than the page on a 1280 px desktop). */
export async function tableFits(page: Page, path: string) {
  const { overflow, wrapped } = await page.evaluate(() => {
    const main = document.querySelector('main')!.getBoundingClientRect();
    const tables = [...document.querySelectorAll('table.data')].map((t) => t.getBoundingClientRect().right - main.right);
    const wrapped = [...document.querySelectorAll('td.date time')].filter((t) => t.getClientRects().length > 1 || (t as HTMLElement).offsetHeight > 2 * parseFloat(getComputedStyle(t).lineHeight || '20')).length;
    return { overflow: Math.max(0, ...tables), wrapped };
  });
  expect(overflow, `table wider than the page on ${path}`).toBeLessThanOrEqual(1);
  expect(wrapped, `wrapped dates on ${path}`).toBe(0);
}

export const DEMO_PASSWORD = 'Northstar-demo-2026';
export const AGENT = { email: 'agent@northstar.example', secret: 'NORTHSTARDEMOAGENTNORTHSTARDEMOA', name: 'Jordan Reyes' };
export const SUPERVISOR = { email: 'supervisor@northstar.example', secret: 'NORTHSTARDEMOSUPERVISORNORTHSTAR', name: 'Priya Nair' };

/** Staff sign-in as a person with an authenticator app would do it. A code is accepted once; when
 *  an earlier test already used this 30-second code, the next one (±1 step is allowed) is typed. */
export async function staffSignIn(page: Page, who: typeof AGENT) {
  await page.goto('/backoffice');
  await expect(page).toHaveURL(/\/backoffice\/login$/);
  await hydrated(page);
  await expect(page.getByRole('heading', { name: 'Staff sign-in' })).toBeVisible();
  await page.getByLabel('Work email').fill(who.email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  for (let attempt = 0; attempt < 3; attempt++) {
    // 0: this step's code; then the next step's (the server allows one step of drift), the
    // last time after moving the demo clock on to a step nobody can have used yet.
    if (attempt === 2) expect((await page.request.post('/dev/clock?seconds=60')).ok()).toBeTruthy();
    const code = totp(who.secret, (await serverNow(page)) + (attempt >= 1 ? 30 : 0));
    await page.getByLabel('Authenticator code').fill(code);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    const signedIn = await page.waitForURL(/\/backoffice$/, { timeout: 5_000 }).then(() => true, () => false);
    if (signedIn) break;
  }
  await expect(page).toHaveURL(/\/backoffice$/);
  await hydrated(page);
  await expect(page.getByTestId('staff-name')).toContainText(who.name);
}
