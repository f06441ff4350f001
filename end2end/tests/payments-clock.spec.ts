import { test, expect, Page } from '@playwright/test';
import { hydrated, latestMail, noViolations } from './helpers';
import { addBank, advanceAndRunJobs, CLOCK_URL, cents, contractCard, daysBetween, isoDate, pick, portalToday, registerAndLink, Unlinked, usd } from './clock';

// These tests move the demo clock, so they run against the second server (own database, own
// clock; playwright.config.ts), never the shared one. Each project and each retry links its own
// contract of the demo book, so what one run paid or paid off is never another run's starting point.
test.use({ baseURL: CLOCK_URL });

const PAYERS: Record<string, [Unlinked, Unlinked]> = {
  desktop: [
    { first: 'Jordan', last: 'Rivera', card: 'NS-80100001', number: 'LN-2024-005120' },
    { first: 'Morgan', last: 'Blake', card: 'NS-80100007', number: 'LN-2024-005126' },
  ],
  mobile: [
    { first: 'Chris', last: 'Martin', card: 'NS-80100003', number: 'LN-2024-005122' },
    { first: 'Alex', last: 'Moreau', card: 'NS-80100009', number: 'LN-2024-005128' },
  ],
};
const PAYOFFS: Record<string, [Unlinked, Unlinked]> = {
  desktop: [
    { first: 'Taylor', last: 'Nguyen', card: 'NS-80100002', number: 'LN-2024-005121' },
    { first: 'Casey', last: 'Lee', card: 'NS-80100008', number: 'LN-2024-005127' },
  ],
  mobile: [
    { first: 'Priya', last: 'Shah', card: 'NS-80100004', number: 'LN-2024-005123' },
    { first: 'Robin', last: 'Park', card: 'NS-80100010', number: 'LN-2024-005129' },
  ],
};

/** Pays `amount` now from the source labelled `from`; checks the review's fee line (`fee`, or none),
 *  confirms, and returns the reference and the posting day the confirmation names. */
async function payNow(page: Page, number: string, amount: string, from: RegExp, fee: string | null) {
  const card = await contractCard(page, number);
  await card.getByRole('link', { name: 'Pay', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Make a payment', level: 1 })).toBeVisible();
  await hydrated(page);
  await page.getByLabel('Another amount').check();
  await page.getByLabel(/^Amount \(USD\)/).fill(amount);
  const source = page.getByRole('radio', { name: from });
  await source.check();
  // The form says what each source costs before anything is reviewed.
  await expect(page.locator('label').filter({ has: source })).toContainText(fee ? `card fee $${fee}` : 'no fee');
  await page.getByRole('button', { name: 'Review payment' }).click();
  await expect(page.getByRole('heading', { name: 'Review your payment' })).toBeVisible();
  const review = page.getByTestId('review');
  const total = usd(cents(`$${amount}`) + (fee ? cents(`$${fee}`) : 0));
  await expect(review.getByRole('definition').first()).toHaveText(usd(cents(`$${amount}`)));
  if (fee) await expect(review.locator('div').filter({ hasText: 'Card fee' }).getByRole('definition')).toHaveText(`$${fee}`);
  else await expect(review).not.toContainText('Card fee');
  await expect(review.locator('div').filter({ hasText: 'Total charged' }).getByRole('definition')).toHaveText(total);
  await page.getByRole('button', { name: `Pay ${total}` }).click();
  await expect(page.getByRole('heading', { name: 'Payment received' })).toBeVisible();
  const reference = (await page.getByTestId('confirmation').textContent())!.match(/PMT-[A-Z0-9]{10}/)![0];
  const posts = (await page.getByText(/^It posts to your contract on /).textContent())!.match(/on (.+?);/)![1];
  return { reference, postsOn: isoDate(posts), total };
}

/** The payment's row in the list (one per reference). */
async function paymentRow(page: Page, reference: string) {
  await page.goto('/payments');
  await hydrated(page);
  return page.locator(`tr[data-payment="${reference}"]`);
}

/** The principal the ledger put a posted payment on, from the contract's history. */
async function postedPrincipal(page: Page, number: string, reference: string): Promise<number> {
  const card = await contractCard(page, number);
  await card.getByRole('link', { name: 'Details' }).click();
  await page.getByRole('navigation', { name: 'Contract' }).getByRole('link', { name: 'History' }).click();
  await expect(page.getByRole('heading', { name: 'Payment history' })).toBeVisible();
  const row = page.locator('table.data tbody tr').filter({ hasText: reference });
  await expect(row).toContainText('Posted');
  return cents((await row.locator('td[data-label="Principal"]').textContent())!);
}

async function balance(page: Page, number: string): Promise<number> {
  return cents((await (await contractCard(page, number)).getByTestId('balance').textContent())!);
}

test('pay by card (with its fee) and by bank, move the clock: each posts on its day and the balance falls by its principal', async ({ page }, info) => {
  const c = pick(info, PAYERS);
  const email = await registerAndLink(page, c, `${info.project.name}-clock`);
  await addBank(page, `${c.first} ${c.last}`);
  const card = page.locator('form').filter({ has: page.getByLabel('Card number') });
  await card.getByLabel('Name on the card').fill(`${c.first} ${c.last}`);
  await card.getByLabel('Card number').fill('4111 1111 1111 1111');
  await card.getByLabel('Expiry (MM/YY)').fill('12/35');
  await card.getByLabel('Security code').fill('123');
  await card.getByRole('button', { name: 'Add card' }).click();
  await expect(page.locator('li[data-source]').filter({ hasText: 'Visa ••1111' })).toBeVisible();
  const before = await balance(page, c.number);

  // The card fee (CARD_FEES, USD 2.95 by default) is shown on the form and the review, and charged
  // on top of the payment; a bank payment has none.
  const byCard = await payNow(page, c.number, '900.00', /^Visa ••1111/, '2.95');
  await noViolations(page, 'the card payment confirmation', false);
  const byBank = await payNow(page, c.number, '1200.00', /^Checking ••6789/, null);
  expect(byCard.postsOn < byBank.postsOn, 'a card posts sooner than a bank payment').toBe(true);
  let row = await paymentRow(page, byCard.reference);
  await expect(row).toContainText(byCard.total);
  await expect(row).toContainText('Visa ••1111');
  await expect(row).toContainText('Pending');
  await expect(row).toContainText(/posts \w+ \d+, \d{4}/);

  // The day before the card's posting day nothing posts; on it, the card payment does.
  const today = await portalToday(page);
  await advanceAndRunJobs(page, daysBetween(today, byCard.postsOn) - 1, email);
  await expect(await paymentRow(page, byCard.reference)).toContainText('Pending');
  await advanceAndRunJobs(page, 1, email);
  row = await paymentRow(page, byCard.reference);
  await expect(row).toContainText('Posted');
  await expect(page.locator(`tr[data-payment="${byBank.reference}"]`)).toContainText('Pending');
  const cardPrincipal = await postedPrincipal(page, c.number, byCard.reference);
  expect(cardPrincipal).toBeGreaterThan(0);
  const afterCard = await balance(page, c.number);
  expect(afterCard).toBe(before - cardPrincipal);

  await advanceAndRunJobs(page, daysBetween(byCard.postsOn, byBank.postsOn), email);
  await expect(await paymentRow(page, byBank.reference)).toContainText('Posted');
  const bankPrincipal = await postedPrincipal(page, c.number, byBank.reference);
  expect(bankPrincipal).toBeGreaterThan(0);
  expect(await balance(page, c.number)).toBe(afterCard - bankPrincipal);
  await noViolations(page, 'the history with posted payments', false);
});

test('pay off a loan with autopay on: on its posting day it is paid off and autopay ends', async ({ page }, info) => {
  const c = pick(info, PAYOFFS);
  const email = await registerAndLink(page, c, `${info.project.name}-payoff`);
  await addBank(page, `${c.first} ${c.last}`);
  await page.goto('/payments/autopay');
  await hydrated(page);
  const auto = page.locator('section[data-contract]').filter({ hasText: c.number });
  await auto.getByRole('radio', { name: /Checking ••6789/ }).check();
  await auto.getByRole('button', { name: 'Set up autopay' }).click();
  await expect(auto.getByText('On', { exact: true })).toBeVisible();

  const card = await contractCard(page, c.number);
  await card.getByRole('link', { name: 'Payoff quote' }).click();
  await expect(page.getByRole('heading', { name: 'Payoff quote', level: 1 })).toBeVisible();
  await hydrated(page);
  await page.getByRole('link', { name: 'Pay this now' }).click();
  await expect(page.getByRole('heading', { name: 'Make a payment', level: 1 })).toBeVisible();
  await hydrated(page);
  await expect(page.getByRole('radio', { name: /^Pay off the loan/ })).toBeChecked();
  await page.getByRole('radio', { name: /Checking ••6789/ }).check();
  await page.getByRole('button', { name: 'Review payment' }).click();
  await expect(page.getByRole('heading', { name: 'Review your payment' })).toBeVisible();
  const excess = page.getByTestId('allocation').locator('div').filter({ hasText: 'Beyond the balance (refunded)' });
  const refund = (await excess.count()) > 0 ? (await excess.getByRole('definition').textContent())!.trim() : null;
  await page.getByRole('button', { name: /^Pay \$[\d,]+\.\d\d$/ }).click();
  await expect(page.getByRole('heading', { name: 'Payment received' })).toBeVisible();
  const reference = (await page.getByTestId('confirmation').textContent())!.match(/PMT-[A-Z0-9]{10}/)![0];
  const postsOn = isoDate((await page.getByText(/^It posts to your contract on /).textContent())!.match(/on (.+?);/)![1]);

  // The day before its posting day the loan is still open, the payoff on its way.
  await advanceAndRunJobs(page, daysBetween(await portalToday(page), postsOn) - 1, email);
  const open = await contractCard(page, c.number);
  await expect(open.getByTestId('in-flight')).toBeVisible();
  await expect(open.getByText('Paid off · closed')).toHaveCount(0);
  await advanceAndRunJobs(page, 1, email);
  await expect(await paymentRow(page, reference)).toContainText('Posted');
  const closed = await contractCard(page, c.number);
  await expect(closed.getByText('Paid off · closed')).toBeVisible();
  await expect(closed.getByRole('link', { name: 'Pay', exact: true })).toHaveCount(0);
  // A refund is due only if the payment was more than the payoff on its posting day.
  if (refund) await expect(closed.getByTestId('refund-due')).toContainText(refund);
  else await expect(closed.getByTestId('refund-due')).toHaveCount(0);
  await noViolations(page, 'the dashboard with a paid-off loan', false);

  // Autopay ended with the contract, and the customer was told.
  await page.goto('/payments/autopay');
  await hydrated(page);
  await expect(page.locator('section[data-contract]').filter({ hasText: c.number })).toHaveCount(0);
  await expect(page.getByText('You have no active contract to set autopay up for.')).toBeVisible();
  const mail = await latestMail(page, email, `Autopay ended for contract ${c.number}`);
  expect(mail).toContain(`Contract ${c.number} is paid off, so autopay has ended`);
});
