#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm run build` (also run by `npm start`).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const entry = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli', 'main.js');
if (!existsSync(entry)) {
  console.error('madoguchi: not built yet. Run `npm run build` (or `npm start`) first.');
  process.exit(2);
}
await import(pathToFileURL(entry).href);
