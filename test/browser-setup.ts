import { installChromium } from './helpers/chromium.ts';
import { ensureWebBuilt } from './helpers/web-build.ts';

/** Once per run of the browser tier: Chromium installed where it can be, the web client built. */
export default function setup() {
  installChromium();
  ensureWebBuilt();
}
