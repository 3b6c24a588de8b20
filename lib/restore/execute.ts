import { browser, type Browser } from 'wxt/browser';
import type { ContainersAdapter } from '../adapters/containers';
import type { TabGroupsAdapter } from '../adapters/tab-groups';
import { t } from '../i18n';
import type { ContainerSnap } from '../model';
import type { PlannedTab, PlannedWindow, RestoreOutcome, RestorePlan } from './plan';

export interface RestoreAdapters {
  tabGroups: TabGroupsAdapter;
  containers: ContainersAdapter;
}

/** Tabs done (opened or refused) out of the plan's total, after each one. */
export type ProgressListener = (done: number, total: number) => void;

// Firefox takes a container per tab or window, and creates discarded tabs; Chrome's types
// know neither field.
type FirefoxCreate<T> = T & { cookieStoreId?: string; discarded?: boolean; title?: string };

interface Run {
  resolveStore(saved: ContainerSnap): Promise<string | null>;
  tabGroups: TabGroupsAdapter;
  warnings: string[];
  tick(): void;
}

/** Carries out a restore plan: one window after another, tabs in order. */
export async function runRestorePlan(
  plan: RestorePlan,
  adapters: RestoreAdapters,
  onProgress: ProgressListener = () => undefined,
): Promise<RestoreOutcome> {
  const outcome: RestoreOutcome = { windows: 0, tabs: 0, warnings: [] };
  // One look-up (or creation) per container name and restore, not per tab.
  const stores = new Map<string, Promise<string | null>>();
  let done = 0;
  const run: Run = {
    resolveStore(saved) {
      let found = stores.get(saved.name);
      if (found === undefined) {
        found = adapters.containers.resolve(saved);
        stores.set(saved.name, found);
      }
      return found;
    },
    tabGroups: adapters.tabGroups,
    warnings: outcome.warnings,
    tick: () => onProgress(++done, plan.tabCount),
  };
  const into = plan.into === 'current' ? await currentWindowId(outcome.warnings) : undefined;
  let front: number | undefined;
  for (const win of plan.windows) {
    const before = done;
    try {
      const opened = await restoreWindow(win, run, into);
      outcome.tabs += opened.tabs;
      if (into === undefined) outcome.windows++;
      if (front === undefined || win.focused) front = opened.windowId;
    } catch (error) {
      outcome.warnings.push(t('warningWindowNotRestored', win.tabs.length, String(error)));
      // Progress still reaches the total.
      for (let i = done - before; i < win.tabs.length; i++) run.tick();
    }
  }
  // Windows open in the background, then the one that had the focus comes to the front: a
  // window in front redraws its tab strip for each tab added (about 1 s of the browser's
  // time in a restore of 500 tabs).
  if (into === undefined && front !== undefined) {
    await browser.windows.update(front, { focused: true }).catch(() => undefined);
  }
  return outcome;
}

/** The last focused normal window; undefined (a new window, with a warning) when none. */
async function currentWindowId(warnings: string[]): Promise<number | undefined> {
  try {
    const current = await browser.windows.getLastFocused({ windowTypes: ['normal'] });
    if (current.id !== undefined) return current.id;
  } catch {
    // No normal window open: fall through.
  }
  warnings.push(t('warningNoCurrentWindow'));
  return undefined;
}

/**
 * A new window is opened with the active tab, so it loads at once while the lazy ones open
 * in the background and stay hidden (a lazy page that is shown loads its URL); the others
 * are put before and after it. `into`: append to that existing window instead.
 */
async function restoreWindow(
  win: PlannedWindow,
  run: Run,
  into: number | undefined,
): Promise<{ tabs: number; windowId: number }> {
  const store = async (tab: PlannedTab): Promise<string | undefined> =>
    tab.container === null ? undefined : ((await run.resolveStore(tab.container)) ?? undefined);
  const activeIndex = Math.max(
    0,
    win.tabs.findIndex((t) => t.active),
  );
  // Same positions as win.tabs; undefined where the browser refused a tab.
  const tabIds: (number | undefined)[] = win.tabs.map(() => undefined);
  let windowId: number;
  if (into === undefined) {
    const lead = win.tabs[activeIndex]!;
    const created = await createWindow(win, lead, await store(lead), run.warnings);
    windowId = created.id!;
    const leadId = created.tabs![0]!.id!;
    tabIds[activeIndex] = leadId;
    await applyTabState(leadId, lead, true);
    run.tick();
  } else {
    windowId = into;
  }
  for (const [i, tab] of win.tabs.entries()) {
    if (tabIds[i] !== undefined) continue;
    const props: FirefoxCreate<Browser.tabs.CreateProperties> = {
      windowId,
      url: tab.url ?? undefined,
      pinned: tab.pinned,
      active: false,
    };
    // Before the tabs made so far that come after it (the active one); appended otherwise.
    if (into === undefined)
      props.index = tabIds.slice(0, i).filter((id) => id !== undefined).length;
    const cookieStoreId = await store(tab);
    if (cookieStoreId !== undefined) props.cookieStoreId = cookieStoreId;
    if (tab.discarded) Object.assign(props, { discarded: true, title: tab.title });
    try {
      const made = await createTab(props);
      tabIds[i] = made.id!;
      await applyTabState(made.id!, tab, false);
    } catch (error) {
      // One refused tab must not cost the rest of the window.
      run.warnings.push(t('warningTabNotOpened', tab.url ?? t('noteNewTabPage'), String(error)));
    }
    run.tick();
  }
  for (const group of win.groups) {
    const members = tabIds.filter(
      (id, i): id is number => id !== undefined && win.tabs[i]!.groupKey === group.id,
    );
    if (members.length === 0) continue;
    try {
      await run.tabGroups.create(windowId, members, group);
    } catch (error) {
      run.warnings.push(t('warningGroupNotRecreated', group.title, String(error)));
    }
  }
  if (into !== undefined) {
    const activeId = tabIds[activeIndex];
    if (activeId !== undefined) await browser.tabs.update(activeId, { active: true });
  } else if (win.state !== 'normal') {
    await browser.windows.update(windowId, { state: win.state });
  }
  return { tabs: tabIds.filter((id) => id !== undefined).length, windowId };
}

/**
 * Firefox refuses a discarded tab for some URLs (about: and extension pages, and some
 * states): such a tab opens loaded instead of not at all.
 */
async function createTab(
  props: FirefoxCreate<Browser.tabs.CreateProperties>,
): Promise<Browser.tabs.Tab> {
  if (!props.discarded) return browser.tabs.create(props);
  try {
    return await browser.tabs.create(props);
  } catch {
    const loaded = { ...props };
    delete loaded.discarded;
    delete loaded.title;
    return browser.tabs.create(loaded);
  }
}

async function createWindow(
  win: PlannedWindow,
  first: PlannedTab,
  cookieStoreId: string | undefined,
  warnings: string[],
): Promise<Browser.windows.Window> {
  const props: FirefoxCreate<Browser.windows.CreateData> = {
    url: first.url ?? undefined,
    incognito: win.incognito,
    focused: false,
  };
  if (cookieStoreId !== undefined) props.cookieStoreId = cookieStoreId;
  if (win.bounds !== null) {
    try {
      return await createOrFail({ ...props, ...win.bounds });
    } catch {
      // Chrome refuses bounds that put a window mostly off screen (another monitor layout).
      warnings.push(t('warningWindowOffScreen'));
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
