import { describe, expect, it } from 'vitest';
import { tablesOfParts } from '@/lib/change-feed';
import type { SessionSummary } from '@/lib/model';
import { listItems, offsetsOf, sortSessions, visibleRange, ITEM_HEIGHT } from '@/lib/session-list';

function s(id: string, extra: Partial<SessionSummary> = {}): SessionSummary {
  return {
    id,
    name: id,
    kind: 'manual',
    createdAt: 0,
    updatedAt: 0,
    tags: [],
    windowCount: 1,
    tabCount: 1,
    hash: id,
    origin: 'chrome',
    deletedAt: 0,
    ...extra,
  };
}

describe('sortSessions', () => {
  const list = [
    s('b', { createdAt: 3, tabCount: 1 }),
    s('a10', { createdAt: 2, tabCount: 9 }),
    s('a9', { createdAt: 1, tabCount: 5, favourite: true }),
  ];
  it('puts favourites first, then sorts by date, name (numbers in order) or size', () => {
    expect(sortSessions(list, 'date').map((x) => x.id)).toEqual(['a9', 'b', 'a10']);
    expect(sortSessions(list, 'name').map((x) => x.id)).toEqual(['a9', 'a10', 'b']);
    expect(sortSessions(list, 'size').map((x) => x.id)).toEqual(['a9', 'a10', 'b']);
  });
});

describe('listItems', () => {
  it('lists recovered, then named, then a folded autosave section', () => {
    const items = listItems(
      [s('crash', { kind: 'crash' }), s('auto', { kind: 'autosave' }), s('named')],
      { sort: 'date', autosavesOpen: false },
    );
    expect(items.map((i) => i.key)).toEqual([
      'h-recovered',
      'crash',
      'h-named',
      'named',
      'autosaves',
    ]);
    const open = listItems([s('auto', { kind: 'autosave' })], {
      sort: 'date',
      autosavesOpen: true,
    });
    expect(open.map((i) => i.key)).toEqual(['h-named', 'empty', 'autosaves', 'auto']);
  });
});

describe('virtual range', () => {
  it('draws only the items that meet the viewport, at 10,000 rows', () => {
    const items = listItems(
      Array.from({ length: 10_000 }, (_, i) => s(`n${i}`, { createdAt: -i })),
      { sort: 'date', autosavesOpen: false },
    );
    const offsets = offsetsOf(items);
    expect(offsets.at(-1)).toBe(ITEM_HEIGHT.heading + 10_000 * ITEM_HEIGHT.row);
    expect(visibleRange(offsets, 0, 360)).toEqual([0, 6]);
    const [first, last] = visibleRange(offsets, ITEM_HEIGHT.heading + 5000 * ITEM_HEIGHT.row, 360);
    expect(items[first]!.key).toBe('n5000');
    expect(last - first).toBe(6);
    expect(visibleRange(offsets, 1e9, 360)).toEqual([10_000, 10_000]);
    expect(visibleRange([0], 0, 360)).toEqual([0, -1]);
  });
});

describe('tablesOfParts', () => {
  it('names the tables of Dexie change parts of our database only', () => {
    expect(
      tablesOfParts({
        'idb://tabkeep/summaries/': 1,
        'idb://tabkeep/summaries/[deletedAt+createdAt]': 1,
        'idb://tabkeep/state/:dels': 1,
        'idb://other/summaries/': 1,
      }).sort(),
    ).toEqual(['state', 'summaries']);
  });
});
