import { t } from '../i18n';
import { decodeText, gunzip, isGzip, parseJson } from './bytes';
import { looksLikeFirefoxSessionStore, parseFirefoxSessionStore } from './firefox-sessionstore';
import { FormatError, type ParsedFile } from './imported';
import { looksLikeEnvelope } from './envelope';
import { decodeMozLz4, isMozLz4 } from './mozlz4';
import { looksLikeTabkeep, parseTabkeep } from './own';
import { looksLikeSessionBuddyJson, parseSessionBuddyJson } from './session-buddy';
import { looksLikeTabSessionManager, parseTabSessionManager } from './tab-session-manager';
import { parseText } from './text-formats';

export interface ReadOptions {
  now: number;
  /**
   * The bytes came out of an encrypted file (checked with the owner's passphrase): only
   * then are a Tabkeep file's cookies imported.
   */
  decrypted?: boolean;
}

/**
 * An encrypted Tabkeep file: it needs the passphrase before it can be read. Thrown with
 * the parsed envelope, so that opening it does not parse the file again.
 */
export class SealedFile extends Error {
  override name = 'SealedFile';
  constructor(readonly envelope: unknown) {
    super('This file is encrypted: it needs its passphrase.');
  }
}

/**
 * The bytes of any file a person may import -> sessions, recognised by content, never by
 * file name: gzip and Firefox's mozLz4 are unwrapped first, then JSON or text decides.
 * Throws only FormatError, whose message names the format it looked like and the first
 * problem.
 */
export async function readImportFile(bytes: Uint8Array, options: ReadOptions): Promise<ParsedFile> {
  try {
    let data = bytes;
    if (isGzip(data)) data = await gunzip(data);
    if (isMozLz4(data)) data = decodeMozLz4(data);
    const text = decodeText(data);
    if (text.trim() === '') throw new FormatError(null, '', t('fileEmpty'));
    return /^\s*[[{]/.test(text)
      ? parseJsonFile(parseJson(text), options)
      : parseText(text, options);
  } catch (error) {
    if (error instanceof FormatError || error instanceof SealedFile) throw error;
    // A parser bug must still end in a message, not a broken import page.
    throw new FormatError(null, '', t('fileUnreadable', String(error)));
  }
}

function parseJsonFile(json: unknown, options: ReadOptions): ParsedFile {
  if (looksLikeEnvelope(json)) {
    if (options.decrypted === true) {
      throw new FormatError(null, '', t('fileEncryptedTwice'));
    }
    throw new SealedFile(json);
  }
  if (looksLikeTabkeep(json)) return parseTabkeep(json, options);
  if (looksLikeTabSessionManager(json)) return parseTabSessionManager(json, options);
  if (looksLikeSessionBuddyJson(json) !== null) return parseSessionBuddyJson(json, options);
  if (looksLikeFirefoxSessionStore(json)) return parseFirefoxSessionStore(json, options);
  throw new FormatError(null, '', t('fileJsonUnknown'));
}
