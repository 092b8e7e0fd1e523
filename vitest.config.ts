import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    setupFiles: ['fake-indexeddb/auto', 'tests/unit/setup/packaged-files.ts'],
    mockReset: true,
    restoreMocks: true,
    testTimeout: 30_000,
    // Vault fixtures derive keys with real scrypt in beforeEach; on a busy 2-core machine that passes 10 s.
    hookTimeout: 60_000,
  },
});
