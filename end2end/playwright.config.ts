import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3100);
// A second server, with its own database, for the specs that move the demo clock (the shared one
// above must stay on the pinned day that the other specs assume). Specs read its address from here.
const clockPort = port + 1;
process.env.E2E_CLOCK_URL = `http://localhost:${clockPort}`;

// The server's demo clock starts at this instant on every run (the demo book, due dates and
// statements are then the same whatever the calendar says). Same day as the integration tests'
// default (server/tests/it/common/mod.rs, PINNED_TODAY). Tests and the CLI they run inherit it.
process.env.PORTAL_CLOCK ??= '2026-11-16T12:00:00Z';

// Debian's Chromium (Playwright's own browser download is not reachable here).
const chromium = {
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

export default defineConfig({
  testDir: './tests',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  use: {
    // localhost, not 127.0.0.1: passkeys need a domain name as their relying party.
    baseURL: `http://localhost:${port}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'desktop',
      use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 }, launchOptions: chromium },
    },
    {
      name: 'mobile',
      use: {
        viewport: { width: 360, height: 740 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
        userAgent: devices['Pixel 7'].userAgent,
        launchOptions: chromium,
      },
    },
  ],
  webServer: [
    {
      command: './serve-test.sh',
      url: `http://127.0.0.1:${port}/healthz`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'pipe',
      stderr: 'pipe',
    },
    {
      // payments-clock.spec.ts: same build and start day, another port and database.
      command: './serve-test.sh',
      env: { E2E_PORT: String(clockPort), E2E_DATA_DIR: `${__dirname}/../target/e2e-data-clock` },
      url: `http://127.0.0.1:${clockPort}/healthz`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'pipe',
      stderr: 'pipe',
    },
  ],
});
