import { openPageDb, readLiveSummaries } from './page-db';

/*
 * The popup's first rows, painted by a tiny classic script before the app's modules have
 * loaded: on this machine those take about 40 ms, a blank extension page paints in about
 * 55. The app takes over the rows it read (one read, not two) and replaces the painting.
 */

/** How many rows the first read takes: a popup's height, and some. */
export const FIRST_PAGE = 12;

export interface FirstRead {
  db: IDBDatabase | null;
  rows: unknown[];
}

const HANDOFF = '__tabkeepFirstRead';

type WithHandoff = typeof globalThis & { [HANDOFF]?: Promise<FirstRead> };

/** Starts the first read once per page; the script and the app share it. */
export function firstRead(): Promise<FirstRead> {
  const g = globalThis as WithHandoff;
  g[HANDOFF] ??= openPageDb().then(async (db) => ({
    db,
    rows: db === null ? [] : await readLiveSummaries(db, FIRST_PAGE),
  }));
  return g[HANDOFF];
}

export interface PaintedRow {
  id: string;
  name: string;
  meta: string;
}

interface RowShape {
  id: string;
  name: string;
  kind: string;
  windowCount: number;
  tabCount: number;
  createdAt: number;
}

function isRow(row: unknown): row is RowShape {
  const r = row as Partial<RowShape> | null;
  return (
    typeof r?.id === 'string' &&
    typeof r.name === 'string' &&
    typeof r.kind === 'string' &&
    typeof r.windowCount === 'number' &&
    typeof r.tabCount === 'number' &&
    typeof r.createdAt === 'number'
  );
}

/**
 * The rows as the list first shows them: recovered sessions, then the others newest first;
 * autosaves are folded away. `words` gives the counts in the browser's language.
 */
export function rowsToPaint(
  rows: readonly unknown[],
  words: { windows(n: number): string; tabs(n: number): string; date(ms: number): string },
): PaintedRow[] {
  const shown = rows.filter(isRow).filter((r) => r.kind !== 'autosave');
  const recovered = (r: RowShape) => r.kind === 'crash' || r.kind === 'exit';
  return [...shown.filter(recovered), ...shown.filter((r) => !recovered(r))].map((r) => ({
    id: r.id,
    name: r.name,
    meta: `${words.windows(r.windowCount)} · ${words.tabs(r.tabCount)} · ${words.date(r.createdAt)}`,
  }));
}

/*
 * The rows the last popup painted, kept in the page's localStorage: the one store a page
 * reads without waiting, so the next popup paints them in its first frame. The database
 * read that follows replaces them where they changed (a save by the shortcut, a session
 * recovered after a crash), about 40 ms later.
 */
const KEPT_KEY = 'tabkeep.firstRows';

function isPainted(row: unknown): row is PaintedRow {
  const r = row as Partial<PaintedRow> | null;
  return typeof r?.id === 'string' && typeof r.name === 'string' && typeof r.meta === 'string';
}

/** The rows kept by the last popup; none when there are none or they cannot be read. */
export function keptRows(storage: Pick<Storage, 'getItem'>): PaintedRow[] {
  try {
    const rows: unknown = JSON.parse(storage.getItem(KEPT_KEY) ?? '[]');
    return Array.isArray(rows) && rows.every(isPainted) ? rows.slice(0, FIRST_PAGE) : [];
  } catch {
    return [];
  }
}

export function keepRows(storage: Pick<Storage, 'setItem'>, rows: readonly PaintedRow[]): void {
  try {
    storage.setItem(KEPT_KEY, JSON.stringify(rows.slice(0, FIRST_PAGE)));
  } catch {
    // Storage full or refused: the next popup paints from the database, as it can anyway.
  }
}

/** Forgets the kept rows: after a session is deleted for good, its name goes too. */
export function forgetRows(storage: Pick<Storage, 'removeItem'>): void {
  storage.removeItem(KEPT_KEY);
}

export const samePainted = (a: readonly PaintedRow[], b: readonly PaintedRow[]): boolean =>
  a.length === b.length &&
  a.every((row, i) => row.id === b[i]!.id && row.name === b[i]!.name && row.meta === b[i]!.meta);
