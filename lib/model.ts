import * as v from 'valibot';
import { CookieInfoSchema, SavedCookieSchema } from './cookies/model';

/*
 * Our own JSON-safe session model. The schemas are the single source of truth: the types
 * are inferred from them, and every row read back from storage (possibly written by an
 * older version) is checked against them before use.
 */

export const SESSION_KINDS = ['manual', 'autosave', 'exit', 'crash', 'import'] as const;
export const GROUP_COLORS = [
  'grey',
  'blue',
  'red',
  'yellow',
  'green',
  'pink',
  'purple',
  'cyan',
  'orange',
] as const;
export const WINDOW_STATES = ['normal', 'minimized', 'maximized', 'fullscreen'] as const;

export const BrowserNameSchema = v.picklist(['chrome', 'firefox']);

/**
 * Fields of our own file that this version does not know (a later version wrote them),
 * kept so that importing and exporting again loses nothing (DESIGN §6).
 */
export const ExtraSchema = v.record(v.string(), v.unknown());
const extra = v.optional(ExtraSchema);

export const ContainerSchema = v.object({
  /** The store id in the browser that saved it; only meaningful on that profile. */
  cookieStoreId: v.string(),
  /** Name, color and icon let a restore on another computer map or recreate it. */
  name: v.string(),
  color: v.string(),
  icon: v.string(),
  extra,
});

export const TabSnapSchema = v.object({
  url: v.string(),
  title: v.string(),
  pinned: v.boolean(),
  active: v.boolean(),
  muted: v.boolean(),
  /** Key of a GroupSnap in the same window, or null. */
  group: v.nullable(v.string()),
  container: v.nullable(ContainerSchema),
  lastAccessed: v.optional(v.number()),
  favIconUrl: v.optional(v.string()),
  extra,
});

export const GroupSnapSchema = v.object({
  id: v.string(),
  title: v.string(),
  color: v.picklist(GROUP_COLORS),
  collapsed: v.boolean(),
  extra,
});

const optionalInt = v.optional(v.pipe(v.number(), v.integer()));

export const WindowSnapSchema = v.object({
  type: v.picklist(['normal', 'popup']),
  state: v.picklist(WINDOW_STATES),
  left: optionalInt,
  top: optionalInt,
  width: optionalInt,
  height: optionalInt,
  incognito: v.boolean(),
  focused: v.boolean(),
  groups: v.array(GroupSnapSchema),
  tabs: v.array(TabSnapSchema),
  extra,
});

export const SessionSummarySchema = v.object({
  id: v.string(),
  name: v.string(),
  kind: v.picklist(SESSION_KINDS),
  createdAt: v.number(),
  updatedAt: v.number(),
  tags: v.array(v.string()),
  windowCount: v.number(),
  tabCount: v.number(),
  /** SHA-256 of the body's windows: tells identical sessions apart without reading bodies. */
  hash: v.string(),
  origin: BrowserNameSchema,
  /** 0 while the session is live; the time it was deleted while it waits in the trash. */
  deletedAt: v.number(),
  /** Starred by the person: listed first. Optional: rows written before stars have none. */
  favourite: v.optional(v.boolean()),
  /** Present when the session keeps cookies (in `cookieJars`, not in its body). */
  cookies: v.optional(CookieInfoSchema),
});

export const SessionBodySchema = v.object({
  id: v.string(),
  windows: v.array(WindowSnapSchema),
  /** Unknown session-level fields of an imported Tabkeep file. */
  extra,
});

const recordId = v.pipe(v.number(), v.integer(), v.minValue(1));

/** A session as an importer produced it, checked again when a page hands it to the service. */
export const ImportedSessionSchema = v.object({
  name: v.string(),
  createdAt: v.number(),
  updatedAt: v.number(),
  tags: v.array(v.string()),
  windows: v.array(WindowSnapSchema),
  /** Only from an encrypted Tabkeep file. */
  cookies: v.optional(v.array(SavedCookieSchema)),
  /** "all": the cookies were saved with "all sites" (see CookieInfo.allSites). */
  cookieScope: v.optional(v.picklist(['sites', 'all'])),
  extra,
});

/** A window whose tabs are ids of shared tab records (see `store/tab-records.ts`). */
export const RefWindowSchema = v.object({
  ...WindowSnapSchema.entries,
  tabs: v.array(recordId),
});

/** The layout of every window as record ids: written once, shared, never changed. */
export const RefListSchema = v.object({
  id: recordId,
  windows: v.array(RefWindowSchema),
});

/**
 * The body of an autosave or recovered session: it points at the ref list the live
 * snapshot wrote, and its tab records are shared with its neighbours, so a new one costs
 * about as much as what changed.
 */
export const SharedBodySchema = v.object({
  id: v.string(),
  list: recordId,
});

/** A body row as stored: named sessions inline, the autosave family shared. */
export const StoredBodySchema = v.union([SessionBodySchema, SharedBodySchema]);

/** One distinct tab state, stored once however many sessions hold it. */
export const TabRecordSchema = v.object({
  id: recordId,
  /** Fingerprint of the tab's content, for finding an equal record. */
  fp: v.string(),
  tab: TabSnapSchema,
});

export type SessionKind = (typeof SESSION_KINDS)[number];
export type GroupColor = (typeof GROUP_COLORS)[number];
export type WindowState = (typeof WINDOW_STATES)[number];
export type BrowserName = v.InferOutput<typeof BrowserNameSchema>;
export type Extra = v.InferOutput<typeof ExtraSchema>;
export type ContainerSnap = v.InferOutput<typeof ContainerSchema>;
export type TabSnap = v.InferOutput<typeof TabSnapSchema>;
export type GroupSnap = v.InferOutput<typeof GroupSnapSchema>;
export type WindowSnap = v.InferOutput<typeof WindowSnapSchema>;
export type SessionSummary = v.InferOutput<typeof SessionSummarySchema>;
export type SessionBody = v.InferOutput<typeof SessionBodySchema>;
export type RefWindow = v.InferOutput<typeof RefWindowSchema>;
export type SharedBody = v.InferOutput<typeof SharedBodySchema>;
export type RefList = v.InferOutput<typeof RefListSchema>;
export type StoredBody = v.InferOutput<typeof StoredBodySchema>;
export type TabRecord = v.InferOutput<typeof TabRecordSchema>;

/** Kinds written by autosave and recovery, stored as shared bodies. */
export const SHARED_KINDS: readonly SessionKind[] = ['autosave', 'exit', 'crash'];

export function countTabs(windows: readonly WindowSnap[]): number {
  return windows.reduce((n, w) => n + w.tabs.length, 0);
}
