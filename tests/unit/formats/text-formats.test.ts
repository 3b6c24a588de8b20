import { describe, expect, it } from 'vitest';
import { looksLikeOneTab, parseOneTab } from '@/lib/formats/onetab';
import { looksLikeSessionBuddyText, parseSessionBuddyText } from '@/lib/formats/session-buddy-text';
import { parseText, recognizeText } from '@/lib/formats/text-formats';
import { looksLikeUrlList, parseUrlList } from '@/lib/formats/url-list';
import { fixtureText, formatError, outline } from './helpers';

const NOW = Date.UTC(2026, 0, 2, 3, 4, 5);

function bomCrlf(text: string): string {
  return `\uFEFF${text.replace(/\r?\n/g, '\r\n')}`;
}

const GS = 'https://en.wikipedia.org/wiki/German_Shepherd';
const GR = 'https://www.youtube.com/results?search_query=Golden+Retriever';
const SC = 'https://en.wikipedia.org/wiki/Siamese_cat';
const BS = 'https://www.google.com/search?q=British+Shorthair';
const RK = 'https://www.youtube.com/results?search_query=Ragdoll+kitten';
const BD = 'https://www.youtube.com/results?search_query=Bearded+Dragon';
const GE = 'https://en.wikipedia.org/wiki/Gecko';
const DB = 'https://www.google.com/search?q=dog+breeds';
const LR = 'https://www.google.com/search?q=Labrador+Retriever';

const SB = 'Session Buddy import';
const dogs = [
  [GS, ''],
  [GR, ''],
];
const cats = [
  [SC, ''],
  [BS, ''],
  [RK, ''],
];
const dogsTitled = [
  [GS, 'German Shepherd - Wikipedia'],
  [GR, 'Golden Retriever - YouTube'],
];
const catsTitled = [
  [SC, 'Siamese cat - Wikipedia'],
  [BS, 'British Shorthair - Google Search'],
  [RK, 'Ragdoll kitten - YouTube'],
];

/** Every text fixture, the format recognised, and what it imports as. */
const FIXTURES: [string, string, unknown][] = [
  [
    'session_buddy_text_urls.txt',
    'url-list',
    [
      [
        'URL list import',
        [
          [
            [DB, ''],
            [GS, ''],
            [LR, ''],
            [GR, ''],
          ],
        ],
      ],
    ],
  ],
  [
    'session_buddy_text_title_url_pairs.txt',
    'session-buddy-text',
    [
      [
        SB,
        [
          [
            [DB, 'dog breeds - Google Search'],
            [GS, 'German Shepherd - Wikipedia'],
            [GR, 'Golden Retriever - YouTube'],
          ],
        ],
      ],
    ],
  ],
  ['session_buddy_text_groups_of_urls.txt', 'session-buddy-text', [[SB, [dogs, cats]]]],
  ['session_buddy_text_named_groups_of_urls.txt', 'session-buddy-text', [[SB, [dogs, cats]]]],
  [
    'session_buddy_text_named_groups_of_title_url_pairs.txt',
    'session-buddy-text',
    [[SB, [dogsTitled, catsTitled]]],
  ],
  [
    'session_buddy_text_indented_groups_of_urls.txt',
    'session-buddy-text',
    [
      ['Furry pets', [dogs, cats]],
      [
        'Reptiles',
        [
          [
            [BD, ''],
            [GE, ''],
          ],
        ],
      ],
    ],
  ],
  [
    'session_buddy_text_indented_groups_of_title_url_pairs.txt',
    'session-buddy-text',
    [
      ['Furry pets', [dogsTitled, catsTitled]],
      [
        'Reptiles',
        [
          [
            [BD, 'Bearded Dragon - YouTube'],
            [GE, 'Gecko - Wikipedia'],
          ],
        ],
      ],
    ],
  ],
  [
    'onetab_export_example.txt',
    'onetab',
    [
      [
        'OneTab import',
        [
          [
            ['https://example.com/one', 'First Tab Title'],
            ['https://example.com/two', 'Second Tab Title'],
          ],
          [
            ['https://example.com/three', 'Third Tab Title'],
            ['https://example.com/four', 'Fourth Tab Title'],
          ],
        ],
      ],
    ],
  ],
];

describe('text fixtures', () => {
  for (const [file, format, expected] of FIXTURES) {
    describe(file, () => {
      const text = fixtureText(file);

      it(`is recognised as ${format}, and nothing else`, () => {
        expect(recognizeText(text)).toBe(format);
        expect(recognizeText(bomCrlf(text))).toBe(format);
      });

      it('imports exactly its sessions, windows and tabs, in order', () => {
        const parsed = parseText(text, { now: NOW });
        expect(parsed.format).toBe(format);
        expect(parsed.skipped).toEqual([]);
        expect(outline(parsed)).toEqual(expected);
        for (const s of parsed.sessions) {
          expect(s.createdAt).toBe(NOW);
          expect(s.updatedAt).toBe(NOW);
        }
      });

      it('reads the same with a BOM and CRLF', () => {
        expect(outline(parseText(bomCrlf(text), { now: NOW }))).toEqual(expected);
      });
    });
  }

  it('the Session Buddy readers accept every Session Buddy text form', () => {
    for (const [file] of FIXTURES.filter(([f]) => f.startsWith('session_buddy_text_'))) {
      const text = fixtureText(file);
      expect(looksLikeSessionBuddyText(text)).toBe(true);
      expect(looksLikeOneTab(text)).toBe(false);
      expect(parseSessionBuddyText(text, { now: NOW }).format).toBe('session-buddy-text');
    }
  });

  it('Session Buddy’s “URLs” form is a URL list by content, and reads the same either way', () => {
    const text = fixtureText('session_buddy_text_urls.txt');
    expect(looksLikeUrlList(text)).toBe(true);
    const asList = parseUrlList(text, { now: NOW }).sessions[0]!.windows;
    const asSb = parseSessionBuddyText(text, { now: NOW }).sessions[0]!.windows;
    expect(asSb).toEqual(asList);
  });

  it('structured Session Buddy forms are not URL lists, and OneTab is not Session Buddy text', () => {
    for (const file of [
      'session_buddy_text_title_url_pairs.txt',
      'session_buddy_text_named_groups_of_urls.txt',
      'session_buddy_text_named_groups_of_title_url_pairs.txt',
      'session_buddy_text_indented_groups_of_urls.txt',
      'session_buddy_text_indented_groups_of_title_url_pairs.txt',
    ]) {
      expect(looksLikeUrlList(fixtureText(file))).toBe(false);
    }
    const onetab = fixtureText('onetab_export_example.txt');
    expect(looksLikeOneTab(onetab)).toBe(true);
    expect(looksLikeSessionBuddyText(onetab)).toBe(false);
    expect(looksLikeUrlList(onetab)).toBe(false);
  });

  it('other files are none of these', () => {
    expect(recognizeText(fixtureText('session_buddy_v4_example.csv'))).toBe('session-buddy-csv');
    expect(recognizeText(fixtureText('session_buddy_v4_collections_example.json'))).toBeNull();
    expect(recognizeText(fixtureText('tab_session_manager_7.3_export_all.json'))).toBeNull();
    expect(recognizeText('')).toBeNull();
    expect(recognizeText('\uFEFF\r\n\r\n')).toBeNull();
    expect(recognizeText('Dear diary,\n\ntoday I read nothing.\n')).toBeNull();
  });
});

describe('OneTab', () => {
  it('takes a line without a title, titles containing " | ", and keeps javascript: and data: URLs', () => {
    const text = [
      'https://a.test/ | A | with | bars',
      'https://b.test/',
      'https://c.test/ |',
      'javascript:alert(1) | JS',
      '',
      '',
      'data:text/html,<b>hi</b> | Data',
      'not a url | at all',
    ].join('\n');
    expect(recognizeText(text)).toBe('onetab');
    const parsed = parseOneTab(text, { now: NOW });
    expect(outline(parsed)).toEqual([
      [
        'OneTab import',
        [
          [
            ['https://a.test/', 'A | with | bars'],
            ['https://b.test/', ''],
            ['https://c.test/', ''],
            ['javascript:alert(1)', 'JS'],
          ],
          [['data:text/html,<b>hi</b>', 'Data']],
        ],
      ],
    ]);
    expect(parsed.skipped).toEqual([
      { where: 'line 8', why: 'it is not a URL: “not a url | at all”.' },
    ]);
  });

  it('throws a FormatError naming the format and where when nothing is importable', () => {
    const e = formatError(() => parseOneTab('\uFEFF\r\nhello | world\r\n', { now: NOW }));
    expect(e.format).toBe('onetab');
    expect(e.where).toBe('line 2');
    expect(e.message).toContain('OneTab');
    expect(e.message).toContain('line 2');
    expect(formatError(() => parseOneTab('', { now: NOW })).format).toBe('onetab');
  });
});

describe('URL lists', () => {
  it('skips blank lines and comments, reports other lines, and keeps every scheme', () => {
    const text =
      '\uFEFF# my links\r\nhttps://a.test/x?y=1#z\r\n\r\nwww.example.com\r\njavascript:void(0)\r\nabout:blank\r\nfile:///tmp/a.html\r\nhttps://b.test/\r\nhttps://c.test/\r\n';
    expect(recognizeText(text)).toBe('url-list');
    const parsed = parseUrlList(text, { now: NOW });
    expect(outline(parsed)).toEqual([
      [
        'URL list import',
        [
          [
            ['https://a.test/x?y=1#z', ''],
            ['javascript:void(0)', ''],
            ['about:blank', ''],
            ['file:///tmp/a.html', ''],
            ['https://b.test/', ''],
            ['https://c.test/', ''],
          ],
        ],
      ],
    ]);
    expect(parsed.skipped).toEqual([
      { where: 'line 4', why: 'it is not a URL: “www.example.com”.' },
    ]);
  });

  it('a list with comments between URL groups is still a URL list, one window', () => {
    const text = '# work\nhttps://a.test/\n# fun\nhttps://b.test/\n';
    expect(recognizeText(text)).toBe('url-list');
    expect(parseText(text, { now: NOW }).sessions[0]!.windows).toHaveLength(1);
  });

  it('throws a FormatError naming the format and where when there is no URL', () => {
    const e = formatError(() => parseUrlList('# only\nNote: later\n', { now: NOW }));
    expect(e.format).toBe('url-list');
    expect(e.where).toBe('line 2');
    expect(e.message).toContain('URL list');
  });
});

describe('Session Buddy text, damaged or unusual', () => {
  it('reports a heading with no tabs under it', () => {
    const parsed = parseSessionBuddyText(
      'Dogs\n\nhttps://a.test/\n\nCats\n\nEmpty\n\nhttps://b.test/\n',
      {
        now: NOW,
      },
    );
    expect(outline(parsed)).toEqual([[SB, [[['https://a.test/', '']], [['https://b.test/', '']]]]]);
    expect(parsed.skipped).toEqual([
      { where: 'line 5', why: 'the heading “Cats” has no tabs under it.' },
    ]);
  });

  it('throws a FormatError naming the format and where when there is no URL', () => {
    const e = formatError(() => parseSessionBuddyText('Dogs\n\nCats\n', { now: NOW }));
    expect(e.format).toBe('session-buddy-text');
    expect(e.where).toBe('line 1');
    expect(e.message).toContain('Session Buddy (text)');
  });

  it('parseText throws a FormatError without a format for text it does not know', () => {
    const e = formatError(() => parseText('{"sessions": []}', { now: NOW }));
    expect(e.format).toBeNull();
  });
});
