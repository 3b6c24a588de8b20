import { describe, expect, it } from 'vitest';
import { cookieInfo, selectCookies, type CaptureOptions } from '@/lib/cookies/capture';
import type { SavedCookie } from '@/lib/cookies/model';
import type { RawContainer } from '@/lib/capture/raw';
import { chromeCookie, firefoxCookie, firefoxListed, prefsCookie } from './fixtures';

/** Firefox 153's `cookies.getAll` result for a cookie set without SameSite, as measured. */
const firefoxSid = firefoxListed();

/** A Chromium `cookies.getAll` result: domain cookie with an expiry, and the fields Chromium adds. */
function chromiumListed(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...prefsCookie(), ...extra };
}

const work: RawContainer = {
  cookieStoreId: 'firefox-container-1',
  name: 'Work',
  color: 'blue',
  icon: 'briefcase',
};

function select(raw: readonly unknown[], extra: Partial<CaptureOptions> = {}): SavedCookie[] {
  return selectCookies(raw, {
    hosts: new Set(['www.example.com', '127.0.0.1']),
    scope: 'sites',
    containers: [],
    ...extra,
  });
}

const names = (cookies: readonly SavedCookie[]) => cookies.map((c) => `${c.name}@${c.domain}`);

describe('selectCookies', () => {
  it('keeps Firefox’s cookie with partitionKey null, without the null', () => {
    const kept = select([firefoxSid]);
    expect(kept).toEqual([firefoxCookie()]);
    expect(kept[0]).not.toHaveProperty('partitionKey');
  });

  it('strips fields the browser adds that a saved cookie does not keep', () => {
    const [kept] = select([
      chromiumListed({ tabIds: [3, 4], sourcePort: 443, partitionKey: undefined, extra: 'x' }),
    ]);
    expect(Object.keys(kept!).sort()).toEqual(
      [
        'domain',
        'expirationDate',
        'hostOnly',
        'httpOnly',
        'name',
        'path',
        'sameSite',
        'secure',
        'session',
        'storeId',
        'value',
      ].sort(),
    );
  });

  it('with scope "sites", keeps the cookies of tab hosts, their parent domains and subdomains', () => {
    const raw = [
      chromiumListed({ name: 'exact', domain: 'www.example.com', hostOnly: true }),
      chromiumListed({ name: 'parent', domain: '.example.com' }),
      chromiumListed({ name: 'sub', domain: 'static.www.example.com', hostOnly: true }),
      chromiumListed({ name: 'sibling', domain: 'mail.example.com', hostOnly: true }),
      chromiumListed({ name: 'other', domain: '.example.org' }),
      chromiumListed({ name: 'lookalike', domain: '.badexample.com' }),
      { ...firefoxSid, storeId: '0' },
      chromiumListed({ name: 'ip', domain: '127.0.0.2', hostOnly: true }),
    ];
    expect(names(select(raw))).toEqual([
      'exact@www.example.com',
      'parent@.example.com',
      'sub@static.www.example.com',
      'sid@127.0.0.1',
    ]);
  });

  it('keeps a partitioned cookie whose top-level site is a session site, whatever its domain', () => {
    const raw = [
      chromiumListed({
        name: 'embedded',
        domain: 'widgets.test',
        hostOnly: true,
        partitionKey: { topLevelSite: 'https://example.com', hasCrossSiteAncestor: false },
      }),
      chromiumListed({
        name: 'elsewhere',
        domain: 'widgets.test',
        hostOnly: true,
        partitionKey: { topLevelSite: 'https://other.test' },
      }),
      chromiumListed({
        name: 'unpartitioned',
        domain: 'widgets.test',
        hostOnly: true,
        partitionKey: {},
      }),
      chromiumListed({
        name: 'garbled',
        domain: 'widgets.test',
        hostOnly: true,
        partitionKey: { topLevelSite: 'not a url' },
      }),
    ];
    const kept = select(raw);
    expect(names(kept)).toEqual(['embedded@widgets.test']);
    expect(kept[0]!.partitionKey).toEqual({
      topLevelSite: 'https://example.com',
      hasCrossSiteAncestor: false,
    });
  });

  it('with scope "all", keeps every readable cookie whatever its site', () => {
    const raw = [
      chromiumListed({ name: 'a', domain: '.example.org' }),
      chromiumListed({ name: 'b', domain: 'elsewhere.test', hostOnly: true }),
      firefoxSid,
    ];
    expect(names(select(raw, { scope: 'all', hosts: new Set() }))).toEqual([
      'a@.example.org',
      'b@elsewhere.test',
      'sid@127.0.0.1',
    ]);
  });

  it('drops malformed entries and keeps the rest', () => {
    const raw = [
      null,
      'sid=1',
      42,
      [],
      chromiumListed({ name: 1 }),
      chromiumListed({ domain: '' }),
      chromiumListed({ domain: '..example.com' }),
      chromiumListed({ path: 'app' }),
      chromiumListed({ sameSite: 'none' }),
      chromiumListed({ expirationDate: undefined }),
      chromiumListed({ expirationDate: Number.NaN }),
      chromiumListed({ partitionKey: { topLevelSite: 7 } }),
      chromiumListed({ storeId: undefined }),
      chromiumListed({ name: 'good' }),
    ];
    expect(names(select(raw, { scope: 'all' }))).toEqual(['good@.example.com']);
  });

  it('keeps one copy of a cookie listed twice (partitioned and unpartitioned listings)', () => {
    const partitioned = chromiumListed({
      name: 'p',
      partitionKey: { topLevelSite: 'https://example.com' },
    });
    const raw = [
      chromiumListed({ name: 'a' }),
      partitioned,
      chromiumListed({ name: 'a' }),
      { ...partitioned },
      // Same name, another path, store, partition or first-party domain: each its own cookie.
      chromiumListed({ name: 'a', path: '/app' }),
      chromiumListed({ name: 'a', storeId: '1' }),
      chromiumListed({ name: 'a', partitionKey: { topLevelSite: 'https://www.example.com' } }),
      chromiumListed({ name: 'a', firstPartyDomain: 'example.com' }),
    ];
    const kept = select(raw);
    expect(kept).toHaveLength(6);
    expect(kept.map((c) => [c.name, c.path, c.storeId])).toEqual([
      ['a', '/', '0'],
      ['p', '/', '0'],
      ['a', '/app', '0'],
      ['a', '/', '1'],
      ['a', '/', '0'],
      ['a', '/', '0'],
    ]);
  });

  it('records the container’s name, color and icon for container stores only', () => {
    const raw = [
      { ...firefoxSid, storeId: 'firefox-container-1' },
      { ...firefoxSid, storeId: 'firefox-container-9' },
      firefoxSid,
      { ...firefoxSid, storeId: 'firefox-private' },
    ];
    const kept = select(raw, {
      containers: [
        work,
        // Not a container, whatever the list says: the default store gets no name.
        { cookieStoreId: 'firefox-default', name: 'Default', color: 'red', icon: 'circle' },
      ],
    });
    expect(kept.map((c) => [c.storeId, c.container])).toEqual([
      ['firefox-container-1', { name: 'Work', color: 'blue', icon: 'briefcase' }],
      ['firefox-container-9', undefined],
      ['firefox-default', undefined],
      ['firefox-private', undefined],
    ]);
    expect(kept[2]).not.toHaveProperty('container');
  });

  it('does not take a container named by the browser’s cookie itself', () => {
    const [kept] = select(
      [
        {
          ...firefoxSid,
          storeId: 'firefox-container-1',
          container: { name: 'Spoof', color: '', icon: '' },
        },
      ],
      { containers: [work] },
    );
    expect(kept!.container).toEqual({ name: 'Work', color: 'blue', icon: 'briefcase' });
  });

  it('keeps nothing of nothing', () => {
    expect(select([])).toEqual([]);
  });
});

/** A secure SameSite=Lax session cookie of .example.com, in store '0'. */
function saved(extra: Partial<SavedCookie> = {}): SavedCookie {
  return chromeCookie({
    name: 'c',
    value: 'v',
    domain: '.example.com',
    hostOnly: false,
    secure: true,
    httpOnly: false,
    sameSite: 'lax',
    ...extra,
  });
}

describe('cookieInfo', () => {
  it('is empty for no cookies', () => {
    expect(cookieInfo([], new Set())).toEqual({
      count: 0,
      sites: [],
      expiresAt: null,
      largestSite: 0,
    });
    expect(cookieInfo([], null)).toEqual({
      count: 0,
      sites: [],
      expiresAt: null,
      largestSite: 0,
      allSites: true,
    });
  });

  it('dates nothing when only session cookies are saved', () => {
    expect(cookieInfo([saved(), saved({ httpOnly: true })], null).expiresAt).toBeNull();
  });

  it('dates the login by the earliest persistent HttpOnly cookie, in ms', () => {
    const info = cookieInfo(
      [
        saved({ httpOnly: true }),
        saved({ session: false, expirationDate: 1_800_000_000.4, httpOnly: true }),
        saved({ session: false, expirationDate: 1_700_000_000.5, httpOnly: true }),
        // Earlier still, but not HttpOnly: not the login.
        saved({ session: false, expirationDate: 1_600_000_000 }),
        saved({ session: false, expirationDate: 1_900_000_000 }),
      ],
      null,
    );
    expect(info.expiresAt).toBe(1_700_000_000_500);
  });

  it('without persistent HttpOnly cookies, dates it by the latest persistent one', () => {
    const info = cookieInfo(
      [
        saved({ httpOnly: true }),
        saved({ session: false, expirationDate: 1_600_000_000 }),
        saved({ session: false, expirationDate: 1_900_000_000.25 }),
        saved({ session: false, expirationDate: 1_700_000_000 }),
      ],
      null,
    );
    expect(info.expiresAt).toBe(1_900_000_000_250);
  });

  it('counts the cookies and names their sites once each, sorted', () => {
    const info = cookieInfo(
      [
        saved({ domain: 'www.zeta.test' }),
        saved({ domain: '.Example.com' }),
        saved({ domain: 'mail.example.com' }),
        saved({ domain: 'shop.example.co.uk' }),
        saved({ domain: '127.0.0.1' }),
      ],
      null,
    );
    expect(info.count).toBe(5);
    expect(info.sites).toEqual(['127.0.0.1', 'example.co.uk', 'example.com', 'zeta.test']);
  });

  it('finds the largest site per store and site: jars of stores are counted apart', () => {
    const info = cookieInfo(
      [
        saved({ domain: 'a.example.com' }),
        saved({ domain: 'b.example.com' }),
        saved({ domain: '.example.com' }),
        saved({ domain: '.example.com', storeId: 'firefox-container-1' }),
        saved({ domain: '.example.com', storeId: 'firefox-container-1' }),
        saved({ domain: 'other.test' }),
      ],
      null,
    );
    expect(info.largestSite).toBe(3);
    // Across stores the same site would make 5; it is not counted that way.
    expect(cookieInfo([saved({ storeId: '1' }), saved({ storeId: '0' })], null).largestSite).toBe(
      1,
    );
  });

  // Math.min(...list) overflows the stack at about 130,000 arguments in V8.
  it('handles more cookies than a call takes arguments', () => {
    const many: SavedCookie[] = new Array<SavedCookie>(150_000).fill(
      saved({ session: false, expirationDate: 1_800_000_000, httpOnly: true }),
    );
    many.push(saved({ session: false, expirationDate: 1_700_000_000, httpOnly: true }));
    const info = cookieInfo(many, null);
    expect(info.expiresAt).toBe(1_700_000_000_000);
    expect(info.largestSite).toBe(150_001);
  });
});

describe('cookieInfo for a session saved by its sites', () => {
  it('names only the sites a restore will set cookies of, and is not flagged "all sites"', () => {
    const info = cookieInfo(
      [saved({ domain: '.example.com' }), saved({ domain: 'tracker.test' })],
      new Set(['www.example.com']),
    );
    expect(info.sites).toEqual(['example.com']);
    expect(info.count).toBe(2);
    expect(info).not.toHaveProperty('allSites');
  });
});
