import * as v from 'valibot';

/*
 * The live snapshot, and the marker that tells a clean exit from a crash. Chromium quits
 * a few hundred milliseconds after its last window closes: the window's onRemoved event
 * still reaches the worker, but nothing that first awaits the browser or a read gets
 * done. So every window close writes one tiny row at once, and "the last thing the run
 * did was close a window" (the marker is newer than the last snapshot) means a clean exit.
 */

export const LIVE_KEY = 'live';

export const LiveRowSchema = v.object({
  key: v.literal(LIVE_KEY),
  /** The browser run that owns this row. */
  runId: v.string(),
  startedAt: v.number(),
  /** When the row was last written with windows, 0 before the first snapshot of the run. */
  updatedAt: v.number(),
  /** How the run before this one ended, for the storage line. */
  previousExit: v.picklist(['clean', 'crash', 'none']),
  /** contentHash of the windows, '' while empty. */
  hash: v.string(),
  windowCount: v.number(),
  tabCount: v.number(),
  /** No tab holds more than a new-tab page: nothing worth recovering. */
  blank: v.boolean(),
  /** The sites a person would know the state by, for the names of sessions made from it. */
  sites: v.string(),
  /** The ref list of what is open (see model.ts), 0 while nothing was seen. */
  list: v.number(),
});

export type LiveRow = v.InferOutput<typeof LiveRowSchema>;

export const SEALED_KEY = 'sealed';

/**
 * Tab records and ref lists with a greater id were written after the newest shared body
 * was made, so only the live row can hold them: the live writer frees them as soon as it
 * drops them. Kept apart from the live row so that an autosave does not rewrite that row.
 */
export const SealedSchema = v.object({
  key: v.literal(SEALED_KEY),
  records: v.number(),
  lists: v.number(),
});

export type Sealed = v.InferOutput<typeof SealedSchema>;

export const AUTOSAVE_STATUS_KEY = 'autosave-status';

export const AutosaveStatusSchema = v.object({
  key: v.literal(AUTOSAVE_STATUS_KEY),
  /** The last failure, cleared by the next autosave that works. */
  error: v.nullable(v.object({ at: v.number(), message: v.string() })),
});

export type AutosaveStatus = v.InferOutput<typeof AutosaveStatusSchema>;

export type ExitKind = LiveRow['previousExit'];

/** The row a run starts with: nothing seen yet, not ended. */
export function freshLiveRow(runId: string, now: number, previousExit: ExitKind): LiveRow {
  return {
    key: LIVE_KEY,
    runId,
    startedAt: now,
    updatedAt: 0,
    previousExit,
    hash: '',
    windowCount: 0,
    tabCount: 0,
    blank: true,
    sites: '',
    list: 0,
  };
}

/** The stored live row if it is whole, else null. */
export function parseLiveRow(row: unknown): LiveRow | null {
  const parsed = v.safeParse(LiveRowSchema, row);
  return parsed.success ? parsed.output : null;
}

export const WINDOW_CLOSED_KEY = 'window-closed';

export const WindowClosedSchema = v.object({
  key: v.literal(WINDOW_CLOSED_KEY),
  /** When a normal window last closed. */
  at: v.number(),
});

export type WindowClosed = v.InferOutput<typeof WindowClosedSchema>;

export function parseWindowClosed(row: unknown): WindowClosed | null {
  const parsed = v.safeParse(WindowClosedSchema, row);
  return parsed.success ? parsed.output : null;
}

/**
 * Whether a run ended by closing its last window: a window closed after the run's last
 * snapshot (a window closing while others stay open is followed by a snapshot of those)
 * and before `before` (when the next run began).
 */
export function endedCleanly(live: LiveRow, closed: WindowClosed | null, before: number): boolean {
  return closed !== null && closed.at > live.updatedAt && closed.at < before;
}
