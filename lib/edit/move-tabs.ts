import { UserError } from '../errors';
import type { GroupSnap, TabSnap, WindowSnap } from '../model';
import { placeKeys, placesOf } from './positions';
import { tidyWindows } from './tidy';

/** Another window of the session, by its index, or a new window at the end. */
export type MoveTarget = number | 'new';

/**
 * Moves the tabs at these positions, in the order given, to the end of the target window.
 * Windows they leave empty are dropped.
 */
export function moveTabs(
  windows: readonly WindowSnap[],
  positions: readonly number[],
  to: MoveTarget,
): WindowSnap[] {
  if (to !== 'new' && (!Number.isInteger(to) || windows[to] === undefined)) {
    throw new UserError('errorNoSuchWindow', Number(to) + 1, windows.length);
  }
  const places = placesOf(windows, positions);
  const moving = placeKeys(places);
  const out = windows.map((w, wi) => ({
    ...w,
    groups: [...w.groups],
    tabs: w.tabs.filter((_, ti) => !moving.has(`${wi}:${ti}`)),
  }));
  const first = windows[places[0]!.window]!;
  const target: WindowSnap = to === 'new' ? newWindowLike(first) : (out[to] as WindowSnap);
  if (to === 'new') out.push(target);
  for (const place of places) {
    const source = windows[place.window]!;
    const tab = source.tabs[place.tab]!;
    target.tabs.push({
      ...tab,
      // The target keeps its own active tab; a new window's first tab becomes active in tidy.
      active: false,
      group: carryGroup(tab, source.groups, target.groups),
    });
  }
  return tidyWindows(out);
}

/** A window for moved tabs: same kind as theirs, placed and sized by the browser. */
function newWindowLike(source: WindowSnap): WindowSnap {
  return {
    type: 'normal',
    state: 'normal',
    incognito: source.incognito,
    focused: false,
    groups: [],
    tabs: [],
  };
}

/**
 * Group keys name a group within one window, so a moved tab brings its group along; a key
 * that already names a different group there would mix two groups, so the tab goes
 * ungrouped instead.
 */
function carryGroup(tab: TabSnap, from: readonly GroupSnap[], into: GroupSnap[]): string | null {
  if (tab.group === null) return null;
  const group = from.find((g) => g.id === tab.group);
  if (group === undefined) return null;
  const there = into.find((g) => g.id === group.id);
  if (there === undefined) {
    into.push(group);
    return group.id;
  }
  return there === group || JSON.stringify(there) === JSON.stringify(group) ? group.id : null;
}
