import { runPackCommand } from './commands';

// Entry point of `npm run pack:build|pack:check|pack:keygen`; see commands.ts for what each does.
const code = await runPackCommand(process.argv.slice(2), {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
process.exitCode = code;
