// @ts-check
import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-online',
      'node_modules',
      'public',
      'scripts/basemap/node_modules',
      'coverage',
      'tests/e2e/artifacts',
      'bench/out',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      // Data strings must never reach an HTML sink: text goes through React, which escapes it.
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'No HTML sinks: render text through React.',
        },
        {
          selector: 'MemberExpression[property.name=/^(innerHTML|outerHTML)$/]',
          message: 'No HTML sinks: render text through React.',
        },
        {
          selector: 'CallExpression[callee.property.name=/^(setHTML|insertAdjacentHTML)$/]',
          message: 'No HTML sinks: render text through React.',
        },
        {
          selector: "CallExpression[callee.object.name='document'][callee.property.name='write']",
          message: 'No HTML sinks.',
        },
      ],
    },
  },
  {
    // MapLibre is touched in one folder only (DESIGN.md): everything else sees plain props.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/map/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['maplibre-gl', 'maplibre-gl/*', 'react-map-gl', 'react-map-gl/*'],
              message: 'Only src/map/ may import MapLibre.',
            },
          ],
        },
      ],
    },
  },
  {
    // Pure logic stays free of React and of the map.
    files: [
      'src/domain/**/*.ts',
      'src/data/schema.ts',
      'src/data/parse-dataset.ts',
      'src/data/check-*.ts',
      'src/data/assemble.ts',
      'src/data/problems.ts',
      'src/data/dataset.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', 'react/*', 'zustand', '@tanstack/*'],
              message: 'domain/ and data/ are plain TypeScript.',
            },
            {
              group: ['maplibre-gl', 'maplibre-gl/*', 'react-map-gl', 'react-map-gl/*'],
              message: 'Only src/map/ may import MapLibre.',
            },
          ],
        },
      ],
    },
  },
);
