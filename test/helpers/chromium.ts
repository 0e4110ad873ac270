import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Debian's Chromium, driven by playwright-core (never a browser download of its own). */
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];
export const ENABLE_BROWSER_TESTS = 'sudo apt-get install -y chromium';

/** Chromium is here, or this process may install it (root with apt-get). */
export function chromiumAvailable(): 'present' | 'installable' | 'missing' {
  if (existsSync(CHROMIUM)) return 'present';
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  return root && existsSync('/usr/bin/apt-get') ? 'installable' : 'missing';
}

/** Installs Debian's Chromium (and a font) when it is missing; throws with the command's output if that fails. */
export function installChromium() {
  if (existsSync(CHROMIUM)) return;
  console.log('Chromium is missing: installing it with apt-get for the browser tests …');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', 'chromium', 'fonts-dejavu-core']]) {
    const res = spawnSync('apt-get', args, { env, stdio: ['ignore', 'inherit', 'inherit'] });
    if (res.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (exit ${res.status}); install Chromium with: ${ENABLE_BROWSER_TESTS}`);
  }
}
