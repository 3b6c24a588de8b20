import type { RawBrowserState, RawTab, RawWindow } from '@/lib/capture/raw';
import { importedTab } from '@/lib/formats/imported';
import type { TabSnap, WindowSnap } from '@/lib/model';

export const ORIGIN = 'chrome-extension://abcdefghijklmnop';

let nextTabId = 1;

export function rawTab(url: string, extra: Partial<RawTab> = {}): RawTab {
  return {
    id: nextTabId++,
    index: 0,
    url,
    title: `Title of ${url}`,
    pinned: false,
    active: false,
    ...extra,
  };
}

/** A window whose tabs get their index from their position. */
export function rawWindow(tabs: RawTab[], extra: Partial<RawWindow> = {}): RawWindow {
  return {
    id: nextTabId++,
    type: 'normal',
    state: 'normal',
    left: 10,
    top: 20,
    width: 1000,
    height: 700,
    incognito: false,
    focused: false,
    tabs: tabs.map((t, index) => ({ ...t, index })),
    ...extra,
  };
}

export function rawState(
  windows: RawWindow[],
  extra: Partial<RawBrowserState> = {},
): RawBrowserState {
  return { windows, groups: [], containers: [], incognitoAllowed: false, ...extra };
}

export function tabSnap(url: string, extra: Partial<TabSnap> = {}): TabSnap {
  return importedTab(url, url, extra);
}

export function windowSnap(tabs: TabSnap[], extra: Partial<WindowSnap> = {}): WindowSnap {
  return {
    type: 'normal',
    state: 'normal',
    left: 0,
    top: 0,
    width: 800,
    height: 600,
    incognito: false,
    focused: false,
    groups: [],
    tabs,
    ...extra,
  };
}
