// Builds the admin console (console/README.md). Served by the Madoguchi server under /admin/,
// so every asset URL starts with /admin/ and the output lands where the server looks for it
// (config CONSOLE_DIR, default <repo>/dist/console).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
// The server to proxy /admin/api to while developing with `vite --config console/vite.config.ts`.
const apiPort = process.env['CONSOLE_API_PORT'] ?? '3311';

export default defineConfig({
  root,
  base: '/admin/',
  // Preact's automatic JSX runtime, without a plugin: Vite's own transform (oxc) does it.
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: fileURLToPath(new URL('../dist/console', import.meta.url)),
    emptyOutDir: true,
    // The server's CSP allows scripts from 'self' only; current browsers need no polyfill.
    modulePreload: { polyfill: false },
    target: 'es2022',
  },
  server: {
    host: '127.0.0.1',
    proxy: { '/admin/api': { target: `http://127.0.0.1:${apiPort}`, changeOrigin: false } },
  },
});
