// Takes screenshots of the main pages at phone and desktop sizes, for looking at the UI as a person
// would. Usage: node end2end/screenshots.mjs [baseURL] [outDir]  (server must be running, demo seeded)
import { chromium } from '@playwright/test';

const base = process.argv[2] ?? 'http://localhost:3000';
const out = process.argv[3] ?? 'end2end/.tmp/shots';
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
for (const [name, viewport] of [['phone', { width: 360, height: 740 }], ['desktop', { width: 1280, height: 800 }]]) {
  const ctx = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  const page = await ctx.newPage();
  for (const path of ['/', '/login', '/register']) {
    await page.goto(base + path);
    await page.waitForSelector('body[data-hydrated]');
    await page.screenshot({ path: `${out}/${name}${path.replace(/\//g, '_') || '_home'}.png`, fullPage: true });
  }
  await page.click('#register-submit');
  await page.screenshot({ path: `${out}/${name}_register_errors.png`, fullPage: true });
  await page.goto(base + '/login');
  await page.waitForSelector('body[data-hydrated]');
  await page.fill('#email', 'anna.kowalski@demo.example');
  await page.fill('#password', 'Northstar-demo-2026');
  await page.click('button[type=submit]');
  // A new browser: the emailed "Authorize Device" code, read from the demo mailbox.
  await page.waitForURL('**/login/verify');
  await page.waitForSelector('body[data-hydrated]');
  await page.waitForSelector('#code');
  await page.screenshot({ path: `${out}/${name}_verify.png`, fullPage: true });
  let code;
  for (let i = 0; i < 50 && !code; i++) {
    const mails = await (await page.request.post(base + '/api/dev_mailbox', { headers: { Origin: base } })).json();
    code = mails.find((m) => m.to === 'anna.kowalski@demo.example' && /authorization code/.test(m.subject))?.text.match(/\b\d{6}\b/)[0];
    if (!code) await page.waitForTimeout(200);
  }
  await page.fill('#code', code);
  await page.click('button[type=submit]');
  await page.waitForURL('**/dashboard');
  await page.waitForSelector('body[data-hydrated]');
  await page.screenshot({ path: `${out}/${name}_dashboard.png`, fullPage: true });
  for (const path of ['/profile', '/profile/details', '/profile/two-step']) {
    await page.goto(base + path);
    await page.waitForSelector('body[data-hydrated]');
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${out}/${name}${path.replace(/\//g, '_')}.png`, fullPage: true });
  }
  await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
  await page.waitForSelector('.qr svg');
  await page.screenshot({ path: `${out}/${name}_totp_enrol.png`, fullPage: true });
  await ctx.close();
}
await browser.close();
console.log(`screenshots in ${out}`);
