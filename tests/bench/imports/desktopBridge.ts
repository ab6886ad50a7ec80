/**
 * A stand-in for the desktop's preload bridge (`window.onmuni`), so the browser edition's page
 * runs as the desktop renderer does: the Electron host, its storage reads and writes, no browser
 * storage quota. Storage is kept in the page's memory and answers at once, so what is measured is
 * the renderer's own work (reading, checking and showing), which is the same code on the desktop;
 * the desktop's file reads run in its main process, off the page's thread. The Electron module is
 * the one part of the app this project fakes (no Electron binary runs here).
 */

/**
 * The init script: plain JavaScript as text (sent to the browser as text; a compiled function
 * could carry the compiler's helpers), with `documents` (name → stored text) built in.
 */
export function desktopBridgeScript(documents: Readonly<Record<string, string>>): string {
  return String.raw`
(() => {
  const stored = new Map(Object.entries(${JSON.stringify(documents)}));
  const answer = (value) => Promise.resolve(value);
  const storage = {
    read: ({ key }) =>
      answer(stored.has(key) ? { status: 'ok', text: stored.get(key) } : { status: 'missing' }),
    write: ({ key, text }) => {
      stored.set(key, text);
      return answer({});
    },
  };
  const menu = { onCommand: () => () => undefined };
  // No team folder was ever chosen here.
  const team = {
    restore: () => answer(null),
    choose: () => answer(null),
    forget: () => answer(undefined),
    onChanged: () => () => undefined,
  };
  const app = {
    info: () =>
      answer({ name: 'OnMuni Toolkit', version: 'bench', host: 'electron', dataLocation: '(bench)' }),
  };
  // Everything else the app may call (files, printing, links) answers "cancelled" or "not opened".
  const other = new Proxy({}, { get: () => () => answer({ status: 'cancelled', opened: false }) });
  window.onmuni = new Proxy({ storage, menu, app, team }, { get: (bridge, name) => bridge[name] ?? other });
})();`;
}
