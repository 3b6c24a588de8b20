import { describe, expect, it } from 'vitest';
import { parsePlaceholderUrl } from '@/lib/placeholder-url';
import { planRestore, type PlanEnv } from '@/lib/restore/plan';
import { ORIGIN, tabSnap, windowSnap } from './fakes';

const env: PlanEnv = { extensionOrigin: ORIGIN, incognitoAllowed: false };

describe('planRestore', () => {
  it('keeps window order and tab order', () => {
    const plan = planRestore(
      [
        windowSnap([tabSnap('https://a.test/'), tabSnap('https://b.test/')]),
        windowSnap([tabSnap('https://c.test/')]),
      ],
      env,
    );
    expect(plan.windows.map((w) => w.tabs.map((t) => t.url))).toEqual([
      ['https://a.test/', 'https://b.test/'],
      ['https://c.test/'],
    ]);
    expect(plan.tabCount).toBe(3);
  });

  it('keeps pinned tabs, moving them before unpinned ones as browsers require', () => {
    const [win] = planRestore(
      [
        windowSnap([
          tabSnap('https://a.test/'),
          tabSnap('https://p1.test/', { pinned: true }),
          tabSnap('https://b.test/'),
          tabSnap('https://p2.test/', { pinned: true }),
        ]),
      ],
      env,
    ).windows;
    expect(win!.tabs.map((t) => [t.url, t.pinned])).toEqual([
      ['https://p1.test/', true],
      ['https://p2.test/', true],
      ['https://a.test/', false],
      ['https://b.test/', false],
    ]);
  });

  it('activates the saved active tab, and only it', () => {
    const [win] = planRestore(
      [windowSnap([tabSnap('https://a.test/'), tabSnap('https://b.test/', { active: true })])],
      env,
    ).windows;
    expect(win!.tabs.map((t) => t.active)).toEqual([false, true]);
  });

  it('activates the first tab when none was active', () => {
    const [win] = planRestore(
      [windowSnap([tabSnap('https://a.test/'), tabSnap('https://b.test/')])],
      env,
    ).windows;
    expect(win!.tabs.map((t) => t.active)).toEqual([true, false]);
  });

  it('keeps muted tabs muted', () => {
    const [win] = planRestore(
      [windowSnap([tabSnap('https://a.test/', { muted: true })])],
      env,
    ).windows;
    expect(win!.tabs[0]!.muted).toBe(true);
  });

  it('keeps groups, drops pinned tabs from them and groups no tab is in', () => {
    const groups = [
      { id: 'g1', title: 'Research', color: 'blue' as const, collapsed: false },
      { id: 'g2', title: 'Empty', color: 'red' as const, collapsed: true },
    ];
    const [win] = planRestore(
      [
        windowSnap(
          [
            tabSnap('https://p.test/', { pinned: true, group: 'g1' }),
            tabSnap('https://a.test/', { group: 'g1' }),
            tabSnap('https://b.test/', { group: 'g1' }),
            tabSnap('https://c.test/', { group: 'missing' }),
          ],
          { groups },
        ),
      ],
      env,
    ).windows;
    expect(win!.tabs.map((t) => t.groupKey)).toEqual([null, 'g1', 'g1', null]);
    expect(win!.groups).toEqual([groups[0]]);
  });

  it('passes the saved container on for mapping by name', () => {
    const container = {
      cookieStoreId: 'firefox-container-1',
      name: 'Work',
      color: 'blue',
      icon: 'fingerprint',
    };
    const [win] = planRestore(
      [windowSnap([tabSnap('https://a.test/', { container })])],
      env,
    ).windows;
    expect(win!.tabs[0]!.container).toEqual(container);
  });

  it('keeps window bounds and state, opening minimized windows as normal', () => {
    const plan = planRestore(
      [
        windowSnap([tabSnap('https://a.test/')], { left: 5, top: 6, width: 700, height: 500 }),
        windowSnap([tabSnap('https://b.test/')], { state: 'maximized' }),
        windowSnap([tabSnap('https://c.test/')], { state: 'minimized' }),
        windowSnap([tabSnap('https://d.test/')], { width: undefined }),
      ],
      env,
    );
    expect(plan.windows.map((w) => [w.state, w.bounds])).toEqual([
      ['normal', { left: 5, top: 6, width: 700, height: 500 }],
      ['maximized', { left: 0, top: 0, width: 800, height: 600 }],
      ['normal', { left: 0, top: 0, width: 800, height: 600 }],
      ['normal', null],
    ]);
  });

  it('opens private windows as private only when allowed, and counts the others', () => {
    const windows = [windowSnap([tabSnap('https://a.test/')], { incognito: true })];
    const denied = planRestore(windows, env);
    expect(denied.windows[0]!.incognito).toBe(false);
    expect(denied.privateAsNormal).toBe(1);
    const allowed = planRestore(windows, { ...env, incognitoAllowed: true });
    expect(allowed.windows[0]!.incognito).toBe(true);
    expect(allowed.privateAsNormal).toBe(0);
  });

  it.each([
    'javascript:alert(document.cookie)',
    'JavaScript:void(0)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'chrome://settings/',
    'about:config',
    'chrome-extension://otherextension/page.html',
    'moz-extension://1234/page.html',
    'view-source:https://a.test/',
    'not a url at all',
  ])('sends %s to the placeholder page with its URL and title', (url) => {
    const plan = planRestore([windowSnap([tabSnap(url, { title: 'Saved title' })])], env);
    const planned = plan.windows[0]!.tabs[0]!.url!;
    expect(planned.startsWith(`${ORIGIN}/placeholder.html?`)).toBe(true);
    expect(parsePlaceholderUrl(ORIGIN, planned)).toEqual({ url, title: 'Saved title' });
    expect(plan.placeholders).toBe(1);
  });

  it('opens new-tab pages as the browser’s own new tab', () => {
    const urls = planRestore(
      [
        windowSnap([
          tabSnap('chrome://newtab/'),
          tabSnap('about:newtab'),
          tabSnap('about:blank'),
          tabSnap(''),
        ]),
      ],
      env,
    ).windows[0]!.tabs.map((t) => t.url);
    expect(urls).toEqual([null, null, null, null]);
  });

  it('opens web pages and our own pages directly', () => {
    const urls = planRestore(
      [windowSnap([tabSnap('http://127.0.0.1:8080/x?y#z'), tabSnap(`${ORIGIN}/popup.html`)])],
      env,
    ).windows[0]!.tabs.map((t) => t.url);
    expect(urls).toEqual(['http://127.0.0.1:8080/x?y#z', `${ORIGIN}/popup.html`]);
  });

  it('skips windows without tabs', () => {
    expect(planRestore([windowSnap([])], env).windows).toEqual([]);
  });
});
