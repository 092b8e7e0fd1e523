// lz4js ships no types; only the block decoder is used (by profile-scan.ts).
declare module 'lz4js' {
  /** Decodes one LZ4 block from src[sIndex, sIndex + sLength) into dst from dIndex; returns the end index in dst. */
  export function decompressBlock(src: Uint8Array, dst: Uint8Array, sIndex: number, sLength: number, dIndex: number): number;
}
