import { test, expect, Page } from '@playwright/test';
import { hydrated } from './helpers';

/** Loads `path` and returns the WASM files the page fetched to become interactive. */
async function wasmFetchedBy(page: Page, path: string): Promise<string[]> {
  const wasm: string[] = [];
  const seen = (r: { url(): string }) => {
    const p = new URL(r.url()).pathname;
    if (p.endsWith('.wasm')) wasm.push(p);
  };
  page.on('request', seen);
  await page.goto(path);
  await hydrated(page);
  page.off('request', seen);
  return wasm;
}

async function bytes(page: Page, path: string): Promise<Buffer> {
  const res = await page.request.get(path);
  expect(res.ok()).toBe(true);
  return Buffer.from(await res.body());
}

// DESIGN rule 12: the back office is its own bundle, so customers do not download it.
test('customer pages load the customers’ bundle, which holds no back-office code or text', async ({ page }) => {
  for (const path of ['/login', '/register']) {
    const wasm = await wasmFetchedBy(page, path);
    expect(wasm, path).toHaveLength(1);
    expect(wasm[0]).toMatch(/^\/pkg\/portal\.[\w-]+\.wasm$/);
  }
  const [customer] = await wasmFetchedBy(page, '/login');
  const code = await bytes(page, customer);
  // Server functions are called by their endpoint names, so those names are in the bundle.
  expect(code.includes('complete_login')).toBe(true);
  expect(code.includes('staff_login')).toBe(false);
  expect(code.includes('Staff sign-in')).toBe(false);
});

// Served as brotli (quality 11, made at build time) to a browser that takes it.
test('the bundle is sent precompressed', async ({ page }) => {
  const [wasm] = await wasmFetchedBy(page, '/login');
  const raw = await bytes(page, wasm);
  const res = await page.request.get(wasm, { headers: { 'accept-encoding': 'br' } });
  expect(res.headers()['content-encoding']).toBe('br');
  expect(res.headers()['cache-control']).toContain('immutable');
  const sent = Number(res.headers()['content-length']);
  expect(sent).toBeGreaterThan(0);
  expect(sent).toBeLessThan(raw.length / 3);
});

test('back-office pages load the staff bundle', async ({ page }) => {
  const wasm = await wasmFetchedBy(page, '/backoffice/login');
  expect(wasm).toHaveLength(1);
  expect(wasm[0]).toMatch(/^\/pkg\/backoffice\.[\w-]+\.wasm$/);
  const code = await bytes(page, wasm[0]);
  expect(code.includes('staff_login')).toBe(true);
  // The sign-in form works: it is the hydrated app that shows this field-level error.
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByText('Enter your password.')).toBeVisible();
});

// One language on the wire (issue #17): the bundle carries no texts; a page fetches its own
// language's file, once, and the hydrated app speaks it.
test('a page fetches only its own language, and the bundle holds no texts', async ({ page, baseURL }) => {
  await page.context().addCookies([{ name: 'portal_lang', value: 'fr-CA', url: baseURL! }]);
  const texts: string[] = [];
  page.on('request', (r) => {
    const p = new URL(r.url()).pathname;
    if (p.startsWith('/pkg/i18n/')) texts.push(p);
  });
  const wasm = await wasmFetchedBy(page, '/login');
  expect(texts).toHaveLength(1);
  expect(texts[0]).toMatch(/^\/pkg\/i18n\/portal-fr-CA\.[0-9a-f]{16}\.ftl$/);
  // Messages only the browser writes, in the page's language.
  await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
  await expect(page.getByText('Entrez votre mot de passe.')).toBeVisible();
  const file = await page.request.get(texts[0]);
  expect(file.headers()['cache-control']).toContain('immutable');
  expect(await file.text()).toContain('login-password-required = Entrez votre mot de passe.');
  for (const w of wasm) {
    const code = await bytes(page, w);
    for (const sentence of ['Entrez votre mot de passe.', 'Enter your password.', 'Введите пароль.']) {
      expect(code.includes(sentence), `${w} holds "${sentence}"`).toBe(false);
    }
  }
  // A file of another release is not found (its page would have its own bundle too).
  expect((await page.request.get('/pkg/i18n/portal-fr-CA.0000000000000000.ftl')).status()).toBe(404);
});
