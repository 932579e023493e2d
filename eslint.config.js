// Lint carries the house rules (STYLE 9): no `any`, no HTML strings; each message says what to do instead.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const noHtmlStrings = [
  {
    selector: 'MemberExpression[property.name=/^(innerHTML|outerHTML)$/]',
    message: 'No HTML strings (DESIGN §8): build nodes with createElement/textContent or render with Preact.',
  },
  {
    selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
    message: 'No HTML strings (DESIGN §8): use insertAdjacentElement/append with nodes.',
  },
  {
    selector: "CallExpression[callee.object.name='document'][callee.property.name=/^write(ln)?$/]",
    message: 'No document.write: render with Preact or DOM nodes.',
  },
  {
    selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
    message: 'No dangerouslySetInnerHTML (DESIGN §8): render text as children; Preact escapes it.',
  },
  // Window messaging with the page is banned; a runtime Port's postMessage (extension-internal) is not.
  {
    selector:
      "CallExpression[callee.property.name='postMessage'][callee.object.name=/^(window|parent|top|self|opener|globalThis|frames)$/]",
    message: 'No postMessage conversation with the page (DESIGN §8): use runtime messaging through lib/messages.ts.',
  },
  {
    selector:
      "CallExpression[callee.property.name='postMessage'][callee.object.property.name=/^(contentWindow|parent|top|opener)$/]",
    message: 'No postMessage conversation with the page (DESIGN §8): use runtime messaging through lib/messages.ts.',
  },
  {
    selector: "CallExpression[callee.name='postMessage']",
    message: 'No postMessage conversation with the page (DESIGN §8): use runtime messaging through lib/messages.ts.',
  },
];

// The layers (DESIGN §2, STYLE 1): lib/store/ is the only importer of Dexie and the database;
// components read through its named queries; the content script stays small (no Dexie, no zod);
// lib/ never reaches up into components/. tests/unit/lint/layers.test.ts shows each rule firing.
const DEXIE = {
  name: 'dexie',
  message:
    'Only lib/store/ imports Dexie (DESIGN §2): read through a named query of lib/store/queries.ts, watched with lib/store/live.ts.',
};
const NO_COMPONENTS = {
  group: ['**/components/**', '@/components/**'],
  message: 'lib/ holds pure modules: it never imports components/ (STYLE 1). Move what both need into lib/.',
};
const NO_ZOD =
  'The content script stays small (DESIGN §9): no zod in lib/content/. Check shapes by hand here (lib/messages-to-content.ts); the background parses with zod.';
const layers = (paths, patterns) => ({
  'no-restricted-imports': 'off',
  '@typescript-eslint/no-restricted-imports': ['error', { paths, patterns }],
});

export default tseslint.config(
  {
    ignores: ['.output/**', '.output-bench/**', '.wxt/**', '.tmp/**', 'node_modules/**', 'artifacts/**', 'coverage/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': ['error', { fixToUnknown: false }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': ['error', ...noHtmlStrings],
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  {
    // Type-aware rules (the TypeScript program, not just the syntax): promises handled, casts that
    // change nothing removed, no `any` leaking in from untyped values.
    files: ['**/*.ts', '**/*.tsx'],
    extends: [tseslint.configs.recommendedTypeCheckedOnly],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
    },
  },
  {
    // Tests drive fakes and spies: untyped test doubles and async stubs without awaits are their
    // trade. The promise rules and the cast rule stay on.
    files: ['tests/**/*.ts', 'tests/**/*.tsx'],
    rules: {
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/prefer-promise-reject-errors': 'off',
    },
  },
  {
    files: ['**/*.mjs', 'scripts/**', 'tests/support/**'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        AbortController: 'readonly',
        AbortSignal: 'readonly',
        fetch: 'readonly',
        performance: 'readonly',
      },
    },
  },
  {
    // Components read the store only through its named queries and its watch (lib/store/queries.ts, live.ts).
    files: ['components/**/*.{ts,tsx}'],
    rules: layers(
      [DEXIE],
      [
        {
          group: ['**/store/*', '!**/store/queries', '!**/store/live'],
          message:
            'components/ never imports the database or a table of lib/store/ (DESIGN §2): use a named query of lib/store/queries.ts, watched with useLiveQuery.',
        },
      ],
    ),
  },
  {
    files: ['lib/**/*.ts'],
    ignores: ['lib/store/**', 'lib/content/**'],
    rules: layers(
      [DEXIE],
      [
        NO_COMPONENTS,
        {
          group: ['**/store/db'],
          allowTypeImports: true,
          message:
            'Outside lib/store/, a module is handed the database (typed `import type { PrivacyDb }`), it never opens it: lib/background/main.ts opens it once for the background, lib/store/live.ts for the pages.',
        },
      ],
    ),
  },
  {
    // The background's composition root: the one place outside lib/store/ that opens the database.
    files: ['lib/background/main.ts'],
    rules: layers([DEXIE], [NO_COMPONENTS]),
  },
  {
    // Entrypoints are thin shells (STYLE 1): they mount components and start lib/, never open the store themselves.
    files: ['entrypoints/**/*.{ts,tsx}'],
    ignores: ['entrypoints/amocrm-*.ts'],
    rules: layers(
      [DEXIE],
      [
        {
          group: ['**/store/db'],
          message:
            'Entrypoints are thin shells: the database is opened inside lib/ (lib/background/main.ts, lib/store/live.ts), not here.',
        },
      ],
    ),
  },
  {
    files: ['lib/store/**/*.ts'],
    rules: layers([], [NO_COMPONENTS]),
  },
  {
    // The content scripts (the isolated one and the MAIN-world one) and everything under lib/content/.
    files: ['lib/content/**/*.ts', 'entrypoints/amocrm-*.ts'],
    rules: layers(
      [DEXIE, { name: 'zod', message: NO_ZOD }],
      [
        NO_COMPONENTS,
        { group: ['zod/*'], message: NO_ZOD },
        {
          group: ['**/store/**', '@/lib/store/**'],
          message:
            'The content script runs in the amoCRM page: it never opens the database (DESIGN §2). Ask the background.',
        },
        {
          group: ['**/messages', '@/lib/messages'],
          allowTypeImports: true,
          message:
            'lib/messages.ts brings zod into the content script: import its types only (`import type`), and parse with lib/messages-to-content.ts.',
        },
      ],
    ),
  },
  {
    // The fake amoCRM serves its own page as an HTML string; that is test scaffolding, not product code.
    files: ['tests/support/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // A `!` switches the check off where a value may be missing: narrow it, or throw with words.
    files: ['lib/**/*.ts', 'components/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'error' },
  },
);
