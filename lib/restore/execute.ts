import { browser, type Browser } from 'wxt/browser';
import type { ContainersAdapter } from '../adapters/containers';
import type { TabGroupsAdapter } from '../adapters/tab-groups';
import type { ContainerSnap } from '../model';
import type { PlannedTab, PlannedWindow, RestoreOutcome, RestorePlan } from './plan';

export interface RestoreAdapters {
  tabGroups: TabGroupsAdapter;
  containers: ContainersAdapter;
}

// Firefox takes a container per tab or window; Chrome's types do not know the field.
type WithStore<T> = T & { cookieStoreId?: string };

/** Carries out a restore plan: one window after another, tabs in order. */
export async function runRestorePlan(
  plan: RestorePlan,
  adapters: RestoreAdapters,
): Promise<RestoreOutcome> {
  const outcome: RestoreOutcome = { windows: 0, tabs: 0, warnings: [] };
  // One look-up (or creation) per container name and restore, not per tab.
  const stores = new Map<string, Promise<string | null>>();
  const resolveStore = (saved: ContainerSnap): Promise<string | null> => {
    let found = stores.get(saved.name);
    if (found === undefined) {
      found = adapters.containers.resolve(saved);
      stores.set(saved.name, found);
    }
    return found;
  };
  for (const win of plan.windows) {
    try {
      outcome.tabs += await restoreWindow(win, adapters.tabGroups, resolveStore, outcome.warnings);
      outcome.windows++;
    } catch (error) {
      outcome.warnings.push(
        `A window of ${win.tabs.length} tab(s) could not be restored: ${String(error)}`,
      );
    }
  }
  return outcome;
}

async function restoreWindow(
  win: PlannedWindow,
  tabGroups: TabGroupsAdapter,
  resolveStore: (saved: ContainerSnap) => Promise<string | null>,
  warnings: string[],
): Promise<number> {
  const [first, ...rest] = win.tabs;
  if (first === undefined) return 0;
  const store = async (tab: PlannedTab): Promise<string | undefined> =>
    tab.container === null ? undefined : ((await resolveStore(tab.container)) ?? undefined);

  const created = await createWindow(win, first, await store(first), warnings);
  const windowId = created.id!;
  // Same positions as win.tabs; undefined where the browser refused a tab.
  const tabIds: (number | undefined)[] = [created.tabs![0]!.id!];
  await applyTabState(created.tabs![0]!.id!, first, true);
  for (const tab of rest) {
    const props: WithStore<Browser.tabs.CreateProperties> = {
      windowId,
      url: tab.url ?? undefined,
      pinned: tab.pinned,
      active: false,
    };
    const cookieStoreId = await store(tab);
    if (cookieStoreId !== undefined) props.cookieStoreId = cookieStoreId;
    try {
      const made = await browser.tabs.create(props);
      tabIds.push(made.id!);
      await applyTabState(made.id!, tab, false);
    } catch (error) {
      // One refused tab must not cost the rest of the window.
      tabIds.push(undefined);
      warnings.push(`A tab (${tab.url ?? 'new tab'}) could not be opened: ${String(error)}`);
    }
  }
  for (const group of win.groups) {
    const members = tabIds.filter(
      (id, i): id is number => id !== undefined && win.tabs[i]!.groupKey === group.id,
    );
    if (members.length === 0) continue;
    try {
      await tabGroups.create(windowId, members, group);
    } catch (error) {
      warnings.push(`The group “${group.title}” could not be recreated: ${String(error)}`);
    }
  }
  const activeId = tabIds[win.tabs.findIndex((t) => t.active)];
  if (activeId !== undefined) await browser.tabs.update(activeId, { active: true });
  if (win.state !== 'normal') await browser.windows.update(windowId, { state: win.state });
  return tabIds.filter((id) => id !== undefined).length;
}

async function createWindow(
  win: PlannedWindow,
  first: PlannedTab,
  cookieStoreId: string | undefined,
  warnings: string[],
): Promise<Browser.windows.Window> {
  const props: WithStore<Browser.windows.CreateData> = {
    url: first.url ?? undefined,
    incognito: win.incognito,
    focused: true,
  };
  if (cookieStoreId !== undefined) props.cookieStoreId = cookieStoreId;
  if (win.bounds !== null) {
    try {
      return await createOrFail({ ...props, ...win.bounds });
    } catch {
      // Chrome refuses bounds that put a window mostly off screen (another monitor layout).
      warnings.push(
        'A window was placed where the browser chose: its saved position is off screen.',
      );
    }
  }
  return createOrFail(props);
}

async function createOrFail(props: Browser.windows.CreateData): Promise<Browser.windows.Window> {
  const created = await browser.windows.create(props);
  if (created?.id === undefined || created.tabs?.[0]?.id === undefined) {
    throw new Error('the browser did not open the window');
  }
  return created;
}

/** What tabs.create cannot set, and what the window's first tab did not get. */
async function applyTabState(tabId: number, tab: PlannedTab, isFirst: boolean): Promise<void> {
  const update: Browser.tabs.UpdateProperties = {};
  if (isFirst && tab.pinned) update.pinned = true;
  if (tab.muted) update.muted = true;
  if (Object.keys(update).length > 0) await browser.tabs.update(tabId, update);
}
