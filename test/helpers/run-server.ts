// `npm start` without the web build check, for tests that start many processes at
// once (the build is the same for all and another test's business).
import { loadConfig } from '../../src/core/config.ts';
import { runServer } from '../../src/cli/start.ts';

await runServer(loadConfig(process.env));
