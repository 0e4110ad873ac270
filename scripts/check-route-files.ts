/**
 * Keeps the request path at three visible hops (route → use case → queries):
 * - a file that declares HTTP routes is named `*routes.ts`;
 * - a route file runs no SQL (no Kysely builder calls, no sql`` tags): that is the
 *   use case's and the queries module's work.
 * Files still being moved are listed with their count in
 * scripts/route-files-baseline.json; a count may only go down. `--update` rewrites
 * the baseline to today's counts (only ever lower them in review).
 *
 *   npx tsx scripts/check-route-files.ts [--update]
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const BASELINE = 'scripts/route-files-baseline.json';
const DECLARES_ROUTES = /\b(?:app|fastify|instance|scope)\.(?:get|post|put|patch|delete|route)\s*(?:<[^>]*>)?\s*\(/;
const SQL = /\.(?:selectFrom|insertInto|updateTable|deleteFrom|selectNoFrom|mergeInto)\s*\(|\bsql\s*(?:<[^>]*>)?\s*`/g;

interface Baseline { routeFilesWithSql: Record<string, number>; routesOutsideRouteFiles: string[] }

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [p] : [];
  });
}

export function scan(root = 'src') {
  const sqlInRoutes: Record<string, number> = {};
  const misnamed: string[] = [];
  for (const file of sourceFiles(root)) {
    const text = readFileSync(file, 'utf8');
    if (!DECLARES_ROUTES.test(text)) continue;
    if (!/routes\.ts$/.test(file)) misnamed.push(file);
    const n = text.match(SQL)?.length ?? 0;
    if (n > 0) sqlInRoutes[file] = n;
  }
  return { sqlInRoutes, misnamed: misnamed.sort() };
}

function main() {
  const found = scan();
  if (process.argv.includes('--update')) {
    const baseline: Baseline = { routeFilesWithSql: found.sqlInRoutes, routesOutsideRouteFiles: found.misnamed };
    writeFileSync(BASELINE, `${JSON.stringify(baseline, null, 2)}\n`);
    console.log(`Baseline written: ${Object.keys(found.sqlInRoutes).length} files with SQL, ${found.misnamed.length} misnamed.`);
    return;
  }
  const baseline = JSON.parse(readFileSync(BASELINE, 'utf8')) as Baseline;
  const problems: string[] = [];
  for (const [file, n] of Object.entries(found.sqlInRoutes)) {
    const allowed = baseline.routeFilesWithSql[file] ?? 0;
    if (n > allowed) problems.push(`${file}: ${n} SQL statements in a file that declares routes (allowed ${allowed}); move them to a use case or queries.ts`);
  }
  for (const file of found.misnamed) {
    if (!baseline.routesOutsideRouteFiles.includes(file)) problems.push(`${file} declares routes: name it *routes.ts`);
  }
  const total = Object.values(found.sqlInRoutes).reduce((a, b) => a + b, 0);
  const before = Object.values(baseline.routeFilesWithSql).reduce((a, b) => a + b, 0);
  console.log(`Route files: ${total} SQL statements left in ${Object.keys(found.sqlInRoutes).length} files (baseline ${before}); ` +
    `${found.misnamed.length} files declare routes without the *routes.ts name (baseline ${baseline.routesOutsideRouteFiles.length}).`);
  if (problems.length) {
    console.error(problems.map((p) => `- ${p}`).join('\n'));
    process.exit(1);
  }
}

main();
