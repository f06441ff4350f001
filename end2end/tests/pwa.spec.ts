import { test, expect } from '@playwright/test';
import { hydrated } from './helpers';

test('the web app manifest makes the portal installable', async ({ request, page }) => {
  await page.goto('/login');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBe('/manifest.webmanifest');
  const res = await request.get(href!);
  expect(res.ok()).toBeTruthy();
  const m = await res.json();
  expect(m.name).toBe('Northstar Auto Finance');
  expect(m.short_name).toBe('Northstar');
  expect(m.start_url).toBe('/dashboard');
  expect(m.scope).toBe('/');
  expect(m.display).toBe('standalone');
  expect(m.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
  expect(m.background_color).toMatch(/^#[0-9a-f]{6}$/i);
  const sizes = m.icons.map((i: { sizes: string }) => i.sizes);
  expect(sizes).toContain('192x192');
  expect(sizes).toContain('512x512');
  expect(m.icons.some((i: { purpose?: string }) => i.purpose === 'maskable')).toBeTruthy();
  for (const icon of m.icons) {
    const r = await request.get(icon.src);
    expect(r.ok(), icon.src).toBeTruthy();
    expect(r.headers()['content-type']).toBe('image/png');
  }
});

test('the service worker registers and the offline page appears without a network', async ({ page, context }) => {
  await page.goto('/login');
  await hydrated(page);
  const active = await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    return reg.active?.scriptURL ?? null;
  });
  expect(active).toMatch(/\/sw\.js$/);
  // Controlled from the next navigation on (the worker claims open pages when it activates).
  await page.reload();
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);

  await context.setOffline(true);
  await page.goto('/dashboard').catch(() => {});
  await expect(page.getByRole('heading', { name: 'You are offline' })).toBeVisible();
  await context.setOffline(false);

  // Personal pages are never in the cache.
  const cached = await page.evaluate(async () => {
    const names = await caches.keys();
    const urls: string[] = [];
    for (const n of names) for (const r of await (await caches.open(n)).keys()) urls.push(new URL(r.url).pathname);
    return urls;
  });
  expect(cached).toContain('/offline.html');
  expect(cached.filter((u) => ['/dashboard', '/login'].includes(u) || u.startsWith('/api/'))).toEqual([]);
});

test('a new release is offered as "Update available — Reload" and takes over on reload', async ({ page }) => {
  await page.goto('/login');
  await hydrated(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await hydrated(page);
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  const before = await (await page.request.get('/sw.js')).text();
  // Demo mode can simulate a redeploy: the worker script changes as a new build's would.
  const bump = await page.request.post('/dev/new-release', { headers: { Origin: new URL(page.url()).origin } });
  expect(bump.status()).toBe(204);
  const after = await (await page.request.get('/sw.js')).text();
  expect(after).not.toEqual(before);
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
  const banner = page.getByRole('status').filter({ hasText: 'Update available' });
  await expect(banner).toBeVisible();
  await banner.getByRole('button', { name: 'Reload' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Update available' })).toHaveCount(0);
  await hydrated(page);
  // The new worker controls the page and nothing waits any more.
  await expect
    .poll(() => page.evaluate(async () => { const r = (await navigator.serviceWorker.getRegistration())!; return !r.waiting && !!r.active && r.active === navigator.serviceWorker.controller; }))
    .toBe(true);
  const cacheNames = await page.evaluate(() => caches.keys());
  expect(cacheNames.some((n) => /-r\d+$/.test(n))).toBe(true);
});
