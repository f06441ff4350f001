import { test, expect } from '@playwright/test';
import { hydrated, noViolations } from './helpers';

// Issue 15, the help centre: the sign-in page links to it; it filters as you type once live, and a
// search address renders its results on the server for a browser without JavaScript; every
// article and the page's end lead into the Message Center.
test('help search works as you type, and without JavaScript', async ({ page, browser }) => {
  await page.goto('/login');
  await page.getByRole('link', { name: 'Trouble signing in? Help centre' }).click();
  await expect(page.getByRole('heading', { name: 'Help centre', level: 1 })).toBeVisible();
  await hydrated(page);
  const articles = page.getByTestId('help-article');
  const all = await articles.count();
  expect(all).toBeGreaterThan(10);
  await page.getByLabel('Search help').fill('where is my vin');
  await expect(articles.first().getByRole('heading')).toHaveText('Where to find your VIN');
  expect(await articles.count()).toBeLessThan(all);
  await expect(page.getByTestId('help-count')).toContainText(/matche?s? “where is my vin”/);
  await page.getByLabel('Search help').fill('zebra crossing');
  await expect(articles).toHaveCount(0);
  await expect(page.getByText('Nothing matches “zebra crossing”')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Write to us', exact: true })).toHaveAttribute('href', '/messages/new');
  await noViolations(page, '/help with no results', false);

  const plain = await browser.newContext({ javaScriptEnabled: false });
  const p = await plain.newPage();
  await p.goto('/help');
  await p.getByLabel('Search help').fill('phishing');
  await p.getByRole('button', { name: 'Search' }).click();
  await expect(p).toHaveURL(/\/help\?q=phishing/);
  await expect(p.getByLabel('Search help')).toHaveValue('phishing');
  await expect(p.getByTestId('help-article')).toHaveCount(1);
  await expect(p.getByRole('heading', { name: 'Security and phishing' })).toBeVisible();
  await expect(p.getByRole('link', { name: 'Write to us about this' })).toHaveAttribute('href', '/messages/new?topic=account_access');
  await plain.close();
});
