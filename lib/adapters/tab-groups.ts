import { browser, type Browser } from 'wxt/browser';
import type { RawGroup } from '../capture/raw';
import type { GroupSnap } from '../model';

/**
 * Tab groups: Chrome 89+, Firefox 139+. Kept behind this adapter because the API is absent
 * in older browsers and in the test fake.
 */
export interface TabGroupsAdapter {
  readonly supported: boolean;
  query(): Promise<RawGroup[]>;
  /** Groups the tabs (in that window) and gives the group a title, color and state. */
  create(windowId: number, tabIds: number[], group: GroupSnap): Promise<void>;
  /** Calls `listener` whenever a group is created, changed, moved or removed. */
  onChange(listener: () => void): void;
}

export function browserTabGroups(): TabGroupsAdapter {
  const api = (browser as { tabGroups?: typeof Browser.tabGroups }).tabGroups;
  const supported = api !== undefined && typeof browser.tabs.group === 'function';
  return {
    supported,
    async query() {
      if (!supported) return [];
      return (await api.query({})).map((g) => ({
        id: g.id,
        windowId: g.windowId,
        title: g.title,
        color: g.color,
        collapsed: g.collapsed,
      }));
    },
    async create(windowId, tabIds, group) {
      if (!supported) return;
      const groupId = await browser.tabs.group({
        tabIds: tabIds as [number, ...number[]],
        createProperties: { windowId },
      });
      await api.update(groupId, {
        title: group.title,
        color: group.color as `${Browser.tabGroups.Color}`,
        collapsed: group.collapsed,
      });
    },
    onChange(listener) {
      if (!supported) return;
      for (const event of [api.onCreated, api.onUpdated, api.onMoved, api.onRemoved]) {
        event?.addListener(listener);
      }
    },
  };
}
