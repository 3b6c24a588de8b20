import type { SessionSummary } from './model';

/*
 * The popup's list as flat items of known height, so that only the rows in view are drawn
 * however many sessions there are (a virtualised list needs each item's height before it
 * is drawn).
 */

export interface SessionGroups {
  /** Recovered after a crash or exit, newest first: what the user most likely wants back. */
  recovered: SessionSummary[];
  named: SessionSummary[];
  autosaves: SessionSummary[];
}

/** Splits a newest-first list into the popup's sections, keeping the order. */
export function groupSessions(sessions: readonly SessionSummary[]): SessionGroups {
  const groups: SessionGroups = { recovered: [], named: [], autosaves: [] };
  for (const s of sessions) {
    if (s.kind === 'crash' || s.kind === 'exit') groups.recovered.push(s);
    else if (s.kind === 'autosave') groups.autosaves.push(s);
    else groups.named.push(s);
  }
  return groups;
}

export const SORT_KEYS = ['date', 'name', 'size'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export type Section = 'recovered' | 'named' | 'autosaves';

export type ListItem =
  | { kind: 'heading'; key: string; label: 'listRecovered' | 'listSaved' }
  | { kind: 'row'; key: string; session: SessionSummary; section: Section }
  | { kind: 'toggle'; key: string; count: number; open: boolean }
  | { kind: 'empty'; key: string };

export const ITEM_HEIGHT = { heading: 30, row: 58, loginRow: 76, toggle: 36, empty: 64 } as const;

export function itemHeight(item: ListItem): number {
  if (item.kind === 'row') return item.session.cookies ? ITEM_HEIGHT.loginRow : ITEM_HEIGHT.row;
  return ITEM_HEIGHT[item.kind];
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Favourites first, then by the key; newest first breaks ties. Returns a new array. */
export function sortSessions(sessions: readonly SessionSummary[], key: SortKey): SessionSummary[] {
  const byKey: Record<SortKey, (a: SessionSummary, b: SessionSummary) => number> = {
    date: () => 0,
    name: (a, b) => collator.compare(a.name, b.name),
    size: (a, b) => b.tabCount - a.tabCount,
  };
  return [...sessions].sort(
    (a, b) =>
      Number(b.favourite === true) - Number(a.favourite === true) ||
      byKey[key](a, b) ||
      b.createdAt - a.createdAt,
  );
}

/** Recovered sessions, then the named ones in the chosen order, then autosaves (folded). */
export function listItems(
  sessions: readonly SessionSummary[],
  options: { sort: SortKey; autosavesOpen: boolean },
): ListItem[] {
  const { recovered, named, autosaves } = groupSessions(sessions);
  const items: ListItem[] = [];
  if (recovered.length > 0) {
    items.push({ kind: 'heading', key: 'h-recovered', label: 'listRecovered' });
    for (const session of recovered) {
      items.push({ kind: 'row', key: session.id, session, section: 'recovered' });
    }
  }
  items.push({ kind: 'heading', key: 'h-named', label: 'listSaved' });
  if (named.length === 0) items.push({ kind: 'empty', key: 'empty' });
  for (const session of sortSessions(named, options.sort)) {
    items.push({ kind: 'row', key: session.id, session, section: 'named' });
  }
  if (autosaves.length > 0) {
    const open = options.autosavesOpen;
    items.push({ kind: 'toggle', key: 'autosaves', count: autosaves.length, open });
    if (open) {
      for (const session of autosaves) {
        items.push({ kind: 'row', key: session.id, session, section: 'autosaves' });
      }
    }
  }
  return items;
}

/** The first and last item (inclusive) that show in a viewport, from their heights. */
export function visibleRange(
  offsets: readonly number[],
  scrollTop: number,
  viewport: number,
): [number, number] {
  const count = offsets.length - 1;
  if (count <= 0) return [0, -1];
  let first = upperBound(offsets, scrollTop) - 1;
  first = Math.min(Math.max(first, 0), count - 1);
  let last = upperBound(offsets, scrollTop + viewport) - 1;
  last = Math.min(Math.max(last, first), count - 1);
  return [first, last];
}

/** Running sums: offsets[i] is where item i starts, offsets[n] the total height. */
export function offsetsOf(items: readonly ListItem[]): number[] {
  const offsets = [0];
  for (const item of items) offsets.push(offsets[offsets.length - 1]! + itemHeight(item));
  return offsets;
}

function upperBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
