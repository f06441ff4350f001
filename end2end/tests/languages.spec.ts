import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { hydrated, signIn } from './helpers';

test('the browser language is used, and the header switcher changes and remembers it', async ({ browser }) => {
  // A French-Canadian browser gets the French portal.
  const fr = await browser.newContext({ locale: 'fr-CA' });
  const page = await fr.newPage();
  await page.goto('/login');
  await hydrated(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr-CA');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Connexion');
  await expect(page.getByRole('button', { name: 'Se connecter', exact: true })).toBeVisible();
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(axe.violations).toEqual([]);

  // Switching to Russian reloads the page in Russian and sticks for the next page.
  await page.getByRole('combobox', { name: /Langue|Language/ }).selectOption('ru');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Вход');
  await page.goto('/register');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await fr.close();
});

test('money and dates follow the language, the currency follows the contract', async ({ browser }) => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await signIn(page, 'marc.tremblay@demo.example', 'Northstar-demo-2026');
  await expect(page.locator('[data-testid="balance"]').first()).toContainText(/\$[\d,]+\.\d\d/);
  await page.getByRole('combobox', { name: /Language/ }).selectOption('ru');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await hydrated(page);
  // Marc's lease is in US dollars: Russian layout (space groups, decimal comma), dollar sign.
  const balance = page.locator('[data-testid="balance"]').first();
  await expect(balance).toContainText(/\d,\d\d\u00a0\$/);
  await expect(page.locator('main')).toContainText(/\d{1,2} (янв|февр|мар|апр|мая|июн|июл|авг|сент|окт|нояб|дек)\.? \d{4} г\./);
  // Longer Russian words still fit a 360 px phone, and the page stays accessible.
  const ru = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(ru.violations).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(page.viewportSize()!.width);
  // The choice is stored in the profile: the demo user keeps Russian at the next sign-in.
  await page.goto('/profile/details');
  await expect(page.getByRole('radio', { name: 'Русский' })).toBeChecked();
  await page.getByRole('combobox', { name: /Язык/ }).selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await ctx.close();
});
