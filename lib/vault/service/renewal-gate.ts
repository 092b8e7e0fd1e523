import { WrongPassphraseError } from '@/lib/vault/errors';
import { dataKeyOpensVault, settleRenewal } from '@/lib/vault/lifecycle/key-renewal';
import type { ResealOptions } from '@/lib/vault/lifecycle/key-renewal-rows';
import type { AnteroomVaultDb } from '@/lib/vault/store/db';
import type { KeyCustody } from './key-custody';
import { wipe } from '@/lib/vault/crypto/wipe';

/**
 * Holds every other vault request back while a key renewal (or a deletion renewing the data key)
 * runs: halfway through, some records are sealed under the new client keys and the key in custody
 * opens only the others. Also, once before the first request after a worker restart (the key then
 * comes back from storage.session), settles a renewal the restart interrupted, or finds that the
 * key brought back is no longer the vault's (settle throws WrongPassphraseError: lock).
 */
export class RenewalGate {
  #running: Promise<unknown> | undefined;
  #checked = false;

  /** Runs the renewal; requests that arrive meanwhile wait for it. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    const running = task();
    this.#running = running;
    try {
      return await running;
    } catch (error) {
      // A renewal that failed may have left its journal: the next request settles it.
      this.#checked = false;
      throw error;
    } finally {
      if (this.#running === running) this.#running = undefined;
    }
  }

  async wait(): Promise<void> {
    while (this.#running) await this.#running.catch(() => undefined);
  }

  /** With the key held: finishes or undoes an interrupted renewal, if there is one. */
  async settle(db: AnteroomVaultDb, keys: KeyCustody, options: ResealOptions = {}): Promise<void> {
    await this.wait();
    if (this.#checked) return;
    await this.run(async () => {
      if (this.#checked) return;
      // A copy: the settling awaits, and a lock meanwhile wipes the key in custody (data-key.ts).
      const dek = keys.use((key) => key.slice());
      try {
        if (!(await settleRenewal(db, dek, options)) && !(await dataKeyOpensVault(db, dek))) throw new WrongPassphraseError();
        this.#checked = true;
      } finally {
        wipe(dek);
      }
    });
  }

  /** After an unlock or create: the unlock itself settled any renewal. */
  markSettled(): void {
    this.#checked = true;
  }
}
