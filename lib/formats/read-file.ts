import { decodeText, gunzip, isGzip, parseJson } from './bytes';
import { looksLikeFirefoxSessionStore, parseFirefoxSessionStore } from './firefox-sessionstore';
import { FormatError, type ParsedFile } from './imported';
import { decodeMozLz4, isMozLz4 } from './mozlz4';
import { looksLikeTabkeep, parseTabkeep } from './own';
import { looksLikeSessionBuddyJson, parseSessionBuddyJson } from './session-buddy';
import { looksLikeTabSessionManager, parseTabSessionManager } from './tab-session-manager';
import { parseText } from './text-formats';

export interface ReadOptions {
  now: number;
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
    if (text.trim() === '') throw new FormatError(null, '', 'the file is empty.');
    return /^\s*[[{]/.test(text)
      ? parseJsonFile(parseJson(text), options)
      : parseText(text, options);
  } catch (error) {
    if (error instanceof FormatError) throw error;
    // A parser bug must still end in a message, not a broken import page.
    throw new FormatError(null, '', `Tabkeep could not read it (${String(error)}).`);
  }
}

function parseJsonFile(json: unknown, options: ReadOptions): ParsedFile {
  if (looksLikeTabkeep(json)) return parseTabkeep(json, options);
  if (looksLikeTabSessionManager(json)) return parseTabSessionManager(json, options);
  if (looksLikeSessionBuddyJson(json) !== null) return parseSessionBuddyJson(json, options);
  if (looksLikeFirefoxSessionStore(json)) return parseFirefoxSessionStore(json, options);
  throw new FormatError(
    null,
    '',
    'it is JSON, but not an export of Tabkeep, Tab Session Manager or Session Buddy, nor a Firefox session file.',
  );
}
