import { test, expect, Page } from '@playwright/test';
import { hydrated, signIn } from './helpers';

// Every customer page (app/src/pages.rs), reached twice: by a full page load, which the bundle
// hydrates, and by a link followed inside the running app, which the bundle renders itself (no
// page load: a marker set on `window` survives). Neither may raise a script error. This is the sweep
// that catches a page whose code fails only in the browser (a route type wired to the wrong page,
// a bundle built without the page's code).

async function watchErrors(page: Page): Promise<string[]> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push(`console: ${m.text()}`);
  });
  return errors;
}

/** Follows an in-app link to `path` (the router takes the click) and waits for its heading. */
async function follow(page: Page, path: string) {
  await page.evaluate((href) => {
    document.getElementById('sweep-link')?.remove();
    const a = document.createElement('a');
    a.href = href;
    a.textContent = 'sweep';
    a.id = 'sweep-link';
    document.querySelector('main, body')!.appendChild(a);
  }, path);
  // By keyboard, as a person without a mouse would: a phone's fixed tab bar may cover the link.
  await page.locator('#sweep-link').focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL((u) => u.pathname + u.search === path);
  await expect(page.locator('h1').first()).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { sweep?: number }).sweep), `${path} was rendered in the page, not loaded`).toBe(1);
}

async function sweep(page: Page, start: string, paths: string[], errors: string[]) {
  for (const path of paths) {
    await page.goto(path);
    await hydrated(page);
    await expect(page.locator('h1').first(), path).toBeVisible();
  }
  await page.goto(start);
  await hydrated(page);
  await page.evaluate(() => ((window as unknown as { sweep: number }).sweep = 1));
  for (const path of paths) await follow(page, path);
  expect(errors).toEqual([]);
}

test('every signed-out page hydrates, and renders when reached by a link', async ({ page }) => {
  const errors = await watchErrors(page);
  await sweep(page, '/terms', ['/', '/login', '/login/verify', '/login/setup', '/register', '/forgot-password', '/forgot-username',
    '/help', '/help?q=payoff', '/activate?token=x', '/reset-password?token=x', '/unlock?token=x', '/confirm-email?token=x',
    '/dev/mailbox', '/terms'], errors);
});

test('every signed-in page hydrates, and renders when reached by a link', async ({ page }) => {
  const errors = await watchErrors(page);
  await signIn(page, 'olga.ivanova@demo.example', 'Northstar-demo-2026');
  const contracts = [...new Set(await page.locator('article.contract-card a').evaluateAll((as) =>
    as.map((a) => a.getAttribute('href')!).filter((h) => /^\/contracts\/\d+$/.test(h))))];
  expect(contracts.length).toBe(2);
  const id = contracts[0].split('/').pop();
  const paths = ['/dashboard', '/link', '/payments', `/payments/new?contract=${id}`, `/payments/payoff?contract=${id}`,
    '/payments/autopay', '/payments/sources', '/documents', '/applications', '/messages', '/messages/new',
    '/profile', '/profile/security', '/profile/details', '/profile/two-step', '/profile/sign-in'];
  for (const c of contracts) paths.push(c, `${c}/schedule`, `${c}/history`, `${c}/lease-end`);
  // A message thread (/messages/:id) is opened by link after sending, in messages.spec.ts.
  await sweep(page, '/dashboard', paths, errors);
});
