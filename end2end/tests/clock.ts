import { expect, Page, TestInfo } from '@playwright/test';
import { hydrated, registerAndSignIn, signIn } from './helpers';

/** The second server (playwright.config.ts): its own database and a demo clock that the specs
 *  importing this may move. Nothing else runs against it. */
export const CLOCK_URL = process.env.E2E_CLOCK_URL!;

/** The date the portal takes as today, `YYYY-MM-DD`. */
export async function portalToday(page: Page): Promise<string> {
  const r = await page.request.get('/dev/clock');
  expect(r.ok()).toBeTruthy();
  return (await r.json()).date as string;
}

/** Moves the demo clock forward by whole days (never back), then runs a payments pass, as the
 *  background loop would at its next tick (`POST /dev/run-jobs`). Days later the session has timed
 *  out, as it would for a person: `email` signs in again (this browser is still a known device). */
export async function advanceAndRunJobs(page: Page, days: number, email: string) {
  expect(days).toBeGreaterThanOrEqual(0);
  if (days > 0) expect((await page.request.post(`/dev/clock?days=${days}`)).ok()).toBeTruthy();
  expect((await page.request.post('/dev/run-jobs')).status()).toBe(204);
  if (days > 0) await signIn(page, email);
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000);
}

/** An English long date as the portal writes it ("November 19, 2026") as `YYYY-MM-DD`. */
export function isoDate(text: string): string {
  const ms = Date.parse(`${text.trim()} 12:00 UTC`);
  expect(Number.isNaN(ms), `a date: ${text}`).toBe(false);
  return new Date(ms).toISOString().slice(0, 10);
}

/** "$48,123.45" → 4812345 (cents; money is never a float here). */
export function cents(text: string): number {
  const m = text.match(/-?\$([\d,]+)\.(\d\d)/);
  expect(m, `an amount in ${text}`).not.toBeNull();
  const sign = m![0].startsWith('-') ? -1 : 1;
  return sign * (Number(m![1].replace(/,/g, '')) * 100 + Number(m![2]));
}

/** 4812345 → "$48,123.45", as the portal writes US dollars. */
export function usd(c: number): string {
  const dollars = String(Math.floor(c / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `$${dollars}.${String(c % 100).padStart(2, '0')}`;
}

/** A contract of the demo book that no login holds (server/src/seed/contracts.rs). */
export type Unlinked = { first: string; last: string; card: string; number: string };

/** Picks this project's and this try's contract: desktop and mobile runs, and a retry after a
 *  first try that may have got half-way, each use their own. */
export function pick(info: TestInfo, set: Record<string, [Unlinked, Unlinked]>): Unlinked {
  return set[info.project.name][info.retry > 0 ? 1 : 0];
}

/** Registers a login in the contract holder's name and links the contract by Customer ID;
 *  returns the login's email. */
export async function registerAndLink(page: Page, c: Unlinked, tag: string): Promise<string> {
  const email = await registerAndSignIn(page, tag, c.first, c.last);
  await page.goto('/link');
  await hydrated(page);
  await page.getByLabel('First name').fill(c.first);
  await page.getByLabel('Last name').fill(c.last);
  await page.getByLabel("Customer ID from your owner's card").check();
  await page.getByLabel('Customer ID', { exact: true }).fill(c.card);
  await page.getByRole('button', { name: 'Link account' }).click();
  await expect(page.getByText(c.number, { exact: true })).toBeVisible();
  return email;
}

/** Adds the checking account ••6789 (verified by the simulated processor). */
export async function addBank(page: Page, holder: string) {
  await page.goto('/payments/sources');
  await hydrated(page);
  const bank = page.locator('form').filter({ has: page.getByLabel('Routing number') });
  await bank.getByLabel('Name on the account').fill(holder);
  await bank.getByLabel('Routing number').fill('021000021');
  await bank.getByLabel('Account number', { exact: true }).fill('000123456789');
  await bank.getByLabel('Account number again').fill('000123456789');
  await bank.getByRole('button', { name: 'Add bank account' }).click();
  await expect(page.locator('li[data-source]').filter({ hasText: 'Checking ••6789' }).first()).toBeVisible();
}

/** The dashboard card of a contract. */
export async function contractCard(page: Page, number: string) {
  await page.goto('/dashboard');
  await hydrated(page);
  const card = page.locator(`article[data-contract="${number}"]`);
  await expect(card).toBeVisible();
  return card;
}
