import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
