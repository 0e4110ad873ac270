/**
 * How much JavaScript the first page loads, gzipped: the entry script and the
 * chunks index.html preloads (lazy route chunks load later, when a page opens).
 *
 *   npx tsx scripts/bundle-size.ts [--max-kb 150]   (after npm run build:web)
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = path.resolve('dist/web');
const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
const first = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*\brel="modulepreload"[^>]*\bhref)="\/?([^"]+\.js)"/g)].map((m) => m[1]!);
const kb = (file: string) => gzipSync(readFileSync(path.join(dist, file))).length / 1024;
const firstKb = first.reduce((sum, f) => sum + kb(f), 0);

const assets = readdirSync(path.join(dist, 'assets')).filter((f) => f.endsWith('.js'));
const allKb = assets.reduce((sum, f) => sum + kb(path.join('assets', f)), 0);
const largest = assets
  .map((f) => ({ f, raw: statSync(path.join(dist, 'assets', f)).size / 1024, gz: kb(path.join('assets', f)) }))
  .sort((a, b) => b.gz - a.gz)
  .slice(0, 5);

console.log(`First page: ${first.length} script(s), ${firstKb.toFixed(1)} KB gzipped (${first.join(', ')})`);
console.log(`All JavaScript: ${assets.length} chunks, ${allKb.toFixed(1)} KB gzipped; largest:`);
for (const a of largest) console.log(`  ${a.f.padEnd(40)} ${a.raw.toFixed(1).padStart(7)} KB, ${a.gz.toFixed(1).padStart(6)} KB gzipped`);
console.log(JSON.stringify({ first_page_js_kb_gzip: Number(firstKb.toFixed(1)), all_js_kb_gzip: Number(allKb.toFixed(1)) }));

const i = process.argv.indexOf('--max-kb');
if (i > 0 && firstKb > Number(process.argv[i + 1])) {
  console.error(`The first page loads ${firstKb.toFixed(1)} KB of JavaScript gzipped: over the budget of ${process.argv[i + 1]} KB.`);
  process.exit(1);
}
