/*
 * Shared by the text importers (Session Buddy text, OneTab, URL lists): lines as a person
 * counts them, and what counts as a URL. Pure functions; nothing here opens or checks a URL.
 */

export interface TextLine {
  /** 1-based, as an editor shows it. */
  number: number;
  /** The line without its line break and without trailing white space. */
  raw: string;
  /** Leading white space, in characters (a tab counts as one). */
  indent: number;
  /** The line with surrounding white space removed; '' for a blank line. */
  text: string;
}

/** The text without a leading byte order mark, split at CRLF, LF or lone CR. */
export function splitLines(text: string): TextLine[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return body.split(/\r\n|\r|\n/).map((line, i) => {
    const raw = line.trimEnd();
    const text = raw.trimStart();
    return { number: i + 1, raw, indent: raw.length - text.length, text };
  });
}

/**
 * Schemes accepted without `//`. Anything else must look like `scheme://…`, so a title such
 * as "Note: read later" or "Re:Zero" is never taken for a URL.
 */
const OPAQUE_SCHEMES = new Set([
  'about',
  'blob',
  'data',
  'javascript',
  'magnet',
  'mailto',
  'news',
  'sms',
  'tel',
  'urn',
  'view-source',
]);

/**
 * Whether a trimmed line is a URL. Kept as text exactly as written: `javascript:` and
 * `data:` URLs count (restore shows them on a placeholder page and never runs them), and
 * may contain spaces; other URLs may not.
 */
export function isUrlText(text: string): boolean {
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(text);
  if (m === null) return false;
  const scheme = m[1]!.toLowerCase();
  const rest = text.slice(m[0].length);
  if (scheme === 'javascript' || scheme === 'data') return rest.length > 0;
  if (/\s/.test(rest)) return false;
  if (rest.startsWith('//')) return rest.length > 2 || scheme === 'file';
  return OPAQUE_SCHEMES.has(scheme) && rest.length > 0;
}

/** A line cut short for quoting in a "skipped" reason (the message has the quotation marks). */
export function clipLine(text: string): string {
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}
