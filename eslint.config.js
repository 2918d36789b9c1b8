import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import react from 'eslint-plugin-react';
import reactHooks from 'eslint-plugin-react-hooks';
import simpleImportSort from 'eslint-plugin-simple-import-sort';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'build/',
      'node_modules/',
      '.data/',
      'drizzle/',
      'playwright-report/',
      'test-results/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // Plain-JavaScript scripts that run before anything is compiled (npm start, npm install).
  { files: ['scripts/**/*.mjs'], languageOptions: { globals: globals.node } },
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: {
      react,
      'react-hooks': reactHooks,
      'jsx-a11y': jsxA11y,
      'simple-import-sort': simpleImportSort,
    },
    settings: { react: { version: '18.3' } },
    rules: {
      ...react.configs.recommended.rules,
      ...react.configs['jsx-runtime'].rules,
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      ...jsxA11y.configs.recommended.rules,
      'simple-import-sort/imports': 'error',
      'simple-import-sort/exports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'react/prop-types': 'off',
    },
  },
  {
    // Route modules and UI code end up in the browser bundle: Drizzle's table definitions
    // must not (they cost every page ~11 KB gzipped). Shared value lists live in
    // db/schema/values.ts; server-only code goes in *.server.ts.
    files: ['app/**/*.{ts,tsx}'],
    ignores: [
      'app/**/*.server.ts',
      'app/**/*.test.{ts,tsx}',
      'app/**/test-fixtures.ts',
      'app/**/test-app.ts',
    ],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // A regex, because gitignore-style groups read a leading '#' as a comment.
              regex: '^#db/(?!schema/values$)',
              allowTypeImports: true,
              message:
                'Browser code imports shared values from #db/schema/values only; database code belongs in *.server.ts.',
            },
            {
              group: ['drizzle-orm', 'drizzle-orm/*'],
              allowTypeImports: true,
              message: 'Drizzle runs on the server only: move this into a *.server.ts module.',
            },
          ],
        },
      ],
    },
  },
);
