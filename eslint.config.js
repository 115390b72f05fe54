// ESLint (flat config): typescript-eslint's recommended rules on every TypeScript file, plus the
// layer's globals: shared/ may use neither Node's nor the DOM's (its types cannot forbid them,
// because the docx package's declarations pull Node's in). The import rules between layers are
// dependency-cruiser's (.dependency-cruiser.cjs).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_GLOBALS = [
  'process',
  'Buffer',
  'require',
  'module',
  '__dirname',
  '__filename',
  'global',
  'setImmediate',
  'clearImmediate',
];
const DOM_GLOBALS = [
  'window',
  'document',
  'navigator',
  'localStorage',
  'sessionStorage',
  'location',
  'fetch',
  'HTMLElement',
  'Element',
  'Node',
];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'seeds/samples/**', 'build/bin/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node, ...globals.browser } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // A leading underscore marks a value left out on purpose (e.g. a field dropped by destructuring).
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // An error the user reads comes from the errors catalogue (appError, shared/i18n/app-error.ts), so it
    // is shown in their language: no English written straight into `new AppError(code, '…')`.
    files: ['**/*.{ts,tsx}'],
    ignores: ['shared/errors.ts', 'shared/i18n/**', '**/*.test.ts', '**/*.testkit.ts', '**/e2e/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...['Literal', 'TemplateLiteral', 'BinaryExpression'].map((type) => ({
          selector: `NewExpression[callee.name='AppError'][arguments.1.type='${type}']`,
          message:
            'Write the message in shared/i18n/messages/{en,es,fr}/errors.json and throw appError(code, key, values) (shared/i18n/app-error.ts).',
        })),
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...[...NODE_GLOBALS, ...DOM_GLOBALS].map((name) => ({
          name,
          message: 'shared/ is pure: no Node or DOM globals (see README, Layout).',
        })),
      ],
    },
  },
);
