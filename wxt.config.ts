import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { platforms } from './rules/index';
import { matchPatternsFor } from './lib/rules/match-patterns';

// The extension's manifest and build. Permissions are the ones features use today; each is
// justified in README.md ("Permissions") and the list grows only with a feature that needs it.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifestVersion: 3,
  // lib/ and rules/ are imported explicitly; auto-imports would hide where things come from.
  imports: false,
  vite: () => ({
    plugins: [preact()],
    build: { sourcemap: false },
  }),
  manifest: ({ browser }) => ({
    name: 'Anteroom',
    description:
      'A quiet companion for online therapy sessions: platform risk warnings, a pre-session checklist and encrypted notes, all kept on your device.',
    version: '0.1.0',
    permissions: ['storage'],
    // The catalogue's hosts, derived from rules/ like the content scripts' matches: they let the
    // background read a tab's URL on those hosts only (for the badge), without the broad "tabs"
    // permission that would reveal every site the therapist visits.
    host_permissions: matchPatternsFor(platforms, ['video', 'messaging', 'public-broadcast', 'webmail']),
    action: { default_title: 'Anteroom: pre-session checklist' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'anteroom@anteroom.invalid',
              // 140 is the ESR line that understands data_collection_permissions; it also grants
              // MV3 host permissions at install (127+) and has storage.session.
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : { minimum_chrome_version: '116' }),
  }),
});
