import { test, expect, Page } from '@playwright/test';
import { noViolations, signIn, tableFits } from './helpers';

// Every page in every language: longer French and Russian words must still fit a 360 px phone
// (reflow) and keep axe clean (issue "what a new customer tripped over", High 2).
const LANGS = ['en', 'fr-CA', 'ru'] as const;

async function speak(page: Page, baseURL: string | undefined, lang: string) {
  await page.context().addCookies([{ name: 'portal_lang', value: lang, url: baseURL! }]);
}

for (const lang of LANGS) {
  test(`public pages have no WCAG 2.2 AA violations (${lang})`, async ({ page, baseURL }) => {
    await speak(page, baseURL, lang);
    for (const path of ['/', '/login', '/register', '/terms', '/help', '/help?q=payoff', '/activate?token=expired', '/forgot-password', '/forgot-username', '/reset-password?token=expired', '/unlock?token=expired', '/confirm-email?token=expired', '/dev/mailbox', '/login/verify', '/login/setup', '/no-such-page']) {
      await noViolations(page, path);
    }
  });

  test(`signed-in pages have no WCAG 2.2 AA violations (${lang})`, async ({ page, baseURL }) => {
    await signIn(page, 'olga.ivanova@demo.example', 'Northstar-demo-2026');
    await speak(page, baseURL, lang);
    await page.goto('/dashboard');
    const contracts = [...new Set(await page.locator('article.contract-card a').evaluateAll((as) =>
      as.map((a) => a.getAttribute('href')!).filter((h) => /^\/contracts\/\d+$/.test(h))))];
    expect(contracts.length).toBe(2);
    const pages = ['/dashboard', '/link', '/payments', '/payments/sources', '/payments/autopay', '/documents', '/messages', '/messages/new', '/applications', '/profile', '/profile/security', '/profile/sign-in', '/profile/details', '/profile/two-step'];
    for (const c of contracts) pages.push(c, `${c}/schedule`, `${c}/history`, `/payments/new?contract=${c.split('/').pop()}`, `/payments/payoff?contract=${c.split('/').pop()}`, `/applications?contract=${c.split('/').pop()}`, `${c}/lease-end`);
    for (const path of pages) {
      await noViolations(page, path);
      if (path.endsWith('/history') || path.endsWith('/schedule')) await tableFits(page, path);
    }
    // Dark mode follows the system setting and must keep its contrast.
    await page.emulateMedia({ colorScheme: 'dark' });
    for (const path of ['/dashboard', contracts[0], `${contracts[0]}/history`, '/profile/two-step', '/profile/details']) await noViolations(page, path);
  });
}

test('the sign-in and registration pages pass in dark mode too', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  for (const path of ['/login', '/register']) await noViolations(page, path);
});
