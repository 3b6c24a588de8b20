import * as v from 'valibot';
import { RefWindowSchema } from './model';

/*
 * The live snapshot and the run marker share one row, so that no crash can leave them
 * disagreeing: the row says what was open and whether the run that wrote it ended cleanly.
 */

export const LIVE_KEY = 'live';

export const LiveRowSchema = v.object({
  key: v.literal(LIVE_KEY),
  /** The browser run that owns this row. */
  runId: v.string(),
  startedAt: v.number(),
  /** When `refs` last changed, 0 before the first snapshot of the run. */
  updatedAt: v.number(),
  /** True once the last normal window closed; any later snapshot sets it back. */
  cleanExit: v.boolean(),
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
  refs: v.array(RefWindowSchema),
  /**
   * Tab records with a greater id were written after the newest shared body was made
   * from this row, so only this row can hold them: the live writer frees them at once.
   */
  sealedUpTo: v.number(),
});

export type LiveRow = v.InferOutput<typeof LiveRowSchema>;

export const AUTOSAVE_STATUS_KEY = 'autosave-status';

export const AutosaveStatusSchema = v.object({
  key: v.literal(AUTOSAVE_STATUS_KEY),
  /** The last failure, cleared by the next autosave that works. */
  error: v.nullable(v.object({ at: v.number(), message: v.string() })),
});

export type AutosaveStatus = v.InferOutput<typeof AutosaveStatusSchema>;

export type ExitKind = LiveRow['previousExit'];

/** The row a run starts with: nothing seen yet, not ended. */
export function freshLiveRow(
  runId: string,
  now: number,
  previousExit: ExitKind,
  sealedUpTo: number,
): LiveRow {
  return {
    key: LIVE_KEY,
    runId,
    startedAt: now,
    updatedAt: 0,
    cleanExit: false,
    previousExit,
    hash: '',
    windowCount: 0,
    tabCount: 0,
    blank: true,
    sites: '',
    refs: [],
    sealedUpTo,
  };
}

/** The stored live row if it is whole, else null. */
export function parseLiveRow(row: unknown): LiveRow | null {
  const parsed = v.safeParse(LiveRowSchema, row);
  return parsed.success ? parsed.output : null;
}
