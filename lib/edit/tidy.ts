import { UserError } from '../errors';
import type { WindowSnap } from '../model';

/**
 * Makes edited windows whole again: empty windows dropped, groups no tab points at
 * dropped, one active tab per window and at most one focused window, as a restore expects.
 * A session left without tabs is refused: an empty session restores nothing.
 */
export function tidyWindows(windows: readonly WindowSnap[]): WindowSnap[] {
  const kept = windows.filter((w) => w.tabs.length > 0);
  if (kept.length === 0) {
    throw new UserError('errorNoTabsLeft');
  }
  let focusSeen = false;
  return kept.map((w) => {
    const used = new Set(w.tabs.map((t) => t.group));
    const activeAt = Math.max(
      0,
      w.tabs.findIndex((t) => t.active),
    );
    const focused = w.focused && !focusSeen;
    focusSeen ||= focused;
    return {
      ...w,
      focused,
      groups: w.groups.filter((g) => used.has(g.id)),
      tabs: w.tabs.map((t, i) =>
        t.active === (i === activeAt) ? t : { ...t, active: i === activeAt },
      ),
    };
  });
}
