import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

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

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
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
          patterns: uiModules.map((group) => ({
            group: [group],
            message: 'src/core must stay free of UI and runtime code.',
          })),
        },
      ],
    },
  },
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
);
