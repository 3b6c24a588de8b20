import * as v from 'valibot';
import type { GroupSnap, WindowSnap } from '../model';

/** Where a restore puts a session's tabs. */
export const RestoreModeSchema = v.variant('kind', [
  /** New windows, one per saved window (the default). */
  v.object({ kind: v.literal('windows') }),
  /** New windows, then the windows open before are closed (what they held is kept first). */
  v.object({ kind: v.literal('replace') }),
  /** Every tab, appended to the current (last focused normal) window. */
  v.object({ kind: v.literal('current') }),
  /** Every tab, in one new window. */
  v.object({ kind: v.literal('oneWindow') }),
  /** One tab, by its position across the session's windows (its line in the search text). */
  v.object({ kind: v.literal('tab'), index: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
]);

export type RestoreMode = v.InferOutput<typeof RestoreModeSchema>;

export const DEFAULT_MODE: RestoreMode = { kind: 'windows' };

/** Whether the plan opens new windows or adds to the current one. */
export type RestoreTarget = 'new' | 'current';

export function targetOf(mode: RestoreMode): RestoreTarget {
  return mode.kind === 'current' || mode.kind === 'tab' ? 'current' : 'new';
}

/**
 * The saved windows a mode restores. Pure. Merging modes keep tab order, pins and groups
 * (re-keyed: each window numbers its groups from g1). Null: the tab index is past the end.
 */
export function windowsForMode(
  windows: readonly WindowSnap[],
  mode: RestoreMode,
): WindowSnap[] | null {
  const withTabs = windows.filter((w) => w.tabs.length > 0);
  switch (mode.kind) {
    case 'windows':
    case 'replace':
      return [...withTabs];
    case 'current':
    case 'oneWindow':
      return withTabs.length === 0 ? [] : [merge(withTabs)];
    case 'tab':
      return oneTab(windows, mode.index);
  }
}

function merge(windows: readonly WindowSnap[]): WindowSnap {
  // The window that had focus lends its shape and its active tab; else the first one.
  const lead = windows.find((w) => w.focused) ?? windows[0]!;
  const groups: GroupSnap[] = [];
  const tabs = windows.flatMap((win, w) => {
    const keys = new Map(win.groups.map((g) => [g.id, `w${w}-${g.id}`]));
    groups.push(...win.groups.map((g) => ({ ...g, id: keys.get(g.id)! })));
    return win.tabs.map((tab) => ({
      ...tab,
      group: tab.group === null ? null : (keys.get(tab.group) ?? null),
      active: win === lead && tab.active,
    }));
  });
  return {
    ...lead,
    // A mixed set opens as a normal window: private tabs may go there, normal ones never private.
    incognito: windows.every((w) => w.incognito),
    focused: true,
    groups,
    tabs,
  };
}

function oneTab(windows: readonly WindowSnap[], index: number): WindowSnap[] | null {
  let rest = index;
  for (const win of windows) {
    if (rest < win.tabs.length) {
      const tab = win.tabs[rest]!;
      // One tab found by search joins the tabs already open: unpinned, in no group.
      return [
        {
          ...win,
          groups: [],
          tabs: [{ ...tab, pinned: false, group: null, active: true }],
        },
      ];
    }
    rest -= win.tabs.length;
  }
  return null;
}
