import { describe, expect, it } from 'vitest';
import type { SessionSummary } from '@/lib/model';
import { searchSessions, toSearchText, type SearchText } from '@/lib/search/index';

function summary(id: string, name: string, tags: string[] = []): SessionSummary {
  return {
    id,
    name,
    kind: 'manual',
    createdAt: 1,
    updatedAt: 1,
    tags,
    windowCount: 1,
    tabCount: 3,
    hash: id,
    origin: 'chrome',
    deletedAt: 0,
  };
}

const sessions = [
  summary('a', 'Research'),
  summary('b', 'Shopping', ['Home']),
  summary('c', 'Empty'),
];
const texts = new Map<string, SearchText>([
  [
    'a',
    toSearchText(
      'Rust Book\thttps://doc.rust-lang.org/book/\nVite Guide\thttps://vite.dev/guide/\nRust Blog\thttps://blog.rust-lang.org/',
    ),
  ],
  ['b', toSearchText('Cart\thttps://shop.example/cart?id=77\nÉtoile\thttps://étoile.example/')],
]);

describe('searchSessions', () => {
  it('finds a tab by a fragment of its URL, whatever the case, and gives its position', () => {
    const result = searchSessions('RUST-LANG.org/BOOK', sessions, texts);
    expect(result.hits.map((h) => h.session.id)).toEqual(['a']);
    expect(result.hits[0]!.tabs).toEqual([
      { index: 0, title: 'Rust Book', url: 'https://doc.rust-lang.org/book/' },
    ]);
    expect(result.hits[0]!.nameMatch).toBe(false);
  });

  it('needs every term in the same tab', () => {
    expect(searchSessions('rust blog', sessions, texts).hits[0]!.tabs.map((t) => t.index)).toEqual([
      2,
    ]);
    expect(searchSessions('vite blog', sessions, texts).hits).toEqual([]);
  });

  it('matches names and tags without tabs, and non-ASCII titles', () => {
    const byTag = searchSessions('home', sessions, texts).hits;
    expect(byTag.map((h) => [h.session.id, h.nameMatch, h.tabs.length])).toEqual([['b', true, 0]]);
    expect(searchSessions('étoile', sessions, texts).hits[0]!.tabs[0]!.title).toBe('Étoile');
    expect(searchSessions('empty', sessions, texts).hits.map((h) => h.session.id)).toEqual(['c']);
  });

  it('stops at the limits and says there is more', () => {
    const result = searchSessions('rust', sessions, texts, { sessions: 1, tabsPerSession: 1 });
    expect(result.hits).toHaveLength(1);
    expect(result.hits[0]!.tabs.map((t) => t.index)).toEqual([0]);
    expect(result.hits[0]!.moreTabs).toBe(true);
    const two = searchSessions('https', sessions, texts, { sessions: 1, tabsPerSession: 5 });
    expect(two.moreSessions).toBe(true);
  });

  it('returns nothing for a blank query', () => {
    expect(searchSessions('   ', sessions, texts).hits).toEqual([]);
  });
});

describe('searchSessions against a plain scan', () => {
  it('finds exactly the tabs a line-by-line check finds, over random texts and queries', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const alphabet = 'abcé/.-_ 12';
    const word = (len: number) =>
      Array.from({ length: len }, () => alphabet[random(alphabet.length)]).join('');
    const many = Array.from({ length: 40 }, (_, i) => summary(`s${i}`, `Session ${i}`));
    const textOf = new Map<string, SearchText>();
    const linesOf = new Map<string, string[]>();
    for (const s of many) {
      const lines = Array.from({ length: 30 }, () => `${word(8)}\thttps://${word(12)}`);
      linesOf.set(s.id, lines);
      textOf.set(s.id, toSearchText(lines.join('\n')));
    }
    for (let q = 0; q < 300; q++) {
      const query = q % 3 === 0 ? `${word(2)} ${word(3)}` : word(2 + random(5));
      const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
      const limits = { sessions: 1000, tabsPerSession: 1000 };
      const found = searchSessions(query, many, textOf, limits).hits.map((h) => [
        h.session.id,
        h.tabs.map((t) => t.index),
      ]);
      const expected = many.flatMap((s) => {
        const lines = linesOf
          .get(s.id)!
          .flatMap((line, i) => (terms.every((t) => line.toLowerCase().includes(t)) ? [i] : []));
        const name = `${s.name}\n${s.tags.join('\n')}`.toLowerCase();
        return lines.length > 0 || terms.every((t) => name.includes(t)) ? [[s.id, lines]] : [];
      });
      expect(found, query).toEqual(expected);
    }
  });
});
