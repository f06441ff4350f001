import { test, expect, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { hydrated, signIn } from './helpers';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function noViolations(page: Page, path: string) {
  await page.goto(path);
  await hydrated(page);
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

test('public pages have no WCAG 2.2 AA violations', async ({ page }) => {
  for (const path of ['/', '/login', '/register', '/terms', '/activate?token=expired', '/forgot-password', '/forgot-username', '/reset-password?token=expired', '/unlock?token=expired', '/confirm-email?token=expired', '/dev/mailbox', '/login/verify', '/login/setup', '/no-such-page']) {
    await noViolations(page, path);
  }
});

test('signed-in pages have no WCAG 2.2 AA violations', async ({ page }) => {
  await signIn(page, 'olga.ivanova@demo.example', 'Northstar-demo-2026');
  const contracts = await page.locator('article.contract-card a', { hasText: 'Details' }).evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  expect(contracts.length).toBe(2);
  const pages = ['/dashboard', '/link', '/payments', '/documents', '/messages', '/profile', '/profile/security', '/profile/sign-in', '/profile/details', '/profile/two-step'];
  for (const c of contracts) pages.push(c, `${c}/schedule`, `${c}/history`);
  for (const path of pages) await noViolations(page, path);
  // Dark mode follows the system setting and must keep its contrast.
  await page.emulateMedia({ colorScheme: 'dark' });
  for (const path of ['/dashboard', contracts[0], `${contracts[0]}/history`, '/profile/two-step', '/profile/details']) await noViolations(page, path);
});

test('the sign-in and registration pages pass in dark mode too', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  for (const path of ['/login', '/register']) await noViolations(page, path);
});
