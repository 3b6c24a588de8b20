import { describe, expect, it } from 'vitest';
import { compareSessions } from '@/lib/edit/compare';
import { dedupeTabs } from '@/lib/edit/dedupe';
import { mergedName, mergeWindows } from '@/lib/edit/merge';
import { moveTabs } from '@/lib/edit/move-tabs';
import { removeTabs } from '@/lib/edit/remove-tabs';
import { MAX_TAGS, normalizeTags, unionTags } from '@/lib/edit/tags';
import type { WindowSnap } from '@/lib/model';
import { tabSnap, windowSnap } from './fakes';

const urls = (windows: WindowSnap[]) => windows.map((w) => w.tabs.map((t) => t.url));
const active = (windows: WindowSnap[]) =>
  windows.map((w) => w.tabs.flatMap((t) => (t.active ? [t.url] : [])));

/** Two windows: a b c | d e, with b and d active and b, c in group g1 of window 0. */
function session(): WindowSnap[] {
  return [
    windowSnap(
      [tabSnap('a'), tabSnap('b', { active: true, group: 'g1' }), tabSnap('c', { group: 'g1' })],
      { focused: true, groups: [{ id: 'g1', title: 'G', color: 'blue', collapsed: false }] },
    ),
    windowSnap([tabSnap('d', { active: true }), tabSnap('e')]),
  ];
}

describe('removeTabs', () => {
  it('removes tabs by position counted across windows', () => {
    expect(urls(removeTabs(session(), [0, 4]))).toEqual([['b', 'c'], ['d']]);
  });

  it('drops a window left empty and gives a window whose active tab went a new one', () => {
    const out = removeTabs(session(), [3, 4, 1]);
    expect(urls(out)).toEqual([['a', 'c']]);
    expect(active(out)).toEqual([['a']]);
  });

  it('drops a group no tab is in any more', () => {
    const out = removeTabs(session(), [1, 2]);
    expect(out[0]!.groups).toEqual([]);
  });

  it('refuses unknown and repeated positions, and removing every tab', () => {
    expect(() => removeTabs(session(), [5])).toThrow(/no tab number 6 .*it has 5/);
    expect(() => removeTabs(session(), [1, 1])).toThrow(/selected twice/);
    expect(() => removeTabs(session(), [])).toThrow(/at least one tab/);
    expect(() => removeTabs(session(), [0, 1, 2, 3, 4])).toThrow(/delete the session instead/);
  });

  it('leaves its input alone', () => {
    const input = session();
    const before = structuredClone(input);
    removeTabs(input, [0]);
    expect(input).toEqual(before);
  });
});

describe('moveTabs', () => {
  it('moves tabs to the end of another window, in the order given', () => {
    const out = moveTabs(session(), [2, 0], 1);
    expect(urls(out)).toEqual([['b'], ['d', 'e', 'c', 'a']]);
    // The target keeps its active tab; moved tabs come in inactive.
    expect(active(out)).toEqual([['b'], ['d']]);
  });

  it('brings the tab’s group along to the target window', () => {
    const out = moveTabs(session(), [2], 1);
    expect(out[1]!.groups.map((g) => g.id)).toEqual(['g1']);
    expect(out[1]!.tabs[2]!.group).toBe('g1');
  });

  it('ungroups a moved tab whose group key names a different group there', () => {
    const windows = session();
    windows[1]!.groups.push({ id: 'g1', title: 'Other', color: 'red', collapsed: false });
    windows[1]!.tabs[1]!.group = 'g1';
    const out = moveTabs(windows, [2], 1);
    expect(out[1]!.tabs.map((t) => t.group)).toEqual([null, 'g1', null]);
    expect(out[1]!.groups.map((g) => g.title)).toEqual(['Other']);
  });

  it('moves tabs to a new window, whose first tab is active', () => {
    const out = moveTabs(session(), [3, 4], 'new');
    expect(urls(out)).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e'],
    ]);
    const fresh = moveTabs(session(), [0, 4], 'new');
    expect(urls(fresh)).toEqual([['b', 'c'], ['d'], ['a', 'e']]);
    expect(active(fresh)).toEqual([['b'], ['d'], ['a']]);
    // The browser places and sizes it.
    expect([fresh[2]!.focused, fresh[2]!.left, fresh[2]!.width]).toEqual([
      false,
      undefined,
      undefined,
    ]);
  });

  it('refuses a window that does not exist and unknown tabs', () => {
    expect(() => moveTabs(session(), [0], 2)).toThrow(/no window number 3/);
    expect(() => moveTabs(session(), [9], 1)).toThrow(/no tab number 10/);
  });
});

describe('dedupeTabs', () => {
  it('keeps the first tab of each URL across windows', () => {
    const windows = session();
    windows[1]!.tabs.push(tabSnap('a'), tabSnap('d'));
    const { windows: out, removed } = dedupeTabs(windows);
    expect(removed).toBe(2);
    expect(urls(out)).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e'],
    ]);
  });

  it('drops a window holding only duplicates', () => {
    const windows = [windowSnap([tabSnap('a')]), windowSnap([tabSnap('a'), tabSnap('a')])];
    const { windows: out, removed } = dedupeTabs(windows);
    expect(removed).toBe(2);
    expect(urls(out)).toEqual([['a']]);
  });

  it('reports 0 when there is nothing to remove', () => {
    expect(dedupeTabs(session()).removed).toBe(0);
  });
});

describe('merge', () => {
  it('holds every window of every session, in order, with one focused window', () => {
    const out = mergeWindows([session(), [windowSnap([tabSnap('x')], { focused: true })]]);
    expect(urls(out)).toEqual([['a', 'b', 'c'], ['d', 'e'], ['x']]);
    expect(out.map((w) => w.focused)).toEqual([true, false, false]);
  });

  it('refuses fewer than two sessions', () => {
    expect(() => mergeWindows([session()])).toThrow(/at least two sessions/);
  });

  it('names the merge after its sources, within the length limit', () => {
    expect(mergedName(['Work', 'Home'], 200)).toBe('Merged: Work + Home');
    expect(mergedName(['x'.repeat(300), 'y'], 200)).toHaveLength(200);
  });
});

describe('compareSessions', () => {
  it('lists tabs added and removed by URL, once each, ignoring order and windows', () => {
    const before = session();
    const after = [
      windowSnap([tabSnap('e'), tabSnap('x'), tabSnap('x')]),
      windowSnap([tabSnap('a'), tabSnap('d'), tabSnap('y')]),
    ];
    const { added, removed } = compareSessions(before, after);
    expect(added.map((t) => t.url)).toEqual(['x', 'y']);
    expect(removed.map((t) => t.url)).toEqual(['b', 'c']);
  });

  it('finds nothing between equal sessions', () => {
    expect(compareSessions(session(), session())).toEqual({ added: [], removed: [] });
  });
});

describe('tags', () => {
  it('trims, drops blanks and repeats (ignoring case)', () => {
    expect(normalizeTags([' work ', '', 'Work', 'two  words', '  '])).toEqual({
      ok: true,
      tags: ['work', 'two words'],
    });
  });

  it('refuses too many or too long tags with a clear message', () => {
    const many = Array.from({ length: MAX_TAGS + 1 }, (_, i) => `t${i}`);
    expect(normalizeTags(many)).toEqual({
      ok: false,
      error: expect.objectContaining({ message: expect.stringMatching(/at most 20 tags/) }),
    });
    expect(normalizeTags(['x'.repeat(51)])).toEqual({
      ok: false,
      error: expect.objectContaining({
        message: expect.stringMatching(/at most 50 characters/),
      }),
    });
  });

  it('joins the tags of merged sessions without repeats, cut to the limit', () => {
    expect(
      unionTags([
        ['a', 'b'],
        ['B', 'c'],
      ]),
    ).toEqual(['a', 'b', 'c']);
    const many = Array.from({ length: 30 }, (_, i) => `t${i}`);
    expect(unionTags([many, ['z']])).toHaveLength(MAX_TAGS);
  });
});
