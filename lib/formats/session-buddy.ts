import * as v from 'valibot';
import { says, t, type MessageKey } from '../i18n';
import type { WindowSnap } from '../model';
import { toWindowState } from '../browser-values';
import type { FormatId, ImportedSession, ParsedFile, Skipped } from './imported';
import { FormatError, importedTab, importedWindow } from './imported';
import { describeIssuePath, issueReason } from './issue-path';
import { place } from './place';
import { parseCsv } from './sb-csv';
import { clipLine, isUrlText } from './text-lines';

/*
 * Session Buddy's files: the v3 backup (`sessions` of type current / previous / saved), the
 * v4 JSON export (`collections` -> `folders` -> `links`) and the v4 CSV export
 * (`Collection,Folder,Title,URL`). The text exports are in `session-buddy-text.ts`.
 *
 * - v3: one imported session per Session Buddy session. Saved sessions keep their name;
 *   the `current` and `previous` sessions (what was open when the backup was made, and the
 *   last session before it) are imported too, as they are often the very tabs a person
 *   moves tools for, named "Session Buddy current session, <date>" / "Session Buddy
 *   previous session, <date>" (UTC, so the name does not depend on where it is imported).
 * - v4 JSON and CSV: one imported session per collection, one window per folder. Folder
 *   titles have no place in our model (windows have no names) and are not kept.
 *
 * URLs are kept exactly as written, whatever the scheme (`javascript:` and `data:` too); a
 * value that is no URL at all (no scheme, e.g. "www.example.com") is left out and reported. A damaged session, window or tab
 * is left out with where and why; a file with nothing importable is a FormatError.
 */

// ---------------------------------------------------------------------------------------
// Dates

/** Epoch ms from an ISO string or a number (ms, or seconds when it is too small for ms). */
export function toEpochMs(value: unknown, now: number): number {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value <= 0) return now;
    // Before 1973 in ms is more likely seconds since 1970.
    return value < 1e11 ? Math.round(value * 1000) : Math.round(value);
  }
  if (typeof value === 'string' && value.trim() !== '') {
    const t = value.trim();
    if (/^\d+(\.\d+)?$/.test(t)) return toEpochMs(Number(t), now);
    const ms = Date.parse(t);
    return Number.isFinite(ms) && ms > 0 ? ms : now;
  }
  return now;
}

function utcStamp(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

// ---------------------------------------------------------------------------------------
// Schemas: loose where it does not matter, unknown fields ignored.

const DateLike = v.optional(v.union([v.string(), v.number()]));
const int = v.pipe(v.number(), v.integer());
const optionalText = v.optional(v.fallback(v.string(), ''), '');

const TabSchema = v.object({
  url: v.pipe(v.string(), v.trim(), v.nonEmpty(says('fileNoUrl'))),
  title: optionalText,
  pinned: v.optional(v.fallback(v.boolean(), false), false),
  active: v.optional(v.fallback(v.boolean(), false), false),
  muted: v.optional(v.fallback(v.boolean(), false), false),
  favIconUrl: v.optional(v.fallback(v.string(), ''), ''),
});

/** Window fields both versions may carry; a wrong value falls back, never rejects. */
const windowFields = {
  type: v.optional(v.fallback(v.string(), 'normal'), 'normal'),
  state: v.optional(v.fallback(v.string(), 'normal'), 'normal'),
  left: v.optional(v.fallback(v.optional(int), undefined)),
  top: v.optional(v.fallback(v.optional(int), undefined)),
  width: v.optional(v.fallback(v.optional(int), undefined)),
  height: v.optional(v.fallback(v.optional(int), undefined)),
  incognito: v.optional(v.fallback(v.boolean(), false), false),
  focused: v.optional(v.fallback(v.boolean(), false), false),
};

const V3WindowSchema = v.object({ ...windowFields, tabs: v.array(v.unknown()) });
const V3SessionSchema = v.object({
  type: v.optional(v.fallback(v.string(), 'saved'), 'saved'),
  name: optionalText,
  created: DateLike,
  modified: DateLike,
  generated: DateLike,
  windows: v.array(v.unknown()),
});
const V3FileSchema = v.object({ sessions: v.array(v.unknown()) });

const V4FolderSchema = v.object({
  ...windowFields,
  title: optionalText,
  links: v.array(v.unknown()),
});
const V4CollectionSchema = v.object({
  title: optionalText,
  created: DateLike,
  updated: DateLike,
  modified: DateLike,
  folders: v.array(v.unknown()),
});
const V4FileSchema = v.object({ collections: v.array(v.unknown()) });

type WindowFields = v.InferOutput<v.ObjectSchema<typeof windowFields, undefined>>;

// ---------------------------------------------------------------------------------------
// JSON

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Which Session Buddy JSON this is, from its shape; null when it is not one. */
export function looksLikeSessionBuddyJson(
  json: unknown,
): 'session-buddy-v3' | 'session-buddy-v4' | null {
  if (!isRecord(json)) return null;
  // Tabkeep's own file also has `sessions`; it says so in `format`.
  if (Object.hasOwn(json, 'format')) return null;
  if (Object.hasOwn(json, 'collections')) return 'session-buddy-v4';
  if (Object.hasOwn(json, 'sessions')) return 'session-buddy-v3';
  return null;
}

/** A Session Buddy v3 backup or v4 JSON export -> sessions. */
export function parseSessionBuddyJson(json: unknown, options: { now: number }): ParsedFile {
  const format = looksLikeSessionBuddyJson(json);
  if (format === null) {
    throw new FormatError(null, '', t('fileNoSessionsNorCollections'));
  }
  return format === 'session-buddy-v3' ? parseV3(json, options.now) : parseV4(json, options.now);
}

/** The value as the schema has it, or null with where and why in `skipped`. */
function parseOrSkip<S extends v.GenericSchema>(
  schema: S,
  raw: unknown,
  at: string,
  skipped: Skipped[],
): v.InferOutput<S> | null {
  const parsed = v.safeParse(schema, raw);
  if (parsed.success) return parsed.output;
  const issue = parsed.issues[0];
  skipped.push({ where: describeIssuePath(issue, [at]), why: issueReason(issue) });
  return null;
}

function named(kind: (n: number, name?: string) => string, i: number, name: string): string {
  return kind(i + 1, name === '' ? undefined : name.slice(0, 60));
}

function toWindow(fields: WindowFields, tabs: WindowSnap['tabs']): WindowSnap {
  const state = toWindowState(fields.state);
  return importedWindow(tabs, {
    type: fields.type === 'popup' ? 'popup' : 'normal',
    state,
    incognito: fields.incognito,
    focused: fields.focused,
    ...(fields.left === undefined ? {} : { left: fields.left }),
    ...(fields.top === undefined ? {} : { top: fields.top }),
    ...(fields.width === undefined ? {} : { width: fields.width }),
    ...(fields.height === undefined ? {} : { height: fields.height }),
  });
}

function readTabs(raw: readonly unknown[], where: string, skipped: Skipped[]): WindowSnap['tabs'] {
  const tabs: WindowSnap['tabs'] = [];
  raw.forEach((item, k) => {
    const parsed = v.safeParse(TabSchema, item);
    if (!parsed.success) {
      const issue = parsed.issues[0];
      skipped.push({
        where: describeIssuePath(issue, [where, place.tab(k + 1)]),
        why: issueReason(issue),
      });
      return;
    }
    const tab = parsed.output;
    if (!isUrlText(tab.url)) {
      skipped.push({
        where: `${where}, ${place.tab(k + 1)}`,
        why: t('fileNotUrl', clipLine(tab.url)),
      });
      return;
    }
    tabs.push(
      importedTab(tab.url, tab.title, {
        pinned: tab.pinned,
        active: tab.active,
        muted: tab.muted,
        ...(tab.favIconUrl === '' ? {} : { favIconUrl: tab.favIconUrl }),
      }),
    );
  });
  return tabs;
}

function readWindows<
  S extends v.GenericSchema<unknown, WindowFields & { tabs?: unknown[]; links?: unknown[] }>,
>(
  schema: S,
  raw: readonly unknown[],
  where: string,
  label: (n: number) => string,
  skipped: Skipped[],
): WindowSnap[] {
  const windows: WindowSnap[] = [];
  raw.forEach((item, j) => {
    const at = `${where}, ${label(j + 1)}`;
    const parsed = v.safeParse(schema, item);
    if (!parsed.success) {
      const issue = parsed.issues[0];
      skipped.push({ where: describeIssuePath(issue, [at]), why: issueReason(issue) });
      return;
    }
    const w = parsed.output;
    const tabs = readTabs(w.tabs ?? w.links ?? [], at, skipped);
    if (tabs.length === 0) {
      skipped.push({ where: at, why: t('fileNoTabs') });
      return;
    }
    windows.push(toWindow(w, tabs));
  });
  return windows;
}

function envelopeError(
  format: FormatId,
  issues: [v.BaseIssue<unknown>, ...v.BaseIssue<unknown>[]],
): FormatError {
  const issue = issues[0];
  return new FormatError(format, describeIssuePath(issue), issueReason(issue));
}

/** Why a file of nothing at all cannot be imported: it has no sessions, say. */
type NoneKey = Extract<MessageKey, 'fileNoSessions' | 'fileNoCollections' | 'fileNoCsvRows'>;

function finish(
  format: FormatId,
  sessions: ImportedSession[],
  skipped: Skipped[],
  none: NoneKey,
): ParsedFile {
  if (sessions.length === 0) throw nothingImportable(format, skipped, none);
  return { format, sessions, skipped };
}

function nothingImportable(format: FormatId, skipped: readonly Skipped[], none: NoneKey) {
  const first = skipped[0];
  return first === undefined
    ? new FormatError(format, '', t(none))
    : new FormatError(format, first.where, t('fileNothingImportable', first.why));
}

type JsonFormat = 'session-buddy-v3' | 'session-buddy-v4';

/** The array that holds a JSON version's sessions, as its own files name it. */
export const SESSIONS_KEY = {
  'session-buddy-v3': 'sessions',
  'session-buddy-v4': 'collections',
} as const satisfies Record<JsonFormat, string>;

const NONE_KEY = {
  'session-buddy-v3': 'fileNoSessions',
  'session-buddy-v4': 'fileNoCollections',
} as const satisfies Record<JsonFormat, NoneKey>;

/**
 * A Session Buddy JSON file read one item of its sessions array at a time (see
 * read-stream.ts), with the same sessions, skips and errors as `parseSessionBuddyJson`.
 */
export class SessionBuddySessionReader {
  readonly skipped: Skipped[] = [];
  private read = 0;

  constructor(
    readonly format: JsonFormat,
    private readonly now: number,
  ) {}

  /** The item at `index` (from 0), or null when it was left out (see `skipped`). */
  item(raw: unknown, index: number): ImportedSession | null {
    const read = this.format === 'session-buddy-v3' ? v3Session : v4Collection;
    const session = read(raw, index, this.now, this.skipped);
    if (session !== null) this.read++;
    return session;
  }

  /** The file is over: throws when it held nothing to import. */
  finish(): void {
    if (this.read > 0) return;
    throw nothingImportable(this.format, this.skipped, NONE_KEY[this.format]);
  }
}

function parseV3(json: unknown, now: number): ParsedFile {
  const format = 'session-buddy-v3';
  const file = v.safeParse(V3FileSchema, json);
  if (!file.success) throw envelopeError(format, file.issues);
  const skipped: Skipped[] = [];
  const sessions = file.output.sessions
    .map((raw, i) => v3Session(raw, i, now, skipped))
    .filter((session) => session !== null);
  return finish(format, sessions, skipped, NONE_KEY[format]);
}

function v3Session(
  raw: unknown,
  i: number,
  now: number,
  skipped: Skipped[],
): ImportedSession | null {
  const s = parseOrSkip(V3SessionSchema, raw, place.session(i + 1), skipped);
  if (s === null) return null;
  const where = named(place.session, i, s.name);
  const windows = readWindows(V3WindowSchema, s.windows, where, place.window, skipped);
  if (windows.length === 0) {
    skipped.push({ where, why: t('fileNoTabs') });
    return null;
  }
  const createdAt = toEpochMs(s.created ?? s.generated, now);
  const updatedAt = s.modified === undefined ? createdAt : toEpochMs(s.modified, now);
  let name = s.name.trim();
  if (s.type === 'current' || s.type === 'previous') {
    const when = toEpochMs(
      s.type === 'current' ? (s.generated ?? s.created) : (s.created ?? s.generated),
      now,
    );
    name = `Session Buddy ${s.type} session, ${utcStamp(when)}`;
  } else if (name === '') {
    name = `Session Buddy session ${i + 1}`;
  }
  return { name, createdAt, updatedAt, tags: [], windows };
}

function parseV4(json: unknown, now: number): ParsedFile {
  const format = 'session-buddy-v4';
  const file = v.safeParse(V4FileSchema, json);
  if (!file.success) throw envelopeError(format, file.issues);
  const skipped: Skipped[] = [];
  const sessions = file.output.collections
    .map((raw, i) => v4Collection(raw, i, now, skipped))
    .filter((session) => session !== null);
  return finish(format, sessions, skipped, NONE_KEY[format]);
}

function v4Collection(
  raw: unknown,
  i: number,
  now: number,
  skipped: Skipped[],
): ImportedSession | null {
  const c = parseOrSkip(V4CollectionSchema, raw, place.collection(i + 1), skipped);
  if (c === null) return null;
  const where = named(place.collection, i, c.title);
  const windows = readWindows(V4FolderSchema, c.folders, where, place.folder, skipped);
  if (windows.length === 0) {
    skipped.push({ where, why: t('fileNoTabs') });
    return null;
  }
  const createdAt = toEpochMs(c.created, now);
  const updated = c.updated ?? c.modified;
  return {
    name: c.title.trim() === '' ? `Session Buddy collection ${i + 1}` : c.title.trim(),
    createdAt,
    updatedAt: updated === undefined ? createdAt : toEpochMs(updated, now),
    tags: [],
    windows,
  };
}

// ---------------------------------------------------------------------------------------
// CSV

const CSV_HEADER = ['collection', 'folder', 'title', 'url'] as const;

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function headerIndexes(
  fields: readonly string[],
): Record<(typeof CSV_HEADER)[number], number> | null {
  const names = fields.map((f) => f.trim().toLowerCase());
  const found = { collection: -1, folder: -1, title: -1, url: -1 };
  for (const key of CSV_HEADER) {
    found[key] = names.indexOf(key);
    if (found[key] === -1) return null;
  }
  return found;
}

/** Whether the text's first record is Session Buddy's CSV header (any column order). */
export function looksLikeSessionBuddyCsv(text: string): boolean {
  const firstLine = /^[^\r\n]*/.exec(stripBom(text))?.[0] ?? '';
  const result = parseCsv(firstLine, 1);
  return (
    result.ok && result.records.length === 1 && headerIndexes(result.records[0]!.fields) !== null
  );
}

/** A Session Buddy CSV export -> one session per collection, one window per folder. */
export function parseSessionBuddyCsv(text: string, options: { now: number }): ParsedFile {
  const format = 'session-buddy-csv';
  const result = parseCsv(stripBom(text));
  if (!result.ok) throw new FormatError(format, place.line(result.line), result.why);
  const [header, ...rows] = result.records;
  const cols = header === undefined ? null : headerIndexes(header.fields);
  if (cols === null) {
    throw new FormatError(format, place.line(1), t('fileCsvNoHeader'));
  }
  const skipped: Skipped[] = [];
  // Maps, in order of first appearance; a name such as "__proto__" is just a key.
  const collections = new Map<string, Map<string, WindowSnap['tabs']>>();
  for (const row of rows) {
    const cell = (k: number) => row.fields[k] ?? '';
    const url = cell(cols.url).trim();
    if (url === '') {
      skipped.push({ where: place.line(row.line), why: t('fileNoUrl') });
      continue;
    }
    if (!isUrlText(url)) {
      skipped.push({ where: place.line(row.line), why: t('fileNotUrl', clipLine(url)) });
      continue;
    }
    const collection = cell(cols.collection);
    let folders = collections.get(collection);
    if (folders === undefined) {
      folders = new Map();
      collections.set(collection, folders);
    }
    const folder = cell(cols.folder);
    let tabs = folders.get(folder);
    if (tabs === undefined) {
      tabs = [];
      folders.set(folder, tabs);
    }
    tabs.push(importedTab(url, cell(cols.title)));
  }
  const sessions: ImportedSession[] = [];
  let n = 0;
  for (const [title, folders] of collections) {
    n += 1;
    sessions.push({
      name: title.trim() === '' ? `Session Buddy collection ${n}` : title.trim(),
      createdAt: options.now,
      updatedAt: options.now,
      tags: [],
      windows: [...folders.values()].map((tabs) => importedWindow(tabs)),
    });
  }
  return finish(format, sessions, skipped, 'fileNoCsvRows');
}
