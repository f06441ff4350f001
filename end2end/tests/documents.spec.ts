import { test, expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { hydrated, noViolations, signIn } from './helpers';

test('statements and letters download as PDFs', async ({ page }) => {
  await signIn(page, 'anna.kowalski@demo.example', 'Northstar-demo-2026');
  await page.goto('/documents');
  await expect(page.getByRole('heading', { name: 'Documents', level: 1 })).toBeVisible();
  const active = page.locator('section.doc-card').filter({ hasText: 'LN-2023-004512' });
  const links = active.getByRole('link', { name: /^Statement for / });
  await expect(links).toHaveCount(6);
  // The list opens to every statement of the contract's life and closes again; the button says
  // how many.
  const more = active.getByRole('button', { name: /^Show all \d+ statements$/ });
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  const all = Number((await more.textContent())!.match(/\d+/)![0]);
  expect(all).toBeGreaterThan(6);
  await more.click();
  await expect(links).toHaveCount(all);
  await expect(active.getByRole('button', { name: 'Show fewer statements' })).toHaveAttribute('aria-expanded', 'true');
  await noViolations(page, '/documents (all shown)', false);

  const [statement] = await Promise.all([page.waitForEvent('download'), links.first().click()]);
  expect(statement.suggestedFilename()).toMatch(/^LN-2023-004512-statement-\d{4}-\d{2}\.pdf$/);
  const bytes = await readFile((await statement.path())!);
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  expect(bytes.length).toBeGreaterThan(5_000);

  const closed = page.locator('section.doc-card').filter({ hasText: 'LN-2017-000981' });
  const [letter] = await Promise.all([page.waitForEvent('download'), closed.getByRole('link', { name: 'Paid-in-full letter' }).click()]);
  expect(letter.suggestedFilename()).toBe('LN-2017-000981-paid-in-full.pdf');
  expect((await readFile((await letter.path())!)).subarray(0, 5).toString()).toBe('%PDF-');

  // The paid-off loan's lien release, the open loan's balance confirmation and its tax letters.
  const [release] = await Promise.all([page.waitForEvent('download'), closed.getByRole('link', { name: 'Lien release' }).click()]);
  expect(release.suggestedFilename()).toBe('LN-2017-000981-lien-release.pdf');
  expect((await readFile((await release.path())!)).subarray(0, 5).toString()).toBe('%PDF-');
  const [balance] = await Promise.all([page.waitForEvent('download'), active.getByRole('link', { name: 'Balance confirmation' }).click()]);
  expect(balance.suggestedFilename()).toBe('LN-2023-004512-balance-confirmation.pdf');
  const interest = active.getByRole('link', { name: /^Interest paid in \d{4}$/ });
  expect(await interest.count()).toBeGreaterThan(0);
  const [tax] = await Promise.all([page.waitForEvent('download'), interest.first().click()]);
  expect(tax.suggestedFilename()).toMatch(/^LN-2023-004512-interest-\d{4}\.pdf$/);
  expect((await readFile((await tax.path())!)).subarray(0, 5).toString()).toBe('%PDF-');
});

test('the documents page speaks the chosen language', async ({ page }) => {
  await signIn(page, 'olga.ivanova@demo.example', 'Northstar-demo-2026');
  await page.goto('/documents');
  // The switcher works once the app has hydrated the page.
  await hydrated(page);
  await page.getByRole('combobox', { name: /Language/ }).selectOption('ru');
  await expect(page.getByRole('heading', { name: 'Документы', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: /^Выписка за / }).first()).toBeVisible();
  await noViolations(page, '/documents (ru)', false);
  // Back to English for the tests that follow.
  await hydrated(page);
  await page.getByRole('combobox', { name: /Язык/ }).selectOption('en');
  await expect(page.getByRole('heading', { name: 'Documents', level: 1 })).toBeVisible();
});
