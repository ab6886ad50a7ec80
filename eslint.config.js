// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import i18next from 'eslint-plugin-i18next';

// Exact module names, as regular expressions: gitignore-style groups would also match relative
// paths such as ../../electron/shared, which the renderer may import (pure, shared modules).
const electronModule = {
  regex: '^electron(/.*)?$',
  message: 'The renderer talks to Electron only through the Host interface.',
};
const nodeBuiltins = {
  regex: '^(node:.*|fs|path|os|child_process|crypto|http|https|url|net|worker_threads)(/.*)?$',
  message: 'No Node built-ins here: this code runs in a browser sandbox.',
};

// Feature folders under renderer/src/ui (everything except app, common and styles).
const uiFeatures = [
  'about',
  'annotations',
  'content',
  'library',
  'planner',
  'reader',
  'search',
  'settings',
  'workshops',
];

// What any file under renderer/src/ui may not import: Electron, Node, and the composition root
// (only ui/app itself may import ui/app).
const uiPatterns = [
  electronModule,
  nodeBuiltins,
  { regex: '(^|/)app(/|$)', message: 'Only ui/app may import the composition root.' },
];

export default tseslint.config(
  {
    // Build output and what tests and benchmarks write (all in .gitignore).
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'renderer/public/data/**',
      'coverage/**',
      'test-results/**',
      'tests/bench/results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  // What only the types can tell: a promise nobody awaits or handles, a promise where a plain
  // value is expected, `any` leaking out of JSON, a method taken off its object.
  ...tseslint.configs.recommendedTypeCheckedOnly,
  {
    languageOptions: {
      globals: { ...globals.node },
      // Each file is checked with the tsconfig that includes it (tsconfig.node.json or
      // tsconfig.web.json, both referenced from tsconfig.json).
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // A switch over a union names every member, or says what the rest does with `default`.
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The renderer is sandboxed: it may not reach Electron or Node, even by accident.
      'no-restricted-imports': [
        'error',
        {
          patterns: [electronModule, nodeBuiltins],
        },
      ],
    },
  },
  {
    files: ['renderer/src/ui/**/*.tsx'],
    plugins: { i18next },
    rules: {
      // Every word on screen comes from the message catalogue (renderer/src/locales), so a new
      // language is a translation, not a hunt through components: no literal JSX text, and no
      // literal text in the attributes people read or hear.
      'i18next/no-literal-string': ['error', { mode: 'jsx-text-only' }],
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'JSXAttribute[name.name=/^(aria-label|aria-description|aria-roledescription|aria-valuetext|title|placeholder|alt|label|legend|hint)$/] > Literal[value=/[A-Za-z]/]',
          message: 'UI text goes through the message catalogue (t or Trans).',
        },
        {
          selector:
            'JSXAttribute[name.name=/^(aria-label|aria-description|title|placeholder|alt|label|legend|hint)$/] > JSXExpressionContainer > TemplateLiteral > TemplateElement[value.raw=/[A-Za-z]{2}/]',
          message: 'UI text goes through the message catalogue (t or Trans).',
        },
      ],
    },
  },
  {
    files: ['renderer/src/ui/**/*.{ts,tsx}'],
    ignores: ['renderer/src/ui/app/**'],
    rules: {
      // ui/app is the composition root: it imports every feature, so no feature may import it
      // back. Dependencies point one way: app -> features -> common -> core.
      'no-restricted-imports': [
        'error',
        {
          patterns: uiPatterns,
        },
      ],
    },
  },
  {
    files: ['renderer/src/ui/common/**/*.{ts,tsx}'],
    rules: {
      // ui/common is the shared kit every feature builds on: it may not reach into a feature.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...uiPatterns,
            {
              regex: `^(\\.\\./)+(${uiFeatures.join('|')})(/|$)`,
              message: 'ui/common is shared by every feature and may not import one.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/src/core/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      // core/ is the pure domain: it runs in Node (tests, build scripts) and in the browser.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { ...electronModule, message: 'core/ must not import Electron.' },
            { regex: '^react(-dom)?(/.*)?$', message: 'core/ must not import React.' },
            { ...nodeBuiltins, message: 'core/ must not import Node built-ins.' },
            { regex: '(^|/)(ui|host)(/|$)', message: 'core/ must not depend on ui/ or host/.' },
            {
              regex: '(^|/)locales(/|$)|^(i18next|react-i18next)(/.*)?$',
              message: 'core/ has no words: it names messages (MessageRef) and the UI words them.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'core/ must not touch the DOM.' },
        { name: 'document', message: 'core/ must not touch the DOM.' },
        { name: 'localStorage', message: 'core/ must not touch browser storage; take a Host.' },
        { name: 'navigator', message: 'core/ must not touch the DOM.' },
      ],
    },
  },
  {
    files: ['electron/room/**/*.ts'],
    rules: {
      // The room server runs in a utilityProcess, in the serve script and in Node tests alike.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { ...electronModule, message: 'electron/room is plain Node: no Electron imports.' },
            {
              regex: '(^|/)(main|preload|ui|host)(/|$)',
              message: 'electron/room may use core/ and electron/shared, nothing of the app.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/shared/**/*.ts'],
    rules: {
      // shared/ is imported by main, the sandboxed preload, the renderer and core/: pure modules only.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { ...electronModule, message: 'electron/shared must not import Electron.' },
            { regex: '^react(-dom)?(/.*)?$', message: 'electron/shared must not import React.' },
            { ...nodeBuiltins, message: 'electron/shared must not import Node built-ins.' },
            {
              // The one exception is the workshop room's protocol (pure zod, like this folder),
              // whose command schema the IPC contract checks `room:command` with.
              regex: '(^|/)(main|preload)(/|$)|(^|/)renderer/(?!src/core/room/protocol$)',
              message: 'electron/shared must not depend on main, the preload or the renderer.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'localStorage', 'navigator', 'process'].map((name) => ({
          name,
          message: 'electron/shared runs in main and in the page alike: no DOM or Node globals.',
        })),
      ],
    },
  },
  // JavaScript (this file, test fixtures) is in no tsconfig: it gets the rules without types.
  {
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
