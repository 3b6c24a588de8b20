import { describe, expect, it } from 'vitest';
import { FormatError } from '@/lib/formats/imported';
import {
  looksLikeSessionBuddyCsv,
  looksLikeSessionBuddyJson,
  parseSessionBuddyCsv,
  parseSessionBuddyJson,
} from '@/lib/formats/session-buddy';
import { fixtureText, formatError, outline } from './helpers';

const NOW = Date.UTC(2026, 0, 2, 3, 4, 5);

/** The windows of the documentation's two example collections, in v4 JSON and CSV alike. */
const FURRY = [
  [
    ['https://en.wikipedia.org/wiki/German_Shepherd', 'German Shepherd - Wikipedia'],
    ['https://www.google.com/search?q=Labrador+Retriever', 'Labrador Retriever - Google Search'],
  ],
  [['https://www.youtube.com/results?search_query=Ragdoll+kitten', 'Ragdoll kitten - YouTube']],
];
const REPTILES = [
  [
    ['https://en.wikipedia.org/wiki/Boa_constrictor', 'Boa constrictor - Wikipedia'],
    ['https://en.wikipedia.org/wiki/Ball_python', 'Ball python - Wikipedia'],
    ['https://www.youtube.com/results?search_query=Garter+Snake', 'Garter Snake - YouTube'],
  ],
  [
    ['https://www.youtube.com/results?search_query=Bearded+Dragon', 'Bearded Dragon - YouTube'],
    ['https://en.wikipedia.org/wiki/Gecko', 'Gecko - Wikipedia'],
  ],
];

describe('Session Buddy v3 backup', () => {
  const json: unknown = JSON.parse(fixtureText('session_buddy_v3_export_RECONSTRUCTED.json'));

  it('is recognised as v3', () => {
    expect(looksLikeSessionBuddyJson(json)).toBe('session-buddy-v3');
  });

  it('imports saved sessions by name, and current / previous named after their type and date', () => {
    const parsed = parseSessionBuddyJson(json, { now: NOW });
    expect(parsed.format).toBe('session-buddy-v3');
    expect(parsed.skipped).toEqual([]);
    expect(outline(parsed)).toEqual([
      [
        'Session Buddy current session, 2021-11-14 10:00 UTC',
        [[['https://example.com/', 'Example Domain']]],
      ],
      [
        'Session Buddy previous session, 2021-11-13 22:00 UTC',
        [[['https://www.iana.org/', 'IANA']]],
      ],
      ['Research', [[['https://developer.mozilla.org/', 'MDN Web Docs']]]],
    ]);
    const [current, previous, saved] = parsed.sessions;
    expect(current!.createdAt).toBe(Date.parse('2021-11-14T10:00:00.000Z'));
    expect(previous!.createdAt).toBe(Date.parse('2021-11-13T22:00:00.000Z'));
    expect(saved!.createdAt).toBe(Date.parse('2021-11-10T09:00:00.000Z'));
    expect(saved!.updatedAt).toBe(Date.parse('2021-11-12T09:00:00.000Z'));
    expect(saved!.windows[0]!.tabs[0]).toMatchObject({ active: true, pinned: false });
    expect(saved!.windows[0]).toMatchObject({ type: 'normal', state: 'normal', groups: [] });
  });

  it('leaves out damaged tabs and windows with where and why, and uses now for bad dates', () => {
    const parsed = parseSessionBuddyJson(
      {
        sessions: [
          {
            type: 'saved',
            name: 'Mixed',
            created: 'not a date',
            windows: [
              {
                tabs: [
                  { url: 'javascript:alert(1)', title: 'JS' },
                  { title: 'no url' },
                  'junk',
                  { url: 'Note: later' },
                ],
              },
              { tabs: [] },
              7,
            ],
          },
          { type: 'saved', windows: 'nope' },
        ],
      },
      { now: NOW },
    );
    expect(outline(parsed)).toEqual([['Mixed', [[['javascript:alert(1)', 'JS']]]]]);
    expect(parsed.sessions[0]!.createdAt).toBe(NOW);
    expect(parsed.skipped.map((s) => s.where)).toEqual([
      'session 1 (“Mixed”), window 1, tab 2, field “url”',
      'session 1 (“Mixed”), window 1, tab 3',
      'session 1 (“Mixed”), window 1, tab 4',
      'session 1 (“Mixed”), window 2',
      'session 1 (“Mixed”), window 3',
      'session 2, field “windows”',
    ]);
  });

  it('is harmless with __proto__ keys', () => {
    const json: unknown = JSON.parse(
      '{"sessions":[{"__proto__":{"polluted":1},"name":"P","windows":[{"tabs":[{"url":"https://a.test/","__proto__":{"x":1}}]}]}]}',
    );
    const parsed = parseSessionBuddyJson(json, { now: NOW });
    expect(outline(parsed)).toEqual([['P', [[['https://a.test/', '']]]]]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('throws a FormatError naming the format and where for a damaged file', () => {
    const e = formatError(() => parseSessionBuddyJson({ sessions: { a: 1 } }, { now: NOW }));
    expect(e.format).toBe('session-buddy-v3');
    expect(e.where).toBe('field “sessions”');
    expect(e.message).toContain('Session Buddy (v3 backup)');
    expect(e.message).toContain('field “sessions”');
  });

  it('throws a FormatError when nothing is importable', () => {
    const e = formatError(() =>
      parseSessionBuddyJson({ sessions: [{ windows: [{ tabs: [{}] }] }] }, { now: NOW }),
    );
    expect(e.format).toBe('session-buddy-v3');
    expect(e.where).toBe('session 1, window 1, tab 1, field “url”');
    expect(formatError(() => parseSessionBuddyJson({ sessions: [] }, { now: NOW })).format).toBe(
      'session-buddy-v3',
    );
  });
});

describe('Session Buddy v4 JSON', () => {
  const json: unknown = JSON.parse(fixtureText('session_buddy_v4_collections_example.json'));

  it('is recognised as v4', () => {
    expect(looksLikeSessionBuddyJson(json)).toBe('session-buddy-v4');
  });

  it('imports one session per collection, one window per folder', () => {
    const parsed = parseSessionBuddyJson(json, { now: NOW });
    expect(parsed.format).toBe('session-buddy-v4');
    expect(parsed.skipped).toEqual([]);
    expect(outline(parsed)).toEqual([
      ['Furry friends', FURRY],
      ['Reptiles', REPTILES],
    ]);
    const [furry, reptiles] = parsed.sessions;
    expect(furry!.createdAt).toBe(NOW);
    expect(furry!.windows[0]!.tabs[0]!.favIconUrl).toBe(
      'https://en.wikipedia.org/static/favicon/wikipedia.ico',
    );
    expect(furry!.windows[1]!.tabs[0]!.favIconUrl).toBeUndefined();
    const [snakes, lizards] = reptiles!.windows;
    expect(snakes).toMatchObject({ state: 'maximized', incognito: true });
    expect(snakes!.tabs[0]!.pinned).toBe(true);
    expect(lizards).toMatchObject({ top: 25, left: 50, width: 1034, height: 560, state: 'normal' });
  });

  it('throws a FormatError for damaged collections', () => {
    const e = formatError(() =>
      parseSessionBuddyJson({ collections: [{ title: 'X', folders: 3 }] }, { now: NOW }),
    );
    expect(e.format).toBe('session-buddy-v4');
    expect(e.where).toBe('collection 1, field “folders”');
    expect(e.message).toContain('Session Buddy (v4 JSON)');
  });
});

describe('recognising Session Buddy JSON', () => {
  it('is not fooled by other JSON', () => {
    expect(looksLikeSessionBuddyJson({ format: 'tabkeep', version: 1, sessions: [] })).toBeNull();
    expect(looksLikeSessionBuddyJson([{ windows: {} }])).toBeNull();
    expect(
      looksLikeSessionBuddyJson(
        JSON.parse(fixtureText('tab_session_manager_7.3_export_single.json')),
      ),
    ).toBeNull();
    expect(
      looksLikeSessionBuddyJson(JSON.parse(fixtureText('firefox_sessionstore_complete.json'))),
    ).toBeNull();
    expect(looksLikeSessionBuddyJson(null)).toBeNull();
    expect(looksLikeSessionBuddyJson('sessions')).toBeNull();
  });

  it('throws a FormatError, never anything else, for anything', () => {
    for (const input of [null, 3, 'x', [], {}, { sessions: null }, { collections: [null] }]) {
      expect(() => parseSessionBuddyJson(input, { now: NOW })).toThrow(FormatError);
    }
  });
});

describe('Session Buddy CSV', () => {
  const text = fixtureText('session_buddy_v4_example.csv');

  it('is recognised from its header', () => {
    expect(looksLikeSessionBuddyCsv(text)).toBe(true);
    expect(looksLikeSessionBuddyCsv('\uFEFFcollection,folder,title,url\r\n')).toBe(true);
    expect(looksLikeSessionBuddyCsv(fixtureText('onetab_export_example.txt'))).toBe(false);
    expect(looksLikeSessionBuddyCsv('Name,URL\nx,https://a.test/')).toBe(false);
  });

  it('imports rows grouped by collection and folder', () => {
    const parsed = parseSessionBuddyCsv(text, { now: NOW });
    expect(parsed.format).toBe('session-buddy-csv');
    expect(parsed.skipped).toEqual([]);
    expect(outline(parsed)).toEqual([
      ['Furry, adorable', FURRY],
      ['Reptiles', REPTILES],
    ]);
    expect(parsed.sessions[0]!.createdAt).toBe(NOW);
  });

  it('reads the same with a BOM and CRLF', () => {
    const crlf = `\uFEFF${text.replace(/\r?\n/g, '\r\n')}`;
    expect(outline(parseSessionBuddyCsv(crlf, { now: NOW }))).toEqual(
      outline(parseSessionBuddyCsv(text, { now: NOW })),
    );
  });

  it('reads quoted commas, quotes and line breaks, and skips rows without a URL', () => {
    const csv = [
      'Collection,Folder,Title,URL',
      '"A ""quoted"" name","f,1","Title, with comma",https://a.test/1',
      'A "quoted" name,f2,"two',
      'lines",https://a.test/2',
      '__proto__,x,No URL,',
      '__proto__,x,JS,javascript:void(0)',
      '__proto__,x,Bare,www.example.com',
      '',
    ].join('\r\n');
    const parsed = parseSessionBuddyCsv(csv, { now: NOW });
    expect(outline(parsed)).toEqual([
      [
        'A "quoted" name',
        [[['https://a.test/1', 'Title, with comma']], [['https://a.test/2', 'two\r\nlines']]],
      ],
      ['__proto__', [[['javascript:void(0)', 'JS']]]],
    ]);
    expect(parsed.skipped).toEqual([
      { where: 'line 5', why: 'it has no URL.' },
      { where: 'line 7', why: 'it is not a URL: “www.example.com”.' },
    ]);
  });

  it('throws a FormatError naming the format and the line for a damaged file', () => {
    const e = formatError(() =>
      parseSessionBuddyCsv(
        'Collection,Folder,Title,URL\nA,B,C,https://a.test/\nA,B,"open,https://b.test/\n',
        {
          now: NOW,
        },
      ),
    );
    expect(e.format).toBe('session-buddy-csv');
    expect(e.where).toBe('line 3');
    expect(e.message).toContain('Session Buddy (CSV)');
    expect(e.message).toContain('line 3');
    expect(
      formatError(() => parseSessionBuddyCsv('Collection,Folder,Title,URL\n', { now: NOW })).format,
    ).toBe('session-buddy-csv');
    expect(formatError(() => parseSessionBuddyCsv('a,b\n', { now: NOW })).where).toBe('line 1');
  });
});
