import { t } from '../i18n';
import { FormatError } from './imported';
import { place } from './place';

/*
 * Firefox's mozLz4 container (`.jsonlz4`, `.baklz4`, `.mozlz4`): the 8-byte magic
 * `mozLz40\0`, the decompressed size as a little-endian uint32, then one raw LZ4 block.
 * Pure and browser-safe (Uint8Array only). Every read and copy is bounds-checked: a
 * truncated or lying file throws a FormatError naming the byte, it never reads past the
 * input nor writes past the declared size.
 */

const MAGIC = [0x6d, 0x6f, 0x7a, 0x4c, 0x7a, 0x34, 0x30, 0x00]; // "mozLz40\0"
const HEADER_LENGTH = MAGIC.length + 4;
/** Larger than any real session file; refused before anything is allocated. */
export const MAX_DECODED_SIZE = 1024 * 1024 * 1024;
/** LZ4 cannot expand one input byte into more than 255 output bytes (plus a little slack). */
const MAX_RATIO = 255;
const MIN_MATCH = 4;

function fail(at: number, why: string): never {
  throw new FormatError('firefox-sessionstore', place.byte(at), why);
}

/** True when the bytes start with the mozLz4 magic (whether or not the rest is sound). */
export function isMozLz4(bytes: Uint8Array): boolean {
  if (bytes.length < MAGIC.length) return false;
  return MAGIC.every((b, i) => bytes[i] === b);
}

/** The decompressed content of a mozLz4 file. Throws FormatError when it is not sound. */
export function decodeMozLz4(bytes: Uint8Array): Uint8Array {
  if (!isMozLz4(bytes)) fail(0, t('fileLz4NoSignature'));
  if (bytes.length < HEADER_LENGTH) fail(bytes.length, t('fileLz4EndsInHeader'));
  const size = (bytes[8]! | (bytes[9]! << 8) | (bytes[10]! << 16) | (bytes[11]! << 24)) >>> 0;
  if (size > MAX_DECODED_SIZE) {
    fail(8, t('fileLz4TooBig', String(size), String(MAX_DECODED_SIZE)));
  }
  const compressed = bytes.length - HEADER_LENGTH;
  if (size > compressed * MAX_RATIO + 16) {
    fail(8, t('fileLz4SizeImpossible', String(size), String(compressed)));
  }
  return decodeLz4Block(bytes, HEADER_LENGTH, size);
}

/**
 * Decodes the raw LZ4 block in `input` from `start` to its end into exactly `size` bytes.
 * Positions in errors are offsets in `input`.
 */
export function decodeLz4Block(input: Uint8Array, start: number, size: number): Uint8Array {
  const out = new Uint8Array(size);
  const end = input.length;
  let ip = start;
  let op = 0;

  const readLength = (base: number): number => {
    let n = base;
    if (base !== 15) return n;
    for (;;) {
      if (ip >= end) fail(ip, t('fileLz4EndsInLength'));
      const b = input[ip++]!;
      n += b;
      if (n > size) fail(ip - 1, t('fileLz4LengthPastSize', String(size)));
      if (b !== 255) return n;
    }
  };

  if (ip >= end) fail(ip, t('fileLz4Empty'));
  while (ip < end) {
    const tokenAt = ip;
    const token = input[ip++]!;

    const literals = readLength(token >>> 4);
    if (literals > end - ip) fail(ip, t('fileLz4EndsInLiterals', String(literals)));
    if (literals > size - op) fail(tokenAt, t('fileLz4LiteralsPastSize', String(size)));
    out.set(input.subarray(ip, ip + literals), op);
    ip += literals;
    op += literals;

    // The last sequence of a block has literals only.
    if (ip === end) break;

    if (end - ip < 2) fail(ip, t('fileLz4EndsInOffset'));
    const offsetAt = ip;
    const offset = input[ip]! | (input[ip + 1]! << 8);
    ip += 2;
    if (offset === 0) fail(offsetAt, t('fileLz4OffsetZero'));
    if (offset > op) fail(offsetAt, t('fileLz4MatchBeforeStart', String(offset)));

    const match = readLength(token & 15) + MIN_MATCH;
    if (match > size - op) fail(tokenAt, t('fileLz4MatchPastSize', String(size)));
    // Byte by byte: the source may overlap what this copy writes (a repeated run).
    let from = op - offset;
    for (let i = 0; i < match; i++) out[op++] = out[from++]!;
  }

  if (op !== size) {
    fail(end, t('fileLz4SizeMismatch', String(size), String(op)));
  }
  return out;
}
