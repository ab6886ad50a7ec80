/**
 * Bundles a module of the app's own source (and what it imports) into one script to run inside a
 * page with `page.evaluate`, for end-to-end tests of code that has no screen yet to drive it.
 * Built with the project's Vite, so it is the same TypeScript the app ships, compiled the same way.
 */
import { build } from 'vite';

/**
 * The script for `entry` (a path), which, evaluated in the page, sets `globalThis[name]` to the
 * module's exports.
 */
export async function bundleForPage(entry: string, name: string): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      write: false,
      minify: false,
      lib: { entry, name, formats: ['iife'], fileName: () => 'bundle.js' },
    },
  });
  const outputs = Array.isArray(result) ? result : [result];
  for (const output of outputs) {
    if (!('output' in output)) continue;
    const chunk = output.output.find((item) => item.type === 'chunk');
    if (chunk !== undefined && 'code' in chunk)
      return `${chunk.code}\n;globalThis.${name} = ${name};`;
  }
  throw new Error(`Vite produced no script for ${entry}.`);
}
