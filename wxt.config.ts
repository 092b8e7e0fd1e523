import { defineConfig } from 'wxt';
import type { Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { platforms } from './rules/index';
import { matchPatternsFor } from './lib/rules/match-patterns';
import { IN_PAGE_SCRIPTS } from './lib/in-page/scripts';
import { STRENGTH_DATA_PATH } from './lib/vault/crypto/strength';
import { strengthData } from './lib/vault/crypto/strength-data';


// The extension's manifest and build. Permissions are the ones features use today; each is
// justified in README.md ("Permissions") and the list grows only with a feature that needs it.
/**
 * webextension-polyfill (the package behind @wxt-dev/webextension-polyfill) for the background
 * and extension pages, where message listeners return promises. Content scripts get WXT's plain
 * `browser` instead: they never answer messages, and the polyfill would more than double what
 * every call page has to compile (budget: 2 ms added per page load, see npm run bench).
 * This replaces the @wxt-dev/webextension-polyfill module, whose alias applies everywhere.
 */
function polyfillOutsideContentScripts(): Plugin {
  let contentScriptBuild = false;
  return {
    name: 'anteroom:polyfill-outside-content-scripts',
    enforce: 'pre',
    configResolved(config) {
      const entry = config.build.lib ? config.build.lib.entry : undefined;
      contentScriptBuild = typeof entry === 'string' && /in-page-[\w-]+\.ts$/.test(entry);
    },
    async resolveId(source, importer, options) {
      // Unit tests alias wxt/browser to WXT's fake browser; leave them alone.
      if (source !== 'wxt/browser' || contentScriptBuild || process.env.VITEST) return null;
      return this.resolve('@wxt-dev/webextension-polyfill/browser', importer, { ...options, skipSelf: true });
    },
  };
}

export default defineConfig({
  manifestVersion: 3,
  // Engineers working side by side can build into their own folder; the e2e harness reads the same variable.
  outDir: process.env.ANTEROOM_OUT_DIR ?? '.output',
  // lib/ and rules/ are imported explicitly; auto-imports would hide where things come from.
  imports: false,
  vite: () => ({
    plugins: [polyfillOutsideContentScripts(), preact()],
    // ANTEROOM_NO_MINIFY=1: readable function names in a profile (npm run bench, BENCH_PROFILE=1).
    build: { sourcemap: false, ...(process.env.ANTEROOM_NO_MINIFY ? { minify: false } : {}) },
  }),
  hooks: {
    // zxcvbn's word lists as one data file, fetched by the notes page and the background the
    // first time a new passphrase is scored (lib/vault/crypto/strength.ts says why not a script).
    'build:publicAssets': (_wxt, files) => {
      files.push({ relativeDest: STRENGTH_DATA_PATH.slice(1), contents: JSON.stringify(strengthData()) });
    },
    // The scripts that run in host pages are built as plain unlisted scripts (lib/in-page/scripts.ts
    // says why) and declared here, on the catalogue's hosts: computed at build time from rules/,
    // never kept by hand, and never shipped inside the scripts themselves.
    'build:manifestGenerated': (_wxt, manifest) => {
      manifest.content_scripts = [
        ...(manifest.content_scripts ?? []),
        ...Object.values(IN_PAGE_SCRIPTS).map((script) => ({
          matches: matchPatternsFor(platforms, script.kinds),
          js: [script.file],
          run_at: script.runAt,
          ...(script.world === 'MAIN' ? { world: 'MAIN' as const } : {}),
        })),
      ];
    },
  },
  manifest: ({ browser }) => ({
    name: 'Anteroom',
    description:
      'A quiet companion for online therapy sessions: platform risk warnings, a pre-session checklist and encrypted notes, all kept on your device.',
    version: '0.1.0',
    // scripting: registers the content script on custom platforms the therapist adds.
    // alarms: the vault's auto-lock after inactivity, session reminders and the daily silence
    // check; idle: lock the vault when the screen locks.
    // notifications: a session reminder and the silence follow-up, shown even with no Anteroom
    // page open; they never name a client unless the therapist asked for that.
    // sidePanel (Chrome only): the notes page in the side panel.
    // unlimitedStorage: the notes' IndexedDB is not held to the origin quota; with the notes page's
    // navigator.storage.persist() it is what keeps them from eviction under storage pressure.
    permissions: ['storage', 'unlimitedStorage', 'scripting', 'alarms', 'idle', 'notifications', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    // Asked for one site at a time, at the moment a custom platform is added; never at install.
    optional_host_permissions: ['https://*/*'],
    // The checklist's downloads item: asked for by its "Check downloads" button, to see and pause
    // downloads that compete with the call for bandwidth. Automatic backups ask for it when turned
    // on, to write the encrypted backup into a folder of their own and delete their own old files.
    optional_permissions: ['downloads'],
    // The catalogue's hosts, derived from rules/ like the content scripts' matches: they let the
    // background read a tab's URL on those hosts only (for the badge), without the broad "tabs"
    // permission that would reveal every site the therapist visits.
    host_permissions: matchPatternsFor(platforms, ['video', 'messaging', 'public-broadcast', 'webmail']),
    action: { default_title: 'Anteroom: pre-session checklist' },
    // Stricter than MV3's default: no plugins, no <base> rewriting, nothing but our own scripts.
    content_security_policy: { extension_pages: "script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'" },
    // Opens the checklist from the keyboard; the browser lets the therapist change the keys.
    commands: { _execute_action: { suggested_key: { default: 'Alt+Shift+A' } } },
    // The notes page doubles as Chrome's side panel and Firefox's sidebar, so notes can sit
    // beside a call without a second window.
    ...(browser === 'firefox'
      ? { sidebar_action: { default_panel: 'notes.html', default_title: 'Anteroom notes', open_at_install: false } }
      : { side_panel: { default_path: 'notes.html' } }),
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
