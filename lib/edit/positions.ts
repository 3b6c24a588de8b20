import { UserError } from '../errors';
import type { WindowSnap } from '../model';

/** Where a tab sits: its window's index in the session, and its index in that window. */
export interface TabPlace {
  window: number;
  tab: number;
}

/**
 * Positions count tabs across the session's windows in order (window 0's tabs first), so
 * a page names a tab with one number. Unknown or repeated positions are refused: a page
 * that counted from a stale body must not remove the wrong tab.
 */
export function placesOf(windows: readonly WindowSnap[], positions: readonly number[]): TabPlace[] {
  if (positions.length === 0) throw new UserError('errorNoTabSelected');
  const all: TabPlace[] = windows.flatMap((w, window) => w.tabs.map((_, tab) => ({ window, tab })));
  const seen = new Set<number>();
  return positions.map((p) => {
    const place = Number.isInteger(p) ? all[p] : undefined;
    if (place === undefined) {
      throw new UserError('errorNoSuchTab', p + 1, all.length);
    }
    if (seen.has(p)) throw new UserError('errorTabTwice', p + 1);
    seen.add(p);
    return place;
  });
}

/** A set of "window:tab" keys, for filtering. */
export function placeKeys(places: readonly TabPlace[]): Set<string> {
  return new Set(places.map((p) => `${p.window}:${p.tab}`));
}
