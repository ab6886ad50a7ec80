/**
 * How the built renderer is served, on the desktop's app:// scheme (electron/main/protocol.ts) and
 * by `npm run serve` for the browser edition (build/scripts/serve.ts): one policy, so the two hosts
 * cannot drift apart. Pure constants: no Node or Electron imports.
 */

/**
 * Sent as a header on every response. renderer/index.html's meta tag holds the same policy (minus
 * frame-ancestors, which only works as a header). No 'unsafe-inline', no 'unsafe-eval', nothing
 * from the network.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "worker-src 'self'",
].join('; ');

/** The policy as a meta tag can carry it: frame-ancestors only works as a header. */
export const META_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.split('; ')
  .filter((directive) => !directive.startsWith('frame-ancestors'))
  .join('; ');

/**
 * The meta policy relaxed for the Vite dev server of `npm run dev`, and for nothing else: in
 * development Vite injects CSS as <style> elements, React Fast Refresh adds an inline module
 * script, and hot reload talks over a WebSocket to the dev server. The relaxation is applied by a
 * Vite plugin that runs only when Vite serves (build/vite/devServerCsp.ts), never in a build, and
 * the packaged app's app:// responses always carry the strict header above.
 */
export const DEV_SERVER_CONTENT_SECURITY_POLICY = META_CONTENT_SECURITY_POLICY.split('; ')
  .map((directive) => {
    if (directive === "script-src 'self'") return "script-src 'self' 'unsafe-inline'";
    if (directive === "style-src 'self'") return "style-src 'self' 'unsafe-inline'";
    if (directive === "connect-src 'self'") {
      return "connect-src 'self' ws://localhost:* ws://127.0.0.1:*";
    }
    return directive;
  })
  .join('; ');

/** Content types by lowercase file extension; anything else is sent as opaque bytes. */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  // Served as plain text so a browser never renders a Markdown file as a page.
  '.md': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
};

/** The content type for a file extension such as `.js` (any case). */
export function contentTypeForExtension(extension: string): string {
  return CONTENT_TYPES[extension.toLowerCase()] ?? 'application/octet-stream';
}
