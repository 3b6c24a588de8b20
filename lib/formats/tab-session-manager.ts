import * as v from 'valibot';
import { says, t } from '../i18n';
import { toBounds, toGroupColor, toWindowState } from '../browser-values';
import { type GroupSnap, type TabSnap, type WindowSnap } from '../model';
import {
  FormatError,
  importedTab,
  importedWindow,
  type ImportedSession,
  type ParsedFile,
  type Skipped,
} from './imported';
import { place } from './place';

/*
 * Tab Session Manager (7.x) exports: a top-level array of sessions. Each session has
 * `windows` (window id -> tab id -> the raw browser tab), `windowsInfo` (window id -> the raw
 * browser window), `tabGroups` (the raw Chrome groups), `name`, `date`, `lastEditedTime`,
 * `tag`, `windowsNumber`, `tabsNumber`.
 *
 * The input is untrusted: objects are read with Object.keys / Object.hasOwn only, results are
 * built from literals and Maps, nothing recurses on the file's depth, and nothing but
 * FormatError is thrown.
 */

const FORMAT = 'tab-session-manager' as const;

/** TSM keeps a hidden session of the open windows (for its own crash recovery) tagged so. */
const TEMP_TAG = 'temp';

/** Keys only a TSM session has (besides `windows`); any one of them is enough. */
const TSM_KEYS = [
  'windowsNumber',
  'tabsNumber',
  'windowsInfo',
  'sessionStartTime',
  'lastEditedTime',
];

type PlainObject = Record<string, unknown>;

function isPlainObject(x: unknown): x is PlainObject {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function own(obj: PlainObject, key: string): unknown {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

/** A plain object, passed through as it is (not copied, so no key can reach a prototype). */
const plainObject = (message: () => string) => v.custom<PlainObject>(isPlainObject, message);

/** A field we can do without: a wrong type is treated as absent. */
const lenient = <T extends v.GenericSchema>(schema: T) => v.fallback(v.optional(schema), undefined);

const SessionSchema = v.object({
  name: v.nullish(v.string(says('fileNameNotText'))),
  date: v.optional(v.unknown()),
  lastEditedTime: v.optional(v.unknown()),
  lastEditedDate: v.optional(v.unknown()),
  tag: v.nullish(v.array(v.string(says('fileTagNotText')), says('fileTagsNotList'))),
  windows: v.optional(plainObject(says('fileTsmWindowsNotMap'))),
  windowsInfo: v.nullish(plainObject(says('fileTsmWindowsInfoNotMap'))),
  tabGroups: v.nullish(v.array(v.unknown(), says('fileTabGroupsNotList'))),
});

/**
 * The fields of a tab that are read, as a valibot object schema would give them (the file
 * has one for every tab, so it is checked by hand): a field's value is read as `tab[key]`;
 * title, pinned and active must have their type when present (the first wrong one, in that
 * order, is the reason the tab is left out); the others are dropped when of another type.
 * `index` is read where tabs are put in order.
 */
interface RawTab {
  url: unknown;
  title: string | null | undefined;
  pinned: boolean | null | undefined;
  active: boolean | null | undefined;
  groupId: number | undefined;
  mutedInfo: { muted: boolean | undefined } | undefined;
  favIconUrl: string | undefined;
  lastAccessed: number | undefined;
  incognito: boolean | undefined;
}

/** The tab's fields, or why it cannot be imported. */
function readTab(raw: PlainObject): RawTab | string {
  const { title, pinned, active, mutedInfo } = raw;
  if (title !== undefined && title !== null && typeof title !== 'string') {
    return t('fileTitleNotText');
  }
  if (pinned !== undefined && pinned !== null && typeof pinned !== 'boolean') {
    return t('fileNotTrueOrFalse', 'pinned');
  }
  if (active !== undefined && active !== null && typeof active !== 'boolean') {
    return t('fileNotTrueOrFalse', 'active');
  }
  return {
    url: raw.url,
    title,
    pinned,
    active,
    groupId: numberOrUndefined(raw.groupId),
    mutedInfo:
      typeof mutedInfo === 'object' && mutedInfo !== null
        ? { muted: booleanOrUndefined((mutedInfo as PlainObject).muted) }
        : undefined,
    favIconUrl: typeof raw.favIconUrl === 'string' ? raw.favIconUrl : undefined,
    lastAccessed: numberOrUndefined(raw.lastAccessed),
    incognito: booleanOrUndefined(raw.incognito),
  };
}

/** As valibot's number(): NaN is not one. */
function numberOrUndefined(x: unknown): number | undefined {
  return typeof x === 'number' && !Number.isNaN(x) ? x : undefined;
}

function booleanOrUndefined(x: unknown): boolean | undefined {
  return typeof x === 'boolean' ? x : undefined;
}

const WindowInfoSchema = v.object({
  left: lenient(v.number()),
  top: lenient(v.number()),
  width: lenient(v.number()),
  height: lenient(v.number()),
  state: lenient(v.string()),
  type: lenient(v.string()),
  incognito: lenient(v.boolean()),
  focused: lenient(v.boolean()),
});

const GroupSchema = v.object({
  id: v.number(),
  windowId: v.number(),
  title: lenient(v.string()),
  color: lenient(v.string()),
  collapsed: lenient(v.boolean()),
});

type RawGroup = v.InferOutput<typeof GroupSchema>;

/** Content-based recognition: a non-empty array whose sessions have `windows` maps. */
export function looksLikeTabSessionManager(json: unknown): boolean {
  if (!Array.isArray(json) || json.length === 0) return false;
  return json.slice(0, 10).some(looksLikeSession);
}

function looksLikeSession(item: unknown): boolean {
  if (!isPlainObject(item) || !isPlainObject(own(item, 'windows'))) return false;
  if (TSM_KEYS.some((key) => Object.hasOwn(item, key))) return true;
  return Object.hasOwn(item, 'name') && Object.hasOwn(item, 'date');
}

export function parseTabSessionManager(json: unknown, options: { now: number }): ParsedFile {
  try {
    return parseFile(json, options.now);
  } catch (error) {
    if (error instanceof FormatError) throw error;
    throw new FormatError(FORMAT, '', t('fileCouldNotBeRead'));
  }
}

function parseFile(json: unknown, now: number): ParsedFile {
  if (!Array.isArray(json)) {
    throw new FormatError(FORMAT, '', t('fileNotSessionList'));
  }
  const reader = new TsmSessionReader(now);
  const sessions: ImportedSession[] = [];
  for (let i = 0; i < json.length; i++) {
    const session = reader.item(json[i], i);
    if (session !== null) sessions.push(session);
  }
  reader.finish();
  return { format: FORMAT, sessions, skipped: reader.skipped };
}

/**
 * Sessions one at a time, as a streamed file hands out the items of its top-level array;
 * `parseTabSessionManager` reads a whole file through it too, so both agree.
 */
export class TsmSessionReader {
  readonly format = FORMAT;
  readonly skipped: Skipped[] = [];
  private read = 0;
  private items = 0;

  constructor(private readonly now: number) {}

  /** The session at `index` (from 0), or null when it was left out (see `skipped`). */
  item(raw: unknown, index: number): ImportedSession | null {
    this.items++;
    try {
      const session = parseSession(raw, index + 1, this.now, this.skipped);
      if (session !== null) this.read++;
      return session;
    } catch (error) {
      if (error instanceof FormatError) throw error;
      throw new FormatError(FORMAT, place.session(index + 1), t('fileItCouldNotBeRead'));
    }
  }

  /** The file is over: throws when it held nothing to import. */
  finish(): void {
    if (this.items === 0) throw new FormatError(FORMAT, '', t('fileHoldsNoSessions'));
    if (this.read > 0) return;
    const first = this.skipped[0]!;
    const more = this.skipped.length - 1;
    const why = more > 0 ? t('fileMoreProblems', first.why, String(more)) : first.why;
    throw new FormatError(FORMAT, first.where, why);
  }
}

function parseSession(
  raw: unknown,
  n: number,
  now: number,
  skipped: Skipped[],
): ImportedSession | null {
  if (!isPlainObject(raw)) {
    skipped.push({ where: place.session(n), why: t('fileNotASession') });
    return null;
  }
  const rawName = own(raw, 'name');
  const where = place.session(
    n,
    typeof rawName === 'string' && rawName !== '' ? clip(rawName) : undefined,
  );
  const parsed = v.safeParse(SessionSchema, raw);
  if (!parsed.success) {
    skipped.push({ where, why: parsed.issues[0].message });
    return null;
  }
  const session = parsed.output;
  const tags = session.tag ?? [];
  if (tags.includes(TEMP_TAG)) {
    skipped.push({ where, why: t('fileTsmTemporarySession') });
    return null;
  }
  if (session.windows === undefined) {
    skipped.push({ where, why: t('fileNoWindows') });
    return null;
  }

  const groups = groupsByWindow(session.tabGroups ?? []);
  const info = session.windowsInfo ?? {};
  const windows: WindowSnap[] = [];
  const windowKeys = Object.keys(session.windows);
  for (let w = 0; w < windowKeys.length; w++) {
    const key = windowKeys[w]!;
    const window = parseWindow(
      own(session.windows, key),
      own(info, key),
      groups.get(key),
      `${where}, ${place.window(w + 1)}`,
      skipped,
    );
    if (window !== null) windows.push(window);
  }
  if (windows.length === 0) {
    skipped.push({ where, why: t('fileNoTabImportable') });
    return null;
  }

  const createdAt = toTime(session.date) ?? now;
  const edited = toTime(session.lastEditedTime) ?? toTime(session.lastEditedDate) ?? createdAt;
  const firstTab = windows[0]!.tabs[0]!;
  return {
    name: session.name || firstTab.title || firstTab.url,
    createdAt,
    updatedAt: Math.max(createdAt, edited),
    tags: [...new Set(tags)],
    windows,
  };
}

/** tabGroups, by the window id they name; groups of other windows are simply never looked up. */
function groupsByWindow(rawGroups: readonly unknown[]): Map<string, Map<number, RawGroup>> {
  const out = new Map<string, Map<number, RawGroup>>();
  for (const raw of rawGroups) {
    const parsed = v.safeParse(GroupSchema, raw);
    if (!parsed.success) continue; // a group is decoration: its tabs stay, ungrouped
    const windowKey = String(parsed.output.windowId);
    let inWindow = out.get(windowKey);
    if (inWindow === undefined) {
      inWindow = new Map();
      out.set(windowKey, inWindow);
    }
    if (!inWindow.has(parsed.output.id)) inWindow.set(parsed.output.id, parsed.output);
  }
  return out;
}

function parseWindow(
  rawTabs: unknown,
  rawInfo: unknown,
  groups: Map<number, RawGroup> | undefined,
  where: string,
  skipped: Skipped[],
): WindowSnap | null {
  if (!isPlainObject(rawTabs)) {
    skipped.push({ where, why: t('fileTsmTabsNotMap') });
    return null;
  }
  // Tabs by their index; those without one keep their place in the file after the others.
  const entries = Object.keys(rawTabs).map((key, order) => {
    const tab = own(rawTabs, key);
    const index = isPlainObject(tab) ? own(tab, 'index') : undefined;
    return {
      tab,
      order,
      index: typeof index === 'number' && Number.isFinite(index) ? index : Infinity,
    };
  });
  entries.sort((a, b) => (a.index === b.index ? a.order - b.order : a.index - b.index));
  if (entries.length === 0) {
    skipped.push({ where, why: t('fileWindowEmpty') });
    return null;
  }

  const groupKeys = new Map<number, string>();
  const groupSnaps: GroupSnap[] = [];
  const groupOf = (groupId: number | undefined): string | null => {
    if (groupId === undefined || groupId < 0) return null;
    const known = groupKeys.get(groupId);
    if (known !== undefined) return known;
    const group = groups?.get(groupId);
    if (group === undefined) return null; // TSM did not save the group: keep the tab ungrouped
    const key = `g${groupSnaps.length + 1}`;
    groupKeys.set(groupId, key);
    groupSnaps.push({
      id: key,
      title: group.title ?? '',
      color: toGroupColor(group.color),
      collapsed: group.collapsed ?? false,
    });
    return key;
  };

  const tabs: TabSnap[] = [];
  let anyIncognito = false;
  for (let i = 0; i < entries.length; i++) {
    const tabWhere = `${where}, ${place.tab(i + 1)}`;
    const raw = entries[i]!.tab;
    if (!isPlainObject(raw)) {
      skipped.push({ where: tabWhere, why: t('fileNotATab') });
      continue;
    }
    const tab = readTab(raw);
    if (typeof tab === 'string') {
      skipped.push({ where: tabWhere, why: tab });
      continue;
    }
    const urlWhy = badUrl(tab.url);
    if (urlWhy !== null) {
      skipped.push({ where: tabWhere, why: urlWhy });
      continue;
    }
    // javascript: and data: URLs are kept as text; restore opens them on the placeholder page.
    const snap = importedTab(tab.url as string, tab.title ?? '', {
      pinned: tab.pinned ?? false,
      active: tab.active ?? false,
      muted: tab.mutedInfo?.muted ?? false,
      group: groupOf(tab.groupId),
    });
    if (tab.lastAccessed !== undefined && Number.isFinite(tab.lastAccessed)) {
      snap.lastAccessed = tab.lastAccessed;
    }
    // Inline data: icons would be copied into every tab record; keep only fetchable ones.
    if (tab.favIconUrl !== undefined && /^https?:\/\//i.test(tab.favIconUrl)) {
      snap.favIconUrl = tab.favIconUrl;
    }
    if (tab.incognito === true) anyIncognito = true;
    tabs.push(snap);
  }
  if (tabs.length === 0) return null; // every tab was reported above

  const info = v.parse(WindowInfoSchema, isPlainObject(rawInfo) ? rawInfo : {});
  return importedWindow(tabs, {
    type: info.type === 'popup' ? 'popup' : 'normal',
    state: toWindowState(info.state),
    ...toBounds(info),
    incognito: info.incognito ?? anyIncognito,
    focused: info.focused ?? false,
    groups: groupSnaps,
  });
}

function badUrl(url: unknown): string | null {
  if (url === undefined || url === null) return t('fileTabNoUrl');
  if (typeof url !== 'string') return t('fileUrlNotText');
  if (url.trim() === '') return t('fileUrlEmpty');
  return null;
}

/** Epoch ms, when it is a usable date; null otherwise. */
function toTime(value: unknown): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) return null;
  if (value > 8.64e15) return null; // past the last date a Date can hold
  return Math.round(value);
}

/** A name as quoted in a message: short, on one line. */
function clip(text: string): string {
  const line = text.slice(0, 200).replace(/\s+/g, ' ').trim();
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
}
