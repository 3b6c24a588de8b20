import { describe, expect, it } from 'vitest';
import type { SavedCookie } from '@/lib/cookies/model';
import {
  planCookieRestore,
  type CookieRestoreOptions,
  type CookieSetCall,
} from '@/lib/cookies/restore-rules';
import { NEW_YEAR_2026, chromeCookie, prefsCookie } from './fixtures';

// Shaped like `browser.cookies.getAll` results (Chromium unless said otherwise).

/** Host-only, HttpOnly session cookie of a local dev server. */
const localSession: SavedCookie = chromeCookie({ value: 's%3Aq1w2e3' });

/** Domain cookie with SameSite=Lax and an expiry. */
const examplePrefs: SavedCookie = prefsCookie({ value: 'theme=dark', path: '/app' });

/** A partitioned (CHIPS) cookie of a widget embedded in example.com. */
const partitionedWidget: SavedCookie = prefsCookie({
  name: 'wid',
  value: '42',
  domain: 'widgets.test',
  hostOnly: true,
  sameSite: 'no_restriction',
  partitionKey: { topLevelSite: 'https://example.com', hasCrossSiteAncestor: false },
});

/** Firefox: a cookie in a container, first-party isolation off. */
const firefoxContainer: SavedCookie = {
  name: 'GMAIL_AT',
  value: 'xyz',
  domain: 'mail.example.org',
  hostOnly: true,
  path: '/mail',
  secure: true,
  httpOnly: true,
  sameSite: 'strict',
  session: false,
  expirationDate: NEW_YEAR_2026,
  storeId: 'firefox-container-1',
  firstPartyDomain: '',
};

const NOW = Date.UTC(2025, 5, 1); // 2025-06-01

const STORES: Record<string, string> = {
  '0': '0',
  'firefox-default': 'firefox-default',
  // The "Work" container has another id in this profile.
  'firefox-container-1': 'firefox-container-3',
};

const options: CookieRestoreOptions = {
  now: NOW,
  sites: new Set(['127.0.0.1', 'example.com', 'mail.example.org']),
  storeFor: ({ storeId }) =>
    STORES[storeId] === undefined
      ? { why: `its container (${storeId}) does not exist here.` }
      : { storeId: STORES[storeId] },
};

function plan(raw: readonly unknown[], extra: Partial<CookieRestoreOptions> = {}) {
  return planCookieRestore(raw, { ...options, ...extra });
}

function skipReasons(raw: readonly unknown[], extra: Partial<CookieRestoreOptions> = {}) {
  return plan(raw, extra).skipped.map((s) => [s.name, s.domain, s.why]);
}

describe('planCookieRestore', () => {
  it('restores a host-only session cookie without domain and expirationDate, over http when not secure', () => {
    expect(plan([localSession])).toEqual({
      set: [
        {
          url: 'http://127.0.0.1/',
          name: 'sid',
          value: 's%3Aq1w2e3',
          path: '/',
          secure: false,
          httpOnly: true,
          sameSite: 'unspecified',
          storeId: '0',
        } satisfies CookieSetCall,
      ],
      skipped: [],
      warnings: [],
    });
  });

  it('restores a domain cookie with its domain and expiry, at https + domain without the dot + path', () => {
    expect(plan([examplePrefs]).set).toEqual([
      {
        url: 'https://example.com/app',
        name: 'prefs',
        value: 'theme=dark',
        domain: '.example.com',
        path: '/app',
        secure: true,
        httpOnly: false,
        sameSite: 'lax',
        expirationDate: NEW_YEAR_2026,
        storeId: '0',
      } satisfies CookieSetCall,
    ]);
  });

  it('skips a cookie expired at restore time, saying when it expired', () => {
    const expired = { ...examplePrefs, expirationDate: Date.UTC(2025, 0, 1) / 1000 };
    const expiresNow = { ...examplePrefs, name: 'now', expirationDate: NOW / 1000 };
    const fraction = { ...examplePrefs, name: 'later', expirationDate: NOW / 1000 + 0.5 };
    const result = plan([expired, expiresNow, fraction]);
    expect(result.skipped).toEqual([
      { name: 'prefs', domain: '.example.com', why: 'it expired on 2025-01-01T00:00:00.000Z.' },
      { name: 'now', domain: '.example.com', why: 'it expired on 2025-06-01T00:00:00.000Z.' },
    ]);
    expect(result.set.map((c) => [c.name, c.expirationDate])).toEqual([
      ['later', NOW / 1000 + 0.5],
    ]);
  });

  it('skips cookies of sites outside the session; subdomains and parent domains belong', () => {
    const raw = [
      { ...examplePrefs, name: 'sub', domain: 'shop.example.com', hostOnly: true },
      { ...examplePrefs, name: 'parent', domain: '.example.org' }, // parent of mail.example.org
      { ...examplePrefs, name: 'other', domain: '.tracker.net' },
      { ...examplePrefs, name: 'lookalike', domain: '.notexample.com' },
    ];
    expect(plan(raw).set.map((c) => c.name)).toEqual(['sub', 'parent']);
    expect(skipReasons(raw)).toEqual([
      ['other', '.tracker.net', 'its site is not among the session’s tabs.'],
      ['lookalike', '.notexample.com', 'its site is not among the session’s tabs.'],
    ]);
  });

  it('restores a __Host- cookie only when secure, on path /, without a domain', () => {
    const good: SavedCookie = {
      ...localSession,
      name: '__Host-csrf',
      domain: 'app.example.com',
      secure: true,
      sameSite: 'strict',
    };
    const why = 'a __Host- cookie must be secure, on path /, without a domain.';
    const raw = [
      good,
      { ...good, value: 'domain', hostOnly: false, domain: '.example.com' },
      { ...good, value: 'insecure', secure: false },
      { ...good, value: 'path', path: '/app' },
      { ...good, name: '__host-lower', secure: false }, // browsers match prefixes in any case
    ];
    expect(plan(raw).set).toEqual([
      {
        url: 'https://app.example.com/',
        name: '__Host-csrf',
        value: 's%3Aq1w2e3',
        path: '/',
        secure: true,
        httpOnly: true,
        sameSite: 'strict',
        storeId: '0',
      },
    ]);
    expect(skipReasons(raw)).toEqual([
      ['__Host-csrf', '.example.com', why],
      ['__Host-csrf', 'app.example.com', why],
      ['__Host-csrf', 'app.example.com', why],
      ['__host-lower', 'app.example.com', why],
    ]);
  });

  it('skips a __Secure- cookie that is not secure', () => {
    const raw = [
      { ...examplePrefs, name: '__Secure-id' },
      { ...examplePrefs, name: '__Secure-id', secure: false },
    ];
    expect(plan(raw).set.map((c) => [c.name, c.url])).toEqual([
      ['__Secure-id', 'https://example.com/app'],
    ]);
    expect(skipReasons(raw)).toEqual([
      ['__Secure-id', '.example.com', 'a __Secure- cookie must be secure.'],
    ]);
  });

  it('skips SameSite=None without Secure', () => {
    const raw = [
      { ...examplePrefs, sameSite: 'no_restriction' },
      { ...examplePrefs, name: 'plain', sameSite: 'no_restriction', secure: false },
    ];
    expect(plan(raw).set.map((c) => [c.name, c.sameSite])).toEqual([['prefs', 'no_restriction']]);
    expect(skipReasons(raw)).toEqual([['plain', '.example.com', 'SameSite=None needs Secure.']]);
  });

  it('restores a secure partitioned cookie with its partition key, under the session’s top-level site', () => {
    const insecure = { ...partitionedWidget, name: 'old', sameSite: 'lax', secure: false };
    const elsewhere = {
      ...partitionedWidget,
      name: 'elsewhere',
      partitionKey: { topLevelSite: 'https://news.test' },
    };
    const result = plan([partitionedWidget, insecure, elsewhere]);
    expect(result.set).toEqual([
      {
        url: 'https://widgets.test/',
        name: 'wid',
        value: '42',
        path: '/',
        secure: true,
        httpOnly: false,
        sameSite: 'no_restriction',
        expirationDate: NEW_YEAR_2026,
        storeId: '0',
        partitionKey: { topLevelSite: 'https://example.com', hasCrossSiteAncestor: false },
      } satisfies CookieSetCall,
    ]);
    expect(result.skipped).toEqual([
      { name: 'old', domain: 'widgets.test', why: 'a partitioned cookie must be secure.' },
      {
        name: 'elsewhere',
        domain: 'widgets.test',
        why: 'its site is not among the session’s tabs.',
      },
    ]);
  });

  it('drops an empty partition key: the cookie is not partitioned', () => {
    const [call] = plan([{ ...examplePrefs, partitionKey: {} }]).set;
    expect(call).not.toHaveProperty('partitionKey');
  });

  it('maps the container to this browser’s store, keeps firstPartyDomain, and skips unknown containers', () => {
    const missing = { ...firefoxContainer, name: 'gone', storeId: 'firefox-container-9' };
    const result = plan([firefoxContainer, missing]);
    expect(result.set).toEqual([
      {
        url: 'https://mail.example.org/mail',
        name: 'GMAIL_AT',
        value: 'xyz',
        path: '/mail',
        secure: true,
        httpOnly: true,
        sameSite: 'strict',
        expirationDate: NEW_YEAR_2026,
        storeId: 'firefox-container-3',
        firstPartyDomain: '',
      } satisfies CookieSetCall,
    ]);
    expect(result.skipped).toEqual([
      {
        name: 'gone',
        domain: 'mail.example.org',
        why: 'its container (firefox-container-9) does not exist here.',
      },
    ]);
  });

  it('handles odd hosts: a leading dot on a host-only cookie, IPv6, a domain that is not a host', () => {
    const raw = [
      { ...localSession, name: 'dotted', domain: '.127.0.0.1' },
      { ...localSession, name: 'v6', domain: '::1' },
      { ...localSession, name: 'v6b', domain: '[::1]', path: '/x' },
      { ...localSession, name: 'bad', domain: 'example.com/evil' },
    ];
    const sites = new Set(['127.0.0.1', '[::1]', '::1', 'example.com']);
    expect(plan(raw, { sites }).set.map((c) => [c.name, c.url, c.domain])).toEqual([
      ['dotted', 'http://127.0.0.1/', undefined],
      ['v6', 'http://[::1]/', undefined],
      ['v6b', 'http://[::1]/x', undefined],
    ]);
    expect(skipReasons(raw, { sites })).toEqual([
      ['bad', 'example.com/evil', 'its domain is not a host name a browser accepts.'],
    ]);
  });

  it('skips each malformed entry with its first schema issue, naming it when it can', () => {
    const noExpiry: Record<string, unknown> = { ...examplePrefs };
    delete noExpiry.expirationDate;
    const noName: Record<string, unknown> = { ...localSession };
    delete noName.name;
    const raw: unknown[] = [
      'sid=1',
      null,
      noName,
      { ...localSession, sameSite: 'none' },
      { ...localSession, secure: 'true' },
      noExpiry,
      { ...localSession, path: 'app' },
      { ...localSession, domain: '.' },
      { ...examplePrefs, expirationDate: Infinity },
      { ...localSession, partitionKey: { topLevelSite: 5 } },
    ];
    const prefix = 'it is not a cookie Tabkeep can read: ';
    expect(skipReasons(raw)).toEqual([
      ['?', '?', `${prefix}it should be Object, not "sid=1".`],
      ['?', '?', `${prefix}it should be Object, not null.`],
      ['?', '127.0.0.1', `${prefix}field “name” is missing.`],
      [
        'sid',
        '127.0.0.1',
        `${prefix}field “sameSite” should be ("no_restriction" | "lax" | "strict" | "unspecified"), not "none".`,
      ],
      ['sid', '127.0.0.1', `${prefix}field “secure” should be boolean, not "true".`],
      [
        'prefs',
        '.example.com',
        `${prefix}field “expirationDate” is missing, and the cookie is not a session cookie.`,
      ],
      ['sid', '127.0.0.1', `${prefix}field “path” does not start with “/”.`],
      ['sid', '.', `${prefix}field “domain” is empty.`],
      ['prefs', '.example.com', `${prefix}field “expirationDate” is not a finite number.`],
      ['sid', '127.0.0.1', `${prefix}field “partitionKey.topLevelSite” should be string, not 5.`],
    ]);
    expect(plan(raw).set).toEqual([]);
  });

  it('in a mixed batch, skips the bad ones and restores the rest, both in input order', () => {
    const raw: unknown[] = [
      localSession,
      { name: 'broken' },
      examplePrefs,
      { ...examplePrefs, name: 'old', expirationDate: 1 },
      partitionedWidget,
      { ...examplePrefs, name: 'ad', domain: '.ads.test' },
      firefoxContainer,
    ];
    const result = plan(raw);
    expect(result.set.map((c) => [c.name, c.url, c.storeId])).toEqual([
      ['sid', 'http://127.0.0.1/', '0'],
      ['prefs', 'https://example.com/app', '0'],
      ['wid', 'https://widgets.test/', '0'],
      ['GMAIL_AT', 'https://mail.example.org/mail', 'firefox-container-3'],
    ]);
    expect(result.skipped.map((s) => [s.name, s.why])).toEqual([
      ['broken', 'it is not a cookie Tabkeep can read: field “value” is missing.'],
      ['old', 'it expired on 1970-01-01T00:00:01.000Z.'],
      ['ad', 'its site is not among the session’s tabs.'],
    ]);
    expect(result.warnings).toEqual([]);
    // Pure: the same input gives the same plan.
    expect(plan(raw)).toEqual(result);
  });

  it('over the limits, keeps the latest-expiring per site and in all, and warns once', () => {
    const at = (name: string, domain: string, expirationDate?: number): SavedCookie =>
      expirationDate === undefined
        ? { ...localSession, name, domain }
        : { ...examplePrefs, name, domain, expirationDate };
    const raw = [
      at('a1', '.example.com', NEW_YEAR_2026 + 1),
      at('a2', 'www.example.com', NEW_YEAR_2026 + 3),
      at('a3', 'example.com'), // session: counts as latest
      at('a4', '.example.com', NEW_YEAR_2026 + 2),
      at('b1', 'mail.example.org', NEW_YEAR_2026 + 5),
      at('b2', 'mail.example.org', NEW_YEAR_2026 + 4),
      at('c1', '127.0.0.1', NEW_YEAR_2026 + 6),
    ];
    const result = plan(raw, { limits: { perSite: 2, total: 4 } });
    // example.com keeps a3 (session) and a2; of a3, a2, b1, b2, c1 the latest four stay.
    expect(result.set.map((c) => c.name)).toEqual(['a3', 'b1', 'b2', 'c1']);
    expect(result.skipped.map((s) => [s.name, s.why])).toEqual([
      ['a1', 'its site (example.com) has over 2 cookies; this one expires sooner.'],
      ['a2', 'there are over 4 cookies in all; this one expires sooner.'],
      ['a4', 'its site (example.com) has over 2 cookies; this one expires sooner.'],
    ]);
    expect(result.warnings).toEqual([
      '3 cookie(s) were left out, those expiring soonest: browsers keep about 2 cookies per site and 4 in all, and drop any over that.',
    ]);
  });

  it('uses Chrome’s limits by default: 180 per site', () => {
    const raw = Array.from({ length: 181 }, (_, i) => ({
      ...examplePrefs,
      name: `c${i}`,
      expirationDate: NEW_YEAR_2026 + i,
    }));
    const result = plan(raw);
    expect(result.set).toHaveLength(180);
    expect(result.skipped.map((s) => s.name)).toEqual(['c0']);
    expect(result.warnings).toHaveLength(1);
  });
});
