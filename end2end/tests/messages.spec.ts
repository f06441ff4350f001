import { test, expect } from '@playwright/test';
import { AGENT, DEMO_PASSWORD, hydrated, latestMail, noViolations, signIn, staffSignIn } from './helpers';

// Issue 15, the Message Center as a customer uses it: compose (the form names what is missing),
// send, the confirmation with its reference, the inbox, the conversation, a reply. Marc's login:
// other specs do not write messages, and each run finds its own thread by its reference.
test('compose a message, see it received, open the conversation and reply', async ({ page }) => {
  await signIn(page, 'marc.tremblay@demo.example', 'Northstar-demo-2026');
  await page.goto('/messages');
  await hydrated(page);
  await expect(page.getByRole('heading', { name: 'Message Center', level: 1 })).toBeVisible();
  await expect(page.getByText('Messages are kept for 30 days')).toBeVisible();
  await page.getByRole('link', { name: 'Compose a message' }).click();
  await expect(page.getByRole('heading', { name: 'Compose a message', level: 1 })).toBeVisible();
  await hydrated(page);

  // Sent empty: each missing part is named at its field.
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByLabel('Topic')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#topic-error')).not.toBeEmpty();
  await expect(page.locator('#body-error')).not.toBeEmpty();
  await noViolations(page, 'the compose form with errors', false);

  await page.getByLabel('Topic').selectOption({ label: 'Payments' });
  const account = page.getByLabel('Account');
  await expect(account.locator('option')).not.toHaveCount(1);
  await account.selectOption({ index: 1 });
  const text = `Can I move my due date to the 15th? <b>(not bold)</b> ${Date.now()}`;
  await page.getByLabel('Your message').fill(text);
  await expect(page.getByText(new RegExp(`^${text.length} of 5,?000 characters$`))).toBeVisible();
  await page.getByRole('button', { name: 'Send', exact: true }).click();

  const sent = page.getByTestId('message-sent');
  await expect(sent.getByRole('heading', { name: 'Message received' })).toBeVisible();
  const reference = (await sent.textContent())!.match(/MSG-[A-Z0-9]{10}/)![0];
  await noViolations(page, 'the confirmation', false);

  await sent.getByRole('link', { name: 'View the conversation' }).click();
  await expect(page.getByTestId('thread-reference')).toContainText(reference);
  await hydrated(page);
  // As text: the angle brackets are shown, nothing is bold.
  await expect(page.locator('.message-body').first()).toHaveText(text);
  await expect(page.locator('.message-body b')).toHaveCount(0);
  await expect(page.getByText('Waiting for our answer')).toBeVisible();
  await noViolations(page, 'the conversation', false);

  await page.getByLabel('Your reply').fill('One more thing: the 16th works too.');
  await page.getByRole('button', { name: 'Send reply' }).click();
  await expect(page.getByText(`Reply sent in conversation ${reference}.`)).toBeVisible();
  await expect(page.locator('.message-body')).toHaveCount(2);

  await page.getByRole('link', { name: 'Back to messages' }).click();
  const item = page.locator('li.thread').filter({ hasText: reference });
  await expect(item).toBeVisible();
  await expect(item).toContainText('Payments');
  await expect(item).toContainText(/Deleted on/);
  await noViolations(page, 'the inbox', false);
});

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

// The lender answers: the question (with a photo attached) appears in the back-office queue, an
// agent opens the photo and answers with the standard answer and a PDF, and the customer sees the
// unread count, the mail (a link, no text) and the answer with its file in the conversation.
test('an agent answers from the queue; the customer sees it unread, by mail and in the thread', async ({ page, browser }) => {
  const customer = await browser.newContext();
  const c = await customer.newPage();
  await signIn(c, 'marc.tremblay@demo.example', DEMO_PASSWORD);
  await c.goto('/messages/new?topic=documents');
  await hydrated(c);
  await expect(c.getByLabel('Topic')).toHaveValue('documents');
  await c.getByLabel('Your message').fill(`Where is my October statement? ${Date.now()}`);
  // A file of the wrong kind is named at the field before it is sent anywhere; a photo uploads.
  const attach = c.getByLabel('Attach a file (optional)');
  await attach.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
  await expect(c.locator('#file-error')).toContainText('Only PDF, PNG, JPEG and HEIC files');
  await attach.setInputFiles({ name: 'statement photo.png', mimeType: 'image/png', buffer: PNG });
  await expect(c.getByTestId('attached')).toContainText('statement photo.png');
  await expect(c.locator('#file-error')).toBeEmpty();
  await noViolations(c, 'the compose form with a file', false);
  await c.getByRole('button', { name: 'Send', exact: true }).click();
  const sent = c.getByTestId('message-sent');
  await expect(sent).toBeVisible();
  const reference = (await sent.textContent())!.match(/MSG-[A-Z0-9]{10}/)![0];

  await staffSignIn(page, AGENT);
  await page.getByRole('link', { name: 'Messages' }).click();
  await expect(page.getByRole('heading', { name: 'Messages awaiting an answer', level: 1 })).toBeVisible();
  await hydrated(page);
  const row = page.locator(`tr[data-thread="${reference}"]`);
  await expect(row).toContainText('Marc Tremblay');
  await noViolations(page, 'the staff queue', false);
  await row.getByRole('link', { name: 'Documents' }).click();
  await expect(page.getByTestId('thread-reference')).toContainText(reference);
  await hydrated(page);
  // The customer's photo downloads (never shown inline) under its name.
  const [photo] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'statement photo.png' }).click(),
  ]);
  expect(photo.suggestedFilename()).toBe('statement photo.png');
  await page.getByRole('button', { name: 'Use the standard answer' }).click();
  await expect(page.getByLabel('Answer')).toHaveValue(/Documents in the portal/);
  await page.getByLabel('Attach a file (optional)').setInputFiles({ name: 'October statement.pdf', mimeType: 'application/pdf', buffer: PDF });
  await expect(page.getByTestId('attached')).toContainText('October statement.pdf');
  await page.getByRole('button', { name: 'Send answer' }).click();
  await expect(page.getByText(/^Done\. Reference BO-/)).toBeVisible();
  await expect(page.locator('.message-lender')).toContainText('Jordan Reyes');
  await noViolations(page, 'the staff conversation', false);

  await c.goto('/messages');
  await hydrated(c);
  await expect(c.getByTestId('unread-count').first()).toBeVisible();
  const item = c.locator('li.thread').filter({ hasText: reference });
  await expect(item).toHaveClass(/thread-unread/);
  const mail = await latestMail(c, 'marc.tremblay@demo.example', `We answered your message ${reference}`);
  expect(mail).toContain(reference);
  expect(mail).not.toContain('Documents in the portal');
  await item.getByRole('link').click();
  await expect(c.locator('.message-lender .message-body')).toContainText('Documents in the portal');
  const [statement] = await Promise.all([
    c.waitForEvent('download'),
    c.locator('.message-lender').getByRole('link', { name: 'October statement.pdf' }).click(),
  ]);
  expect(statement.suggestedFilename()).toBe('October statement.pdf');
  await c.getByRole('link', { name: 'Back to messages' }).click();
  await expect(c.locator('li.thread').filter({ hasText: reference })).not.toHaveClass(/thread-unread/);
  await customer.close();
});
