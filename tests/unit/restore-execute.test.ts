import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContainersAdapter } from '@/lib/adapters/containers';
import type { TabGroupsAdapter } from '@/lib/adapters/tab-groups';
import type { GroupSnap } from '@/lib/model';
import { runRestorePlan } from '@/lib/restore/execute';
import type { PlannedTab, PlannedWindow } from '@/lib/restore/plan';

/** A browser that records what it is asked to open, refusing URLs that contain "refuse". */
const calls: { op: string; args: unknown }[] = [];
let nextId = 100;
vi.mock('wxt/browser', () => ({
  browser: {
    windows: {
      create: async (props: { url?: string; left?: number }) => {
        calls.push({ op: 'windows.create', args: props });
        if (props.left === -99999) throw new Error('Invalid value for bounds');
        return { id: nextId++, tabs: [{ id: nextId++ }] };
      },
      update: async (id: number, props: unknown) =>
        void calls.push({ op: 'windows.update', args: [id, props] }),
    },
    tabs: {
      create: async (props: { url?: string }) => {
        calls.push({ op: 'tabs.create', args: props });
        if (props.url?.includes('refuse')) throw new Error('Illegal URL');
        return { id: nextId++ };
      },
      update: async (id: number, props: unknown) =>
        void calls.push({ op: 'tabs.update', args: [id, props] }),
    },
  },
}));

const grouped: { windowId: number; tabIds: number[]; group: GroupSnap }[] = [];
const tabGroups: TabGroupsAdapter = {
  supported: true,
  query: async () => [],
  create: async (windowId, tabIds, group) => void grouped.push({ windowId, tabIds, group }),
  onChange: () => undefined,
};
const containers: ContainersAdapter = {
  supported: true,
  query: async () => [],
  resolve: async (saved) => `store-of-${saved.name}`,
};

function tab(url: string, extra: Partial<PlannedTab> = {}): PlannedTab {
  return {
    url,
    pinned: false,
    active: false,
    muted: false,
    groupKey: null,
    container: null,
    ...extra,
  };
}

/** A plan of one window; the counts are not read by the executor. */
function planOf(win: Partial<PlannedWindow> & Pick<PlannedWindow, 'tabs'>) {
  const window: PlannedWindow = {
    state: 'normal',
    bounds: null,
    incognito: false,
    groups: [],
    ...win,
  };
  return { windows: [window], tabCount: win.tabs.length, placeholders: 0, privateAsNormal: 0 };
}

const research: GroupSnap = { id: 'g1', title: 'Research', color: 'blue', collapsed: false };

beforeEach(() => {
  calls.length = 0;
  grouped.length = 0;
  nextId = 100;
});

describe('runRestorePlan', () => {
  it('opens the window with its first tab, then the rest in order, then groups and focus', async () => {
    const plan = planOf({
      state: 'maximized',
      bounds: { left: 1, top: 2, width: 300, height: 200 },
      groups: [research],
      tabs: [
        tab('https://p.test/', { pinned: true }),
        tab('https://a.test/', { groupKey: 'g1', muted: true }),
        tab('https://b.test/', { groupKey: 'g1', active: true }),
      ],
    });
    const outcome = await runRestorePlan(plan, { tabGroups, containers });
    expect(outcome).toEqual({ windows: 1, tabs: 3, warnings: [] });
    expect(calls).toEqual([
      {
        op: 'windows.create',
        args: {
          url: 'https://p.test/',
          incognito: false,
          focused: true,
          left: 1,
          top: 2,
          width: 300,
          height: 200,
        },
      },
      { op: 'tabs.update', args: [101, { pinned: true }] },
      {
        op: 'tabs.create',
        args: { windowId: 100, url: 'https://a.test/', pinned: false, active: false },
      },
      { op: 'tabs.update', args: [102, { muted: true }] },
      {
        op: 'tabs.create',
        args: { windowId: 100, url: 'https://b.test/', pinned: false, active: false },
      },
      { op: 'tabs.update', args: [103, { active: true }] },
      { op: 'windows.update', args: [100, { state: 'maximized' }] },
    ]);
    expect(grouped).toEqual([{ windowId: 100, tabIds: [102, 103], group: research }]);
  });

  it('keeps going when the browser refuses one tab, and says which', async () => {
    const plan = planOf({
      groups: [research],
      tabs: [
        tab('https://a.test/'),
        tab('https://refuse.test/', { groupKey: 'g1' }),
        tab('https://c.test/', { groupKey: 'g1' }),
      ],
    });
    const outcome = await runRestorePlan(plan, { tabGroups, containers });
    expect(outcome.tabs).toBe(2);
    expect(outcome.warnings).toEqual([
      'A tab (https://refuse.test/) could not be opened: Error: Illegal URL',
    ]);
    expect(grouped.map((g) => g.tabIds)).toEqual([[102]]);
  });

  it('places a window where the browser chooses when its saved bounds are refused', async () => {
    const plan = planOf({
      bounds: { left: -99999, top: 0, width: 300, height: 200 },
      tabs: [tab('https://a.test/')],
    });
    const outcome = await runRestorePlan(plan, { tabGroups, containers });
    expect(outcome.windows).toBe(1);
    expect(outcome.warnings).toEqual([
      'A window was placed where the browser chose: its saved position is off screen.',
    ]);
    expect(calls[1]).toEqual({
      op: 'windows.create',
      args: { url: 'https://a.test/', incognito: false, focused: true },
    });
  });

  it('opens tabs in the container of the same name, and new tabs without a URL', async () => {
    const work = {
      cookieStoreId: 'firefox-container-9',
      name: 'Work',
      color: 'blue',
      icon: 'briefcase',
    };
    const plan = planOf({
      tabs: [
        tab('https://a.test/', { container: work, active: true }),
        { ...tab(''), url: null, container: work },
      ],
    });
    await runRestorePlan(plan, { tabGroups, containers });
    expect(calls[0]!.args).toMatchObject({ cookieStoreId: 'store-of-Work' });
    expect(calls[1]!.args).toEqual({
      windowId: 100,
      url: undefined,
      pinned: false,
      active: false,
      cookieStoreId: 'store-of-Work',
    });
  });
});
