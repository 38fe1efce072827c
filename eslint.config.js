// Lint rules, including the import directions of ../shared/STYLE.md §2: the core stays pure
// (no express, ioredis, bullmq, pino, node:fs, runtime @line/bot-sdk) and edges never import
// each other.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const coreFolders = [
  'schema',
  'text',
  'search',
  'messages',
  'dialog',
  'delivery',
  'config',
  'segments',
  'classes',
  'reports',
  'time',
];
const edgeFolders = ['store', 'line', 'queue', 'http', 'cli', 'content', 'log', 'wiring'];
const impure = [
  'express',
  'ioredis',
  'bullmq',
  'pino',
  'node:fs',
  'node:fs/promises',
  'fs',
  'node:http',
  'node:net',
  'node:child_process',
];

const coreRules = {
  'no-restricted-imports': [
    'error',
    {
      paths: [
        ...impure.map((name) => ({ name, message: 'Core code is pure: do I/O in an edge.' })),
        {
          name: '@line/bot-sdk',
          allowTypeImports: true,
          message: 'Core code may only `import type` from @line/bot-sdk.',
        },
      ],
      patterns: edgeFolders.map((f) => ({
        group: [`**/${f}/*`, `../${f}/*`],
        message: 'Core must not import an edge.',
      })),
    },
  ],
  'no-restricted-globals': ['error', { name: 'process', message: 'Only main.ts reads process.' }],
};

// `../../${f}/*` covers files one folder down (src/store/<port>/).
const edgeRules = (self) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: edgeFolders
        .filter((f) => f !== self)
        .map((f) => ({
          group: [`../${f}/*`, `../../${f}/*`],
          message: 'Edges never import each other.',
        })),
    },
  ],
});

// The CLI and `wiring/` wire edges like main.ts does (STYLE §2), so they may use them, through
// index.ts only. store/ is split by port (Hono's src/router/*/): its faces are store/index.ts
// (connection, keys) and store/<port>/index.ts. A regex, because a gitignore-style `!` cannot
// re-include a file below an excluded folder.
const wiringRules = (self, message) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: edgeFolders
        .filter((f) => f !== self)
        .map((f) =>
          f === 'store'
            ? { regex: '^\\.\\./store/(?!index\\.js$|[^/]+/index\\.js$)', message }
            : { group: [`../${f}/*`, `!../${f}/index.js`], message },
        ),
    },
  ],
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'bench/.cache/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['bin/**/*.js', 'scripts/**/*.{js,mjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  ...coreFolders.map((f) => ({ files: [`src/${f}/**/*.ts`], rules: coreRules })),
  { files: ['src/ports.ts', 'src/errors.ts', 'src/app/**/*.ts'], rules: coreRules },
  ...edgeFolders.map((f) => ({ files: [`src/${f}/**/*.ts`], rules: edgeRules(f) })),
  // A port folder of store/ may use the shared files above it (codec, keys, lua-script,
  // redis-connection, store-error) but another port folder only through its index.ts.
  {
    files: ['src/store/*/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...edgeRules('store')['no-restricted-imports'][1].patterns,
            {
              regex: '^\\.\\./(?!\\.\\./)[^/]+/(?!index\\.js$)',
              message: 'A store port folder uses another one only through its index.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: wiringRules('cli', 'The CLI uses another edge only through its index.ts.'),
  },
  // The admin console (console/src, browser code): no Node modules, and from the server's src/
  // only `import type` (its zod schemas' types); everything it needs comes over /admin/api.
  {
    files: ['console/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'The console runs in the browser: no Node modules.' },
            {
              group: ['**/src/**'],
              allowTypeImports: true,
              message: 'The console may only `import type` from the server (src/).',
            },
          ],
        },
      ],
    },
  },
  { files: ['console/vite.config.ts'], languageOptions: { globals: { process: 'readonly' } } },
  {
    files: ['src/wiring/**/*.ts'],
    rules: {
      ...wiringRules('wiring', 'wiring/ uses an edge only through its index.ts.'),
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'Only main.ts reads process.' },
      ],
    },
  },
);
