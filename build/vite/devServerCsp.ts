/**
 * A Vite plugin for `npm run dev` only: swaps the strict Content-Security-Policy meta tag of
 * renderer/index.html for the dev server's relaxed one, so Vite's injected styles, React Fast
 * Refresh and hot reload work. `apply: 'serve'` keeps it out of every build; the build's own
 * index.html keeps the strict policy (a unit test reads the built file to prove it).
 */
import type { Plugin } from 'vite';
import {
  DEV_SERVER_CONTENT_SECURITY_POLICY,
  META_CONTENT_SECURITY_POLICY,
} from '../../electron/shared/servingPolicy';

const META = /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]*)(")/;

/** The page with its CSP meta tag relaxed; throws if the tag is not the strict one we expect. */
export function relaxCspForDevServer(html: string): string {
  const match = META.exec(html);
  if (match?.[2] !== META_CONTENT_SECURITY_POLICY) {
    throw new Error(
      'renderer/index.html: the Content-Security-Policy meta tag is missing or changed.',
    );
  }
  return html.replace(META, `$1${DEV_SERVER_CONTENT_SECURITY_POLICY}$3`);
}

export function devServerCsp(): Plugin {
  return {
    name: 'onmuni:dev-server-csp',
    apply: 'serve',
    transformIndexHtml: { order: 'pre', handler: relaxCspForDevServer },
  };
}
