import * as v from 'valibot';
import { toGroupColor } from '../browser-values';
import { t } from '../i18n';
import type {
  ContainerSnap,
  GroupColor,
  GroupSnap,
  TabSnap,
  WindowSnap,
  WindowState,
} from '../model';
import { FormatError, importedTab, importedWindow } from './imported';
import type { ImportedSession, ParsedFile, Skipped } from './imported';
import { decodeMozLz4, isMozLz4 } from './mozlz4';
import { place } from './place';

/*
 * Firefox's session store (`sessionstore.jsonlz4`, `recovery.jsonlz4`, `previous.jsonlz4`,
 * or the same JSON decompressed). Only what we model is read; unknown fields are ignored.
 *
 * - The open windows become one session; closed windows (`_closedWindows`), closed tabs
 *   (`_closedTabs`) and saved tab groups (`savedGroups`) are left out, each with a reason.
 * - A tab is its current history entry, `entries[index - 1]` (index is 1-based, clamped).
 * - Hidden tabs are imported as ordinary tabs: leaving them out would lose them, and our
 *   model has no hidden state.
 * - `userContextId > 0` becomes a container `firefox-container-N` named "Container N": the
 *   session file does not hold container names (they live in containers.json).
 */

const FORMAT = 'firefox-sessionstore';

/** A field read leniently: a wrong type reads as absent rather than failing the record. */
const opt = <T extends v.GenericSchema>(schema: T) => v.fallback(v.optional(schema), undefined);
const int = v.pipe(v.number(), v.integer());
const unknownList = v.fallback(v.array(v.unknown()), []);

const RootSchema = v.object({
  windows: v.array(v.unknown()),
  _closedWindows: unknownList,
  savedGroups: unknownList,
  selectedWindow: opt(int),
  session: opt(v.object({ lastUpdate: opt(v.number()), startTime: opt(v.number()) })),
});

const WindowSchema = v.object({
  tabs: v.array(v.unknown()),
  selected: opt(int),
  sizemode: opt(v.string()),
  screenX: opt(int),
  screenY: opt(int),
  width: opt(int),
  height: opt(int),
  isPopup: opt(v.boolean()),
  groups: unknownList,
  _closedTabs: unknownList,
});

const TabSchema = v.object({
  entries: v.array(v.unknown()),
  index: opt(int),
  pinned: opt(v.boolean()),
  hidden: opt(v.boolean()),
  muted: opt(v.boolean()),
  userContextId: opt(int),
  image: opt(v.string()),
  lastAccessed: opt(v.number()),
  groupId: opt(v.string()),
});

const EntrySchema = v.object({
  url: v.pipe(v.string(), v.nonEmpty()),
  title: opt(v.string()),
});

const GroupSchema = v.object({
  id: v.pipe(v.string(), v.nonEmpty()),
  name: opt(v.string()),
  color: opt(v.string()),
  collapsed: opt(v.boolean()),
});

const SIZEMODES: Record<string, WindowState> = {
  normal: 'normal',
  maximized: 'maximized',
  minimized: 'minimized',
  fullscreen: 'fullscreen',
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * An object with a `windows` array whose tabs carry `entries` (or an empty one tagged
 * `version: ["sessionrestore", …]`). Tab Session Manager (a top-level array), Session Buddy
 * (`sessions`, `collections`) and Tabkeep's own files (`format: 'tabkeep'`) do not match.
 */
export function looksLikeFirefoxSessionStore(json: unknown): boolean {
  if (!isRecord(json) || !Array.isArray(json.windows)) return false;
  if (json.format === 'tabkeep') return false;
  const version = json.version;
  if (Array.isArray(version) && version[0] === 'sessionrestore') return true;
  const windows = json.windows as unknown[];
  return windows.some(
    (w) =>
      isRecord(w) &&
      Array.isArray(w.tabs) &&
      (w.tabs as unknown[]).some((t) => isRecord(t) && Array.isArray(t.entries)),
  );
}

/** The JSON inside a `.jsonlz4` file (or a plain JSON one). Throws FormatError. */
export function readFirefoxSessionFile(bytes: Uint8Array): unknown {
  const content = isMozLz4(bytes) ? decodeMozLz4(bytes) : bytes;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    throw new FormatError(FORMAT, '', t('fileContentNotUtf8'));
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new FormatError(FORMAT, '', t('fileContentNotJson', (e as Error).message));
  }
}

export interface FirefoxParseOptions {
  /** The importer's clock (epoch ms), used when the file has no date. */
  now: number;
  /** For the date in the session's name; the runtime's defaults otherwise. */
  locale?: string;
  timeZone?: string;
}

/** Firefox's session store JSON as our sessions. Throws only FormatError. */
export function parseFirefoxSessionStore(json: unknown, options: FirefoxParseOptions): ParsedFile {
  try {
    return parse(json, options);
  } catch (e) {
    if (e instanceof FormatError) throw e;
    throw new FormatError(FORMAT, '', t('fileUnexpectedProblem', String(e)));
  }
}

function parse(json: unknown, options: FirefoxParseOptions): ParsedFile {
  const root = v.safeParse(RootSchema, json);
  if (!root.success) {
    throw new FormatError(FORMAT, '', t('fileNoWindowList'));
  }
  const { windows: rawWindows, _closedWindows, savedGroups, selectedWindow, session } = root.output;
  const skipped: Skipped[] = [];
  const windows: WindowSnap[] = [];

  rawWindows.forEach((raw, w) => {
    const where = place.window(w + 1);
    const win = v.safeParse(WindowSchema, raw);
    if (!win.success) {
      skipped.push({ where, why: t('fileNoTabList') });
      return;
    }
    const snap = readWindow(win.output, where, skipped);
    if (snap === null) return;
    snap.focused = selectedWindow === w + 1;
    windows.push(snap);
  });

  const closed = _closedWindows.length;
  if (closed > 0) {
    skipped.push({
      where: t('fileClosedWindows'),
      why: t(closed === 1 ? 'fileClosedWindowsOne' : 'fileClosedWindowsMany', String(closed)),
    });
  }
  const groups = savedGroups.length;
  if (groups > 0) {
    skipped.push({
      where: t('fileSavedGroups'),
      why: t(groups === 1 ? 'fileSavedGroupsOne' : 'fileSavedGroupsMany', String(groups)),
    });
  }
  if (windows.length === 0) {
    throw new FormatError(FORMAT, '', t('fileNoOpenWindow'));
  }
  if (!windows.some((w) => w.focused)) windows[0]!.focused = true;

  const lastUpdate = session?.lastUpdate;
  const when =
    lastUpdate !== undefined && Number.isFinite(lastUpdate) && lastUpdate > 0
      ? lastUpdate
      : undefined;
  const name =
    when === undefined ? 'Firefox session' : `Firefox session, ${formatDate(when, options)}`;
  const sessionOut: ImportedSession = {
    name,
    createdAt: when ?? options.now,
    updatedAt: when ?? options.now,
    tags: [],
    windows,
  };
  return { format: FORMAT, sessions: [sessionOut], skipped };
}

function formatDate(ms: number, options: FirefoxParseOptions): string {
  try {
    return new Intl.DateTimeFormat(options.locale, {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: options.timeZone,
    }).format(new Date(ms));
  } catch {
    return new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
  }
}

function readWindow(
  win: v.InferOutput<typeof WindowSchema>,
  where: string,
  skipped: Skipped[],
): WindowSnap | null {
  const groups = readGroups(win.groups, where, skipped);
  const tabs: TabSnap[] = [];
  let active = -1;
  win.tabs.forEach((raw, i) => {
    const tab = readTab(raw, `${where}, ${place.tab(i + 1)}`, skipped);
    if (tab === null) return;
    if (tab.group !== null && !groups.has(tab.group)) tab.group = null;
    if (win.selected === i + 1) active = tabs.length;
    tabs.push(tab);
  });
  const closed = win._closedTabs.length;
  if (closed > 0) {
    skipped.push({
      where,
      why: t(closed === 1 ? 'fileClosedTabsOne' : 'fileClosedTabsMany', String(closed)),
    });
  }
  if (tabs.length === 0) {
    if (win.tabs.length === 0) skipped.push({ where, why: t('fileWindowEmpty') });
    return null;
  }
  tabs[active === -1 ? 0 : active]!.active = true;

  const used = new Set(tabs.map((t) => t.group));
  const extra: Partial<WindowSnap> = {
    type: win.isPopup === true ? 'popup' : 'normal',
    state: SIZEMODES[win.sizemode ?? ''] ?? 'normal',
    groups: [...groups.values()].filter((g) => used.has(g.id)),
  };
  if (win.screenX !== undefined) extra.left = win.screenX;
  if (win.screenY !== undefined) extra.top = win.screenY;
  if (win.width !== undefined && win.width > 0) extra.width = win.width;
  if (win.height !== undefined && win.height > 0) extra.height = win.height;
  return importedWindow(tabs, extra);
}

function readGroups(raw: unknown[], where: string, skipped: Skipped[]): Map<string, GroupSnap> {
  const groups = new Map<string, GroupSnap>();
  raw.forEach((g, i) => {
    const group = v.safeParse(GroupSchema, g);
    if (!group.success) {
      skipped.push({ where: `${where}, ${place.tabGroup(i + 1)}`, why: t('fileNoId') });
      return;
    }
    const { id, name, color, collapsed } = group.output;
    if (groups.has(id)) return;
    groups.set(id, {
      id,
      title: name ?? '',
      color: groupColor(color),
      collapsed: collapsed ?? false,
    });
  });
  return groups;
}

/** Firefox spells it "gray". */
function groupColor(color: string | undefined): GroupColor {
  return toGroupColor(color === 'gray' ? 'grey' : color);
}

function readTab(raw: unknown, where: string, skipped: Skipped[]): TabSnap | null {
  const parsed = v.safeParse(TabSchema, raw);
  if (!parsed.success) {
    skipped.push({ where, why: t('fileNoHistory') });
    return null;
  }
  const tab = parsed.output;
  if (tab.entries.length === 0) {
    skipped.push({ where, why: t('fileNoHistory') });
    return null;
  }
  const index = Math.min(Math.max(tab.index ?? tab.entries.length, 1), tab.entries.length);
  const entry = v.safeParse(EntrySchema, tab.entries[index - 1]);
  if (!entry.success) {
    skipped.push({ where, why: t('fileNoAddress') });
    return null;
  }
  const { url, title } = entry.output;
  const extra: Partial<TabSnap> = {
    pinned: tab.pinned ?? false,
    muted: tab.muted ?? false,
    group: tab.groupId ?? null,
    container: containerOf(tab.userContextId),
  };
  if (tab.image !== undefined && /^https?:\/\//i.test(tab.image)) extra.favIconUrl = tab.image;
  if (tab.lastAccessed !== undefined && Number.isFinite(tab.lastAccessed) && tab.lastAccessed > 0) {
    extra.lastAccessed = tab.lastAccessed;
  }
  return importedTab(url, title !== undefined && title !== '' ? title : url, extra);
}

function containerOf(userContextId: number | undefined): ContainerSnap | null {
  if (userContextId === undefined || userContextId <= 0) return null;
  return {
    cookieStoreId: `firefox-container-${userContextId}`,
    name: `Container ${userContextId}`,
    color: 'blue',
    icon: 'fingerprint',
  };
}
