import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { FormatError, importedTab } from '@/lib/formats/imported';
import {
  looksLikeTabSessionManager,
  parseTabSessionManager,
} from '@/lib/formats/tab-session-manager';
import { random } from '../random';
import { fixtureJson, formatError } from './helpers';

const NOW = 1_700_000_000_000;
const BASE = 'http://127.0.0.1:8765';

const single = () => fixtureJson('tab_session_manager_7.3_export_single.json');
const all = () => fixtureJson('tab_session_manager_7.3_export_all.json');

/** A minimal TSM session around the given windows map. */
function session(windows: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'Work',
    date: 1000,
    lastEditedTime: 2000,
    tag: [],
    tabsNumber: 1,
    windows,
    ...extra,
  };
}

function tab(url: unknown, index: number, extra: Record<string, unknown> = {}) {
  return { url, title: `t${index}`, index, pinned: false, active: false, ...extra };
}

function parse(json: unknown) {
  return parseTabSessionManager(json, { now: NOW });
}

describe('looksLikeTabSessionManager', () => {
  it('recognises both Tab Session Manager exports', () => {
    expect(looksLikeTabSessionManager(single())).toBe(true);
    expect(looksLikeTabSessionManager(all())).toBe(true);
  });

  it("is false for other tools' JSON and for ours", () => {
    for (const name of [
      'firefox_sessionstore_complete.json',
      'session_buddy_v3_export_RECONSTRUCTED.json',
      'session_buddy_v4_collections_example.json',
    ]) {
      expect(looksLikeTabSessionManager(fixtureJson(name)), name).toBe(false);
    }
    expect(looksLikeTabSessionManager({ format: 'tabkeep', version: 1, sessions: [] })).toBe(false);
    expect(looksLikeTabSessionManager({ windows: [] })).toBe(false);
    expect(looksLikeTabSessionManager([])).toBe(false);
    expect(looksLikeTabSessionManager([{ windows: [] }])).toBe(false);
    expect(looksLikeTabSessionManager(['a', 1, null])).toBe(false);
    expect(looksLikeTabSessionManager(null)).toBe(false);
    expect(looksLikeTabSessionManager('[]')).toBe(false);
  });
});

describe('parseTabSessionManager: the single-session export', () => {
  it('imports one session of 2 windows and 7 tabs in order', () => {
    const file = parse(single());
    expect(file.format).toBe('tab-session-manager');
    expect(file.skipped).toEqual([]);
    expect(file.sessions).toHaveLength(1);
    const [s] = file.sessions;
    expect(s).toMatchObject({
      name: 'Fixture session A',
      createdAt: 1795279348434,
      updatedAt: 1795279348434,
      tags: [],
    });
    expect(s!.windows.map((w) => w.tabs.map((t) => t.url))).toEqual([
      [
        `${BASE}/alpha.html`,
        `${BASE}/beta.html?q=session%20manager&lang=en#results`,
        `${BASE}/gamma.html`,
        `${BASE}/delta.html`,
      ],
      [`${BASE}/epsilon.html`, `${BASE}/zeta.html`, `${BASE}/eta.html`],
    ]);
  });

  it('maps every tab property', () => {
    const [w1, w2] = parse(single()).sessions[0]!.windows;
    expect(w1!.tabs[0]).toEqual({
      url: `${BASE}/alpha.html`,
      title: 'Alpha page',
      pinned: true,
      active: false,
      muted: false,
      group: null,
      container: null,
      lastAccessed: 1795279343752.827,
      favIconUrl: `${BASE}/icons/alpha.png`,
    });
    expect(w1!.tabs.filter((t) => t.pinned).map((t) => t.title)).toEqual(['Alpha page']);
    expect(w1!.tabs.map((t) => t.active)).toEqual([false, true, false, false]);
    expect(w2!.tabs.map((t) => t.active)).toEqual([false, true, false]);
    expect(w1!.tabs[2]!.title).toBe('Gamma page – ünïcödé 日本語 "quotes" & <amp>');
    // the data: favicon is dropped, the tab kept; a tab without an icon has none
    expect(w1!.tabs[1]!.title).toBe('Beta page');
    expect(w1!.tabs[1]).not.toHaveProperty('favIconUrl');
    expect(w2!.tabs[2]).not.toHaveProperty('favIconUrl');
  });

  it('puts the two Research tabs in one blue group', () => {
    const [w1, w2] = parse(single()).sessions[0]!.windows;
    expect(w1!.groups).toEqual([{ id: 'g1', title: 'Research', color: 'blue', collapsed: false }]);
    expect(w1!.tabs.map((t) => t.group)).toEqual([null, null, 'g1', 'g1']);
    expect(w2!.groups).toEqual([]);
  });

  it('keeps window bounds and state', () => {
    const [w1, w2] = parse(single()).sessions[0]!.windows;
    expect({ ...w1!, tabs: [], groups: [] }).toEqual({
      type: 'normal',
      state: 'normal',
      left: 0,
      top: 0,
      width: 1280,
      height: 900,
      incognito: false,
      focused: true,
      tabs: [],
      groups: [],
    });
    expect(w2).toMatchObject({ left: 200, top: 80, width: 1200, height: 850, focused: false });
  });
});

describe('parseTabSessionManager: the export of all sessions', () => {
  it('skips the temporary session and keeps the other three with their tags', () => {
    const file = parse(all());
    expect(file.skipped).toEqual([
      {
        where: 'session 1 (“Tab Session Manager - Session list”)',
        why: "Tab Session Manager's temporary session",
      },
    ]);
    expect(
      file.sessions.map((s) => ({
        name: s.name,
        tags: s.tags,
        tabs: s.windows.map((w) => w.tabs.length),
      })),
    ).toEqual([
      { name: 'Theta page', tags: ['winClose'], tabs: [2] },
      { name: 'Fixture session A', tags: [], tabs: [4, 3] },
      { name: 'Fixture window B', tags: [], tabs: [3] },
    ]);
  });

  it('ignores groups that name windows outside the session', () => {
    const theta = parse(all()).sessions[0]!;
    expect(theta.windows[0]!.groups).toEqual([]);
    expect(theta.windows[0]!.tabs.map((t) => [t.title, t.group])).toEqual([
      ['Theta page', null],
      ['Iota page', null],
    ]);
  });

  it('never dates an update before the creation', () => {
    // "Theta page" says date 1795279355522, lastEditedTime 1795279352990
    const theta = parse(all()).sessions[0]!;
    expect(theta.createdAt).toBe(1795279355522);
    expect(theta.updatedAt).toBe(1795279355522);
  });

  it('takes the group of the same session in the full export too', () => {
    const a = parse(all()).sessions[1]!;
    expect(a.windows[0]!.groups).toEqual([
      { id: 'g1', title: 'Research', color: 'blue', collapsed: false },
    ]);
  });
});

describe('parseTabSessionManager: damaged and hostile files', () => {
  it('throws a FormatError saying where and why for a wrong-typed file', () => {
    const notList = formatError(() => parse({ windows: {} }));
    expect(notList.format).toBe('tab-session-manager');
    expect(notList.why).toBe('the file is not a list of sessions');

    const badWindows = formatError(() => parse([session('oops')]));
    expect(badWindows.where).toBe('session 1 (“Work”)');
    expect(badWindows.why).toBe('its windows are not a map of window ids to tabs');
    expect(badWindows.message).toContain('Tab Session Manager');
    expect(badWindows.message).toContain('session 1 (“Work”)');

    const badName = formatError(() => parse([session({}, { name: 42 })]));
    expect(badName).toMatchObject({ where: 'session 1', why: 'its name is not text' });

    expect(formatError(() => parse([])).why).toBe('the file holds no sessions');
  });

  it('skips a wrong-typed session and keeps the others', () => {
    const ok = session({ '1': { '10': tab('https://a.test/', 0) } });
    const file = parse([ok, session({ '1': {} }, { tag: 'x' }), 'junk', ok]);
    expect(file.sessions).toHaveLength(2);
    expect(file.skipped).toEqual([
      { where: 'session 2 (“Work”)', why: 'its tags are not a list' },
      { where: 'session 3', why: 'it is not a session' },
    ]);
  });

  it('skips a tab without a usable URL, with a reason, and keeps the rest', () => {
    const file = parse([
      session({
        '1': {
          '10': tab('https://a.test/', 0),
          '11': { title: 'no url', index: 1 },
          '12': tab('', 2),
          '13': tab(7, 3),
          '14': tab('https://b.test/', 4, { title: 5 }),
          '15': tab('https://c.test/', 5),
        },
      }),
    ]);
    expect(file.sessions[0]!.windows[0]!.tabs.map((t) => t.url)).toEqual([
      'https://a.test/',
      'https://c.test/',
    ]);
    expect(file.skipped).toEqual([
      { where: 'session 1 (“Work”), window 1, tab 2', why: 'it has no URL' },
      { where: 'session 1 (“Work”), window 1, tab 3', why: 'its URL is empty' },
      { where: 'session 1 (“Work”), window 1, tab 4', why: 'its URL is not text' },
      { where: 'session 1 (“Work”), window 1, tab 5', why: 'its title is not text' },
    ]);
  });

  it('reads every tab field as the valibot schema it replaced did', () => {
    const lenient = <T extends v.GenericSchema>(schema: T) =>
      v.fallback(v.optional(schema), undefined);
    const TabSchema = v.object({
      url: v.optional(v.unknown()),
      title: v.nullish(v.string('its title is not text')),
      pinned: v.nullish(v.boolean('its “pinned” is not true or false')),
      active: v.nullish(v.boolean('its “active” is not true or false')),
      index: lenient(v.number()),
      groupId: lenient(v.number()),
      mutedInfo: lenient(v.object({ muted: lenient(v.boolean()) })),
      favIconUrl: lenient(v.string()),
      lastAccessed: lenient(v.number()),
      incognito: lenient(v.boolean()),
    });
    const values = [
      null,
      true,
      false,
      0,
      1,
      -1,
      3.5,
      NaN,
      Infinity,
      '',
      'x',
      'https://a.test/i.png',
      'data:image/png,x',
      [],
      [true],
      {},
      { muted: true },
      { muted: 'yes' },
    ];
    const fields = [
      'url',
      'title',
      'pinned',
      'active',
      'groupId',
      'mutedInfo',
      'favIconUrl',
      'lastAccessed',
      'incognito',
    ];
    const r = random(5);
    const raws = Array.from({ length: 3000 }, (_, i) => {
      const raw: Record<string, unknown> =
        i % 50 === 0 ? (Object.create({ title: 5, pinned: true }) as Record<string, unknown>) : {};
      for (const field of fields) {
        if (field === 'url' && r.next() < 0.8) raw.url = `https://t.test/${i}`;
        else if (r.next() < 0.4) raw[field] = r.pick(values);
      }
      return raw;
    });
    const group = { id: 1, windowId: 1, title: 'G', color: 'blue', collapsed: false };
    const sessions = raws.map((raw) =>
      session({ '1': { '10': raw } }, { name: '', tabGroups: [group] }),
    );
    const file = parse([...sessions, session({ '1': { '10': tab('https://ok.test/', 0) } })]);
    const imported = [...file.sessions];
    const skipped = [...file.skipped];
    for (let i = 0; i < raws.length; i++) {
      const where = `session ${i + 1}, window 1, tab 1`;
      const parsed = v.safeParse(TabSchema, raws[i]);
      const t = parsed.success ? parsed.output : null;
      const url = t?.url;
      const urlWhy =
        url === undefined || url === null
          ? 'it has no URL'
          : typeof url !== 'string'
            ? 'its URL is not text'
            : url.trim() === ''
              ? 'its URL is empty'
              : null;
      if (t === null || urlWhy !== null) {
        const why = parsed.success ? urlWhy : parsed.issues[0].message;
        expect(skipped.shift(), `tab ${i}`).toEqual({ where, why });
        expect(skipped.shift()).toEqual({
          where: `session ${i + 1}`,
          why: 'none of its tabs could be imported',
        });
        continue;
      }
      const expected = importedTab(url as string, t.title ?? '', {
        pinned: t.pinned ?? false,
        active: t.active ?? false,
        muted: t.mutedInfo?.muted ?? false,
        group: t.groupId === 1 ? 'g1' : null,
      });
      if (t.lastAccessed !== undefined && Number.isFinite(t.lastAccessed)) {
        expected.lastAccessed = t.lastAccessed;
      }
      if (t.favIconUrl !== undefined && /^https?:\/\//i.test(t.favIconUrl)) {
        expected.favIconUrl = t.favIconUrl;
      }
      const window = imported.shift()!.windows[0]!;
      expect(window.tabs, `tab ${i}`).toEqual([expected]);
      expect(window.incognito, `tab ${i}`).toBe(t.incognito === true);
    }
    expect(skipped).toEqual([]);
    expect(imported).toHaveLength(1);
  });

  it('skips a session whose tabs were all skipped', () => {
    const file = parse([
      session({ '1': { '10': tab('https://a.test/', 0) } }, { name: 'Good' }),
      session({ '1': { '10': { title: 'x' } } }, { name: 'Empty' }),
    ]);
    expect(file.sessions.map((s) => s.name)).toEqual(['Good']);
    expect(file.skipped).toEqual([
      { where: 'session 2 (“Empty”), window 1, tab 1', why: 'it has no URL' },
      { where: 'session 2 (“Empty”)', why: 'none of its tabs could be imported' },
    ]);
  });

  it('keeps javascript: and data: URLs as text', () => {
    const file = parse([
      session({ '1': { '10': tab('javascript:alert(1)', 0), '11': tab('data:text/html,hi', 1) } }),
    ]);
    expect(file.sessions[0]!.windows[0]!.tabs.map((t) => t.url)).toEqual([
      'javascript:alert(1)',
      'data:text/html,hi',
    ]);
    expect(file.skipped).toEqual([]);
  });

  it('orders tabs by index, falling back to file order', () => {
    const file = parse([
      session({
        '1': {
          '10': tab('https://c.test/', 2),
          '11': tab('https://a.test/', 0),
          '12': { url: 'https://z.test/', title: 'no index' },
          '13': tab('https://b.test/', 1),
        },
      }),
    ]);
    expect(file.sessions[0]!.windows[0]!.tabs.map((t) => t.url)).toEqual([
      'https://a.test/',
      'https://b.test/',
      'https://c.test/',
      'https://z.test/',
    ]);
  });

  it('maps odd window details and group colours sensibly', () => {
    const file = parse([
      session(
        {
          '1': {
            '10': tab('https://a.test/', 0, { groupId: 5, mutedInfo: { muted: true } }),
            '11': tab('https://b.test/', 1, { groupId: 6, favIconUrl: 'javascript:x' }),
          },
        },
        {
          windowsInfo: {
            '1': {
              state: 'locked-fullscreen',
              type: 'popup',
              left: 1.6,
              width: 'wide',
              incognito: true,
            },
          },
          tabGroups: [
            { id: 5, windowId: 1, title: 'G', color: 'magenta', collapsed: true },
            { id: 6, windowId: 99, title: 'elsewhere', color: 'red' },
            'junk',
          ],
        },
      ),
    ]);
    const [w] = file.sessions[0]!.windows;
    expect(w).toMatchObject({ type: 'popup', state: 'fullscreen', left: 2, incognito: true });
    expect(w).not.toHaveProperty('width');
    expect(w!.groups).toEqual([{ id: 'g1', title: 'G', color: 'grey', collapsed: true }]);
    expect(w!.tabs.map((t) => [t.group, t.muted])).toEqual([
      ['g1', true],
      [null, false],
    ]);
    expect(w!.tabs[1]).not.toHaveProperty('favIconUrl');
  });

  it('uses the clock for dates that are missing or invalid', () => {
    const file = parse([
      session(
        { '1': { '10': tab('https://a.test/', 0) } },
        { date: 'yesterday', lastEditedTime: -1 },
      ),
    ]);
    expect(file.sessions[0]).toMatchObject({ createdAt: NOW, updatedAt: NOW });
  });

  it('is not fooled by __proto__ and constructor keys', () => {
    const text = `[{"name":"P","date":1,"tabsNumber":1,"__proto__":{"polluted":1},
      "constructor":{"prototype":{"polluted":1}},
      "windows":{"__proto__":{"__proto__":{"url":"https://p.test/","title":"proto","index":0}},
                 "1":{"10":{"url":"https://a.test/","title":"a","index":0,"__proto__":{"pinned":true}}}},
      "windowsInfo":{"__proto__":{"state":"maximized"}},
      "tabGroups":[{"__proto__":{"id":1},"windowId":1}]}]`;
    const json: unknown = JSON.parse(text);
    expect(looksLikeTabSessionManager(json)).toBe(true);
    const file = parse(json);
    const s = file.sessions[0]!;
    expect(s.windows.map((w) => w.tabs.map((t) => t.url))).toEqual([
      ['https://a.test/'],
      ['https://p.test/'],
    ]);
    expect(s.windows[0]!.tabs[0]!.pinned).toBe(false);
    expect(Object.getPrototypeOf(s)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(s.windows[0])).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('throws only FormatError, even for deep nesting and huge strings', () => {
    let deep: unknown = {};
    for (let i = 0; i < 100_000; i++) deep = { windows: deep };
    const huge = 'x'.repeat(5_000_000);
    for (const input of [
      undefined,
      42,
      [deep],
      [{ windows: deep }],
      [session({ '1': deep })],
      [session({ '1': { '10': tab(huge, 0, { title: huge }) } }, { name: huge })],
      [session({ '1': { '10': tab('https://a.test/', 0, { index: deep, mutedInfo: deep }) } })],
    ]) {
      try {
        parse(input);
      } catch (error) {
        expect(error).toBeInstanceOf(FormatError);
        expect((error as FormatError).where.length).toBeLessThan(200);
      }
    }
  });
});
