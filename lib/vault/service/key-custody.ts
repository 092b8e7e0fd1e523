import { vaultDekItem } from '@/lib/storage/items/session';
import { base64ToBytes, bytesToBase64 } from '@/lib/vault/crypto/base64';
import type { DataKey } from '@/lib/vault/crypto/data-key';
import { VaultLockedError } from '@/lib/vault/errors';
import { wipe } from '@/lib/vault/crypto/wipe';

/**
 * The one holder of the unlocked data key (DESIGN.md "How data flows" 5). It lives in background
 * memory and is mirrored to storage.session, which browsers keep in memory only and clear when
 * they quit (MDN storage.session), so a Chrome service-worker restart does not lock the
 * therapist out while a browser restart does. It is never written to storage.local or
 * IndexedDB: Bitwarden once left a "cleared" key readable in a LevelDB log (bitwarden/clients#485).
 *
 * Every lock bumps `generation`. A read of storage.session, or an unlock, that began before
 * a lock cannot bring the key back after it.
 */

export const SESSION_DEK_KEY = vaultDekItem.name;

export class KeyCustody implements DataKey {
  #dek: Uint8Array | undefined;
  #generation = 0;

  get generation(): number {
    return this.#generation;
  }

  get held(): boolean {
    return this.#dek !== undefined;
  }

  use<T>(work: (dek: Uint8Array) => T): T {
    if (!this.#dek) throw new VaultLockedError();
    return work(this.#dek);
  }

  /** After a service-worker restart memory is empty; the mirror in storage.session refills it. */
  async restore(): Promise<boolean> {
    if (this.#dek) return true;
    const before = this.#generation;
    const stored = await vaultDekItem.get();
    if (before !== this.#generation || this.#dek) return this.#dek !== undefined;
    const bytes = stored === undefined ? undefined : base64ToBytes(stored);
    if (bytes?.length === 32) this.#dek = bytes;
    return this.#dek !== undefined;
  }

  /**
   * Takes the key. `since` is the generation read when the unlock began: if the vault was
   * locked meanwhile (screen share started during the key derivation), the key is wiped instead.
   */
  async hold(dek: Uint8Array, since: number): Promise<void> {
    if (since !== this.#generation) {
      wipe(dek);
      throw new VaultLockedError();
    }
    if (this.#dek !== dek) wipe(this.#dek);
    this.#dek = dek;
    // Issued before any later lock's remove, so the browser applies them in that order.
    await vaultDekItem.set(bytesToBase64(dek)).catch(() => undefined);
  }

  /** Overwrites the key in memory (best effort: wipe.ts) and removes the session mirror. */
  async wipe(): Promise<void> {
    this.#generation += 1;
    wipe(this.#dek);
    this.#dek = undefined;
    await vaultDekItem.remove();
  }
}
