import { describe, expect, it } from 'vitest';
import { parseLazyUrl } from '@/lib/lazy-url';
import type { GroupSnap } from '@/lib/model';
import { targetOf, windowsForMode } from '@/lib/restore/mode';
import { planRestore, type PlanEnv } from '@/lib/restore/plan';
import { searchTextOf, tabAt } from '@/lib/search/text';
import { ORIGIN, tabSnap, windowSnap } from './fakes';

const env: PlanEnv = { extensionOrigin: ORIGIN, incognitoAllowed: false };
const red: GroupSnap = { id: 'g1', title: 'Red', color: 'red', collapsed: false };
const blue: GroupSnap = { id: 'g1', title: 'Blue', color: 'blue', collapsed: true };

/** Two windows whose groups share the key g1, as every window numbers its own. */
const session = [
  windowSnap(
    [tabSnap('https://a.test/', { group: 'g1' }), tabSnap('https://b.test/', { active: true })],
    { groups: [red], state: 'maximized' },
  ),
  windowSnap(
    [
      tabSnap('https://p.test/', { pinned: true }),
      tabSnap('https://c.test/', { group: 'g1', active: true, muted: true }),
    ],
    { groups: [blue], focused: true, left: 300 },
  ),
];

const urls = (ws: ReturnType<typeof planRestore>) =>
  ws.windows.map((w) => w.tabs.map((t) => t.url));

describe('restore modes', () => {
  it('new windows and replace plan every saved window', () => {
    for (const kind of ['windows', 'replace'] as const) {
      const plan = planRestore(windowsForMode(session, { kind })!, env);
      expect(urls(plan)).toEqual([
        ['https://a.test/', 'https://b.test/'],
        ['https://p.test/', 'https://c.test/'],
      ]);
      expect(plan.into).toBe('new');
    }
  });

  it('one window: every tab in order, pinned first, each group kept apart, the focused window’s active tab', () => {
    const plan = planRestore(windowsForMode(session, { kind: 'oneWindow' })!, env);
    expect(plan.into).toBe('new');
    const [win] = plan.windows;
    expect(plan.windows).toHaveLength(1);
    expect(win!.tabs.map((t) => [t.url, t.pinned, t.active, t.muted])).toEqual([
      ['https://p.test/', true, false, false],
      ['https://a.test/', false, false, false],
      ['https://b.test/', false, false, false],
      ['https://c.test/', false, true, true],
    ]);
    const titleOf = new Map(win!.groups.map((g) => [g.id, g.title]));
    expect(win!.tabs.map((t) => (t.groupKey === null ? null : titleOf.get(t.groupKey)))).toEqual([
      null,
      'Red',
      null,
      'Blue',
    ]);
    // The focused window lends its shape.
    expect(win!.bounds?.left).toBe(300);
    expect(win!.state).toBe('normal');
  });

  it('current window: the same tabs, added to the window in front', () => {
    const mode = { kind: 'current' } as const;
    const plan = planRestore(windowsForMode(session, mode)!, { ...env, into: targetOf(mode) });
    expect(plan.into).toBe('current');
    expect(urls(plan)).toEqual([
      ['https://p.test/', 'https://a.test/', 'https://b.test/', 'https://c.test/'],
    ]);
    expect(plan.windows[0]!.groups.map((g) => g.title)).toEqual(['Red', 'Blue']);
  });

  it('a merged window is private only when every window was', () => {
    const mixed = [
      windowSnap([tabSnap('https://a.test/')], { incognito: true }),
      windowSnap([tabSnap('https://b.test/')]),
    ];
    const allowed = { ...env, incognitoAllowed: true };
    expect(
      planRestore(windowsForMode(mixed, { kind: 'oneWindow' })!, allowed).windows[0]!.incognito,
    ).toBe(false);
    const both = mixed.map((w) => ({ ...w, incognito: true }));
    expect(
      planRestore(windowsForMode(both, { kind: 'oneWindow' })!, allowed).windows[0]!.incognito,
    ).toBe(true);
  });

  it('one tab: the tab on that line of the search text, active, in the current window, without pin or group', () => {
    const text = searchTextOf(session);
    for (let index = 0; index < 4; index++) {
      const mode = { kind: 'tab', index } as const;
      const plan = planRestore(windowsForMode(session, mode)!, { ...env, into: targetOf(mode) });
      expect(plan.into).toBe('current');
      expect(plan.windows).toHaveLength(1);
      const [only] = plan.windows[0]!.tabs;
      expect(plan.windows[0]!.tabs).toHaveLength(1);
      expect(only!.url).toBe(tabAt(text, index)!.url);
      expect(only).toMatchObject({ active: true, pinned: false, groupKey: null });
      expect(plan.windows[0]!.groups).toEqual([]);
    }
    expect(windowsForMode(session, { kind: 'tab', index: 4 })).toBeNull();
  });

  it('one tab keeps its container and mute', () => {
    const work = { cookieStoreId: 'firefox-container-1', name: 'Work', color: 'blue', icon: 'x' };
    const saved = [windowSnap([tabSnap('https://w.test/', { container: work, muted: true })])];
    const [tab] = planRestore(windowsForMode(saved, { kind: 'tab', index: 0 })!, env).windows[0]!
      .tabs;
    expect(tab).toMatchObject({ container: work, muted: true });
  });
});

describe('lazy plans', () => {
  const saved = [
    windowSnap([
      tabSnap('https://a.test/', { title: 'A', favIconUrl: 'https://a.test/icon.png' }),
      tabSnap('https://b.test/', { title: 'B', active: true }),
      tabSnap('about:config', { title: 'Config' }),
      tabSnap('about:newtab'),
    ]),
  ];

  it('Chrome: inactive web pages open on the lazy page carrying URL, title and icon', () => {
    const plan = planRestore(saved, { ...env, lazy: 'page' });
    const [a, b, config, blank] = plan.windows[0]!.tabs;
    expect(parseLazyUrl(ORIGIN, a!.url!)).toEqual({
      url: 'https://a.test/',
      title: 'A',
      favIconUrl: 'https://a.test/icon.png',
    });
    expect(a!.discarded).toBe(false);
    // The active tab loads for real; other addresses keep their usual page.
    expect(b!.url).toBe('https://b.test/');
    expect(config!.url).toMatch(`${ORIGIN}/placeholder.html?`);
    expect(blank!.url).toBeNull();
    expect(plan.lazy).toBe(1);
  });

  it('Firefox: inactive web pages are created discarded with their title', () => {
    const plan = planRestore(saved, { ...env, lazy: 'discarded' });
    expect(plan.windows[0]!.tabs.map((t) => [t.url?.slice(0, 20), t.discarded, t.title])).toEqual([
      ['https://a.test/', true, 'A'],
      ['https://b.test/', false, 'B'],
      [`${ORIGIN}/placeholde`.slice(0, 20), false, 'Config'],
      [undefined, false, 'about:newtab'],
    ]);
    expect(plan.lazy).toBe(1);
  });

  it('Firefox: a pinned tab loads, since Firefox refuses to create it discarded', () => {
    const pinned = [
      windowSnap([
        tabSnap('https://p.test/', { pinned: true }),
        tabSnap('https://a.test/', { active: true }),
        tabSnap('https://b.test/'),
      ]),
    ];
    const firefox = planRestore(pinned, { ...env, lazy: 'discarded' });
    expect(firefox.windows[0]!.tabs.map((t) => t.discarded)).toEqual([false, false, true]);
    // Chrome's lazy page may be pinned.
    const chrome = planRestore(pinned, { ...env, lazy: 'page' });
    expect(parseLazyUrl(ORIGIN, chrome.windows[0]!.tabs[0]!.url!)?.url).toBe('https://p.test/');
  });

  it('off: every tab loads', () => {
    const plan = planRestore(saved, { ...env, lazy: 'off' });
    expect(plan.windows[0]!.tabs.map((t) => t.discarded)).toEqual([false, false, false, false]);
    expect(plan.windows[0]!.tabs[0]!.url).toBe('https://a.test/');
    expect(plan.lazy).toBe(0);
  });
});
