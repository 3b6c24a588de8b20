import { t } from '../i18n';
import { FormatError } from './imported';
import { place } from './place';

/*
 * Bytes of a file -> what a parser reads. Works in pages, workers and Node alike: only
 * TextDecoder and the Compression Streams API.
 */

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

async function pipe(bytes: Uint8Array, transform: GenericTransformStream): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(transform);
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  return pipe(bytes, new CompressionStream('gzip'));
}

/** A damaged or truncated stream is a FormatError, not a bare TypeError. */
export async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  try {
    return await pipe(bytes, new DecompressionStream('gzip'));
  } catch {
    throw new FormatError(null, '', t('fileGzipDamaged'));
  }
}

/** UTF-8 text without a byte-order mark; invalid UTF-8 is refused rather than guessed at. */
export function decodeText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new FormatError(null, '', t('fileNotUtf8'));
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** JSON.parse, with a damaged file told by line and column. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = /position (\d+)/.exec(message);
    const where = at === null ? '' : lineAndColumn(text, Number(at[1]));
    // The engine's own words on what broke: it has no others.
    throw new FormatError(null, where, t('fileNotJson', message));
  }
}

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return place.lineColumn(line, offset - before.lastIndexOf('\n'));
}
