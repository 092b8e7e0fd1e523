import type { NoteView } from '@/lib/vault/store/views';

/**
 * The decrypted notes, kept between searches while the vault stays unlocked: a therapist types a
 * query a word at a time, and decrypting 10,000 notes for each keystroke took a second. Only in
 * the background's memory, like the key. A lock drops it outright (not just marks it stale), and
 * so does every write that changes notes. Strings cannot be zeroed in JS; dropping the last
 * reference is what the language allows (research 1.6).
 */
export class SearchCache {
  #entry: { generation: number; notes: NoteView[] } | undefined;

  /** Whether decrypted notes are held right now. */
  get held(): boolean {
    return this.#entry !== undefined;
  }

  /** The notes for this key generation, loading them once per generation. */
  async notes(generation: number, load: () => Promise<NoteView[]>): Promise<NoteView[]> {
    if (this.#entry?.generation !== generation) {
      const notes = await load();
      this.#entry = { generation, notes };
    }
    return this.#entry.notes;
  }

  drop(): void {
    this.#entry = undefined;
  }
}
