import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContainersAdapter } from '@/lib/adapters/containers';
import type { TabGroupsAdapter } from '@/lib/adapters/tab-groups';
import type { GroupSnap } from '@/lib/model';
import { runRestorePlan } from '@/lib/restore/execute';
import type { PlannedTab, PlannedWindow } from '@/lib/restore/plan';

/** A browser that records what it is asked to open, refusing URLs that contain "refuse". */
const calls: { op: string; args: unknown }[] = [];
let nextId = 100;
let currentWindow: number | null = 7;
vi.mock('wxt/browser', () => ({
  browser: {
    windows: {
      create: async (props: { url?: string; left?: number }) => {
        calls.push({ op: 'windows.create', args: props });
        if (props.left === -99999) throw new Error('Invalid value for bounds');
        if (props.url?.includes('refuse')) throw new Error('Illegal URL');
        return { id: nextId++, tabs: [{ id: nextId++ }] };
      },
      update: async (id: number, props: unknown) =>
        void calls.push({ op: 'windows.update', args: [id, props] }),
      getLastFocused: async (filter: unknown) => {
        calls.push({ op: 'windows.getLastFocused', args: filter });
        if (currentWindow === null) throw new Error('No window');
        return { id: currentWindow };
      },
    },
    tabs: {
      create: async (props: { url?: string; discarded?: boolean }) => {
        calls.push({ op: 'tabs.create', args: props });
        if (props.url?.includes('refuse')) throw new Error('Illegal URL');
        if (props.discarded && props.url?.includes('stay-loaded')) {
          throw new Error('Cannot create a discarded new tab or "about" urls.');
        }
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
    discarded: false,
    title: `Title of ${url}`,
    ...extra,
  };
}

/** A plan of one window; the counts are not read by the executor. */
function planOf(win: Partial<PlannedWindow> & Pick<PlannedWindow, 'tabs'>) {
  const window: PlannedWindow = {
    state: 'normal',
    bounds: null,
    incognito: false,
    focused: false,
    groups: [],
    ...win,
  };
  return {
    into: 'new' as const,
    windows: [window],
    tabCount: win.tabs.length,
    placeholders: 0,
    privateAsNormal: 0,
    lazy: 0,
  };
}

const research: GroupSnap = { id: 'g1', title: 'Research', color: 'blue', collapsed: false };

beforeEach(() => {
  calls.length = 0;
  grouped.length = 0;
  nextId = 100;
  currentWindow = 7;
});

describe('runRestorePlan', () => {
  it('opens the window with its active tab, puts the others before and after it, then groups', async () => {
    const plan = planOf({
      state: 'maximized',
      bounds: { left: 1, top: 2, width: 300, height: 200 },
      groups: [research],
      tabs: [
        tab('https://p.test/', { pinned: true }),
        tab('https://a.test/', { groupKey: 'g1', active: true }),
        tab('https://b.test/', { groupKey: 'g1', muted: true }),
      ],
    });
    const outcome = await runRestorePlan(plan, { tabGroups, containers });
    expect(outcome).toEqual({ windows: 1, tabs: 3, warnings: [] });
    expect(calls).toEqual([
      {
        op: 'windows.create',
        args: {
          url: 'https://a.test/',
          incognito: false,
          focused: false,
          left: 1,
          top: 2,
          width: 300,
          height: 200,
        },
      },
      {
        op: 'tabs.create',
        args: { windowId: 100, url: 'https://p.test/', pinned: true, active: false, index: 0 },
      },
      {
        op: 'tabs.create',
        args: { windowId: 100, url: 'https://b.test/', pinned: false, active: false, index: 2 },
      },
      { op: 'tabs.update', args: [103, { muted: true }] },
      { op: 'windows.update', args: [100, { state: 'maximized' }] },
      // Opened in the background, it comes to the front once it holds every tab.
      { op: 'windows.update', args: [100, { focused: true }] },
    ]);
    // Group members in window order: the active tab (101) first.
    expect(grouped).toEqual([{ windowId: 100, tabIds: [101, 103], group: research }]);
  });

  it('brings the window that had the focus to the front once every window is open', async () => {
    const one = planOf({ tabs: [tab('https://a.test/')] }).windows[0]!;
    const plan = {
      ...planOf({ tabs: [tab('https://a.test/')] }),
      windows: [one, { ...one, focused: true }, one],
      tabCount: 3,
    };
    await runRestorePlan(plan, { tabGroups, containers });
    expect(calls.filter((c) => c.op.startsWith('windows.'))).toEqual([
      { op: 'windows.create', args: { url: 'https://a.test/', incognito: false, focused: false } },
      { op: 'windows.create', args: { url: 'https://a.test/', incognito: false, focused: false } },
      { op: 'windows.create', args: { url: 'https://a.test/', incognito: false, focused: false } },
      { op: 'windows.update', args: [102, { focused: true }] },
    ]);
  });

  it('pins the active tab after opening the window with it', async () => {
    await runRestorePlan(
      planOf({ tabs: [tab('https://p.test/', { pinned: true, active: true, muted: true })] }),
      { tabGroups, containers },
    );
    expect(calls[1]).toEqual({ op: 'tabs.update', args: [101, { pinned: true, muted: true }] });
  });

  it('counts positions only over tabs the browser opened', async () => {
    const plan = planOf({
      tabs: [
        tab('https://a.test/'),
        tab('https://refuse.test/'),
        tab('https://c.test/'),
        tab('https://d.test/', { active: true }),
      ],
    });
    await runRestorePlan(plan, { tabGroups, containers });
    const indexes = calls
      .filter((c) => c.op === 'tabs.create')
      .map((c) => [(c.args as { url: string }).url, (c.args as { index: number }).index]);
    expect(indexes).toEqual([
      ['https://a.test/', 0],
      ['https://refuse.test/', 1],
      ['https://c.test/', 1],
    ]);
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
      args: { url: 'https://a.test/', incognito: false, focused: false },
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
      index: 1,
      cookieStoreId: 'store-of-Work',
    });
  });
});

describe('runRestorePlan: lazy tabs', () => {
  it('creates Firefox discarded tabs with their title, and never the active one', async () => {
    const plan = planOf({
      tabs: [
        tab('https://a.test/', { active: true }),
        tab('https://b.test/', { discarded: true, title: 'Bee' }),
      ],
    });
    await runRestorePlan(plan, { tabGroups, containers });
    expect(calls.map((c) => c.args)).toEqual([
      { url: 'https://a.test/', incognito: false, focused: false },
      {
        windowId: 100,
        url: 'https://b.test/',
        pinned: false,
        active: false,
        index: 1,
        discarded: true,
        title: 'Bee',
      },
      [100, { focused: true }],
    ]);
  });

  it('opens a tab loaded when Firefox refuses to create it discarded', async () => {
    const plan = planOf({
      tabs: [
        tab('https://a.test/', { active: true }),
        tab('https://stay-loaded.test/', { discarded: true, title: 'Loaded' }),
      ],
    });
    const outcome = await runRestorePlan(plan, { tabGroups, containers });
    expect(outcome).toEqual({ windows: 1, tabs: 2, warnings: [] });
    expect(calls.slice(1).map((c) => c.args)).toEqual([
      {
        windowId: 100,
        url: 'https://stay-loaded.test/',
        pinned: false,
        active: false,
        index: 1,
        discarded: true,
        title: 'Loaded',
      },
      { windowId: 100, url: 'https://stay-loaded.test/', pinned: false, active: false, index: 1 },
      [100, { focused: true }],
    ]);
  });
});

describe('runRestorePlan: into the current window', () => {
  it('appends the tabs to the last focused normal window, groups them there, activates the saved active tab', async () => {
    const plan = {
      ...planOf({
        groups: [research],
        tabs: [
          tab('https://p.test/', { pinned: true }),
          tab('https://a.test/', { groupKey: 'g1', active: true }),
          tab('https://b.test/', { groupKey: 'g1' }),
        ],
      }),
      into: 'current' as const,
    };
    const outcome = await runRestorePlan(plan, { tabGroups, containers });
    expect(outcome).toEqual({ windows: 0, tabs: 3, warnings: [] });
    expect(calls).toEqual([
      { op: 'windows.getLastFocused', args: { windowTypes: ['normal'] } },
      {
        op: 'tabs.create',
        args: { windowId: 7, url: 'https://p.test/', pinned: true, active: false },
      },
      {
        op: 'tabs.create',
        args: { windowId: 7, url: 'https://a.test/', pinned: false, active: false },
      },
      {
        op: 'tabs.create',
        args: { windowId: 7, url: 'https://b.test/', pinned: false, active: false },
      },
      { op: 'tabs.update', args: [101, { active: true }] },
    ]);
    expect(grouped).toEqual([{ windowId: 7, tabIds: [101, 102], group: research }]);
  });

  it('opens a new window when no normal window is open', async () => {
    currentWindow = null;
    const plan = { ...planOf({ tabs: [tab('https://a.test/')] }), into: 'current' as const };
    const outcome = await runRestorePlan(plan, { tabGroups, containers });
    expect(outcome.windows).toBe(1);
    expect(outcome.warnings).toEqual([
      'No window was open to add the tabs to: they opened in a new window.',
    ]);
    expect(calls[1]!.op).toBe('windows.create');
  });
});

describe('runRestorePlan: progress', () => {
  it('reports each tab, refused ones too, up to the total', async () => {
    const plan = planOf({
      tabs: [tab('https://a.test/'), tab('https://refuse.test/'), tab('https://c.test/')],
    });
    const seen: [number, number][] = [];
    await runRestorePlan(plan, { tabGroups, containers }, (done, total) =>
      seen.push([done, total]),
    );
    expect(seen).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
  });

  it('reaches the total when a whole window fails', async () => {
    const plan = {
      ...planOf({ tabs: [tab('https://a.test/'), tab('https://b.test/')] }),
      tabCount: 3,
    };
    // The second window cannot be opened at all.
    plan.windows.push({ ...plan.windows[0]!, tabs: [tab('https://refuse.test/')] });
    const seen: number[] = [];
    const outcome = await runRestorePlan(plan, { tabGroups, containers }, (done) =>
      seen.push(done),
    );
    expect(outcome.windows).toBe(1);
    expect(seen).toEqual([1, 2, 3]);
  });
});
