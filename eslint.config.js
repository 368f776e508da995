import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import i18next from 'eslint-plugin-i18next';

const uiModules = [
  'react',
  'react-dom',
  'react-dom/*',
  '@xyflow/react',
  'zustand',
  'zustand/*',
  'zundo',
  'onnxruntime-web',
  'onnxruntime-web/*',
];

/** Forbids relative imports of the UI folders (src/app, src/canvas, src/panels, src/ui). */
const uiFolders = (who) => ({
  regex: String.raw`^(\.\./)+(app|canvas|panels|ui)(/|$)`,
  message: `${who} must not import the UI folders (src/app, src/canvas, src/panels, src/ui).`,
});

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: {
        // The fuzzer's worker boot file is plain JavaScript (a worker cannot start in TypeScript).
        projectService: { allowDefaultProject: ['fuzz/boot.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `const { weights, ...rest } = design` is how a field is left out of an immutable object.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  {
    files: ['**/*.tsx', 'src/state/**', 'src/canvas/**', 'src/panels/**', 'src/app/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // The core is pure: no UI, no runtime, no DOM libraries.
    files: ['src/core/**'],
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'HTMLElement'],
      'no-restricted-imports': [
        'error',
        {
          paths: [],
          patterns: [
            ...uiModules.map((group) => ({
              group: [group],
              message: 'src/core must stay free of UI and runtime code.',
            })),
            uiFolders('src/core'),
          ],
        },
      ],
    },
  },
  {
    // State, runtime and CLI sit below the UI: they never reach up into it.
    files: ['src/state/**', 'src/runtime/**', 'src/cli/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [], patterns: [uiFolders('src/state, src/runtime and src/cli')] },
      ],
    },
  },
  {
    // Canvas and panels are parts of the page; the page shell (src/app) assembles them, not the reverse.
    files: ['src/canvas/**', 'src/panels/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [],
          patterns: [
            {
              regex: String.raw`^(\.\./)+app(/|$)`,
              message: 'Canvas and panels never import src/app; move a shared helper to src/ui.',
            },
          ],
        },
      ],
    },
  },
  {
    // The shared UI helpers are the bottom of the UI: they import no UI folder.
    files: ['src/ui/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [],
          patterns: [
            {
              regex: String.raw`^(\.\./)+(app|canvas|panels)(/|$)`,
              message: 'src/ui holds helpers shared by the UI folders; it imports none of them.',
            },
          ],
        },
      ],
    },
  },
  {
    // Every string a user reads goes through i18next: the UI folders hold no literal text.
    files: ['src/app/**', 'src/panels/**', 'src/canvas/**', 'src/state/**', 'src/ui/**'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': [
        'error',
        {
          mode: 'all',
          'should-validate-template': true,
          words: {
            exclude: [
              // No letter at all: punctuation, numbers, symbols, arrows.
              /^[^\p{L}]*$/u,
              // One code word: keys, ids, kinds, CSS classes and properties, event names, paths.
              /^[a-z][\w.:/#-]*$/,
              // File extensions and MIME lists: ".onnx", "-deploy.onnx", ".json,application/json".
              /^[.-][\w.,/-]*$/,
              // Acronyms and unit letters: "ONNX", "M", "K".
              /^[A-Z][A-Z0-9_-]*$/,
              // Template pieces that build ids, selectors and CSS values: "#frame", "var(--stripe-".
              /^[#@][\w-]*$/,
              /^var\(--[\w-]*$/,
              // Units and one-letter symbols: "MiB", "ms", "ρ =", "g =".
              /^([KMG]i)?B$|^ms$|^px$/,
              /^\p{L} =$/u,
              // Shortcut hints after a modifier: `${mod}+O`.
              /^\+[A-Z]$/,
            ],
          },
          'jsx-attributes': {
            exclude: [
              'className',
              'style',
              'type',
              'key',
              'id',
              'width',
              'height',
              'selectionKeyCode',
              'data-.*',
            ],
          },
          // DOM queries, file names and keys are code, not text.
          callees: {
            exclude: [
              't',
              'i18n(ext)?',
              'require',
              'addEventListener',
              'removeEventListener',
              'querySelector(All)?',
              'closest',
              'fileNameFor',
              'pickFile',
              'keyLabel',
              'Blob',
              'Error',
              'includes',
              'startsWith',
              'endsWith',
            ],
          },
        },
      ],
    },
  },
  { files: ['**/*.js', '**/*.cjs'], ...tseslint.configs.disableTypeChecked },
);
