import { runCommand } from './commands';

// Entry point of `npm run content:build|check|stats`; see commands.ts for what each does.
const code = await runCommand(process.argv.slice(2), {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
process.exitCode = code;
