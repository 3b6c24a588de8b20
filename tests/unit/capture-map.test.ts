import { describe, expect, it } from 'vitest';
import { snapshotWindows } from '@/lib/capture/map';
import { lazyUrl } from '@/lib/lazy-url';
import { placeholderUrl } from '@/lib/placeholder-url';
import { ORIGIN, rawState, rawTab, rawWindow } from './fakes';

describe('snapshotWindows', () => {
  it('keeps windows in order and tabs in index order', () => {
    const win = rawWindow([rawTab('https://a.test/'), rawTab('https://b.test/')]);
    win.tabs!.reverse(); // the browser may list tabs in any order; index decides
    const { windows } = snapshotWindows(
      rawState([win, rawWindow([rawTab('https://c.test/')])]),
      ORIGIN,
    );
    expect(windows.map((w) => w.tabs.map((t) => t.url))).toEqual([
      ['https://a.test/', 'https://b.test/'],
      ['https://c.test/'],
    ]);
  });

  it('maps every tab property', () => {
    const tab = rawTab('https://a.test/x', {
      title: 'Ä title',
      pinned: true,
      active: true,
      mutedInfo: { muted: true },
      lastAccessed: 1234,
      favIconUrl: 'https://a.test/favicon.ico',
    });
    const [win] = snapshotWindows(rawState([rawWindow([tab])]), ORIGIN).windows;
    expect(win!.tabs[0]).toEqual({
      url: 'https://a.test/x',
      title: 'Ä title',
      pinned: true,
      active: true,
      muted: true,
      group: null,
      container: null,
      lastAccessed: 1234,
      favIconUrl: 'https://a.test/favicon.ico',
    });
  });

  it('drops inline data: favicons but keeps the tab', () => {
    const tab = rawTab('https://a.test/', { favIconUrl: 'data:image/png;base64,AAAA' });
    const [win] = snapshotWindows(rawState([rawWindow([tab])]), ORIGIN).windows;
    expect(win!.tabs[0]!.favIconUrl).toBeUndefined();
  });

  it('maps window state and bounds', () => {
    const win = rawWindow([rawTab('https://a.test/')], {
      state: 'maximized',
      left: -5,
      top: 3.4,
      width: 1280,
      height: 720,
      focused: true,
    });
    const [snap] = snapshotWindows(rawState([win]), ORIGIN).windows;
    expect(snap).toMatchObject({
      type: 'normal',
      state: 'maximized',
      left: -5,
      top: 3,
      width: 1280,
      height: 720,
      focused: true,
      incognito: false,
    });
  });

  it('maps unknown window states to normal and locked-fullscreen to fullscreen', () => {
    const states = snapshotWindows(
      rawState([
        rawWindow([rawTab('https://a.test/')], { state: 'docked' }),
        rawWindow([rawTab('https://a.test/')], { state: 'locked-fullscreen' }),
      ]),
      ORIGIN,
    ).windows.map((w) => w.state);
    expect(states).toEqual(['normal', 'fullscreen']);
  });

  it('gives groups window-local keys with title, color and collapsed state', () => {
    const win = rawWindow([
      rawTab('https://a.test/', { groupId: 71 }),
      rawTab('https://b.test/', { groupId: 71 }),
      rawTab('https://c.test/', { groupId: -1 }),
      rawTab('https://d.test/', { groupId: 9 }),
    ]);
    const groups = [
      { id: 9, windowId: win.id!, title: 'Later', color: 'red', collapsed: true },
      { id: 71, windowId: win.id!, title: 'Research', color: 'blue', collapsed: false },
    ];
    const [snap] = snapshotWindows(rawState([win], { groups }), ORIGIN).windows;
    expect(snap!.tabs.map((t) => t.group)).toEqual(['g1', 'g1', null, 'g2']);
    expect(snap!.groups).toEqual([
      { id: 'g1', title: 'Research', color: 'blue', collapsed: false },
      { id: 'g2', title: 'Later', color: 'red', collapsed: true },
    ]);
  });

  it('keeps a tab whose group vanished during the save, without the group', () => {
    const win = rawWindow([rawTab('https://a.test/', { groupId: 5 })]);
    const [snap] = snapshotWindows(rawState([win]), ORIGIN).windows;
    expect(snap!.tabs[0]!.group).toBeNull();
    expect(snap!.groups).toEqual([]);
  });

  it('records the container of a Firefox tab, not the default store', () => {
    const win = rawWindow([
      rawTab('https://a.test/', { cookieStoreId: 'firefox-container-2' }),
      rawTab('https://b.test/', { cookieStoreId: 'firefox-default' }),
    ]);
    const containers = [
      { cookieStoreId: 'firefox-container-2', name: 'Work', color: 'orange', icon: 'briefcase' },
    ];
    const [snap] = snapshotWindows(rawState([win], { containers }), ORIGIN).windows;
    expect(snap!.tabs.map((t) => t.container)).toEqual([
      { cookieStoreId: 'firefox-container-2', name: 'Work', color: 'orange', icon: 'briefcase' },
      null,
    ]);
  });

  it('leaves out private windows unless private access is allowed', () => {
    const windows = [
      rawWindow([rawTab('https://a.test/')]),
      rawWindow([rawTab('https://secret.test/')], { incognito: true }),
    ];
    const denied = snapshotWindows(rawState(windows), ORIGIN);
    expect(denied.windows).toHaveLength(1);
    expect(denied.skipped.privateWindows).toBe(1);
    const allowed = snapshotWindows(rawState(windows, { incognitoAllowed: true }), ORIGIN);
    expect(allowed.windows.map((w) => w.incognito)).toEqual([false, true]);
  });

  it('skips popups and windows that closed mid-read', () => {
    const { windows, skipped } = snapshotWindows(
      rawState([
        rawWindow([rawTab('https://a.test/')], { type: 'popup' }),
        rawWindow([]),
        rawWindow([rawTab('https://b.test/')], { tabs: undefined }),
      ]),
      ORIGIN,
    );
    expect(windows).toEqual([]);
    expect(skipped.emptyWindows).toBe(2);
  });

  it('stores the real URL of a tab showing our placeholder page', () => {
    const wrapped = placeholderUrl(ORIGIN, 'javascript:alert(1)', 'Bookmarklet');
    const [snap] = snapshotWindows(rawState([rawWindow([rawTab(wrapped)])]), ORIGIN).windows;
    expect(snap!.tabs[0]).toMatchObject({ url: 'javascript:alert(1)', title: 'Bookmarklet' });
  });

  it('stores the real URL, title and icon of a tab still on the lazy page', () => {
    const lazy = lazyUrl(ORIGIN, 'https://a.test/x?y=1#z', 'Real title', 'https://a.test/i.png');
    const tab = rawTab(lazy, { title: 'Real title', favIconUrl: 'https://other.test/i.png' });
    const [snap] = snapshotWindows(rawState([rawWindow([tab])]), ORIGIN).windows;
    expect(snap!.tabs[0]).toMatchObject({
      url: 'https://a.test/x?y=1#z',
      title: 'Real title',
      favIconUrl: 'https://a.test/i.png',
    });
    const plain = lazyUrl(ORIGIN, 'https://b.test/', 'B');
    const [noIcon] = snapshotWindows(rawState([rawWindow([rawTab(plain)])]), ORIGIN).windows;
    expect(noIcon!.tabs[0]).toMatchObject({ url: 'https://b.test/', title: 'B' });
    expect(noIcon!.tabs[0]!.favIconUrl).toBeUndefined();
  });

  it('leaves another extension’s lazy.html alone', () => {
    const other = 'chrome-extension://zzzz/lazy.html?u=https%3A%2F%2Fa.test%2F';
    const [snap] = snapshotWindows(rawState([rawWindow([rawTab(other)])]), ORIGIN).windows;
    expect(snap!.tabs[0]!.url).toBe(other);
  });

  it('uses the pending URL of a tab that has not committed yet', () => {
    const tab = rawTab('', { pendingUrl: 'https://loading.test/' });
    const [snap] = snapshotWindows(rawState([rawWindow([tab])]), ORIGIN).windows;
    expect(snap!.tabs[0]!.url).toBe('https://loading.test/');
  });
});
