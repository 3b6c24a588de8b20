import type { WindowSnap } from '../model';
import { tidyWindows } from './tidy';

/**
 * The windows without tabs whose URL an earlier tab (in window order, then tab order)
 * already has; the first of each URL stays where it is.
 */
export function dedupeTabs(windows: readonly WindowSnap[]): {
  windows: WindowSnap[];
  removed: number;
} {
  const seen = new Set<string>();
  let removed = 0;
  const kept = windows.map((w) => ({
    ...w,
    tabs: w.tabs.filter((t) => {
      if (!seen.has(t.url)) {
        seen.add(t.url);
        return true;
      }
      removed++;
      return false;
    }),
  }));
  return { windows: removed === 0 ? [...windows] : tidyWindows(kept), removed };
}
