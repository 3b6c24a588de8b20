import type { ContainerSnap, GroupSnap, WindowSnap, WindowState } from '../model';
import { placeholderUrl } from '../placeholder-url';
import { classifyUrl } from '../url-kind';

export interface PlannedTab {
  /** null: the browser's own new-tab page. */
  url: string | null;
  pinned: boolean;
  active: boolean;
  muted: boolean;
  groupKey: string | null;
  container: ContainerSnap | null;
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
  tabs: PlannedTab[];
  groups: GroupSnap[];
}

export interface RestorePlan {
  windows: PlannedWindow[];
  tabCount: number;
  /** Tabs that open on the placeholder page because the extension may not open their URL. */
  placeholders: number;
  /** Private windows that open as normal ones because private access is not allowed. */
  privateAsNormal: number;
}

/** What carrying out a plan did. */
export interface RestoreOutcome {
  windows: number;
  tabs: number;
  warnings: string[];
}

export interface PlanEnv {
  extensionOrigin: string;
  incognitoAllowed: boolean;
}

/** A saved session -> the browser calls that bring it back. Pure. */
export function planRestore(windows: readonly WindowSnap[], env: PlanEnv): RestorePlan {
  const plan: RestorePlan = { windows: [], tabCount: 0, placeholders: 0, privateAsNormal: 0 };
  for (const win of windows) {
    if (win.tabs.length === 0) continue;
    const groupKeys = new Set(win.groups.map((g) => g.id));
    // Browsers keep pinned tabs leftmost; a stable sort keeps the saved order otherwise.
    const ordered = [...win.tabs].sort((a, b) => Number(b.pinned) - Number(a.pinned));
    const tabs: PlannedTab[] = ordered.map((tab) => {
      const kind = classifyUrl(tab.url, env.extensionOrigin);
      if (kind === 'restricted') plan.placeholders++;
      return {
        url:
          kind === 'newtab'
            ? null
            : kind === 'restricted'
              ? placeholderUrl(env.extensionOrigin, tab.url, tab.title)
              : tab.url,
        pinned: tab.pinned,
        active: false,
        muted: tab.muted,
        // Pinned tabs cannot be in a group; a dangling key would name no group.
        groupKey: !tab.pinned && tab.group !== null && groupKeys.has(tab.group) ? tab.group : null,
        container: tab.container,
      };
    });
    const activeIndex = Math.max(
      0,
      ordered.findIndex((t) => t.active),
    );
    tabs[activeIndex]!.active = true;
    const usedGroups = new Set(tabs.map((t) => t.groupKey));
    const incognito = win.incognito && env.incognitoAllowed;
    if (win.incognito && !incognito) plan.privateAsNormal++;
    plan.windows.push({
      // A restored window that opens minimized looks like a restore that did nothing.
      state: win.state === 'minimized' ? 'normal' : win.state,
      bounds: boundsOf(win),
      incognito,
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
