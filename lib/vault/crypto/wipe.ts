/**
 * Overwrite key material we are done with. Best effort only: JavaScript gives no guarantee that
 * the engine has not copied the bytes elsewhere (garbage collector moves, `await` spills, JIT
 * registers), and strings such as the passphrase are immutable and cannot be wiped at all
 * (@noble/hashes README, "Memory dumping"; 1Password treats reading process memory as out of
 * scope for the same reason). It still shortens how long secrets sit in memory.
 */
export function wipe(...buffers: ReadonlyArray<Uint8Array | undefined>): void {
  for (const bytes of buffers) bytes?.fill(0);
}
