import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
/** Where the built web client is served from (the server's `webDist`). */
const webDist = path.resolve('dist/web');

/**
 * Builds the web client into dist/web when it is missing or older than its sources.
 * Several test files may start at once: one builds (holding a lock directory), the
 * others wait; the new build is moved into place in one rename so a running
 * server never sees a half-written dist/web.
 */
export function ensureWebBuilt() {
  const lock = path.resolve('.tmp/web-build.lock');
  mkdirSync(path.dirname(lock), { recursive: true });
  const deadline = Date.now() + 180_000;
  while (webIsStale()) {
    if (tryLock(lock)) {
      try {
        if (webIsStale()) buildInto(webDist);
      } finally {
        rmSync(lock, { recursive: true, force: true });
      }
      return;
    }
    if (Date.now() > deadline) throw new Error('Timed out waiting for another test file to build the web client.');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
  }
}

function tryLock(lock: string): boolean {
  try {
    mkdirSync(lock);
    return true;
  } catch {
    // A lock left by a killed run is taken over after five minutes.
    if (Date.now() - statSync(lock).mtimeMs > 300_000) {
      rmSync(lock, { recursive: true, force: true });
      return tryLock(lock);
    }
    return false;
  }
}

function buildInto(target: string) {
  const tmp = `${target}.build-${process.pid}`;
  const res = spawnSync('npx', ['vite', 'build', '--logLevel', 'error', '--outDir', tmp, '--emptyOutDir'], { stdio: 'inherit' });
  if (res.status !== 0) throw new Error('vite build failed (see above)');
  const old = `${target}.old-${process.pid}`;
  if (existsSync(target)) renameSync(target, old);
  renameSync(tmp, target);
  rmSync(old, { recursive: true, force: true });
}

function webIsStale(): boolean {
  const index = path.join(webDist, 'index.html');
  if (!existsSync(index)) return true;
  const sources = ['web', 'vite.config.ts'].filter((p) => existsSync(p));
  return Math.max(...sources.map(newestMtime)) > statSync(index).mtimeMs;
}

function newestMtime(p: string): number {
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...readdirSync(p).map((f) => newestMtime(path.join(p, f))));
}
