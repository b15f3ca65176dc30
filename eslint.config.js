import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import pluginQuery from '@tanstack/eslint-plugin-query';
import { readdirSync } from 'node:fs';

// Import zones. A feature imports its own files by path, and other features only through
// their public index (src/features/<name>/index.ts), and only those it declares here:
// dependencies go one way, so no two features import each other. A feature not listed may
// import no other feature.
const FEATURE_DEPS = {
  auth: [],
  images: ['auth', 'members', 'metadefs', 'tasks', 'transfers'],
  members: ['auth'],
  metadefs: ['auth'],
  'service-info': [],
  tasks: [],
  transfers: [],
};
const features = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
const escape = (name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const noParentImports = { regex: '^\\.\\./', message: 'Import through the @/ alias, not ../ (a relative path can climb out of a feature).' };
const zone = (...patterns) => ['error', { patterns: [noParentImports, ...patterns] }];
const featureZones = features.map((feature) => {
  const deps = FEATURE_DEPS[feature] ?? [];
  const allowedIndex = deps.length ? `(?!(?:${deps.map(escape).join('|')})$)` : '';
  return {
    files: [`src/features/${feature}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': zone(
        {
          regex: `^@/features/(?!${escape(feature)}/)${allowedIndex}`,
          message: `features/${feature} imports its own files by path and, of other features, only the index of: ${deps.join(', ') || 'none'} (FEATURE_DEPS in eslint.config.js).`,
        },
        { regex: '^@/app(/|$)', message: 'Features never import src/app/: the app composes features.' },
      ),
    },
  };
});

export default tseslint.config(
  { ignores: ['dist', 'node_modules', '.stack', '.stack-multi', 'test-results', 'playwright-report'] },
  {
    files: ['src/**/*.{ts,tsx}'],
    extends: [
      js.configs.recommended,
      ...tseslint.configs.strict,
      jsxA11y.flatConfigs.recommended,
      ...pluginQuery.configs['flat/recommended'],
    ],
    languageOptions: { ecmaVersion: 2022, globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Nothing from the API is rendered as HTML.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'localStorage', property: 'setItem', message: 'Use lib/prefs.ts (never for tokens).' },
      ],
    },
  },
  { files: ['src/**/*.{ts,tsx}'], rules: { 'no-restricted-imports': zone() } },
  {
    files: ['src/lib/**/*.{ts,tsx}', 'src/components/**/*.{ts,tsx}', 'src/config/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': zone({
        regex: '^@/(features|app)(/|$)',
        message: 'lib/, components/ and config/ are shared code: they never import a feature or src/app/.',
      }),
    },
  },
  {
    files: ['src/app/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': zone({
        regex: '^@/features/[^/]+/(?!pages$)',
        message: 'src/app/ uses a feature through its index (@/features/<name>) or its page loaders (@/features/<name>/pages).',
      }),
    },
  },
  ...featureZones,
  // Components never talk to the network: only api/ modules and lib/ do.
  {
    files: ['src/**/components/**/*.{ts,tsx}', 'src/app/**/*.{ts,tsx}', 'src/components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-globals': ['error', { name: 'fetch', message: 'Use a query hook from the feature api/ folder.' }],
    },
  },
  {
    files: ['e2e/**/*.ts', 'scripts/**/*.mjs', '*.config.{js,ts}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: { globals: { ...globals.node } },
  },
);
