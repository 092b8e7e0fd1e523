/**
 * Asks the browser to keep the notes' IndexedDB through storage pressure. Without it, Chrome may
 * evict a "best-effort" origin's data when the disk fills, and a service worker cannot ask
 * (navigator.storage.persist is not exposed to workers), so the notes page asks, on create and
 * on unlock: https://developer.mozilla.org/en-US/docs/Web/API/StorageManager/persist (read
 * 2026-12-04). The manifest's unlimitedStorage lifts the quota; this is about eviction.
 */
export type Persistence = 'kept' | 'not-kept' | 'unknown';

const answer = (granted: boolean | undefined): Persistence => (granted === undefined ? 'unknown' : granted ? 'kept' : 'not-kept');

/** Asks for persistent storage (may be granted silently for an extension; never throws). */
export async function askToKeepStorage(): Promise<Persistence> {
  try {
    return answer(await navigator.storage?.persist?.());
  } catch {
    return 'unknown';
  }
}

/** Whether storage is already persistent, without asking. */
export async function storageKept(): Promise<Persistence> {
  try {
    return answer(await navigator.storage?.persisted?.());
  } catch {
    return 'unknown';
  }
}

export function persistenceText(persistence: Persistence): string {
  switch (persistence) {
    case 'kept':
      return 'This browser has agreed to keep your notes even when the disk runs low on space.';
    case 'not-kept':
      return 'This browser may delete your notes if the disk runs low on space. Keep a recent backup.';
    case 'unknown':
      return 'This browser did not say whether it keeps your notes when the disk runs low on space. Keep a recent backup.';
  }
}
