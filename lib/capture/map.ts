import { toBounds, toGroupColor, toWindowState } from '../browser-values';
import { type ContainerSnap, type GroupSnap, type TabSnap, type WindowSnap } from '../model';
import { parseLazyUrl } from '../lazy-url';
import { parsePlaceholderUrl } from '../placeholder-url';
import type { RawBrowserState, RawContainer, RawGroup, RawTab, RawWindow } from './raw';

export interface SnapshotResult {
  windows: WindowSnap[];
  /** Windows left out, by reason, so the caller can say what was not saved. */
  skipped: { privateWindows: number; emptyWindows: number };
}

// Firefox's store ids for "no container"; these tabs carry no container.
const DEFAULT_STORES = new Set(['firefox-default', 'firefox-private']);

/** Browser state -> our model. Pure: same input, same output. */
export function snapshotWindows(raw: RawBrowserState, extensionOrigin: string): SnapshotResult {
  const groupsById = new Map(raw.groups.map((g) => [g.id, g]));
  const containers = new Map(raw.containers.map((c) => [c.cookieStoreId, c]));
  const skipped = { privateWindows: 0, emptyWindows: 0 };
  const windows: WindowSnap[] = [];
  for (const win of raw.windows) {
    if (win.type !== undefined && win.type !== 'normal') continue;
    if (win.incognito && !raw.incognitoAllowed) {
      skipped.privateWindows++;
      continue;
    }
    // A window that is closing can be reported with no tabs left.
    const tabs = [...(win.tabs ?? [])].sort((a, b) => a.index - b.index);
    if (tabs.length === 0) {
      skipped.emptyWindows++;
      continue;
    }
    windows.push(mapWindow(win, tabs, groupsById, containers, extensionOrigin));
  }
  return { windows, skipped };
}

function mapWindow(
  win: RawWindow,
  tabs: RawTab[],
  groupsById: Map<number, RawGroup>,
  containers: Map<string, RawContainer>,
  extensionOrigin: string,
): WindowSnap {
  const groupKeys = new Map<number, string>();
  const groups: GroupSnap[] = [];
  const keyOf = (groupId: number | undefined): string | null => {
    if (groupId === undefined || groupId < 0) return null;
    const known = groupKeys.get(groupId);
    if (known !== undefined) return known;
    const group = groupsById.get(groupId);
    // The group vanished between reading tabs and groups: keep the tab, drop the group.
    if (group === undefined) return null;
    const key = `g${groups.length + 1}`;
    groupKeys.set(groupId, key);
    groups.push({
      id: key,
      title: group.title ?? '',
      color: toGroupColor(group.color),
      collapsed: group.collapsed,
    });
    return key;
  };
  return {
    type: 'normal',
    state: toWindowState(win.state),
    ...toBounds(win),
    incognito: win.incognito,
    focused: win.focused,
    tabs: tabs.map((tab) => mapTab(tab, keyOf(tab.groupId), containers, extensionOrigin)),
    groups,
  };
}

function mapTab(
  tab: RawTab,
  group: string | null,
  containers: Map<string, RawContainer>,
  extensionOrigin: string,
): TabSnap {
  let url = tab.url || tab.pendingUrl || '';
  let title = tab.title ?? '';
  let favIconUrl = tab.favIconUrl;
  // Our placeholder and lazy pages stand for another address: save that one.
  const lazy = parseLazyUrl(extensionOrigin, url);
  const wrapped = lazy ?? parsePlaceholderUrl(extensionOrigin, url);
  if (wrapped !== null) {
    url = wrapped.url;
    title = wrapped.title;
  }
  if (lazy !== null) favIconUrl = lazy.favIconUrl;
  const snap: TabSnap = {
    url,
    title,
    pinned: tab.pinned,
    active: tab.active,
    muted: tab.mutedInfo?.muted ?? false,
    group,
    container: containerOf(tab.cookieStoreId, containers),
  };
  if (tab.lastAccessed !== undefined) snap.lastAccessed = tab.lastAccessed;
  // Inline data: icons would be copied into every tab record; keep only fetchable ones.
  if (favIconUrl !== undefined && /^https?:/.test(favIconUrl)) snap.favIconUrl = favIconUrl;
  return snap;
}

function containerOf(
  cookieStoreId: string | undefined,
  containers: Map<string, RawContainer>,
): ContainerSnap | null {
  if (cookieStoreId === undefined || DEFAULT_STORES.has(cookieStoreId)) return null;
  const found = containers.get(cookieStoreId);
  if (found === undefined) return null;
  return { cookieStoreId, name: found.name, color: found.color, icon: found.icon };
}
