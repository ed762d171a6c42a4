// Lint rules, including the layer rules of DESIGN.md §2: who may import whom, and what the pure
// engine may not touch. test/unit/layer-rules.test.ts proves each rule fires.
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

const layer = (name) => ({
  regex: `(^|/)${name}(/|$)`,
  message: `This layer may not import from ${name}/ (see DESIGN.md §2).`,
});
const pkg = (name) => ({
  group: [name, `${name}/*`],
  message: `This layer may not use ${name} (see DESIGN.md §2).`,
});

// Browser globals the engine must not reach: it gets time, randomness and storage as arguments.
// Web Crypto and TextEncoder stay allowed, for the state hash.
const allowedInEngine = new Set(['crypto', 'TextEncoder']);
const browserOnly = Object.keys(globals.browser).filter(
  (name) => !allowedInEngine.has(name) && !(name in globals.es2021),
);

export default ts.config(
  {
    ignores: [
      'dist',
      'dev-dist',
      'node_modules',
      'test-results',
      'playwright-report',
      '.bench',
      '.gate',
    ],
  },
  js.configs.recommended,
  ts.configs.recommended,
  svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'CallExpression[callee.name="eval"]', message: 'No eval: the CSP forbids it.' },
      ],
      'svelte/no-at-html-tags': 'error',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: {
        projectService: false,
        extraFileExtensions: ['.svelte'],
        parser: ts.parser,
      },
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            layer('schema'),
            layer('worker'),
            layer('db'),
            layer('ui'),
            pkg('zod'),
            pkg('dexie'),
            pkg('comlink'),
            pkg('chart.js'),
            pkg('svelte'),
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...browserOnly.map((name) => ({
          name,
          message: `The engine is pure: no ${name}. Pass what you need in as an argument.`,
        })),
      ],
      'no-restricted-properties': [
        'error',
        {
          object: 'Date',
          property: 'now',
          message: 'The engine gets time from its clock argument, never Date.now().',
        },
        {
          object: 'Math',
          property: 'random',
          message: 'The engine uses the seeded Rng, never Math.random().',
        },
        {
          object: 'crypto',
          property: 'getRandomValues',
          message: 'The engine uses the seeded Rng.',
        },
        { object: 'crypto', property: 'randomUUID', message: 'The engine uses the seeded Rng.' },
        {
          object: 'performance',
          property: 'now',
          message: 'The engine gets time from its clock argument.',
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'NewExpression[callee.name="Date"][arguments.length=0]',
          message: 'The engine gets time from its clock argument, never new Date().',
        },
        { selector: 'CallExpression[callee.name="eval"]', message: 'No eval: the CSP forbids it.' },
      ],
    },
  },
  {
    files: ['src/schema/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            layer('worker'),
            layer('db'),
            layer('ui'),
            pkg('dexie'),
            pkg('comlink'),
            pkg('svelte'),
          ],
        },
      ],
    },
  },
  {
    files: ['src/db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [layer('engine'), layer('worker'), layer('ui'), pkg('comlink'), pkg('svelte')],
        },
      ],
    },
  },
  {
    files: ['src/worker/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [layer('ui'), pkg('svelte'), pkg('chart.js')] },
      ],
    },
  },
  {
    // Command-line tools run the engine headless in node; they read files through the schemas.
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            layer('worker'),
            layer('db'),
            layer('ui'),
            pkg('dexie'),
            pkg('comlink'),
            pkg('svelte'),
            pkg('chart.js'),
          ],
        },
      ],
    },
  },
  {
    files: ['src/ui/**/*.ts', 'src/ui/**/*.svelte'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              ...layer('engine'),
              allowTypeImports: true,
              message: 'The UI may import the engine only with `import type` (see DESIGN.md §2).',
            },
            {
              regex: '(^|/)worker/(?!client(\\.ts)?$)',
              message: 'The UI talks to the worker only through worker/client.ts.',
            },
            layer('db'),
            pkg('dexie'),
          ],
        },
      ],
    },
  },
);
