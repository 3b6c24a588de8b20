import { browser } from 'wxt/browser';
import type { TabGroupsAdapter } from './tab-groups';

/**
 * Every browser event after which the live snapshot may differ. Listeners are added
 * synchronously, so a service worker woken by one of these events receives it.
 */
export function onBrowserChange(tabGroups: TabGroupsAdapter, listener: () => void): void {
  const { tabs, windows } = browser;
  for (const event of [
    tabs.onCreated,
    tabs.onUpdated,
    tabs.onMoved,
    tabs.onAttached,
    tabs.onDetached,
    tabs.onActivated,
    tabs.onReplaced,
    windows.onCreated,
    windows.onRemoved,
    windows.onFocusChanged,
  ]) {
    event.addListener(listener);
  }
  // Closing a whole window is one change, seen through windows.onRemoved.
  tabs.onRemoved.addListener((_id, info) => {
    if (!info.isWindowClosing) listener();
  });
  // Chrome only: window moves and resizes.
  (windows as { onBoundsChanged?: typeof windows.onCreated }).onBoundsChanged?.addListener(
    listener,
  );
  tabGroups.onChange(listener);
}
