import { describe, expect, it } from 'vitest';
import { parseOneTab } from '@/lib/formats/onetab';
import { toOneTabText, toUrlList } from '@/lib/formats/plain-export';
import { parseUrlList } from '@/lib/formats/url-list';
import type { SessionSummary } from '@/lib/model';
import { tabSnap, windowSnap } from '../fakes';

const entries = [
  {
    summary: { id: 's1', name: 'One' } as SessionSummary,
    windows: [
      windowSnap([
        tabSnap('https://a.test/', { title: 'A | with a bar' }),
        tabSnap('https://b.test/x?y=1', { title: 'Two\nlines' }),
      ]),
      windowSnap([tabSnap('https://c.test/', { title: '' })]),
    ],
  },
];

describe('exports for other tools', () => {
  it('OneTab text reads back in OneTab’s format as the same windows and tabs', () => {
    const text = toOneTabText(entries);
    expect(text).toBe(
      'https://a.test/ | A | with a bar\nhttps://b.test/x?y=1 | Two lines\n\nhttps://c.test/\n',
    );
    const back = parseOneTab(text, { now: 0 });
    expect(back.sessions[0]!.windows.map((w) => w.tabs.map((t) => [t.url, t.title]))).toEqual([
      [
        ['https://a.test/', 'A | with a bar'],
        ['https://b.test/x?y=1', 'Two lines'],
      ],
      [['https://c.test/', '']],
    ]);
  });

  it('a URL list holds every URL, one a line', () => {
    const text = toUrlList(entries);
    expect(text).toBe('https://a.test/\nhttps://b.test/x?y=1\nhttps://c.test/\n');
    expect(parseUrlList(text, { now: 0 }).sessions[0]!.windows[0]!.tabs.map((t) => t.url)).toEqual([
      'https://a.test/',
      'https://b.test/x?y=1',
      'https://c.test/',
    ]);
  });
});
