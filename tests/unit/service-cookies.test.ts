import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RawContainer } from '@/lib/capture/raw';
import type { SavedCookie } from '@/lib/cookies/model';
import { chromeCookie, firefoxListed, prefsCookie } from './cookies/fixtures';
import { rawState, rawTab, rawWindow } from './fakes';
import { Harness } from './service-harness';

let h: Harness;

/** Firefox 153's `cookies.getAll` result for a cookie set without SameSite, as measured. */
const firefoxSid = firefoxListed();

/** The same login cookie as Chrome lists it. */
const chromeSid = chromeCookie();

/** Seconds since the epoch, as the API has them, `hours` after the harness's clock. */
function inHours(hours: number): number {
  return h.clock / 1000 + hours * 3600;
}

function prefs(extra: Partial<SavedCookie> = {}) {
  return prefsCookie({ expirationDate: inHours(24 * 30), ...extra });
}

const work: RawContainer = {
  cookieStoreId: 'firefox-container-1',
  name: 'Work',
  color: 'blue',
  icon: 'briefcase',
};

beforeEach(() => {
  h = new Harness();
  h.browser = rawState([
    rawWindow([rawTab('http://127.0.0.1:8080/login'), rawTab('https://www.example.com/')]),
  ]);
  h.cookies.jar = [
    chromeSid,
    prefs(),
    // Not a site of the session's tabs.
    prefs({ name: 'ad', domain: '.tracker.test' }),
  ];
});

afterEach(() => h.close());

describe('save with cookies', () => {
  it('with scope "sites", keeps the session sites’ cookies in a jar and sums them up', async () => {
    const result = await h.service().save({ cookies: 'sites' });
    expect(result.cookies).toEqual({ saved: 2 });
    const jar = await h.db.cookieJars.get(result.session.id);
    expect(jar).toEqual({ id: result.session.id, cookies: [chromeSid, prefs()] });
    const summary = {
      count: 2,
      sites: ['127.0.0.1', 'example.com'],
      expiresAt: Math.round(inHours(24 * 30) * 1000),
      largestSite: 1,
    };
    expect(result.session.cookies).toEqual(summary);
    expect((await h.db.summaries.get(result.session.id))?.cookies).toEqual(summary);
  });

  it('with scope "all", keeps cookies of every site', async () => {
    const result = await h.service().save({ cookies: 'all' });
    expect(result.cookies).toEqual({ saved: 3 });
    const jar = await h.db.cookieJars.get(result.session.id);
    expect(jar?.cookies.map((c) => (c as { name: string }).name)).toEqual(['sid', 'prefs', 'ad']);
    expect(result.session.cookies?.sites).toEqual(['127.0.0.1', 'example.com', 'tracker.test']);
  });

  it('without cookies asked for, reads none and writes no jar', async () => {
    const readAll = vi.spyOn(h.cookies, 'readAll');
    const result = await h.service().save({});
    expect(result).not.toHaveProperty('cookies');
    expect(result.session).not.toHaveProperty('cookies');
    expect(readAll).not.toHaveBeenCalled();
    expect(await h.db.cookieJars.count()).toBe(0);
    expect(await h.db.summaries.count()).toBe(1);
  });

  it('when none of the cookies are of the session’s sites, says 0 and writes no jar', async () => {
    h.cookies.jar = [prefs({ name: 'ad', domain: '.tracker.test' })];
    const result = await h.service().save({ cookies: 'sites' });
    expect(result.cookies).toEqual({ saved: 0 });
    expect(result.session).not.toHaveProperty('cookies');
    expect(await h.db.cookieJars.count()).toBe(0);
  });

  it('when not allowed to read cookies, still saves the session, with a note', async () => {
    h.cookies.allowed = false;
    const result = await h.service().save({ cookies: 'sites' });
    expect(result.cookies).toEqual({ saved: 0, note: 'Tabkeep is not allowed to read cookies.' });
    expect(result.session).not.toHaveProperty('cookies');
    expect(await h.db.summaries.get(result.session.id)).toEqual(result.session);
    expect(await h.urlsOf(result.session.id)).toEqual([
      ['http://127.0.0.1:8080/login', 'https://www.example.com/'],
    ]);
    expect(await h.db.cookieJars.count()).toBe(0);
  });

  it('when the browser fails to list cookies, still saves the session, with its message', async () => {
    vi.spyOn(h.cookies, 'readAll').mockRejectedValue(new Error('No such cookie store'));
    const result = await h.service().save({ cookies: 'sites' });
    expect(result.cookies).toEqual({
      saved: 0,
      note: 'The browser did not hand out its cookies (No such cookie store).',
    });
    expect(await h.db.summaries.count()).toBe(1);
    expect(await h.db.cookieJars.count()).toBe(0);
  });

  it('in Firefox, keeps a cookie with partitionKey null and names its container', async () => {
    h.browserName = 'firefox';
    h.browser = rawState(
      [
        rawWindow([
          rawTab('http://127.0.0.1:8080/login'),
          rawTab('http://127.0.0.1:8080/', { cookieStoreId: 'firefox-container-1' }),
        ]),
      ],
      { containers: [work] },
    );
    h.cookies.jar = [firefoxSid, { ...firefoxSid, value: 'bob', storeId: 'firefox-container-1' }];
    const readAll = vi.spyOn(h.cookies, 'readAll');
    const result = await h.service().save({ cookies: 'sites' });
    // Firefox lists only containers with a tab open: the service names them all.
    expect(readAll).toHaveBeenCalledWith(['firefox-container-1']);
    expect(result.cookies).toEqual({ saved: 2 });
    const { partitionKey, ...stripped } = firefoxSid;
    expect(partitionKey).toBeNull();
    expect((await h.db.cookieJars.get(result.session.id))?.cookies).toEqual([
      stripped,
      {
        ...stripped,
        value: 'bob',
        storeId: 'firefox-container-1',
        container: { name: 'Work', color: 'blue', icon: 'briefcase' },
      },
    ]);
    expect(result.session.cookies?.largestSite).toBe(1);
  });
});

describe('restore with cookies', () => {
  async function saved(): Promise<string> {
    return (await h.service().save({ cookies: 'sites' })).session.id;
  }

  it('sets the saved cookies before it opens the tabs', async () => {
    const id = await saved();
    h.cookies.jar = [];
    const report = await h.service().restore({ id, cookies: true });
    expect(h.events).toEqual(['cookie sid', 'cookie prefs', 'tabs']);
    expect(h.cookies.set_).toEqual([
      {
        url: 'http://127.0.0.1/',
        name: 'sid',
        value: 'alice',
        path: '/',
        secure: false,
        httpOnly: true,
        sameSite: 'unspecified',
        storeId: '0',
      },
      {
        url: 'https://example.com/',
        name: 'prefs',
        value: 'dark',
        domain: '.example.com',
        path: '/',
        secure: true,
        httpOnly: false,
        sameSite: 'lax',
        expirationDate: inHours(24 * 30),
        storeId: '0',
      },
    ]);
    expect(report).toMatchObject({
      windows: 1,
      tabs: 2,
      cookies: { restored: 2, skipped: [], skippedCount: 0, warnings: [] },
    });
  });

  it('without leave to set cookies, sets none, opens the tabs, and warns', async () => {
    const id = await saved();
    const report = await h.service().restore({ id, cookies: false });
    expect(h.cookies.set_).toEqual([]);
    expect(h.events).toEqual(['tabs']);
    expect(report.cookies).toEqual({
      restored: 0,
      skipped: [],
      skippedCount: 0,
      warnings: [
        'The session’s saved cookies were not restored: Tabkeep was not allowed to set cookies. They stay saved.',
      ],
    });
    expect(await h.db.cookieJars.get(id)).toBeDefined();
  });

  it('sets none when the request does not say, or the permission is gone', async () => {
    const id = await saved();
    const unsaid = await h.service().restore({ id });
    expect(unsaid.cookies?.restored).toBe(0);
    expect(unsaid.cookies?.warnings).toHaveLength(1);
    h.cookies.allowed = false;
    const revoked = await h.service().restore({ id, cookies: true });
    expect(revoked.cookies?.warnings[0]).toMatch(/not allowed to set cookies/);
    expect(h.cookies.set_).toEqual([]);
    expect(h.events).toEqual(['tabs', 'tabs']);
  });

  it('reports nothing of cookies for a session saved without them', async () => {
    const { session } = await h.service().save({});
    const report = await h.service().restore({ id: session.id, cookies: true });
    expect(report).not.toHaveProperty('cookies');
    expect(h.cookies.set_).toEqual([]);
  });

  it('skips the cookies that expired since the save, saying when', async () => {
    h.cookies.jar = [chromeSid, prefs({ expirationDate: inHours(1) })];
    const id = await saved();
    const expiry = new Date(h.clock + 3600_000).toISOString();
    h.clock += 2 * 3600_000;
    const report = await h.service().restore({ id, cookies: true });
    expect(h.cookies.set_.map((c) => c.name)).toEqual(['sid']);
    expect(report.cookies).toEqual({
      restored: 1,
      skipped: [{ name: 'prefs', domain: '.example.com', why: `it expired on ${expiry}.` }],
      skippedCount: 1,
      warnings: [],
    });
  });

  it('lists a cookie the browser refuses, with its message, and still opens the tabs', async () => {
    const id = await saved();
    h.cookies.refuse.set('prefs', 'Cookie is too large');
    const report = await h.service().restore({ id, cookies: true });
    expect(report.cookies?.restored).toBe(1);
    expect(report.cookies?.skipped).toEqual([
      {
        name: 'prefs',
        domain: '.example.com',
        why: 'the browser refused it (Cookie is too large).',
      },
    ]);
    expect(h.events).toEqual(['cookie sid', 'tabs']);
  });

  it('in Firefox, maps a container by name to this profile’s container, made if missing', async () => {
    h.browserName = 'firefox';
    const shopping: RawContainer = {
      cookieStoreId: 'firefox-container-2',
      name: 'Shopping',
      color: 'pink',
      icon: 'cart',
    };
    h.browser = rawState([rawWindow([rawTab('http://127.0.0.1:8080/')])], {
      containers: [work, shopping],
    });
    h.cookies.jar = [
      firefoxSid,
      { ...firefoxSid, name: 'w', storeId: 'firefox-container-1' },
      { ...firefoxSid, name: 's', storeId: 'firefox-container-2' },
    ];
    const id = await saved();
    // Another profile: "Work" has another id, "Shopping" does not exist yet.
    h.containers.set('Work', 'firefox-container-5');
    const report = await h.service().restore({ id, cookies: true });
    expect(h.containers.get('Shopping')).toBe('firefox-container-11');
    expect(h.cookies.set_.map((c) => [c.name, c.storeId, c.firstPartyDomain])).toEqual([
      ['sid', 'firefox-default', ''],
      ['w', 'firefox-container-5', ''],
      ['s', 'firefox-container-11', ''],
    ]);
    expect(report.cookies?.restored).toBe(3);
  });

  it('in Chrome, skips a Firefox container’s cookie and maps the default store to "0"', async () => {
    h.browserName = 'firefox';
    h.browser = rawState([rawWindow([rawTab('http://127.0.0.1:8080/')])], {
      containers: [work],
    });
    h.cookies.jar = [firefoxSid, { ...firefoxSid, name: 'w', storeId: 'firefox-container-1' }];
    const id = await saved();
    h.browserName = 'chrome';
    const report = await h.service().restore({ id, cookies: true });
    expect(h.cookies.set_.map((c) => [c.name, c.storeId])).toEqual([['sid', '0']]);
    expect(report.cookies?.skipped).toEqual([
      {
        name: 'w',
        domain: '127.0.0.1',
        why: 'it was saved in the Firefox container “Work”, and this browser has no containers.',
      },
    ]);
    expect(h.containers.size).toBe(0);
  });
});

describe('forgetCookies', () => {
  it('clears every jar and the summaries’ word of them, in the trash too, and counts', async () => {
    const service = h.service();
    const a = await service.save({ cookies: 'sites' });
    const b = await service.save({ cookies: 'all' });
    const plain = await service.save({});
    await service.remove({ id: b.session.id });
    expect(await h.db.cookieJars.count()).toBe(2);

    expect(await service.forgetCookies()).toEqual({ sessions: 2 });
    expect(await h.db.cookieJars.count()).toBe(0);
    for (const id of [a.session.id, b.session.id, plain.session.id]) {
      const summary = await h.db.summaries.get(id);
      expect(summary).toBeDefined();
      expect(summary).not.toHaveProperty('cookies');
    }
    // The trashed session is still in the trash, and comes back without cookies.
    expect((await h.db.summaries.get(b.session.id))?.deletedAt).toBe(h.clock);
    await service.undoRemove({ id: b.session.id });
    const report = await service.restore({ id: b.session.id, cookies: true });
    expect(report).not.toHaveProperty('cookies');
    expect(h.cookies.set_).toEqual([]);
  });

  it('counts 0 when there are none, and leaves sessions be', async () => {
    const service = h.service();
    const { session } = await service.save({});
    expect(await service.forgetCookies()).toEqual({ sessions: 0 });
    expect(await h.db.summaries.get(session.id)).toEqual(session);
  });
});
