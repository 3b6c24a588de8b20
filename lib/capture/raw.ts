/*
 * The few fields of the browser's own Window, Tab, TabGroup and container objects that a
 * snapshot reads. Adapters fill these; the pure mapping never sees a browser object.
 */

export interface RawTab {
  id?: number;
  index: number;
  url?: string;
  /** Chrome: the URL a tab is still navigating to when `url` is not committed yet. */
  pendingUrl?: string;
  title?: string;
  pinned: boolean;
  active: boolean;
  mutedInfo?: { muted: boolean };
  /** -1 (Chrome) or undefined when not in a group. */
  groupId?: number;
  /** Firefox: the container ("firefox-default" when none). */
  cookieStoreId?: string;
  lastAccessed?: number;
  favIconUrl?: string;
}

export interface RawWindow {
  id?: number;
  type?: string;
  state?: string;
  left?: number;
  top?: number;
  width?: number;
  height?: number;
  incognito: boolean;
  focused: boolean;
  tabs?: RawTab[];
}

export interface RawGroup {
  id: number;
  windowId: number;
  title?: string;
  color: string;
  collapsed: boolean;
}

export interface RawContainer {
  cookieStoreId: string;
  name: string;
  color: string;
  icon: string;
}

export interface RawBrowserState {
  windows: RawWindow[];
  groups: RawGroup[];
  containers: RawContainer[];
  incognitoAllowed: boolean;
}
