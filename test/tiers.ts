import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Sorts the test files into the three tiers by what they actually use, so a new
 * test file lands in the right tier without a naming rule to remember:
 * - browser: `*.browser.test.ts` (a real server and Chromium);
 * - http: a file that reaches `test/helpers/db.ts` through its local imports
 *   (createTestApp, createTestDatabase, the security fixtures …) needs a database;
 * - unit: everything else: pure logic, run without a database.
 */
export interface Tiers { unit: string[]; http: string[]; browser: string[] }

const DATABASE_HELPER = path.resolve('test/helpers/db.ts');
const ROOTS = ['src', 'test'];

export function testTiers(root = process.cwd()): Tiers {
  const tiers: Tiers = { unit: [], http: [], browser: [] };
  const memo = new Map<string, boolean>();
  for (const file of ROOTS.flatMap((r) => testFiles(path.join(root, r)))) {
    const rel = path.relative(root, file);
    if (file.endsWith('.browser.test.ts')) tiers.browser.push(rel);
    else if (reachesDatabase(file, memo, new Set())) tiers.http.push(rel);
    else tiers.unit.push(rel);
  }
  return tiers;
}

function testFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name.startsWith('.') ? [] : testFiles(p);
    return e.name.endsWith('.test.ts') ? [p] : [];
  });
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

/** Follows relative imports (src and test alike) until it meets the database helper. */
function reachesDatabase(file: string, memo: Map<string, boolean>, seen: Set<string>): boolean {
  if (file === DATABASE_HELPER) return true;
  const known = memo.get(file);
  if (known !== undefined) return known;
  if (seen.has(file) || !existsSync(file)) return false;
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  let found = false;
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2]!;
    if (reachesDatabase(path.resolve(path.dirname(file), spec), memo, seen)) {
      found = true;
      break;
    }
  }
  memo.set(file, found);
  return found;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve('test/tiers.ts')) {
  const t = testTiers();
  for (const [tier, files] of Object.entries(t)) console.log(`${tier}: ${files.length} files\n  ${files.join('\n  ')}`);
}
