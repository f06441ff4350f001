// Writes .br (quality 11) and .gz (level 9) next to every JS/WASM/CSS file of the built site, so
// the server can send the smallest encoding without compressing on each request.
// Usage: node scripts/precompress.mjs target/site/pkg
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const dir = process.argv[2] ?? 'target/site/pkg';
let before = 0, br = 0, gz = 0;
for (const name of readdirSync(dir)) {
  if (!/\.(js|wasm|css)$/.test(name)) continue;
  const data = readFileSync(join(dir, name));
  const b = brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } });
  const g = gzipSync(data, { level: 9 });
  writeFileSync(join(dir, name + '.br'), b);
  writeFileSync(join(dir, name + '.gz'), g);
  before += data.length; br += b.length; gz += g.length;
  console.log(`${name}: ${data.length} raw, ${g.length} gzip, ${b.length} brotli`);
}
console.log(`total: ${before} raw, ${gz} gzip, ${br} brotli`);
