import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { devServerCsp } from './build/vite/devServerCsp';
import { thirdPartyNotices } from './build/vite/thirdPartyNotices';

// Explicit entries: electron-vite's defaults assume src/main, src/preload and src/renderer,
// but our layout keeps the three processes in their own top-level folders.
export default defineConfig({
  main: {
    plugins: [thirdPartyNotices('main process')],
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'electron/main/index.ts'),
          // The workshop room's utilityProcess entry (out/main/room.js), forked by main.
          room: resolve(import.meta.dirname, 'electron/room/roomProcess.ts'),
        },
      },
    },
  },
  preload: {
    plugins: [thirdPartyNotices('preload')],
    build: {
      // Sandboxed preloads can require only 'electron' (and a few built-ins), so dependencies
      // such as zod (used by the IPC contract) must be bundled, not left as require() calls.
      externalizeDeps: false,
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'electron/preload/index.ts') },
        // A sandboxed preload cannot load ES modules, so it ships as one CommonJS file.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'renderer'),
    base: './',
    // devServerCsp applies only to `npm run dev`'s server, never to a build.
    plugins: [react(), devServerCsp(), thirdPartyNotices('app pages')],
    build: {
      outDir: resolve(import.meta.dirname, 'out/renderer'),
      // electron-vite leaves minification off; the renderer is also served to browsers.
      minify: true,
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'renderer/index.html'),
          // The workshop room's participant page (out/renderer/room.html), served by the room.
          room: resolve(import.meta.dirname, 'renderer/room.html'),
        },
      },
    },
  },
});
