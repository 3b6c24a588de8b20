import { describe, expect, it } from 'vitest';
import { autosavesToDrop, beyondNewest, localDay } from '@/lib/retention';

const HOUR = 3_600_000;
const at = (day: number, hour: number) => new Date(2026, 10, day, hour).getTime();

describe('autosavesToDrop', () => {
  it('keeps the newest N', () => {
    const list = [1, 2, 3, 4, 5].map((n) => ({ id: `a${n}`, createdAt: at(20, n) }));
    expect(autosavesToDrop(list, { keepLast: 2, keepDays: 0 }).sort()).toEqual(['a1', 'a2', 'a3']);
  });

  it('adds the newest of each of the most recent days that have autosaves', () => {
    const list = [
      { id: 'nov10-9h', createdAt: at(10, 9) },
      { id: 'nov10-17h', createdAt: at(10, 17) },
      // The computer was off from Nov 11 to Nov 19: those days do not count.
      { id: 'nov20-8h', createdAt: at(20, 8) },
      { id: 'nov20-18h', createdAt: at(20, 18) },
      { id: 'nov21-7h', createdAt: at(21, 7) },
      { id: 'nov21-9h', createdAt: at(21, 9) },
    ];
    expect(autosavesToDrop(list, { keepLast: 1, keepDays: 3 }).sort()).toEqual([
      'nov10-9h',
      'nov20-8h',
      'nov21-7h',
    ]);
  });

  it('keeps everything it is asked to, in any order', () => {
    const list = [3, 1, 2].map((n) => ({ id: `a${n}`, createdAt: n * HOUR }));
    expect(autosavesToDrop(list, { keepLast: 10, keepDays: 7 })).toEqual([]);
  });

  it('tells days apart by the local calendar', () => {
    expect(localDay(new Date(2026, 10, 21, 0, 1).getTime())).toBe(
      localDay(new Date(2026, 10, 21, 23, 59).getTime()),
    );
    expect(localDay(new Date(2026, 10, 21, 23, 59).getTime())).not.toBe(
      localDay(new Date(2026, 10, 22, 0, 1).getTime()),
    );
  });
});

describe('beyondNewest', () => {
  it('returns all but the newest N', () => {
    const list = [5, 1, 3].map((n) => ({ id: `r${n}`, createdAt: n }));
    expect(beyondNewest(list, 2)).toEqual(['r1']);
    expect(beyondNewest(list, 5)).toEqual([]);
  });
});
