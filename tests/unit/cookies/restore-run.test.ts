import { describe, expect, it } from 'vitest';
import type { CookiesAdapter } from '@/lib/adapters/cookies';
import type { CookieSetCall } from '@/lib/cookies/restore-rules';
import { restoreCookies, type CookieRestoreDeps } from '@/lib/cookies/restore-run';
import { tabSnap, windowSnap } from '../fakes';
import { NEW_YEAR_2026, firefoxCookie } from './fixtures';

const NOW = Date.UTC(2025, 5, 1); // 2025-06-01

const work = { name: 'Work', color: 'blue', icon: 'briefcase' };
const shopping = { name: 'Shopping', color: 'pink', icon: 'cart' };

const windows = [
  windowSnap([tabSnap('http://127.0.0.1:8080/'), tabSnap('https://www.example.com/')]),
];

/** A cookies adapter that records what it sets and refuses the names it is told to. */
function fakeAdapter(refuse: Record<string, unknown> = {}) {
  const set: CookieSetCall[] = [];
  const adapter: CookiesAdapter = {
    available: () => true,
    readAll: async () => [],
    async set(call) {
      if (call.name in refuse) throw refuse[call.name];
      set.push(call);
    },
  };
  return { adapter, set };
}

function firefoxDeps(
  adapter: CookiesAdapter,
  containers: Record<string, string | null> = {},
): CookieRestoreDeps & { resolved: string[] } {
  const resolved: string[] = [];
  return {
    cookies: adapter,
    async resolveContainer({ name }) {
      resolved.push(name);
      return containers[name] ?? null;
    },
    containersSupported: true,
    defaultStore: 'firefox-default',
    now: NOW,
    allSites: false,
    resolved,
  };
}

describe('restoreCookies', () => {
  it('sets cookies of sites without tabs only when they were saved with “all sites”', async () => {
    const other = firefoxCookie({ name: 'o', domain: '.elsewhere.test' });
    const { adapter, set } = fakeAdapter();
    const bySites = await restoreCookies([other], windows, firefoxDeps(adapter));
    expect(bySites.skipped.map((s) => s.why)).toEqual([
      'its site is not among the session’s tabs.',
    ]);
    expect(set).toEqual([]);
    const all = await restoreCookies([other], windows, { ...firefoxDeps(adapter), allSites: true });
    expect(all.restored).toBe(1);
    expect(set.map((c) => c.url)).toEqual(['http://elsewhere.test/']);
  });

  it('resolves each container once by name and sets its cookies in the store found', async () => {
    const { adapter, set } = fakeAdapter();
    const deps = firefoxDeps(adapter, { Work: 'firefox-container-7', Shopping: null });
    const report = await restoreCookies(
      [
        firefoxCookie({ name: 'a', storeId: 'firefox-container-1', container: work }),
        firefoxCookie({ name: 'b', storeId: 'firefox-container-2', container: shopping }),
        firefoxCookie({ name: 'c', storeId: 'firefox-container-1', container: work }),
        // Another profile's id for the same container name: one lookup still.
        firefoxCookie({ name: 'd', storeId: 'firefox-container-4', container: work }),
        firefoxCookie({ name: 'e' }),
      ],
      windows,
      deps,
    );
    expect(deps.resolved).toEqual(['Work', 'Shopping']);
    expect(set.map((c) => [c.name, c.storeId])).toEqual([
      ['a', 'firefox-container-7'],
      ['c', 'firefox-container-7'],
      ['d', 'firefox-container-7'],
      ['e', 'firefox-default'],
    ]);
    expect(report).toEqual({
      restored: 4,
      skipped: [
        {
          name: 'b',
          domain: '127.0.0.1',
          why: 'the container “Shopping” could not be found or made here.',
        },
      ],
      skippedCount: 1,
      warnings: [],
    });
  });

  it('in a browser without containers, resolves none and skips container cookies', async () => {
    const { adapter, set } = fakeAdapter();
    const deps = { ...firefoxDeps(adapter), containersSupported: false, defaultStore: '0' };
    const report = await restoreCookies(
      [
        firefoxCookie({ name: 'a', storeId: 'firefox-container-1', container: work }),
        firefoxCookie({ name: 'b' }),
      ],
      windows,
      deps,
    );
    expect(deps.resolved).toEqual([]);
    expect(set.map((c) => [c.name, c.storeId])).toEqual([['b', '0']]);
    expect(report.skipped).toEqual([
      {
        name: 'a',
        domain: '127.0.0.1',
        why: 'it was saved in the Firefox container “Work”, and this browser has no containers.',
      },
    ]);
  });

  it('sets the cookies in input order, as set calls for this browser', async () => {
    const { adapter, set } = fakeAdapter();
    const input = [
      firefoxCookie({ name: 'late', session: false, expirationDate: NEW_YEAR_2026 + 100 }),
      firefoxCookie({
        name: 'prefs',
        domain: '.example.com',
        hostOnly: false,
        secure: true,
        sameSite: 'lax',
        session: false,
        expirationDate: NEW_YEAR_2026,
      }),
      firefoxCookie({ name: 'sid' }),
    ];
    const report = await restoreCookies(input, windows, firefoxDeps(adapter));
    expect(set).toEqual([
      {
        url: 'http://127.0.0.1/',
        name: 'late',
        value: 'alice',
        path: '/',
        secure: false,
        httpOnly: true,
        sameSite: 'unspecified',
        expirationDate: NEW_YEAR_2026 + 100,
        storeId: 'firefox-default',
        firstPartyDomain: '',
      },
      {
        url: 'https://example.com/',
        name: 'prefs',
        value: 'alice',
        domain: '.example.com',
        path: '/',
        secure: true,
        httpOnly: true,
        sameSite: 'lax',
        expirationDate: NEW_YEAR_2026,
        storeId: 'firefox-default',
        firstPartyDomain: '',
      },
      {
        url: 'http://127.0.0.1/',
        name: 'sid',
        value: 'alice',
        path: '/',
        secure: false,
        httpOnly: true,
        sameSite: 'unspecified',
        storeId: 'firefox-default',
        firstPartyDomain: '',
      },
    ] satisfies CookieSetCall[]);
    expect(report).toEqual({ restored: 3, skipped: [], skippedCount: 0, warnings: [] });
  });

  it('lists each cookie the browser refuses with the browser’s message, and sets the rest', async () => {
    const { adapter, set } = fakeAdapter({
      bad: new Error('Permission denied to set cookie'),
      odd: 'a string, not an Error',
    });
    const report = await restoreCookies(
      [
        firefoxCookie({ name: 'bad' }),
        firefoxCookie({ name: 'ok' }),
        firefoxCookie({ name: 'odd', domain: '.example.com', hostOnly: false }),
      ],
      windows,
      firefoxDeps(adapter),
    );
    expect(set.map((c) => c.name)).toEqual(['ok']);
    expect(report).toEqual({
      restored: 1,
      skipped: [
        {
          name: 'bad',
          domain: '127.0.0.1',
          why: 'the browser refused it (Permission denied to set cookie).',
        },
        {
          name: 'odd',
          domain: '.example.com',
          why: 'the browser refused it (a string, not an Error).',
        },
      ],
      skippedCount: 2,
      warnings: [],
    });
  });

  it('lists the rules’ skips before the browser’s refusals', async () => {
    const { adapter } = fakeAdapter({ refused: new Error('no') });
    const report = await restoreCookies(
      [
        firefoxCookie({ name: 'refused' }),
        firefoxCookie({ name: 'old', session: false, expirationDate: 1_000_000_000 }),
        null,
      ],
      windows,
      firefoxDeps(adapter),
    );
    expect(report.skipped.map((s) => [s.name, s.why])).toEqual([
      ['old', 'it expired on 2001-09-09T01:46:40.000Z.'],
      ['?', 'it is not a cookie Tabkeep can read: it should be Object, not null.'],
      ['refused', 'the browser refused it (no).'],
    ]);
    expect(report.restored).toBe(0);
  });

  it('lists the first 50 cookies left out and counts them all', async () => {
    const { adapter, set } = fakeAdapter({ refusedA: new Error('no'), refusedB: new Error('no') });
    const expired = Array.from({ length: 60 }, (_, i) =>
      firefoxCookie({ name: `old${i}`, session: false, expirationDate: 1_000_000_000 + i }),
    );
    const outside = Array.from({ length: 10 }, (_, i) =>
      firefoxCookie({ name: `far${i}`, domain: 'elsewhere.test' }),
    );
    const report = await restoreCookies(
      [
        firefoxCookie({ name: 'refusedA' }),
        ...expired,
        firefoxCookie({ name: 'kept' }),
        ...outside,
        firefoxCookie({ name: 'refusedB' }),
      ],
      windows,
      firefoxDeps(adapter),
    );
    expect(set.map((c) => c.name)).toEqual(['kept']);
    expect(report.restored).toBe(1);
    expect(report.skippedCount).toBe(72);
    expect(report.skipped).toHaveLength(50);
    expect(report.skipped.map((s) => s.name)).toEqual(expired.slice(0, 50).map((c) => c.name));
  });

  it('passes the rules’ warnings through, and sets only what the limits keep', async () => {
    const { adapter, set } = fakeAdapter();
    const many = Array.from({ length: 181 }, (_, i) =>
      firefoxCookie({ name: `c${i}`, session: false, expirationDate: NEW_YEAR_2026 + i }),
    );
    const report = await restoreCookies(many, windows, firefoxDeps(adapter));
    expect(report.warnings).toEqual([
      '1 cookie(s) were left out, those expiring soonest: browsers keep about 180 cookies per site and 3300 in all, and drop any over that.',
    ]);
    expect(report.restored).toBe(180);
    expect(set).toHaveLength(180);
    expect(set.map((c) => c.name)).not.toContain('c0');
    expect(report.skipped.map((s) => s.name)).toEqual(['c0']);
  });

  it('does nothing with nothing', async () => {
    const { adapter, set } = fakeAdapter();
    const deps = firefoxDeps(adapter);
    expect(await restoreCookies([], windows, deps)).toEqual({
      restored: 0,
      skipped: [],
      skippedCount: 0,
      warnings: [],
    });
    expect(set).toEqual([]);
    expect(deps.resolved).toEqual([]);
  });
});
