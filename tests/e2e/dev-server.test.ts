/**
 * `npm run dev` serves the renderer from Vite's dev server, which injects styles and an inline
 * React Fast Refresh preamble that the strict policy would block. The renderer config of
 * electron.vite.config.ts relaxes the policy for that server only; this runs that real config in
 * Vite, loads it in Chromium and checks the page styles itself, runs its scripts and reports no
 * policy violation, then checks that the build kept the strict policy.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { createServer, type InlineConfig, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import config from '../../electron.vite.config';
import { rendererOutDir } from '../../build/scripts/serve';
import {
  DEV_SERVER_CONTENT_SECURITY_POLICY,
  META_CONTENT_SECURITY_POLICY,
} from '../../electron/shared/servingPolicy';
import { launchChromium } from './support/chromium';

describe('the Vite dev server of npm run dev', () => {
  let server: ViteDevServer;
  let browser: Browser;
  let url: string;

  beforeAll(async () => {
    const { renderer } = config as { renderer: InlineConfig };
    server = await createServer({
      ...renderer,
      configFile: false,
      logLevel: 'error',
      server: { port: 0, host: '127.0.0.1', strictPort: false, hmr: { port: 0 } },
    });
    await server.listen();
    url = server.resolvedUrls?.local[0] ?? '';
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('serves the relaxed policy, and the page styles and runs itself', async () => {
    const html = await (await fetch(url)).text();
    expect(html).toContain(`content="${DEV_SERVER_CONTENT_SECURITY_POLICY}"`);

    const page = await browser.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text()))
        violations.push(message.text());
    });
    await page.goto(url);
    // React rendered (its scripts ran, the Fast Refresh preamble included)...
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    // ...and the app's own stylesheet, injected as <style> by Vite, applies.
    const headerBackground = await page
      .locator('.app-header')
      .evaluate((element) => getComputedStyle(element).backgroundColor);
    expect(headerBackground).not.toBe('rgba(0, 0, 0, 0)');
    expect(violations).toEqual([]);
    await page.close();
  });

  test('the build keeps the strict policy', async () => {
    const built = await readFile(join(rendererOutDir, 'index.html'), 'utf8');
    expect(built).toContain(`content="${META_CONTENT_SECURITY_POLICY}"`);
    expect(built).not.toContain('unsafe-inline');
  });
});
