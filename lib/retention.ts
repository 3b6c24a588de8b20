import type { AutosaveSettings } from './settings';

/*
 * Which autosaves to keep. Pure, so every rule is tested without a database.
 */

export interface Dated {
  id: string;
  createdAt: number;
}

/** Recovered sessions (after a crash or exit) kept, newest first. */
export const RECOVERED_KEEP = 5;

/** A local calendar day, as a key. */
export function localDay(epochMs: number): string {
  const d = new Date(epochMs);
  return `${d.getFullYear()}-${d.getMonth() + 1}-${d.getDate()}`;
}

/**
 * The autosaves to drop: all but the newest `keepLast`, and the newest of each of the
 * `keepDays` most recent days that have one. Days without autosaves (the computer was
 * off) do not count, so a week away never costs the last week of daily copies.
 */
export function autosavesToDrop(
  autosaves: readonly Dated[],
  settings: Pick<AutosaveSettings, 'keepLast' | 'keepDays'>,
  dayOf: (epochMs: number) => string = localDay,
): string[] {
  const newestFirst = [...autosaves].sort((a, b) => b.createdAt - a.createdAt);
  const keep = new Set(newestFirst.slice(0, settings.keepLast).map((a) => a.id));
  const days = new Set<string>();
  for (const autosave of newestFirst) {
    const day = dayOf(autosave.createdAt);
    if (days.has(day)) continue;
    if (days.size === settings.keepDays) break;
    days.add(day);
    keep.add(autosave.id);
  }
  return newestFirst.filter((a) => !keep.has(a.id)).map((a) => a.id);
}

/** All but the newest `keep`. */
export function beyondNewest(items: readonly Dated[], keep: number): string[] {
  return [...items]
    .sort((a, b) => b.createdAt - a.createdAt)
    .slice(keep)
    .map((a) => a.id);
}
