#!/usr/bin/env node
import { commands } from './commands.ts';
import { ConfigError } from '../core/config.ts';

const [name, ...args] = process.argv.slice(2);

function help() {
  console.log('Fodfæste CLI — usage: npm run cli -- <command> [options]\n');
  for (const c of commands) console.log(`  ${c.usage.padEnd(44)} ${c.summary}`);
  console.log('\nEvery command reads the same configuration as the server (DATABASE_URL, DATA_DIR, …).');
}

const command = commands.find((c) => c.name === name || (name && c.aliases?.includes(name)));
if (!name || name === '--help' || name === '-h' || name === 'help') {
  help();
} else if (!command) {
  console.error(`Unknown command: ${name}\n`);
  help();
  process.exitCode = 2;
} else if (args.includes('--help')) {
  console.log(`usage: npm run cli -- ${command.usage}\n\n${command.summary}${command.help ? `\n\n${command.help}` : ''}`);
} else {
  try {
    await command.run(args);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exitCode = 78; // EX_CONFIG
    } else {
      console.error(`Error: ${(err as Error).message}`);
      process.exitCode = 1;
    }
  }
}
