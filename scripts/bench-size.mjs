// Counts what a real Chromium fetches to make a page interactive: every WASM, JS, CSS and language
// file the page loads (through the DevTools protocol, so a chunk fetched by a script counts as much
// as one in the HTML), from a fresh cache, until the app has hydrated and the network is quiet.
// For each file: the bytes on the wire as the server sent them, and the body raw, gzip -9 and
// brotli -11. Usage (from scripts/bench-size.sh): node scripts/bench-size.mjs BASE COOKIE
import { createRequire } from 'node:module';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const require = createRequire(new URL('../end2end/package.json', import.meta.url));
const { chromium } = require('playwright-core');

const [base, cookie] = process.argv.slice(2);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const kindOf = (path) => (path.match(/\.(wasm|js|css|ftl)$/) ?? [])[1];

async function load(browser, path, signedIn) {
  const context = await browser.newContext();
  if (signedIn) {
    const [name, value] = cookie.split('=');
    await context.addCookies([{ name, value, url: base }]);
  }
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const seen = new Map();
  cdp.on('Network.responseReceived', (e) => {
    const url = new URL(e.response.url);
    const kind = kindOf(url.pathname);
    if (url.origin === base && kind) {
      const enc = Object.entries(e.response.headers).find(([k]) => k.toLowerCase() === 'content-encoding');
      seen.set(e.requestId, { path: url.pathname, kind, encoding: enc ? enc[1] : 'identity', wire: 0 });
    }
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = seen.get(e.requestId);
    if (r) r.wire = e.encodedDataLength;
  });
  await page.goto(base + path);
  await page.locator('body[data-hydrated="true"]').waitFor({ timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  const files = [...seen.values()];
  for (const f of files) {
    const res = await fetch(base + f.path, { headers: { 'accept-encoding': 'identity' } });
    const body = Buffer.from(await res.arrayBuffer());
    f.raw = body.length;
    f.gzip = gzipSync(body, { level: 9 }).length;
    f.brotli = brotliCompressSync(body, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
    }).length;
  }
  await context.close();
  return files;
}

function report(name, files, goal) {
  console.log(`\n${name}`);
  for (const f of files) {
    console.log(`  ${f.path.padEnd(58)} raw ${kb(f.raw).padStart(9)}  gzip ${kb(f.gzip).padStart(8)}  brotli ${kb(f.brotli).padStart(8)}  sent ${kb(f.wire).padStart(8)} (${f.encoding})`);
  }
  const sum = (fs, k) => fs.reduce((a, f) => a + f[k], 0);
  const code = files.filter((f) => f.kind === 'wasm' || f.kind === 'js');
  const chunks = files.filter((f) => f.kind === 'wasm').length;
  console.log(`  WASM + JS: raw ${kb(sum(code, 'raw'))}, gzip ${kb(sum(code, 'gzip'))}, brotli ${kb(sum(code, 'brotli'))}, sent ${kb(sum(code, 'wire'))} — ${chunks} WASM file(s); goal ≤ ${goal} KB brotli: ${sum(code, 'brotli') <= goal * 1024 ? 'met' : 'NOT met'}`);
  console.log(`  everything above (with CSS and the language file): brotli ${kb(sum(files, 'brotli'))}, sent ${kb(sum(files, 'wire'))}`);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic'],
});
report('sign-in page (/login), signed out', await load(browser, '/login', false), 200);
report('dashboard (/dashboard), signed in', await load(browser, '/dashboard', true), 250);
await browser.close();
