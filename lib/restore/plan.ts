import type { BrowserName, ContainerSnap, GroupSnap, WindowSnap, WindowState } from '../model';
import { lazyUrl } from '../lazy-url';
import { placeholderUrl } from '../placeholder-url';
import { classifyUrl } from '../url-kind';
import type { RestoreTarget } from './mode';

export interface PlannedTab {
  /** null: the browser's own new-tab page. */
  url: string | null;
  pinned: boolean;
  active: boolean;
  muted: boolean;
  groupKey: string | null;
  container: ContainerSnap | null;
  /** Firefox: open unloaded, showing `title`, until the tab is activated. */
  discarded: boolean;
  title: string;
}

export interface Bounds {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface PlannedWindow {
  state: Exclude<WindowState, 'minimized'>;
  bounds: Bounds | null;
  incognito: boolean;
  /** The window that had the focus when saved comes to the front once all are open. */
  focused: boolean;
  tabs: PlannedTab[];
  groups: GroupSnap[];
}

export interface RestorePlan {
  /** New windows, or the tabs of the one planned window appended to the current window. */
  into: RestoreTarget;
  windows: PlannedWindow[];
  tabCount: number;
  /** Tabs that open on the placeholder page because the extension may not open their URL. */
  placeholders: number;
  /** Private windows that open as normal ones because private access is not allowed. */
  privateAsNormal: number;
  /** Tabs that open without loading their page until activated. */
  lazy: number;
}

/** What carrying out a plan did. */
export interface RestoreOutcome {
  windows: number;
  tabs: number;
  warnings: string[];
}

/**
 * How a web page that is not its window's active tab opens: loaded, as a discarded tab
 * (Firefox), or on the lazy page that loads it when shown (Chrome cannot create discarded tabs).
 */
export type LazyStyle = 'off' | 'discarded' | 'page';

/** Firefox creates discarded tabs; Chrome cannot, and uses the lazy page. */
export function lazyStyle(browserName: BrowserName, enabled: boolean): LazyStyle {
  if (!enabled) return 'off';
  return browserName === 'firefox' ? 'discarded' : 'page';
}

export interface PlanEnv {
  extensionOrigin: string;
  incognitoAllowed: boolean;
  /** Default 'off'. */
  lazy?: LazyStyle;
  /** Default 'new'. */
  into?: RestoreTarget;
}

/** A saved session -> the browser calls that bring it back. Pure. */
export function planRestore(windows: readonly WindowSnap[], env: PlanEnv): RestorePlan {
  const plan: RestorePlan = {
    into: env.into ?? 'new',
    windows: [],
    tabCount: 0,
    placeholders: 0,
    privateAsNormal: 0,
    lazy: 0,
  };
  const lazy = env.lazy ?? 'off';
  for (const win of windows) {
    if (win.tabs.length === 0) continue;
    const groupKeys = new Set(win.groups.map((g) => g.id));
    // Browsers keep pinned tabs leftmost; a stable sort keeps the saved order otherwise.
    const ordered = [...win.tabs].sort((a, b) => Number(b.pinned) - Number(a.pinned));
    const activeIndex = Math.max(
      0,
      ordered.findIndex((t) => t.active),
    );
    const tabs: PlannedTab[] = ordered.map((tab, i) => {
      const kind = classifyUrl(tab.url, env.extensionOrigin);
      if (kind === 'restricted') plan.placeholders++;
      // The active tab loads for real: it is what the person sees first. Firefox refuses
      // to create a pinned tab discarded ("Pinned tabs cannot be created and discarded").
      const deferred =
        lazy !== 'off' &&
        kind === 'web' &&
        i !== activeIndex &&
        !(lazy === 'discarded' && tab.pinned);
      if (deferred) plan.lazy++;
      return {
        url:
          kind === 'newtab'
            ? null
            : kind === 'restricted'
              ? placeholderUrl(env.extensionOrigin, tab.url, tab.title)
              : deferred && lazy === 'page'
                ? lazyUrl(env.extensionOrigin, tab.url, tab.title, tab.favIconUrl)
                : tab.url,
        title: tab.title,
        discarded: deferred && lazy === 'discarded',
        pinned: tab.pinned,
        active: i === activeIndex,
        muted: tab.muted,
        // Pinned tabs cannot be in a group; a dangling key would name no group.
        groupKey: !tab.pinned && tab.group !== null && groupKeys.has(tab.group) ? tab.group : null,
        container: tab.container,
      };
    });
    const usedGroups = new Set(tabs.map((t) => t.groupKey));
    const incognito = win.incognito && env.incognitoAllowed;
    if (win.incognito && !incognito) plan.privateAsNormal++;
    plan.windows.push({
      // A restored window that opens minimized looks like a restore that did nothing.
      state: win.state === 'minimized' ? 'normal' : win.state,
      bounds: boundsOf(win),
      incognito,
      focused: win.focused,
      tabs,
      groups: win.groups.filter((g) => usedGroups.has(g.id)),
    });
    plan.tabCount += tabs.length;
  }
  return plan;
}

function boundsOf(win: WindowSnap): Bounds | null {
  const { left, top, width, height } = win;
  if (left === undefined || top === undefined || width === undefined || height === undefined) {
    return null;
  }
  if (width <= 0 || height <= 0) return null;
  return { left, top, width, height };
}
