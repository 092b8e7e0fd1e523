import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { scrypt } from '@noble/hashes/scrypt.js';
import { describe, expect, it } from 'vitest';

/**
 * A second reader of the backup format, written from lib/vault/FORMAT.md alone: it imports
 * nothing from lib/vault, only the primitives FORMAT.md names (scrypt, XChaCha20-Poly1305,
 * SHA-256). It opens the golden backups and must get every record's plaintext in contents.json
 * and each manifest's digest. If FORMAT.md and the code part ways, this is where it shows.
 */

const dir = new URL('../../fixtures/backups/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, dir), 'utf8');
const expected = JSON.parse(read('contents.json')) as { passphrase: string; dek: string; clientKeys: Record<string, string>; records: Record<string, unknown> };

type Piece = string | number | Uint8Array;
const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
const b64 = (text: string) => new Uint8Array(Buffer.from(text, 'base64'));
const le64 = (n: number) => {
  const out = Buffer.alloc(8);
  out.writeBigUInt64LE(BigInt(n));
  return out;
};

/** FORMAT.md, "PAE": LE64(count) ‖ for each piece LE64(length) ‖ bytes; numbers as decimal ASCII, text as UTF-8. */
function pae(...pieces: Piece[]): Buffer {
  const parts = pieces.map((piece) => (piece instanceof Uint8Array ? piece : utf8(String(piece))));
  return Buffer.concat([le64(parts.length), ...parts.flatMap((part) => [le64(part.length), part])]);
}

const decrypt = (key: Uint8Array, nonce: string, ct: string, aad: Uint8Array) => xchacha20poly1305(key, b64(nonce), aad).decrypt(b64(ct));

interface File {
  v: 1 | 2;
  createdAt: string;
  header: { v: number; kdf: { alg: string; N: number; r: number; p: number; dkLen: number }; salt: string; wrappedDek: { nonce: string; ct: string } };
  records: { table: string; id: string; clientId?: string; sealed: { v: number; n: string; c: string } }[];
  clientKeys: { clientId: string; wrapped: { nonce: string; ct: string } }[];
  manifest: { v: number; n: string; c: string };
}

/** FORMAT.md, "Manifest digest". */
function digestInput(file: File): Buffer {
  const { header: h } = file;
  const first =
    file.v === 1
      ? [pae('anteroom/backup-entries', file.records.length, file.clientKeys.length)]
      : [
          pae('anteroom/backup/2', file.createdAt, file.records.length, file.clientKeys.length),
          pae('header', h.v, h.kdf.alg, h.kdf.N, h.kdf.r, h.kdf.p, h.kdf.dkLen, h.salt, h.wrappedDek.nonce, h.wrappedDek.ct),
        ];
  return Buffer.concat([
    ...first,
    ...file.records.map((r) => pae('record', r.table, r.id, r.clientId ?? '', r.sealed.v, r.sealed.n, r.sealed.c)),
    ...file.clientKeys.map((k) => pae('client-key', k.clientId, k.wrapped.nonce, k.wrapped.ct)),
  ]);
}

describe.each([1, 2] as const)('an independent reader of format version %i, from FORMAT.md', (version) => {
  it('opens the golden backup to the recorded keys, contents and manifest', () => {
    const file = JSON.parse(read(`backup-v${version}.json`)) as File & { format: string };
    expect([file.format, file.v]).toEqual(['anteroom-backup', version]);
    const { header } = file;

    const passphrase = utf8(expected.passphrase.normalize('NFKC'));
    const kek = scrypt(passphrase, b64(header.salt), { N: header.kdf.N, r: header.kdf.r, p: header.kdf.p, dkLen: 32, maxmem: 2 ** 30 + 2 ** 20 });
    const { alg, N, r, p, dkLen } = header.kdf;
    const dek = decrypt(kek, header.wrappedDek.nonce, header.wrappedDek.ct, pae('anteroom/vault-header', header.v, alg, N, r, p, dkLen, b64(header.salt)));
    expect(Buffer.from(dek).toString('hex')).toBe(expected.dek);

    const clientKeys = new Map(file.clientKeys.map((k) => [k.clientId, decrypt(dek, k.wrapped.nonce, k.wrapped.ct, pae('anteroom/client-key', 1, k.clientId))]));
    expect(Object.fromEntries([...clientKeys].map(([id, key]) => [id, Buffer.from(key).toString('hex')]))).toEqual(expected.clientKeys);

    const records = Object.fromEntries(
      file.records.map((rec) => {
        const key = rec.clientId === undefined ? dek : clientKeys.get(rec.clientId)!;
        const plain = decrypt(key, rec.sealed.n, rec.sealed.c, pae('anteroom/record', 1, rec.table, rec.id));
        return [`${rec.table}/${rec.id}`, JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plain))];
      }),
    );
    expect(records).toEqual(expected.records);

    const manifestTable = version === 1 ? 'anteroom-backup-manifest' : 'anteroom-backup-manifest/2';
    const manifest = JSON.parse(Buffer.from(decrypt(dek, file.manifest.n, file.manifest.c, pae('anteroom/record', 1, manifestTable, file.createdAt))).toString('utf8'));
    const sha256 = createHash('sha256').update(digestInput(file)).digest('hex');
    expect(manifest).toEqual({ createdAt: file.createdAt, records: file.records.length, clientKeys: file.clientKeys.length, sha256 });
  }, 60_000);
});

describe('the worked example in FORMAT.md', () => {
  const format = readFileSync(new URL('../../../lib/vault/FORMAT.md', import.meta.url), 'utf8').replace(/\s+/g, ' ');

  it('gives the PAE bytes this reader makes', () => {
    const shown = /PAE\("anteroom\/record", 1, "notes", "n1"\) in hex: `([0-9a-f ]+)`/.exec(format)?.[1];
    expect(shown?.replace(/ /g, '')).toBe(pae('anteroom/record', 1, 'notes', 'n1').toString('hex'));
  });

  it('gives the data key and both manifest digests of the golden files', () => {
    expect(format).toContain(`the DEK \`${expected.dek}\``);
    const digests = /version 1 `([0-9a-f]{64})`, version 2 `([0-9a-f]{64})`/.exec(format);
    const computed = ([1, 2] as const).map((v) => createHash('sha256').update(digestInput(JSON.parse(read(`backup-v${v}.json`)) as File)).digest('hex'));
    expect(digests?.slice(1)).toEqual(computed);
  });
});
