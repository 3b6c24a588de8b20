import type { SessionSummary } from '../model';
import { tabAt, type TextTab } from './text';

/*
 * Search over names, tags, tab titles and URLs, as the person types. Every term must occur
 * in the same tab line (or in the session's name and tags). The texts are lower-cased once
 * when the index loads; a query is then a plain indexOf scan, which V8 does at about a
 * gigabyte a second, with no index to keep in step with edits.
 */

export interface SearchText {
  /** As stored: the titles and URLs shown in results. */
  text: string;
  lower: string;
  /**
   * A Bloom filter of the text's character triples: a session lacking one of a query's
   * triples cannot match and is not scanned, which makes a query that matches little (the
   * slowest kind, a full scan) skip most sessions. Pairs, the filter before, let through a
   * long miss ("notion.so/secret-plan") whose every pair is common. Terms shorter than
   * three characters match in most sessions: those are scanned, and stop early.
   */
  grams: Uint32Array;
}

const GRAM_BITS = 16384;
const GRAM_SHIFT = 32 - Math.log2(GRAM_BITS);

/** The top bits of a multiplicative hash: one multiplication a character. */
function tripleBit(a: number, b: number, c: number): number {
  return Math.imul((a << 16) ^ (b << 8) ^ c, 0x9e3779b1) >>> GRAM_SHIFT;
}

function gramsOf(lower: string): Uint32Array {
  const bits = new Uint32Array(GRAM_BITS / 32);
  let a = lower.charCodeAt(0);
  let b = lower.charCodeAt(1);
  for (let i = 2; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    const bit = tripleBit(a, b, c);
    bits[bit >>> 5]! |= 1 << (bit & 31);
    a = b;
    b = c;
  }
  return bits;
}

/** The bits every one of `terms` needs. */
function termGrams(terms: readonly string[]): number[] {
  const bits = new Set<number>();
  for (const term of terms) {
    for (let i = 2; i < term.length; i++) {
      bits.add(tripleBit(term.charCodeAt(i - 2), term.charCodeAt(i - 1), term.charCodeAt(i)));
    }
  }
  return [...bits];
}

function mayHold(grams: Uint32Array, needed: readonly number[]): boolean {
  return needed.every((bit) => (grams[bit >>> 5]! & (1 << (bit & 31))) !== 0);
}

export interface SessionHit {
  session: SessionSummary;
  /** The name or a tag holds every term. */
  nameMatch: boolean;
  /** The first matching tabs, in session order. */
  tabs: TextTab[];
  /** More tabs match than `tabs` holds. */
  moreTabs: boolean;
}

export interface SearchResult {
  query: string;
  hits: SessionHit[];
  /** More sessions match than `hits` holds: the scan stopped early. */
  moreSessions: boolean;
}

export interface SearchLimits {
  sessions: number;
  tabsPerSession: number;
}

// Two screenfuls of the popup's results (about four sessions each). The next page loads as
// the person scrolls to the end: thirty at once doubled the script time of each keystroke.
export const DEFAULT_LIMITS: SearchLimits = { sessions: 10, tabsPerSession: 3 };

export function searchTerms(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter(Boolean);
}

export function toSearchText(text: string): SearchText {
  const lower = text.toLowerCase();
  return { text, lower, grams: gramsOf(lower) };
}

// Summaries are replaced, never changed, when a session is renamed or tagged: a label
// lower-cased once per summary object stays right, and spares every keystroke the work.
const labels = new WeakMap<SessionSummary, string>();

function labelOf(session: SessionSummary): string {
  let label = labels.get(session);
  if (label === undefined) {
    label = `${session.name}\n${session.tags.join('\n')}`.toLowerCase();
    labels.set(session, label);
  }
  return label;
}

/** Sessions matching `query`, in the order of `sessions`. */
export function searchSessions(
  query: string,
  sessions: readonly SessionSummary[],
  texts: ReadonlyMap<string, SearchText>,
  limits: SearchLimits = DEFAULT_LIMITS,
): SearchResult {
  const terms = searchTerms(query);
  const result: SearchResult = { query, hits: [], moreSessions: false };
  if (terms.length === 0) return result;
  // The longest term is the rarest: it is the one scanned for.
  const anchor = terms.reduce((a, b) => (b.length > a.length ? b : a));
  const others = terms.filter((t) => t !== anchor);
  const needed = termGrams(terms);
  for (const session of sessions) {
    const label = labelOf(session);
    const nameMatch = terms.every((t) => label.includes(t));
    const text = texts.get(session.id);
    const lines =
      text && mayHold(text.grams, needed)
        ? matchingLines(text.lower, anchor, others, limits.tabsPerSession + 1)
        : [];
    if (!nameMatch && lines.length === 0) continue;
    if (result.hits.length === limits.sessions) {
      result.moreSessions = true;
      break;
    }
    result.hits.push({
      session,
      nameMatch,
      tabs: lines.slice(0, limits.tabsPerSession).flatMap((line) => {
        const tab = tabAt(text!.text, line);
        return tab ? [tab] : [];
      }),
      moreTabs: lines.length > limits.tabsPerSession,
    });
  }
  return result;
}

/** Line numbers of the first `max` lines holding `anchor` and every one of `others`. */
function matchingLines(lower: string, anchor: string, others: string[], max: number): number[] {
  const found: number[] = [];
  let line = 0;
  let counted = 0;
  for (let at = lower.indexOf(anchor); at !== -1 && found.length < max;) {
    const start = lower.lastIndexOf('\n', at) + 1;
    const newline = lower.indexOf('\n', at);
    const end = newline === -1 ? lower.length : newline;
    // Lines are counted only as far as the hits reach, not over the whole text.
    for (let nl = lower.indexOf('\n', counted); nl !== -1 && nl < start;) {
      line++;
      counted = nl + 1;
      nl = lower.indexOf('\n', counted);
    }
    const row = others.length > 0 ? lower.slice(start, end) : '';
    if (others.every((t) => row.includes(t))) found.push(line);
    if (newline === -1) break;
    at = lower.indexOf(anchor, end + 1);
  }
  return found;
}
