import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { configs as litConfigs } from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import { configs as wcConfigs } from 'eslint-plugin-wc';
import noOnlyTests from 'eslint-plugin-no-only-tests';
import globals from 'globals';

export default tseslint.config(
  // The SPFx sample is a project of its own, with its own packages and build (a CommonJS gulpfile);
  // src/generated/ is written by lit-localize (npm run localize:build).
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'samples/sharepoint-spfx/', 'src/generated/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts', 'test/**/*.ts'],
    languageOptions: { globals: globals.browser },
    plugins: { 'lit-a11y': litA11y, 'no-only-tests': noOnlyTests },
    extends: [litConfigs['flat/recommended'], wcConfigs['flat/recommended']],
    rules: {
      ...litA11y.configs.recommended.rules,
      'no-only-tests/no-only-tests': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'Use an `as const` object and a union instead of an enum.' },
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'zod', message: "Import zod as `import * as z from 'zod/mini'`: the full zod adds ~90 KB gz." },
          ],
        },
      ],
      'no-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
