/**
 * One-line Node.js version gate for the commands that drive real Electron tooling. Electron 45's
 * packages (@electron/get, @electron/rebuild, @electron/fuses, electron-builder's helpers) want
 * Node 22.12 or later, while the tests and the browser edition run on Node 20.19 too, so the
 * gate sits on `npm run dist` and `npm run test:electron` only, not in `engines`.
 *
 * `tsx build/scripts/requireNode.ts <command name>` exits 1 with one line when Node is too old.
 */
import { pathToFileURL } from 'node:url';

/** The oldest Node.js that Electron 45's tooling supports. */
export const ELECTRON_TOOLING_NODE = '22.12.0';

/** True when `version` (with or without a leading v) is at least `minimum`. */
export function isAtLeast(version: string, minimum: string): boolean {
  const parse = (text: string): number[] =>
    text
      .replace(/^v/, '')
      .split(/[.+-]/)
      .slice(0, 3)
      .map((part) => Number.parseInt(part, 10) || 0);
  const have = parse(version);
  const need = parse(minimum);
  for (let i = 0; i < 3; i += 1) {
    const difference = (have[i] ?? 0) - (need[i] ?? 0);
    if (difference !== 0) return difference > 0;
  }
  return true;
}

/** The one-line refusal for `command`, or undefined when this Node is recent enough. */
export function nodeVersionProblem(
  command: string,
  version: string = process.version,
  minimum: string = ELECTRON_TOOLING_NODE,
): string | undefined {
  if (isAtLeast(version, minimum)) return undefined;
  return `${command} needs Node.js ${minimum} or later for Electron's tooling (this is Node ${version.replace(/^v/, '')}); the tests and the browser edition also run on Node 20.19+.`;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const problem = nodeVersionProblem(process.argv[2] ?? 'This command');
  if (problem !== undefined) {
    console.error(problem);
    process.exit(1);
  }
}
