import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  ENVELOPE_FORMAT,
  EnvelopeError,
  MAX_ITERATIONS,
  MIN_ITERATIONS,
  looksLikeEnvelope,
  open,
  seal,
} from '@/lib/formats/envelope';

/*
 * PBKDF2 at MIN_ITERATIONS for 512 bits takes 100-200 ms here, so each `open` costs that
 * much. The tests keep to MIN_ITERATIONS, and the bit-flip tests memoise deriveBits (see
 * memoiseKdf) so that they can flip every bit of the data, iv and check; salt flips each need
 * a run of their own, so those are sampled (see SALT_BITS).
 */

const FAST = { iterations: MIN_ITERATIONS };
const PASS = 'correct horse battery staple';
const SMALL = new TextEncoder().encode('8 bytes!');

interface File {
  format: string;
  version: number;
  kdf: { name: string; hash: string; iterations: number; salt: string };
  cipher: { name: string; iv: string };
  check: string;
  data: string;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

function randomBytes(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i += 65_536) crypto.getRandomValues(bytes.subarray(i, i + 65_536));
  return bytes;
}

/**
 * A salt flip cannot share a PBKDF2 run, and 128 runs take most of a minute on a busy
 * machine: every bit of the first and last byte, and one bit of each byte between, a
 * different one each time, so that every byte and every bit position is flipped somewhere.
 */
const SALT_BITS = Array.from({ length: 16 * 8 }, (_, bit) => bit).filter(
  (bit) => bit < 8 || bit >= 15 * 8 || bit % 8 === (bit >> 3) % 8,
);

function flipBit(text: string, bit: number): string {
  const bytes = fromBase64(text);
  bytes[bit >> 3]! ^= 1 << (bit & 7);
  return toBase64(bytes);
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** `text` (ending in "==") with the lowest unused bit of its last character set. */
function setUnusedBit(text: string): string {
  const last = text.length - 3;
  return text.slice(0, last) + ALPHABET[ALPHABET.indexOf(text[last]!) | 1] + '==';
}

/** The EnvelopeError `promise` rejects with; fails the test on anything else, or on bytes. */
async function rejection(promise: Promise<Uint8Array>): Promise<EnvelopeError> {
  const error: unknown = await promise.then(
    (bytes) => new Error(`opened, ${bytes.length} bytes`),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EnvelopeError);
  return error as EnvelopeError;
}

async function reason(json: unknown, passphrase = PASS): Promise<EnvelopeError['reason']> {
  return (await rejection(open(json, passphrase))).reason;
}

/**
 * PBKDF2 is a pure function of passphrase, salt, iterations and length, and these tests
 * open with one passphrase only: a flip that leaves the salt alone needs no new run. The
 * real deriveBits still computes every distinct input.
 */
function memoiseKdf(): { runs: () => number } {
  const subtle = crypto.subtle;
  const real = subtle.deriveBits.bind(subtle);
  const done = new Map<string, Promise<ArrayBuffer>>();
  let runs = 0;
  vi.spyOn(subtle, 'deriveBits').mockImplementation((algorithm, key, length) => {
    const { salt, iterations } = algorithm as Pbkdf2Params;
    const id = `${toBase64(new Uint8Array(salt as ArrayBuffer))}/${iterations}/${length}`;
    let bits = done.get(id);
    if (bits === undefined) {
      runs++;
      bits = real(algorithm, key, length);
      done.set(id, bits);
    }
    // deriveKeys zeroes what it gets: hand out a copy.
    return bits.then((b) => b.slice(0));
  });
  return { runs: () => runs };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('passphrase envelope', () => {
  let small: File;
  beforeAll(async () => {
    small = JSON.parse(await seal(SMALL, PASS, FAST)) as File;
  });

  it('gives back the bytes it sealed, of any size', { timeout: 60_000 }, async () => {
    for (const size of [0, 1, 15, 16, 17, 1000, 1 << 20]) {
      const plain = randomBytes(size);
      const text = await seal(plain, PASS, FAST);
      const opened = await open(JSON.parse(text), PASS);
      expect(opened.length).toBe(size);
      // toEqual walks a megabyte element by element for seconds.
      expect(opened.findIndex((b, i) => b !== plain[i])).toBe(-1);
    }
  });

  it('writes the header of the design, keys in order', () => {
    expect(Object.keys(small)).toEqual(['format', 'version', 'kdf', 'cipher', 'check', 'data']);
    expect(small).toMatchObject({
      format: ENVELOPE_FORMAT,
      version: 1,
      kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: MIN_ITERATIONS },
      cipher: { name: 'AES-GCM' },
    });
    expect(Object.keys(small.kdf)).toEqual(['name', 'hash', 'iterations', 'salt']);
    expect(Object.keys(small.cipher)).toEqual(['name', 'iv']);
    expect(fromBase64(small.kdf.salt)).toHaveLength(16);
    expect(fromBase64(small.cipher.iv)).toHaveLength(12);
    expect(fromBase64(small.check)).toHaveLength(32);
    expect(fromBase64(small.data)).toHaveLength(SMALL.length + 16);
  });

  it('can be opened by anyone following the design, with Web Crypto alone', async () => {
    const { kdf, cipher } = small;
    const header = `{"format":"tabkeep-encrypted","version":1,"kdf":{"name":"PBKDF2","hash":"SHA-256","iterations":${kdf.iterations},"salt":"${kdf.salt}"},"cipher":{"name":"AES-GCM","iv":"${cipher.iv}"}}`;
    const aad = new TextEncoder().encode(header);
    const base = await crypto.subtle.importKey(
      'raw',
      new TextEncoder().encode(PASS),
      'PBKDF2',
      false,
      ['deriveBits'],
    );
    const bits = await crypto.subtle.deriveBits(
      { name: 'PBKDF2', hash: 'SHA-256', salt: fromBase64(kdf.salt), iterations: kdf.iterations },
      base,
      512,
    );
    const aesKey = await crypto.subtle.importKey('raw', bits.slice(0, 32), 'AES-GCM', false, [
      'decrypt',
    ]);
    const macKey = await crypto.subtle.importKey(
      'raw',
      bits.slice(32),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign'],
    );
    const check = new Uint8Array(await crypto.subtle.sign('HMAC', macKey, aad));
    expect(toBase64(check)).toBe(small.check);
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64(cipher.iv), additionalData: aad, tagLength: 128 },
      aesKey,
      fromBase64(small.data),
    );
    expect(new Uint8Array(plain)).toEqual(SMALL);
  });

  it('uses 600,000 iterations by default', { timeout: 60_000 }, async () => {
    const file = JSON.parse(await seal(SMALL, PASS)) as File;
    expect(file.kdf.iterations).toBe(600_000);
    expect(await open(file, PASS)).toEqual(SMALL);
  });

  it('never seals the same input the same way twice', async () => {
    const other = JSON.parse(await seal(SMALL, PASS, FAST)) as File;
    expect(other.kdf.salt).not.toBe(small.kdf.salt);
    expect(other.cipher.iv).not.toBe(small.cipher.iv);
    expect(other.data).not.toBe(small.data);
    expect(other.check).not.toBe(small.check);
  });

  it('opens whatever the layout of the JSON', async () => {
    const { data, check, cipher, kdf, version, format } = small;
    const shuffled = {
      data,
      check,
      cipher: { iv: cipher.iv, name: cipher.name },
      kdf: { salt: kdf.salt, iterations: kdf.iterations, hash: kdf.hash, name: kdf.name },
      version,
      format,
    };
    expect(await open(JSON.parse(JSON.stringify(shuffled, null, 2)), PASS)).toEqual(SMALL);
  });

  it('tells a wrong passphrase', async () => {
    for (const wrong of ['correct horse battery stapler', 'Correct horse battery staple', '']) {
      const error = await rejection(open(small, wrong));
      expect(error.reason).toBe('wrong-passphrase');
      expect(error.message).toBe("The passphrase is wrong (or the file's header was changed).");
    }
  });

  it('opens with the same passphrase in NFC or NFD', { timeout: 30_000 }, async () => {
    const nfc = 'Kennwort für Zoë 한국어';
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    const sealedNfd = await seal(SMALL, nfd, FAST);
    expect(await open(JSON.parse(sealedNfd), nfc)).toEqual(SMALL);
    const sealedNfc = await seal(SMALL, nfc, FAST);
    expect(await open(JSON.parse(sealedNfc), nfd)).toEqual(SMALL);
  });

  it('refuses to seal without a passphrase or with too few iterations', async () => {
    await expect(seal(SMALL, '', FAST)).rejects.toThrow(/needs a passphrase/);
    for (const iterations of [MIN_ITERATIONS - 1, MAX_ITERATIONS + 1, 100_000.5, NaN]) {
      await expect(seal(SMALL, PASS, { iterations })).rejects.toThrow(RangeError);
    }
  });

  it('knows its files', () => {
    expect(looksLikeEnvelope(small)).toBe(true);
    expect(looksLikeEnvelope({ format: ENVELOPE_FORMAT })).toBe(true);
    for (const other of [undefined, null, 'tabkeep-encrypted', [], { format: 'tabkeep' }]) {
      expect(looksLikeEnvelope(other)).toBe(false);
    }
  });
});

describe('a changed envelope', () => {
  let small: File;
  beforeAll(async () => {
    small = JSON.parse(await seal(SMALL, PASS, FAST)) as File;
  });

  function changed(change: (file: File) => void): File {
    const file = structuredClone(small);
    change(file);
    return file;
  }

  it('is refused after any single-bit flip', { timeout: 60_000 }, async () => {
    const kdf = memoiseKdf();
    const every = (bits: number) => Array.from({ length: bits }, (_, bit) => bit);
    const fields: [string, number[], (f: File) => string, (f: File, x: string) => void][] = [
      ['data', every(24 * 8), (f) => f.data, (f, x) => (f.data = x)],
      ['iv', every(12 * 8), (f) => f.cipher.iv, (f, x) => (f.cipher.iv = x)],
      ['check', every(32 * 8), (f) => f.check, (f, x) => (f.check = x)],
      ['salt', SALT_BITS, (f) => f.kdf.salt, (f, x) => (f.kdf.salt = x)],
    ];
    const reasons: Record<string, Record<string, number>> = {};
    for (const [name, bits, get, set] of fields) {
      const seen: Record<string, number> = (reasons[name] = {});
      for (const bit of bits) {
        const why = await reason(changed((f) => set(f, flipBit(get(f), bit))));
        seen[why] = (seen[why] ?? 0) + 1;
      }
    }
    // The header (iv, salt) and `check` are the HMAC's: a wrong passphrase, as far as
    // anyone can tell. The ciphertext and its tag are GCM's: damaged.
    expect(reasons).toEqual({
      data: { damaged: 24 * 8 },
      iv: { 'wrong-passphrase': 12 * 8 },
      check: { 'wrong-passphrase': 32 * 8 },
      salt: { 'wrong-passphrase': SALT_BITS.length },
    });
    // One run for the sealed salt, then one for each flipped salt.
    expect(kdf.runs()).toBe(1 + SALT_BITS.length);
  });

  it('is refused when a header value changes', { timeout: 30_000 }, async () => {
    const cases: [(file: File) => void, EnvelopeError['reason']][] = [
      [(f) => (f.kdf.iterations += 1), 'wrong-passphrase'],
      [(f) => (f.kdf.iterations -= 1), 'unsupported'], // MIN_ITERATIONS - 1
      [(f) => (f.kdf.name = 'PBKDF3'), 'unsupported'],
      [(f) => (f.kdf.hash = 'SHA-512'), 'unsupported'],
      [(f) => (f.cipher.name = 'AES-CBC'), 'unsupported'],
      [(f) => (f.version = 2), 'unsupported'],
      [(f) => (f.version = 0), 'unsupported'],
      [(f) => (f.format = 'tabkeep'), 'damaged'],
      [(f) => Object.assign(f, { note: 'hi' }), 'damaged'],
      [(f) => Object.assign(f.kdf, { memory: 1 }), 'damaged'],
    ];
    for (const [change, expected] of cases) {
      expect(await reason(changed(change))).toBe(expected);
    }
  });

  it('is refused when its iterations change within range', { timeout: 30_000 }, async () => {
    const file = JSON.parse(await seal(SMALL, PASS, { iterations: MIN_ITERATIONS + 1 })) as File;
    for (const delta of [-1, 1]) {
      const moved = structuredClone(file);
      moved.kdf.iterations += delta;
      expect(await reason(moved)).toBe('wrong-passphrase');
    }
  });

  it('is refused when its data is cut short, at any length', { timeout: 60_000 }, async () => {
    memoiseKdf();
    const data = fromBase64(small.data);
    for (let length = 0; length < data.length; length++) {
      const cut = changed((f) => (f.data = toBase64(data.subarray(0, length))));
      const error = await rejection(open(cut, PASS));
      expect(error.reason).toBe('damaged');
      if (length >= 16) {
        expect(error.message).toBe(
          'The file was changed or damaged after it was encrypted: Tabkeep will not import it.',
        );
      }
    }
  });

  it('refuses base64 that is not spelled the one canonical way', async () => {
    const spellings: [string, (file: File) => void][] = [
      ['kdf.salt', (f) => (f.kdf.salt = f.kdf.salt.replace(/=+$/, ''))],
      ['data', (f) => (f.data = ` ${f.data}`)],
      ['data', (f) => (f.data = f.data.replace(/.{4}/, '$&\n'))],
      ['cipher.iv', (f) => (f.cipher.iv = f.cipher.iv.replace(/^./, '*'))],
      // 16 bytes: the last character carries 4 unused bits, which must be zero. atob would
      // ignore the one set here and give the same bytes.
      ['kdf.salt', (f) => (f.kdf.salt = setUnusedBit(f.kdf.salt))],
    ];
    for (const [field, change] of spellings) {
      const file = changed(change);
      const error = await rejection(open(file, PASS));
      expect(error.reason).toBe('damaged');
      expect(error.message).toContain(`field “${field}”: it must be`);
    }
  });

  it('says what is wrong with a malformed file, and where', async () => {
    const cases: [unknown, string][] = [
      [undefined, 'it is not a JSON object.'],
      [null, 'it is not a JSON object.'],
      ['tabkeep-encrypted', 'it is not a JSON object.'],
      [[], 'it is not a JSON object.'],
      [{}, 'field “format”: it is missing.'],
      [{ format: 'tabkeep' }, 'field “format”: it is not a Tabkeep encrypted file.'],
      [{ format: ENVELOPE_FORMAT }, 'field “version”: it is missing.'],
      [{ format: ENVELOPE_FORMAT, version: '1' }, 'field “version”: wrong type'],
      [{ format: ENVELOPE_FORMAT, version: 1 }, 'field “kdf”: it is missing.'],
      [{ ...small, kdf: 'PBKDF2' }, 'field “kdf”: wrong type'],
      [{ ...small, kdf: { ...small.kdf, salt: 'AAAA' } }, 'field “kdf.salt”: it must be 16 bytes'],
      [{ ...small, kdf: { ...small.kdf, iterations: 1e5 + 0.5 } }, 'field “kdf.iterations”'],
      [{ ...small, cipher: { name: 'AES-GCM' } }, 'field “cipher.iv”: it is missing.'],
      [{ ...small, check: toBase64(new Uint8Array(31)) }, 'field “check”: it must be 32 bytes'],
      [{ ...small, data: '' }, 'field “data”: it must be at least 16 bytes'],
      [{ ...small, extra: true }, 'field “extra”: Tabkeep does not know this field.'],
    ];
    for (const [json, message] of cases) {
      const error = await rejection(open(json, PASS));
      expect(error.reason).toBe('damaged');
      expect(error.message).toContain(message);
    }
  });

  it('refuses an oversized iteration count before any key derivation', async () => {
    const deriveBits = vi.spyOn(crypto.subtle, 'deriveBits');
    const importKey = vi.spyOn(crypto.subtle, 'importKey');
    for (const iterations of [1e9, MAX_ITERATIONS + 1, 0, -1]) {
      const error = await rejection(
        open(
          changed((f) => (f.kdf.iterations = iterations)),
          PASS,
        ),
      );
      expect(error.reason).toBe('unsupported');
      expect(error.message).toContain(`${iterations} PBKDF2 iterations`);
    }
    expect(deriveBits).not.toHaveBeenCalled();
    expect(importKey).not.toHaveBeenCalled();
  });
});
