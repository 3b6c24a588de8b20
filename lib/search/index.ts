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
   * A Bloom filter of the text's character pairs: a session lacking one of a query's pairs
   * cannot match and is not scanned, which makes a query that matches little (the slowest
   * kind, a full scan) skip most sessions.
   */
  pairs: Uint32Array;
}

const PAIR_BITS = 8192;

function pairBit(a: number, b: number): number {
  return (Math.imul(a, 31) + b) & (PAIR_BITS - 1);
}

function pairsOf(lower: string): Uint32Array {
  const bits = new Uint32Array(PAIR_BITS / 32);
  let previous = lower.charCodeAt(0);
  for (let i = 1; i < lower.length; i++) {
    const current = lower.charCodeAt(i);
    const bit = pairBit(previous, current);
    bits[bit >>> 5]! |= 1 << (bit & 31);
    previous = current;
  }
  return bits;
}

/** The pair bits every one of `terms` needs. */
function termPairs(terms: readonly string[]): number[] {
  const bits = new Set<number>();
  for (const term of terms) {
    for (let i = 1; i < term.length; i++) {
      bits.add(pairBit(term.charCodeAt(i - 1), term.charCodeAt(i)));
    }
  }
  return [...bits];
}

function mayHold(pairs: Uint32Array, needed: readonly number[]): boolean {
  return needed.every((bit) => (pairs[bit >>> 5]! & (1 << (bit & 31))) !== 0);
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

// A screenful and more; "Show more sessions" adds a page at a time.
export const DEFAULT_LIMITS: SearchLimits = { sessions: 30, tabsPerSession: 3 };

export function searchTerms(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter(Boolean);
}

export function toSearchText(text: string): SearchText {
  const lower = text.toLowerCase();
  return { text, lower, pairs: pairsOf(lower) };
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
  const needed = termPairs(terms);
  for (const session of sessions) {
    const label = labelOf(session);
    const nameMatch = terms.every((t) => label.includes(t));
    const text = texts.get(session.id);
    const lines =
      text && mayHold(text.pairs, needed)
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
