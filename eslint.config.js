import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The layers (lib/README.md): each entry is an import the folder must not make, and why. A folder
 * inside another gets both lists, since a later flat-config entry replaces a rule's options.
 * The regexes match the import as written, alias (`@/`) and relative forms alike.
 */
const LIB = [
  {
    regex: '^(@/|(\\.\\./)+)(components|entrypoints)(/|$)',
    message: 'lib/ is the pure core: it imports no Preact components (components/) and no entrypoints/.',
  },
];
const COMPONENTS = [
  { regex: '^(@/|(\\.\\./)+)entrypoints(/|$)', message: 'components/ are shared by pages: they import no entrypoints/.' },
];
const IN_PAGE = [
  {
    regex: '(^|/)vault(-client)?(/|$)',
    message: 'Code that runs in host pages never reaches the vault: the host page can read what its scripts hold.',
  },
  {
    regex: '^(dexie|valibot|preact|@preact/.+)(/|$)',
    message: 'Code that runs in host pages stays small: no Dexie, valibot or Preact (each page load pays for it).',
  },
  {
    regex: '^(@/|(\\.\\./)+)components(/|$)',
    message: 'Code that runs in host pages uses no Preact components: its markup is in lib/in-page/.',
  },
];
const VAULT_CRYPTO = [
  {
    regex: '(^|/)(store|backup|lifecycle|service)(/|$)',
    message: 'lib/vault/crypto/ is the bottom layer: store, backup, lifecycle and service build on it, not the other way round.',
  },
  { regex: '^dexie(/|$)', message: 'lib/vault/crypto/ knows nothing of the database.' },
];
const restrict = (...layers) => ({ 'no-restricted-imports': ['error', { patterns: layers.flat() }] });

export default tseslint.config(
  { ignores: ['.output/', '.output-*/', '.test-results/', '.wxt/', 'node_modules/', '.bench/', '.e2e-artifacts/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly', process: 'readonly', URL: 'readonly', setTimeout: 'readonly',
        clearTimeout: 'readonly', Buffer: 'readonly', fetch: 'readonly',
      },
    },
    rules: {
      // Logging in extension code could leak clinical text; tests and tools may print.
      'no-console': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: ['lib/**'], rules: restrict(LIB) },
  { files: ['lib/in-page/**'], rules: restrict(LIB, IN_PAGE) },
  { files: ['lib/vault/crypto/**'], rules: restrict(LIB, VAULT_CRYPTO) },
  { files: ['entrypoints/in-page-*.ts'], rules: restrict(IN_PAGE) },
  { files: ['components/**'], rules: restrict(COMPONENTS) },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
  },
  {
    files: ['tests/**', '*.config.*', '.ci/**'],
    // Test code runs functions inside pages (page.evaluate), where the DOM globals exist.
    languageOptions: { globals: { document: 'readonly', window: 'readonly', globalThis: 'readonly' } },
    rules: { 'no-console': 'off' },
  },
);
