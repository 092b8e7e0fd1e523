import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    setupFiles: ['fake-indexeddb/auto', 'tests/unit/setup/packaged-files.ts', 'tests/unit/setup/fast-kdf.ts'],
    // Vitest's default is one worker fewer than the cores, which on a 2-core machine is one worker
    // and an idle core: the main process only transforms files, a small share of the run.
    maxWorkers: '100%',
    mockReset: true,
    restoreMocks: true,
    testTimeout: 30_000,
    // The few files on real scrypt (vi.unmock of lib/vault/crypto/kdf-scrypt) derive in hooks; on a busy 2-core machine that passes 10 s.
    hookTimeout: 60_000,
  },
});
