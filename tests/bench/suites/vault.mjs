// Issue 4's vault budgets, measured in the real browser through the real message API: an
// extension page (popup.html) sends the same messages the notes page sends, and times each
// answer with performance.now() in that page, so a time includes the message round trip, the
// background's checks, the crypto and IndexedDB. Beside each, in the same page and run, a
// WebCrypto AES-GCM baseline does the same record work (same count and size of records, a fresh
// 12-byte IV each) with no storage and no messaging: the ratio says what the vault costs over
// the browser's own native crypto. puppeteer gives every launch a fresh temporary profile.
// BENCH_NOTES=1000 shrinks the bulk part for a quick run.
/* global chrome, crypto, performance, TextEncoder, TextDecoder, btoa, atob, navigator, MessageChannel */
import { launch, median, percentile, profiledInWorker } from '../lib.mjs';

const NOTES = Number(process.env.BENCH_NOTES ?? 10_000);
const NOTES_PER_CLIENT = 200;
const CLIENTS = Math.max(1, Math.ceil(NOTES / NOTES_PER_CLIENT));
const SAVES = Math.min(200, NOTES);
const UNLOCKS = 5;
const SEARCHES = 3;
const NOTE_CHARS = 2048;
/** Concurrent save-note messages while filling the vault (the API has no bulk write). */
const FILL_CONCURRENCY = 16;
/** Notes per page.evaluate while filling, to stay far from puppeteer's protocol timeout. */
const FILL_CHUNK = 1000;
const PASSPHRASE = 'bench: correct horse battery staple';
/** One note in 100 carries it: a search that matches few notes still reads every note. */
const RARE_WORD = 'kestrel';
/** OWASP's PBKDF2-SHA256 work factor: the WebCrypto stand-in for the unlock's key derivation. */
const PBKDF2_ITERATIONS = 600_000;

/** Installs the page-side helpers: messaging, note text, and the AES-GCM baseline. */
function installHelpers({ noteChars, rareWord }) {
  const words = (
    'client reported sleep improved since last session anxiety work stress partner family mother father ' +
    'sister brother school job manager meeting exposure hierarchy homework breathing grounding exercise ' +
    'discussed plan goals progress setback panic avoidance thoughts feelings journal mood rating week ' +
    'weekend morning evening medication review referral boundaries values acceptance commitment therapy ' +
    'cognitive restructuring evidence balanced alternative behaviour activation schedule pleasant tasks'
  ).split(' ');
  // The rows marked `bulk` (lib/vault-client/messages.ts) go as the notes page sends them: posted
  // to the background's service worker (lib/bus/worker-channel.ts), not as a runtime message.
  const BULK = new Set(['vault:export-backup', 'vault:import-backup']);
  const postToWorker = async (message) => {
    const worker = navigator.serviceWorker.controller ?? (await navigator.serviceWorker.getRegistration())?.active;
    if (!worker) throw new Error('no background service worker to post to');
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = (event) => resolve(event.data);
      worker.postMessage(message, [channel.port2]);
    });
  };
  const send = async (message) => {
    const answer = BULK.has(message.type) ? await postToWorker(message) : await chrome.runtime.sendMessage(message);
    if (!answer || answer.ok !== true) throw new Error(`${message.type}: ${JSON.stringify(answer?.error ?? answer)}`);
    return answer.value;
  };
  /** Deterministic ~2 KB of note-like text for note i (no Math.random: reruns compare). */
  const body = (i) => {
    let seed = (i + 1) * 2654435761;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    const out = [i % 100 === 0 ? `${rareWord} note ${i}.` : `note ${i}.`];
    let length = out[0].length;
    while (length < noteChars) {
      const word = words[next() % words.length];
      out.push(word);
      length += word.length + 1;
    }
    return out.join(' ').slice(0, noteChars);
  };
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  const record = (i) => encoder.encode(JSON.stringify({ body: body(i), tags: ['bench'], updatedAt: Date.now() }));
  // The vault's own base64 (lib/vault/crypto/base64.ts): chunked fromCharCode + btoa.
  const toBase64 = (bytes) => {
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  };
  const fromBase64 = (text) => {
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  };
  const gcm = async (key) => ({
    encrypt: async (plaintext) => {
      const iv = crypto.getRandomValues(new Uint8Array(12));
      return { iv, ct: new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, plaintext)) };
    },
    decrypt: async ({ iv, ct }) => new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, ct)),
  });
  globalThis.bench = { send, body, record, toBase64, fromBase64, gcm, decoder, sealed: [] };
}

/** Runs `fn` in the page and returns its value; page-side errors come back with their message. */
const inPage = (page, fn, ...args) => page.evaluate(fn, ...args);

export async function run() {
  const { browser, extensionId } = await launch({ withExtension: true });
  try {
    // The install opens the options page in a tab; close it so only our page is running.
    const welcome = await browser.waitForTarget((t) => t.url().endsWith('/welcome.html'), { timeout: 5_000 }).catch(() => undefined);
    await (await welcome?.page())?.close();
    const page = await browser.newPage();
    await page.goto(`chrome-extension://${extensionId}/popup.html`, { waitUntil: 'load' });
    await inPage(page, installHelpers, { noteChars: NOTE_CHARS, rareWord: RARE_WORD });
    const rows = [];
    const compare = (label, vault, baseline, budget, baselineName = 'AES-GCM baseline') => {
      rows.push({ name: label, value: vault, unit: 'ms', budget });
      rows.push({ name: `${label}: ${baselineName}`, value: baseline, unit: 'ms' });
      rows.push({ name: `${label}: vault / ${baselineName}`, value: vault / baseline, unit: '×' });
    };

    // --- Create and unlock -------------------------------------------------------------------
    const createMs = await inPage(page, async (passphrase) => {
      const started = performance.now();
      await globalThis.bench.send({ type: 'vault:create', passphrase });
      return performance.now() - started;
    }, PASSPHRASE);
    rows.push({ name: 'vault create (scrypt N=2^17, once)', value: createMs, unit: 'ms' });

    const unlock = await inPage(page, async ({ passphrase, cycles, iterations }) => {
      const { send, gcm } = globalThis.bench;
      const vault = [];
      for (let i = 0; i < cycles; i++) {
        await send({ type: 'vault:lock', reason: 'user' });
        const started = performance.now();
        await send({ type: 'vault:unlock', passphrase });
        vault.push(performance.now() - started);
      }
      // Baseline: derive a key from the passphrase (WebCrypto PBKDF2-SHA256 at OWASP's 600k),
      // then AES-GCM-unwrap a 32-byte data key with it, as an unlock does with its header.
      const salt = crypto.getRandomValues(new Uint8Array(16));
      const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveKey']);
      const derive = () =>
        crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
      const wrapped = await (await gcm(await derive())).encrypt(crypto.getRandomValues(new Uint8Array(32)));
      const baseline = [];
      for (let i = 0; i < cycles; i++) {
        const started = performance.now();
        await (await gcm(await derive())).decrypt(wrapped);
        baseline.push(performance.now() - started);
      }
      return { vault, baseline };
    }, { passphrase: PASSPHRASE, cycles: UNLOCKS, iterations: PBKDF2_ITERATIONS });
    compare(`unlock (median of ${UNLOCKS})`, median(unlock.vault), median(unlock.baseline), 1500, 'PBKDF2-600k + AES-GCM baseline');

    // --- Clients, then timed single saves ----------------------------------------------------
    await inPage(page, async (clients) => {
      globalThis.bench.clients = [];
      for (let i = 0; i < clients; i++) {
        const { id } = await globalThis.bench.send({ type: 'vault:save-client', input: { label: `Client ${i}`, contactMode: 'video' } });
        globalThis.bench.clients.push(id);
      }
    }, CLIENTS);

    const saves = await inPage(page, async (count) => {
      const { send, body, record, gcm, clients } = globalThis.bench;
      const vault = [];
      for (let i = 0; i < count; i++) {
        const note = { clientId: clients[i % clients.length], body: body(i), tags: ['bench'] };
        const started = performance.now();
        await send({ type: 'vault:save-note', input: note });
        vault.push(performance.now() - started);
      }
      const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
      const cipher = await gcm(key);
      const baseline = [];
      for (let i = 0; i < count; i++) {
        const started = performance.now();
        await cipher.encrypt(record(i)); // serialise + encrypt one record, as a save seals one
        baseline.push(performance.now() - started);
      }
      return { vault, baseline };
    }, SAVES);
    compare(`save note ~2 KB (p95 of ${SAVES})`, percentile(saves.vault, 95), percentile(saves.baseline, 95), 20);
    rows.push({ name: `save note ~2 KB (median of ${SAVES})`, value: median(saves.vault), unit: 'ms' });

    // --- Fill the vault: one save-note message per note, FILL_CONCURRENCY in flight ------------
    const fillStarted = performance.now();
    for (let from = SAVES; from < NOTES; from += FILL_CHUNK) {
      await inPage(page, async ({ from, to, concurrency }) => {
        const { send, body, clients } = globalThis.bench;
        let next = from;
        const worker = async () => {
          while (next < to) {
            const i = next++;
            await send({ type: 'vault:save-note', input: { clientId: clients[i % clients.length], body: body(i), tags: ['bench'] } });
          }
        };
        await Promise.all(Array.from({ length: concurrency }, worker));
      }, { from, to: Math.min(NOTES, from + FILL_CHUNK), concurrency: FILL_CONCURRENCY });
    }
    rows.push({ name: `setup: fill to ${NOTES} notes via save-note (not budgeted)`, value: (performance.now() - fillStarted) / 1000, unit: 's' });

    // Baseline records: the same N records, each AES-GCM-encrypted with its own IV (untimed).
    await inPage(page, async (count) => {
      const { record, gcm } = globalThis.bench;
      const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
      globalThis.bench.cipher = await gcm(key);
      globalThis.bench.sealed = await Promise.all(Array.from({ length: count }, (_, i) => globalThis.bench.cipher.encrypt(record(i))));
    }, NOTES);

    // --- Search ------------------------------------------------------------------------------
    const search = await profiledInWorker(browser, extensionId, 'search', () => inPage(page, async ({ times, word, count }) => {
      const { send, cipher, sealed, decoder } = globalThis.bench;
      const vault = [];
      const expected = Math.min(200, Math.ceil(count / 100));
      for (let i = 0; i < times; i++) {
        const started = performance.now();
        const found = await send({ type: 'vault:search-notes', query: word });
        vault.push(performance.now() - started);
        if (found.length !== expected) throw new Error(`search found ${found.length} notes, expected ${expected}`);
      }
      // Baseline: decrypt and parse every record, as the search opens every note.
      const baseline = [];
      for (let i = 0; i < times; i++) {
        const started = performance.now();
        const opened = await Promise.all(sealed.map(async (s) => JSON.parse(decoder.decode(await cipher.decrypt(s)))));
        baseline.push(performance.now() - started);
        if (opened.length !== count) throw new Error('baseline lost records');
      }
      return { vault, baseline };
    }, { times: SEARCHES, word: RARE_WORD, count: NOTES }));
    // The first search after the notes changed decrypts every note (the budget applies to it);
    // the background keeps them while unlocked, so the next searches only match.
    compare(`search ${NOTES} notes, first (decrypts all)`, search.vault[0], median(search.baseline), 1000);
    rows.push({ name: `search ${NOTES} notes, again (median of ${SEARCHES - 1})`, value: median(search.vault.slice(1)), unit: 'ms' });

    // --- Export and import -------------------------------------------------------------------
    const backup = await profiledInWorker(browser, extensionId, 'export', () => inPage(page, async () => {
      const { send, cipher, sealed, toBase64 } = globalThis.bench;
      let started = performance.now();
      const exported = await send({ type: 'vault:export-backup' });
      const vault = performance.now() - started;
      globalThis.bench.backupText = exported.text;
      // Baseline: open every record once (the export checks each) and write them all as JSON.
      started = performance.now();
      await Promise.all(sealed.map((s) => cipher.decrypt(s)));
      globalThis.bench.baselineText = JSON.stringify(sealed.map((s, id) => ({ id, iv: toBase64(s.iv), ct: toBase64(s.ct) })));
      const baseline = performance.now() - started;
      return { vault, baseline, chars: exported.text.length, skipped: exported.leftOut.length };
    }));
    if (backup.skipped !== 0) throw new Error(`export skipped ${backup.skipped} damaged records`);
    compare(`export ${NOTES} notes`, backup.vault, backup.baseline, 5000);
    rows.push({ name: `export ${NOTES} notes: backup file size`, value: backup.chars / 2 ** 20, unit: 'MB' });

    const restore = await profiledInWorker(browser, extensionId, 'import', () => inPage(page, async (passphrase) => {
      const { send, cipher, decoder, fromBase64 } = globalThis.bench;
      let started = performance.now();
      const counts = await send({ type: 'vault:import-backup', text: globalThis.bench.backupText, passphrase, mode: 'replace' });
      const vault = performance.now() - started;
      // Baseline: parse the file, then decode, decrypt and parse every record.
      started = performance.now();
      const records = JSON.parse(globalThis.bench.baselineText);
      await Promise.all(records.map(async (r) => JSON.parse(decoder.decode(await cipher.decrypt({ iv: fromBase64(r.iv), ct: fromBase64(r.ct) })))));
      const baseline = performance.now() - started;
      globalThis.bench.backupText = globalThis.bench.baselineText = undefined;
      return { vault, baseline, notes: counts.notes };
    }, PASSPHRASE));
    if (restore.notes !== NOTES) throw new Error(`import restored ${restore.notes} notes, expected ${NOTES}`);
    // The vault's import also runs one scrypt (the backup's passphrase): about one unlock.
    compare(`import ${NOTES} notes (incl. one scrypt)`, restore.vault, restore.baseline, 5000);

    // --- Key renewal: passphrase change with every key renewed and every record sealed again ---
    const renewal = await profiledInWorker(browser, extensionId, 'renewal', () => inPage(page, async ({ passphrase, next, word }) => {
      const { send, cipher, sealed, gcm } = globalThis.bench;
      const heard = [];
      const listener = (message) => void (message?.type === 'vault:renewal-progress' && heard.push(message.done));
      chrome.runtime.onMessage.addListener(listener);
      let started = performance.now();
      const answer = await send({ type: 'vault:change-passphrase', current: passphrase, next, renewKeys: true });
      const vault = performance.now() - started;
      chrome.runtime.onMessage.removeListener(listener);
      const found = await send({ type: 'vault:search-notes', query: word });
      // Baseline: open every record and seal it again under a new AES-GCM key, no storage.
      const renewed = await gcm(await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']));
      started = performance.now();
      await Promise.all(sealed.map(async (s) => renewed.encrypt(await cipher.decrypt(s))));
      const baseline = performance.now() - started;
      return { vault, baseline, found: found.length, renewed: answer.renewed, progressMessages: heard.length };
    }, { passphrase: PASSPHRASE, next: `${PASSPHRASE} (renewed)`, word: RARE_WORD }));
    if (!renewal.renewed || renewal.found !== Math.min(200, Math.ceil(NOTES / 100))) {
      throw new Error(`after the key renewal: renewed ${renewal.renewed}, search found ${renewal.found} notes`);
    }
    // Two scrypt runs (prove the current passphrase, wrap under the new one): about two unlocks.
    compare(`renew keys, ${NOTES} notes (incl. two scrypt)`, renewal.vault, renewal.baseline, 10_000);
    rows.push({ name: `renew keys, ${NOTES} notes: progress messages`, value: renewal.progressMessages, unit: '' });
    return rows;
  } finally {
    await browser.close();
  }
}
