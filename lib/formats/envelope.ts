import * as v from 'valibot';
import { says, t } from '../i18n';
import { issueReason } from './issue-path';
import { place } from './place';

/*
 * The passphrase envelope around the (gzipped) bytes of an export file, which may hold
 * login cookies. PBKDF2-SHA256 turns the passphrase into 512 bits: an AES-256-GCM key for
 * `data` and an HMAC-SHA256 key for `check`. Both authenticate the canonical header, so a
 * changed header, salt, iv or ciphertext is refused; `check` is verified first so that a
 * wrong passphrase is told apart from a damaged file.
 *
 * Web Crypto, TextEncoder and atob/btoa only: it runs in extension pages, workers and
 * Node alike. The passphrase is never stored or logged.
 */

export const ENVELOPE_FORMAT = 'tabkeep-encrypted';
export const MIN_ITERATIONS = 100_000;
/** Cap accepted on import: a file cannot make us spin for minutes. */
export const MAX_ITERATIONS = 5_000_000;
const DEFAULT_ITERATIONS = 600_000;
const VERSION = 1;
const SALT_BYTES = 16;
const IV_BYTES = 12;
const CHECK_BYTES = 32;
const TAG_BYTES = 16;

export interface SealOptions {
  /** PBKDF2 iterations, from MIN_ITERATIONS to MAX_ITERATIONS; 600,000 by default. */
  iterations?: number;
}

export class EnvelopeError extends Error {
  override readonly name = 'EnvelopeError';
  constructor(
    readonly reason: 'wrong-passphrase' | 'damaged' | 'unsupported',
    message: string,
  ) {
    super(message);
  }
}

/** True when the file says it is an encrypted Tabkeep file (whether or not it is sound). */
export function looksLikeEnvelope(json: unknown): boolean {
  return (
    typeof json === 'object' &&
    json !== null &&
    (json as { format?: unknown }).format === ENVELOPE_FORMAT
  );
}

export async function seal(
  plain: Uint8Array,
  passphrase: string,
  options: SealOptions = {},
): Promise<string> {
  const secret = normalise(passphrase);
  if (secret === '') throw new Error('An encrypted export needs a passphrase; it is empty.');
  const iterations = options.iterations ?? DEFAULT_ITERATIONS;
  if (!Number.isInteger(iterations) || iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
    throw new RangeError(
      `PBKDF2 iterations must be a whole number from ${MIN_ITERATIONS} to ${MAX_ITERATIONS}; got ${iterations}.`,
    );
  }
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const header: Header = {
    format: ENVELOPE_FORMAT,
    version: VERSION,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: encodeBase64(salt) },
    cipher: { name: 'AES-GCM', iv: encodeBase64(iv) },
  };
  const aad = canonicalHeader(header);
  const keys = await deriveKeys(secret, salt, iterations);
  const check = await crypto.subtle.sign('HMAC', keys.check, aad);
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: aad, tagLength: TAG_BYTES * 8 },
    keys.cipher,
    plain as BufferSource,
  );
  return JSON.stringify({
    ...header,
    check: encodeBase64(new Uint8Array(check)),
    data: encodeBase64(new Uint8Array(data)),
  });
}

/** The plaintext bytes of an envelope; an EnvelopeError says why it cannot be had. */
export async function open(json: unknown, passphrase: string): Promise<Uint8Array> {
  const file = validate(json);
  const header: Header = {
    format: file.format,
    version: file.version,
    kdf: { ...file.kdf, salt: file.kdf.salt.text },
    cipher: { name: file.cipher.name, iv: file.cipher.iv.text },
  };
  const aad = canonicalHeader(header);
  const secret = normalise(passphrase);
  // seal never makes an envelope without a passphrase, and some PBKDF2 implementations
  // refuse an empty one: that would be an OperationError instead of the truth.
  if (secret === '') throw wrongPassphrase();
  const keys = await deriveKeys(secret, file.kdf.salt.bytes, file.kdf.iterations);
  // verify() compares in constant time, so `check` leaks nothing byte by byte.
  if (!(await crypto.subtle.verify('HMAC', keys.check, file.check.bytes, aad))) {
    throw wrongPassphrase();
  }
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: file.cipher.iv.bytes, additionalData: aad, tagLength: TAG_BYTES * 8 },
      keys.cipher,
      file.data.bytes,
    );
    return new Uint8Array(plain);
  } catch {
    throw new EnvelopeError('damaged', t('fileEncryptedDamaged'));
  }
}

interface Header {
  format: typeof ENVELOPE_FORMAT;
  version: number;
  kdf: { name: string; hash: string; iterations: number; salt: string };
  cipher: { name: string; iv: string };
}

/**
 * The bytes both `check` and GCM authenticate. Rebuilt key by key, in a fixed order, so
 * that it does not depend on how the file's JSON happens to be laid out.
 */
function canonicalHeader(header: Header): Uint8Array<ArrayBuffer> {
  const { format, version, kdf, cipher } = header;
  const text = JSON.stringify({
    format,
    version,
    kdf: { name: kdf.name, hash: kdf.hash, iterations: kdf.iterations, salt: kdf.salt },
    cipher: { name: cipher.name, iv: cipher.iv },
  });
  return new TextEncoder().encode(text);
}

/*
 * The same passphrase can reach us as different code points: "é" is one (NFC) or "e" plus
 * a combining accent (NFD), depending on the keyboard, the OS and where it was pasted from.
 * Sealed on one machine, it must open on another.
 */
function normalise(passphrase: string): string {
  return passphrase.normalize('NFC');
}

function wrongPassphrase(): EnvelopeError {
  return new EnvelopeError('wrong-passphrase', t('fileWrongPassphrase'));
}

async function deriveKeys(
  passphrase: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<{ cipher: CryptoKey; check: CryptoKey }> {
  const secret = new TextEncoder().encode(passphrase);
  const base = await crypto.subtle.importKey('raw', secret, 'PBKDF2', false, ['deriveBits']);
  secret.fill(0);
  const bits = new Uint8Array(
    await crypto.subtle.deriveBits(
      { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
      base,
      512,
    ),
  );
  try {
    const [cipher, check] = await Promise.all([
      crypto.subtle.importKey('raw', bits.slice(0, 32), 'AES-GCM', false, ['encrypt', 'decrypt']),
      crypto.subtle.importKey('raw', bits.slice(32), { name: 'HMAC', hash: 'SHA-256' }, false, [
        'sign',
        'verify',
      ]),
    ]);
    return { cipher, check };
  } finally {
    // The keys live on as non-extractable CryptoKeys; the raw bits need not.
    bits.fill(0);
  }
}

// --- validation: every malformed file is 'damaged', every unknown algorithm 'unsupported',
// all decided before the KDF runs.

/**
 * Base64 of a byte count `fits` accepts; the output keeps the text, for the header. `what`
 * says which counts, when a file has another.
 */
function base64(what: () => string, fits: (length: number) => boolean) {
  return v.pipe(
    v.string(),
    v.rawTransform(({ dataset, addIssue, NEVER }) => {
      const bytes = decodeBase64(dataset.value);
      if (bytes === null || !fits(bytes.length)) {
        addIssue({ message: what() });
        return NEVER;
      }
      return { text: dataset.value, bytes };
    }),
  );
}

const PreludeSchema = v.looseObject({
  format: v.literal(ENVELOPE_FORMAT, says('fileNotEnvelope')),
  version: v.number(),
});

const EnvelopeSchema = v.strictObject({
  format: v.literal(ENVELOPE_FORMAT),
  version: v.literal(VERSION),
  kdf: v.strictObject({
    name: v.string(),
    hash: v.string(),
    iterations: v.pipe(v.number(), v.integer()),
    salt: base64(says('fileBase64Bytes', SALT_BYTES), (n) => n === SALT_BYTES),
  }),
  cipher: v.strictObject({
    name: v.string(),
    iv: base64(says('fileBase64Bytes', IV_BYTES), (n) => n === IV_BYTES),
  }),
  check: base64(says('fileBase64Bytes', CHECK_BYTES), (n) => n === CHECK_BYTES),
  data: base64(says('fileBase64AtLeast', TAG_BYTES), (n) => n >= TAG_BYTES),
});

type Envelope = v.InferOutput<typeof EnvelopeSchema>;

function validate(json: unknown): Envelope {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    fail(t('fileEnvelopeUnsound', t('fileNotJsonObject')));
  }
  // The version is read before the rest is judged: a later version may be shaped otherwise,
  // and that makes it unsupported, not damaged.
  const prelude = parse(PreludeSchema, json);
  if (prelude.version !== VERSION) {
    throw unsupported(t('fileEnvelopeVersion', String(prelude.version), String(VERSION)));
  }
  const file = parse(EnvelopeSchema, json);
  const { kdf, cipher } = file;
  if (kdf.name !== 'PBKDF2' || kdf.hash !== 'SHA-256') {
    throw unsupported(t('fileEnvelopeKdf', quote(kdf.name), quote(kdf.hash)));
  }
  if (cipher.name !== 'AES-GCM') {
    throw unsupported(t('fileEnvelopeCipher', quote(cipher.name)));
  }
  if (kdf.iterations < MIN_ITERATIONS || kdf.iterations > MAX_ITERATIONS) {
    throw unsupported(
      t(
        'fileEnvelopeIterations',
        String(kdf.iterations),
        String(MIN_ITERATIONS),
        String(MAX_ITERATIONS),
      ),
    );
  }
  return file;
}

function parse<T extends v.GenericSchema>(schema: T, json: unknown): v.InferOutput<T> {
  const parsed = v.safeParse(schema, json);
  if (parsed.success) return parsed.output;
  const issue = parsed.issues[0];
  const path = (issue.path ?? []).map((item) => String(item.key).slice(0, 40)).join('.');
  const why = issue.expected === 'never' ? t('fileUnknownField') : issueReason(issue);
  return fail(t('fileEnvelopeUnsound', path === '' ? why : `${place.field(path)}: ${why}`));
}

function fail(message: string): never {
  throw new EnvelopeError('damaged', message);
}

function unsupported(why: string): EnvelopeError {
  return new EnvelopeError('unsupported', t('fileEnvelopeUnsupported', why));
}

function quote(text: string): string {
  return JSON.stringify(text.slice(0, 40));
}

// --- base64 over bytes, with btoa/atob (no Buffer outside Node).

function encodeBase64(bytes: Uint8Array): string {
  let binary = '';
  // In slices: fromCharCode with a million arguments would overflow the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/**
 * Canonical base64 only, else null. atob forgives whitespace, missing padding and stray
 * low bits; refusing them means one set of bytes has exactly one spelling in the file.
 */
function decodeBase64(text: string): Uint8Array<ArrayBuffer> | null {
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    return null;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return encodeBase64(bytes) === text ? bytes : null;
}
