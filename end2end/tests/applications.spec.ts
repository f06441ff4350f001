import { test, expect, Page } from '@playwright/test';
import { AGENT, SUPERVISOR, hydrated, noViolations, staffSignIn } from './helpers';
import { addBank, advanceAndRunJobs, CLOCK_URL, cents, pick, portalToday, registerAndLink, Unlinked } from './clock';

// Approval changes the contract and the test moves the clock: the second server (own database,
// own clock), and each project and retry links its own contract of the demo book.
test.use({ baseURL: CLOCK_URL });

const APPLICANTS: Record<string, [Unlinked, Unlinked]> = {
  desktop: [
    { first: 'Avery', last: 'Quinn', card: 'NS-80100011', number: 'LN-2024-005130' },
    { first: 'Jamie', last: 'Ortiz', card: 'NS-80100012', number: 'LN-2024-005131' },
  ],
  mobile: [
    { first: 'Noah', last: 'Fischer', card: 'NS-80100013', number: 'LN-2024-005132' },
    { first: 'Lena', last: 'Vogel', card: 'NS-80100014', number: 'LN-2024-005133' },
  ],
};

/** The application form of the contract, opened from its page ("Ask for a change"). */
async function openForm(page: Page, number: string) {
  await page.goto('/dashboard');
  await hydrated(page);
  await page.locator(`article[data-contract="${number}"]`).getByRole('link', { name: 'Details' }).click();
  await page.getByRole('link', { name: /^Ask for a change/ }).click();
  await expect(page.getByRole('heading', { name: 'Applications', level: 1 })).toBeVisible();
  await hydrated(page);
  await expect(page.getByTestId('application-form')).toBeVisible();
}

/** The customer's card of application `reference` on /applications. */
async function card(page: Page, reference: string) {
  await page.goto('/applications');
  await hydrated(page);
  return page.locator(`article[data-reference="${reference}"]`);
}

/** A staff member opens application `reference` from the queue. */
async function openInBackOffice(page: Page, reference: string) {
  await page.goto('/backoffice/applications');
  await hydrated(page);
  await page.locator(`tr[data-application="${reference}"]`).getByRole('link').click();
  await expect(page.getByTestId('application-reference')).toContainText(reference);
  await hydrated(page);
}

test('a hardship deferral sent back is corrected and resubmitted; a partial early repayment with a lower payment is approved and changes the schedule', async ({ page }, info) => {
  const c = pick(info, APPLICANTS);
  const email = await registerAndLink(page, c, `apply-${info.project.name}`);
  await addBank(page, `${c.first} ${c.last}`);

  // Hardship deferral: the effect first, then filed with a reference.
  await openForm(page, c.number);
  await page.getByRole('radio', { name: 'Hardship deferral' }).check();
  await page.getByLabel('Months').selectOption('2');
  await page.getByLabel('What happened (your reason)').fill('My hours were cut for the winter.');
  await page.getByRole('button', { name: 'Review the effect' }).click();
  await expect(page.getByTestId('app-preview')).toContainText('Payments start again');
  await noViolations(page, '/applications', false);
  await page.getByRole('button', { name: 'Submit the application' }).click();
  const deferral = (await page.getByTestId('app-filed').textContent())!.match(/APP-[A-Z0-9]+/)![0];

  // An agent takes it into review and sends it back with a reason.
  await staffSignIn(page, AGENT);
  await openInBackOffice(page, deferral);
  await page.getByRole('button', { name: 'Take into review' }).click();
  await expect(page.getByTestId('application-status')).toHaveText('Under review');
  await page.getByRole('button', { name: 'Send back for correction' }).click();
  await expect(page.getByText('Write the reason: the customer reads it.')).toBeVisible();
  await page.getByLabel(/^Note to the customer/).fill('Please ask for one month and attach a letter from your employer.');
  await page.getByRole('button', { name: 'Send back for correction' }).click();
  await expect(page.getByTestId('application-status')).toHaveText('Needs your correction');
  await noViolations(page, page.url(), false);

  // The customer reads the reason and corrects it in French; the list reads back in Russian
  // (the switcher in the header; this customer is the test's own).
  await page.goto('/applications');
  await hydrated(page);
  await page.getByRole('combobox', { name: /Language/ }).selectOption('fr-CA');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr-CA');
  let mine = await card(page, deferral);
  await expect(page.getByRole('heading', { name: 'Demandes', level: 1 })).toBeVisible();
  await expect(mine.getByTestId('app-status')).toHaveText('À corriger');
  await expect(mine.getByTestId('app-note')).toHaveText('Please ask for one month and attach a letter from your employer.');
  await mine.getByTestId('app-correct').click();
  await expect(page.getByRole('heading', { name: `Corriger la demande ${deferral}` })).toBeVisible();
  await page.getByLabel('Mois').selectOption('1');
  await page.getByRole('button', { name: "Voir l'effet" }).click();
  await expect(page.getByTestId('app-preview')).toBeVisible();
  await noViolations(page, '/applications (fr-CA, correction)', false);
  await page.getByRole('button', { name: 'Soumettre la demande' }).click();
  await expect(page.getByRole('heading', { name: 'Correction reçue' })).toBeVisible();
  await page.getByRole('combobox', { name: /Langue/ }).selectOption('ru');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  mine = await card(page, deferral);
  await expect(page.getByRole('heading', { name: 'Заявления', level: 1 })).toBeVisible();
  await expect(mine.getByTestId('app-status')).toHaveText('Получено');
  await noViolations(page, '/applications (ru)', false);
  await hydrated(page);
  await page.getByRole('combobox', { name: /Язык/ }).selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  mine = await card(page, deferral);
  await expect(mine.getByTestId('app-status')).toHaveText('Received');

  // A partial early repayment, lower monthly payment: before and after side by side.
  await openForm(page, c.number);
  await page.getByRole('radio', { name: 'Partial early repayment' }).check();
  await page.getByLabel('Amount').fill('3000.00');
  const today = await portalToday(page);
  await page.getByLabel('Date of the payment').fill(today);
  await page.getByLabel('After the repayment').selectOption('lower_payment');
  await page.getByLabel('Pay from').selectOption({ label: 'Checking ••6789' });
  await page.getByRole('button', { name: 'Review the effect' }).click();
  const monthly = page.getByTestId('app-preview').locator('tr').filter({ hasText: 'Monthly payment' }).locator('td');
  const before = cents((await monthly.nth(0).textContent())!);
  const after = cents((await monthly.nth(1).textContent())!);
  expect(after).toBeLessThan(before);
  await page.getByRole('button', { name: 'Submit the application' }).click();
  const early = (await page.getByTestId('app-filed').textContent())!.match(/APP-[A-Z0-9]+/)![0];

  // A supervisor (the agent signs out first) takes it into review and approves it: its payment
  // is scheduled.
  await page.goto('/backoffice');
  await hydrated(page);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/backoffice\/login/);
  await staffSignIn(page, SUPERVISOR);
  await openInBackOffice(page, early);
  await page.getByRole('button', { name: 'Take into review' }).click();
  await expect(page.getByTestId('application-status')).toHaveText('Under review');
  await page.getByRole('button', { name: 'Approve and apply' }).click();
  await expect(page.getByTestId('application-status')).toHaveText('Approved');

  // Once the payment posts, the schedule is made again: the contract's payment is the one the
  // preview promised (a payment posts within a few business days).
  let shown = 0;
  for (let day = 0; day < 6 && shown === 0; day++) {
    await advanceAndRunJobs(page, day === 0 ? 0 : 1, email);
    mine = await card(page, early);
    const payment = mine.getByTestId('app-outcome').locator('div').filter({ hasText: 'Monthly payment' }).getByRole('definition');
    if ((await payment.count()) > 0) shown = cents((await payment.textContent())!);
  }
  expect(shown).toBe(after);
  await expect(mine.getByTestId('app-status')).toHaveText('Approved');
  await noViolations(page, '/applications', false);
});
