import { accessSync, constants } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Flags that keep Chromium quiet on the network and stable in containers. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

/**
 * The Chromium to drive: `CHROME_PATH`, else Debian's `/usr/bin/chromium`. Throws a message that
 * says how to install it; never falls back to downloading a browser, and never skips (on CI a
 * skipped end-to-end suite would look like a pass).
 */
export function chromiumPath(): string {
  const path = process.env.CHROME_PATH || '/usr/bin/chromium';
  try {
    accessSync(path, constants.X_OK);
    return path;
  } catch {
    const where = process.env.CHROME_PATH ? `CHROME_PATH (${path})` : '/usr/bin/chromium';
    const context = process.env.CI
      ? 'On CI the end-to-end suite must run, so this is a failure.'
      : '';
    throw new Error(
      `No Chromium found at ${where}. The end-to-end tests and benchmarks need a real Chromium: ` +
        `install Debian's package (sudo apt-get install chromium) or set CHROME_PATH to a ` +
        `Chromium or Chrome executable. ${context}`.trim(),
    );
  }
}

/** Launches headless Chromium with the project's flags. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [...CHROMIUM_ARGS],
    headless: true,
  });
}
