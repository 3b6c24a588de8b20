import { describe, expect, it } from 'vitest';
import {
  looksLikeFirefoxSessionStore,
  parseFirefoxSessionStore,
  readFirefoxSessionFile,
} from '../../../lib/formats/firefox-sessionstore';
import { FormatError } from '../../../lib/formats/imported';
import { decodeMozLz4, isMozLz4, MAX_DECODED_SIZE } from '../../../lib/formats/mozlz4';
import { WindowSnapSchema } from '../../../lib/model';
import * as v from 'valibot';
import { fixtureBytes, fixtureJson, formatError } from './helpers';

const NOW = 1_800_000_000_000;
const OPTIONS = { now: NOW, locale: 'en-GB', timeZone: 'UTC' };
const MAGIC = [0x6d, 0x6f, 0x7a, 0x4c, 0x7a, 0x34, 0x30, 0x00];

/** A mozLz4 file: the magic, `size` as uint32 LE, then the block bytes as given. */
function mozLz4(size: number, block: (number | string)[]): Uint8Array {
  const bytes: number[] = [
    ...MAGIC,
    size & 255,
    (size >>> 8) & 255,
    (size >>> 16) & 255,
    size >>> 24,
  ];
  for (const part of block) {
    if (typeof part === 'number') bytes.push(part);
    else bytes.push(...new TextEncoder().encode(part));
  }
  return new Uint8Array(bytes);
}

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('mozLz4', () => {
  it('recognises the magic', () => {
    expect(isMozLz4(fixtureBytes('firefox153_sessionstore.jsonlz4'))).toBe(true);
    expect(isMozLz4(new TextEncoder().encode('{"windows":[]}'))).toBe(false);
    expect(isMozLz4(new Uint8Array([0x6d, 0x6f]))).toBe(false);
  });

  it('decodes a block of literals only', () => {
    expect(text(decodeMozLz4(mozLz4(5, [0x50, 'hello'])))).toBe('hello');
    // 20 literals: 15 in the token plus one extra length byte.
    const twenty = 'abcdefghijklmnopqrst';
    expect(text(decodeMozLz4(mozLz4(20, [0xf0, 5, twenty])))).toBe(twenty);
  });

  it('decodes back-references, including ones that overlap what they write', () => {
    // "ab", then 6 bytes from 2 back (overlapping), then a last literal "c".
    expect(text(decodeMozLz4(mozLz4(9, [0x22, 'ab', 2, 0, 0x10, 'c'])))).toBe('ababababc');
    // "a" then a 29-byte match at offset 1 (15 + 10 + 4), then an empty last sequence.
    expect(text(decodeMozLz4(mozLz4(30, [0x1f, 'a', 1, 0, 10, 0x00])))).toBe('a'.repeat(30));
    // A non-overlapping copy from further back.
    expect(text(decodeMozLz4(mozLz4(14, [0x62, 'abcdef', 6, 0, 0x20, 'gh'])))).toBe(
      'abcdefabcdefgh',
    );
  });

  it('refuses a file without the magic or with a short header', () => {
    expect(formatError(() => decodeMozLz4(new TextEncoder().encode('{}'))).where).toBe('byte 0');
    const short = formatError(() => decodeMozLz4(new Uint8Array([...MAGIC, 5, 0])));
    expect(short.where).toBe('byte 10');
    expect(short.why).toMatch(/header/);
    expect(short.format).toBe('firefox-sessionstore');
  });

  it('caps the declared size before allocating anything', () => {
    const huge = formatError(() => decodeMozLz4(mozLz4(0xffffffff, [0x50, 'hello'])));
    expect(huge.where).toBe('byte 8');
    expect(huge.why).toContain('1 GiB');
    expect(MAX_DECODED_SIZE).toBe(1024 ** 3);
    const lying = formatError(() => decodeMozLz4(mozLz4(100_000_000, [0x50, 'hello'])));
    expect(lying.where).toBe('byte 8');
    expect(lying.why).toMatch(/truncated or damaged/);
  });

  it('refuses a header whose size does not match the data', () => {
    const small = formatError(() => decodeMozLz4(mozLz4(3, [0x50, 'hello'])));
    expect(small.where).toBe('byte 12');
    expect(small.why).toMatch(/past the declared size of 3/);
    const big = formatError(() => decodeMozLz4(mozLz4(10, [0x50, 'hello'])));
    expect(big.why).toMatch(/says the content is 10 bytes but the data holds 5/);
    const matchPast = formatError(() => decodeMozLz4(mozLz4(5, [0x22, 'ab', 2, 0, 0x10, 'c'])));
    expect(matchPast.why).toMatch(/a match runs past/);
  });

  it('refuses bad offsets and data that ends early', () => {
    expect(formatError(() => decodeMozLz4(mozLz4(8, [0x20, 'ab', 0, 0, 0x00]))).why).toBe(
      'a match offset is 0',
    );
    const before = formatError(() => decodeMozLz4(mozLz4(8, [0x20, 'ab', 3, 0, 0x00])));
    expect(before.where).toBe('byte 15');
    expect(before.why).toMatch(/before the start/);
    expect(formatError(() => decodeMozLz4(mozLz4(5, [0x50, 'hel']))).why).toMatch(
      /ends inside 5 bytes of literal data/,
    );
    expect(formatError(() => decodeMozLz4(mozLz4(8, [0x20, 'ab', 2]))).why).toMatch(
      /ends inside a match offset/,
    );
    expect(formatError(() => decodeMozLz4(mozLz4(20, [0xf0]))).why).toMatch(/inside a length/);
    expect(formatError(() => decodeMozLz4(mozLz4(0, []))).why).toMatch(/empty/);
  });

  it('throws only FormatError for any truncation or corruption of the real file', () => {
    const real = fixtureBytes('firefox153_sessionstore.jsonlz4');
    for (let n = 0; n < real.length; n += 7) {
      expect(() => decodeMozLz4(real.subarray(0, n))).toThrow(FormatError);
    }
    let seed = 12345;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let i = 0; i < 300; i++) {
      const copy = real.slice();
      copy[12 + (random() % (copy.length - 12))] = random() % 256;
      try {
        const out = decodeMozLz4(copy);
        expect(out.length).toBe(5432);
      } catch (e) {
        expect(e).toBeInstanceOf(FormatError);
      }
    }
  });
});

describe('Firefox session store: the real files', () => {
  it('reads Firefox 153’s own sessionstore.jsonlz4', () => {
    const json = readFirefoxSessionFile(fixtureBytes('firefox153_sessionstore.jsonlz4'));
    expect(looksLikeFirefoxSessionStore(json)).toBe(true);
    const parsed = parseFirefoxSessionStore(json, OPTIONS);
    expect(parsed.format).toBe('firefox-sessionstore');
    expect(parsed.sessions).toHaveLength(1);
    const [session] = parsed.sessions;
    expect(session!.createdAt).toBe(1795278321344);
    expect(session!.updatedAt).toBe(1795278321344);
    expect(session!.name).toMatch(/^Firefox session, /);
    expect(session!.name).toContain('2026');
    expect(session!.windows).toHaveLength(1);
    const [win] = session!.windows;
    expect(v.is(WindowSnapSchema, win)).toBe(true);
    expect(win!.tabs.map((t) => [t.title, t.url])).toEqual([
      ['Alpha2 page', 'http://127.0.0.1:36421/page/alpha2'],
      ['Beta page', 'http://127.0.0.1:36421/page/beta'],
      ['Gamma page', 'http://127.0.0.1:36421/page/gamma'],
    ]);
    expect(win!.tabs.map((t) => t.active)).toEqual([false, false, true]);
    expect(win!.tabs.every((t) => !t.pinned && !t.muted && t.container === null)).toBe(true);
    expect(win!).toMatchObject({
      state: 'maximized',
      left: 4,
      top: 4,
      width: 1229,
      height: 691,
      focused: true,
      type: 'normal',
      groups: [],
    });
    expect(win!.tabs[0]!.lastAccessed).toBe(1795278303827);
    // Its two recently closed tabs are reported, not imported.
    expect(parsed.skipped).toEqual([
      { where: 'window 1', why: '2 recently closed tabs not imported' },
    ]);
  });

  it('reads sessionstore_complete.json from Firefox’s unit tests', () => {
    const json = fixtureJson('firefox_sessionstore_complete.json');
    expect(looksLikeFirefoxSessionStore(json)).toBe(true);
    const parsed = parseFirefoxSessionStore(json, OPTIONS);
    expect(parsed.sessions).toHaveLength(1);
    const session = parsed.sessions[0]!;
    expect(session.createdAt).toBe(1733437387870);
    expect(session.name).toBe('Firefox session, 5 Dec 2024, 22:23');
    expect(session.windows).toHaveLength(1);
    const win = session.windows[0]!;
    expect(win.tabs).toHaveLength(2);
    // Tab 1 says index 3 but has one entry: clamped to it.
    expect(win.tabs[0]).toMatchObject({ url: 'about:newtab', title: 'New Tab', active: true });
    expect(win.tabs[1]).toMatchObject({
      url: 'about:support',
      title: 'Troubleshooting Information',
      active: false,
    });
    // chrome:// favicons are not kept.
    expect(win.tabs.every((t) => t.favIconUrl === undefined)).toBe(true);
    expect(win).toMatchObject({ left: 24, top: 4, width: 1280, height: 704, state: 'normal' });
    expect(win.focused).toBe(true);
    expect(parsed.skipped).toEqual([]);
  });
});

describe('Firefox session store: details', () => {
  const tab = (url: string, extra: Record<string, unknown> = {}) => ({
    entries: [{ url, title: `${url} title` }],
    index: 1,
    ...extra,
  });

  it('maps pinned, muted, containers, favicons, groups, hidden tabs and window state', () => {
    const json = {
      windows: [
        {
          tabs: [
            tab('https://a.example/', { pinned: true, image: 'https://a.example/favicon.ico' }),
            tab('https://b.example/', {
              muted: true,
              userContextId: 2,
              image: 'data:image/png;base64,AA',
            }),
            tab('https://c.example/', { groupId: 'g1', hidden: true }),
            tab('https://d.example/', { groupId: 'nope' }),
            tab('https://e.example/', { groupId: 'g2' }),
          ],
          groups: [
            { id: 'g1', name: 'Research', color: 'gray', collapsed: true },
            { id: 'g2', name: 'Other', color: 'magenta' },
            { id: 'g3', name: 'Unused', color: 'red' },
            { name: 'no id' },
          ],
          selected: 2,
          sizemode: 'fullscreen',
          screenX: 1.5,
          width: 800,
          height: -1,
          isPopup: true,
        },
        { tabs: [tab('about:newtab')], sizemode: 'bogus' },
      ],
      selectedWindow: 2,
    };
    const parsed = parseFirefoxSessionStore(json, OPTIONS);
    const [w1, w2] = parsed.sessions[0]!.windows;
    expect(parsed.sessions[0]!.name).toBe('Firefox session');
    expect(parsed.sessions[0]!.createdAt).toBe(NOW);
    expect(w1!.tabs.map((t) => t.url)).toEqual([
      'https://a.example/',
      'https://b.example/',
      'https://c.example/',
      'https://d.example/',
      'https://e.example/',
    ]);
    expect(w1!.tabs[0]).toMatchObject({
      pinned: true,
      favIconUrl: 'https://a.example/favicon.ico',
    });
    expect(w1!.tabs[1]).toMatchObject({
      muted: true,
      active: true,
      container: {
        cookieStoreId: 'firefox-container-2',
        name: 'Container 2',
        color: 'blue',
        icon: 'fingerprint',
      },
    });
    expect(w1!.tabs[1]!.favIconUrl).toBeUndefined();
    expect(w1!.tabs.map((t) => t.group)).toEqual([null, null, 'g1', null, 'g2']);
    expect(w1!.groups).toEqual([
      { id: 'g1', title: 'Research', color: 'grey', collapsed: true },
      { id: 'g2', title: 'Other', color: 'grey', collapsed: false },
    ]);
    expect(w1).toMatchObject({ type: 'popup', state: 'fullscreen', width: 800, focused: false });
    expect(w1!.left).toBeUndefined();
    expect(w1!.height).toBeUndefined();
    expect(w2).toMatchObject({ state: 'normal', focused: true, type: 'normal' });
    expect(w2!.tabs[0]).toMatchObject({ url: 'about:newtab', active: true });
    for (const w of [w1, w2]) expect(v.is(WindowSnapSchema, w)).toBe(true);
    expect(parsed.skipped).toEqual([{ where: 'window 1, tab group 4', why: 'it has no id' }]);
  });

  it('clamps bad indexes and skips tabs it cannot read, with reasons', () => {
    const json = {
      windows: [
        {
          tabs: [
            { entries: [{ url: 'https://one/' }, { url: 'https://two/', title: '' }], index: 0 },
            { entries: [{ url: 'https://one/' }, { url: 'https://two/' }], index: 99 },
            { entries: [{ url: 'https://one/' }, { url: 'https://two/' }], index: 'x' },
            { entries: [] },
            { url: 'https://no-entries/' },
            { entries: [{ title: 'no url' }] },
            'nonsense',
          ],
          selected: 4,
          _closedTabs: [{}],
        },
        { notTabs: true },
        { tabs: [] },
      ],
      _closedWindows: [{ tabs: [] }, { tabs: [] }],
      savedGroups: [{}],
    };
    const parsed = parseFirefoxSessionStore(json, OPTIONS);
    const [w] = parsed.sessions[0]!.windows;
    expect(parsed.sessions[0]!.windows).toHaveLength(1);
    expect(w!.tabs.map((t) => [t.url, t.title])).toEqual([
      ['https://one/', 'https://one/'],
      ['https://two/', 'https://two/'],
      ['https://two/', 'https://two/'],
    ]);
    // The selected tab was skipped: the first one is active instead.
    expect(w!.tabs.map((t) => t.active)).toEqual([true, false, false]);
    expect(parsed.skipped).toEqual([
      { where: 'window 1, tab 4', why: 'it has no history entries' },
      { where: 'window 1, tab 5', why: 'it has no history entries' },
      { where: 'window 1, tab 6', why: 'its current history entry has no address' },
      { where: 'window 1, tab 7', why: 'it has no history entries' },
      { where: 'window 1', why: '1 recently closed tab not imported' },
      { where: 'window 2', why: 'it has no list of tabs' },
      { where: 'window 3', why: 'it has no tabs' },
      {
        where: 'closed windows',
        why: '2 recently closed windows not imported (only open windows are)',
      },
      { where: 'saved tab groups', why: '1 saved (closed) tab group not imported' },
    ]);
  });

  it('throws only FormatError, and __proto__ keys are harmless', () => {
    for (const bad of [
      null,
      42,
      'x',
      [],
      {},
      { windows: 'no' },
      { windows: [] },
      { windows: [{ tabs: [{}] }] },
    ]) {
      expect(() => parseFirefoxSessionStore(bad, OPTIONS)).toThrow(FormatError);
    }
    expect(formatError(() => parseFirefoxSessionStore({ windows: [] }, OPTIONS)).why).toMatch(
      /no open window/,
    );
    const json = JSON.parse(
      '{"__proto__":{"polluted":1},"windows":[{"__proto__":{"tabs":[]},"tabs":[{"__proto__":{"pinned":true},"entries":[{"url":"https://x/","__proto__":{"title":"bad"}}],"index":1}]}]}',
    ) as unknown;
    const parsed = parseFirefoxSessionStore(json, OPTIONS);
    expect(parsed.sessions[0]!.windows[0]!.tabs[0]).toMatchObject({
      url: 'https://x/',
      title: 'https://x/',
      pinned: false,
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('survives a deeply nested history without recursing', () => {
    let deep = '{"url":"https://leaf/"}';
    for (let i = 0; i < 5000; i++) deep = `{"url":"https://x/${i}","children":[${deep}]}`;
    const json = JSON.parse(`{"windows":[{"tabs":[{"entries":[${deep}],"index":1}]}]}`) as unknown;
    const parsed = parseFirefoxSessionStore(json, OPTIONS);
    expect(parsed.sessions[0]!.windows[0]!.tabs[0]!.url).toBe('https://x/4999');
  });

  it('reads a plain JSON file and refuses text that is not JSON', () => {
    const bytes = new TextEncoder().encode(
      JSON.stringify({ windows: [{ tabs: [tab('https://a/')] }] }),
    );
    expect(looksLikeFirefoxSessionStore(readFirefoxSessionFile(bytes))).toBe(true);
    expect(formatError(() => readFirefoxSessionFile(mozLz4(5, [0x50, 'hello']))).why).toMatch(
      /not JSON/,
    );
    expect(formatError(() => readFirefoxSessionFile(new Uint8Array([0xff, 0xfe]))).why).toMatch(
      /UTF-8/,
    );
  });
});

describe('looksLikeFirefoxSessionStore', () => {
  it('is false for other tools’ files and our own', () => {
    expect(
      looksLikeFirefoxSessionStore(fixtureJson('tab_session_manager_7.3_export_single.json')),
    ).toBe(false);
    expect(
      looksLikeFirefoxSessionStore(fixtureJson('tab_session_manager_7.3_export_all.json')),
    ).toBe(false);
    expect(
      looksLikeFirefoxSessionStore(fixtureJson('session_buddy_v3_export_RECONSTRUCTED.json')),
    ).toBe(false);
    expect(
      looksLikeFirefoxSessionStore(fixtureJson('session_buddy_v4_collections_example.json')),
    ).toBe(false);
    expect(looksLikeFirefoxSessionStore({ format: 'tabkeep', version: 1, sessions: [] })).toBe(
      false,
    );
    expect(
      looksLikeFirefoxSessionStore({
        format: 'tabkeep',
        windows: [{ tabs: [{ entries: [] }] }],
      }),
    ).toBe(false);
    // A window list whose tabs have no entries (e.g. one Session Buddy session).
    expect(looksLikeFirefoxSessionStore({ windows: [{ tabs: [{ url: 'https://a/' }] }] })).toBe(
      false,
    );
    for (const other of [null, undefined, 1, 'windows', [], {}, { windows: {} }]) {
      expect(looksLikeFirefoxSessionStore(other)).toBe(false);
    }
  });

  it('is true for a session store, even an empty one tagged with its version', () => {
    expect(looksLikeFirefoxSessionStore({ windows: [{ tabs: [{ entries: [] }] }] })).toBe(true);
    expect(looksLikeFirefoxSessionStore({ version: ['sessionrestore', 1], windows: [] })).toBe(
      true,
    );
  });
});
