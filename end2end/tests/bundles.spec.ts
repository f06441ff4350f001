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
