/**
 * `npm run bench -- <name> [options]`: runs bench/<name>/index.ts, which prints
 * progress, a readable table, and JSON figures on its last line.
 */
import { readdirSync, existsSync } from 'node:fs';

const [name, ...args] = process.argv.slice(2);
const available = readdirSync(new URL('.', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(new URL(`./${d.name}/index.ts`, import.meta.url)))
  .map((d) => d.name);

if (!name || !available.includes(name)) {
  console.error(`usage: npm run bench -- <${available.join('|')}> [options]`);
  process.exit(name ? 2 : 0);
}
const mod = (await import(`./${name}/index.ts`)) as { main?: (args: string[]) => Promise<void> };
if (!mod.main) throw new Error(`bench/${name}/index.ts must export main(args)`);
await mod.main(args);
