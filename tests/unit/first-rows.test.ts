import { describe, expect, it } from 'vitest';
import {
  FIRST_PAGE,
  forgetRows,
  keepRows,
  keptRows,
  rowsToPaint,
  samePainted,
} from '@/lib/first-rows';

const words = {
  windows: (n: number) => `${n}w`,
  tabs: (n: number) => `${n}t`,
  date: (ms: number) => `d${ms}`,
};

function row(id: string, kind: string) {
  return { id, name: `<b>${id}</b>`, kind, windowCount: 1, tabCount: 2, createdAt: 5 };
}

describe('rowsToPaint', () => {
  it('puts recovered sessions first, folds autosaves away, and skips malformed rows', () => {
    const painted = rowsToPaint(
      [row('a', 'manual'), row('b', 'autosave'), row('c', 'crash'), { id: 'x' }, null],
      words,
    );
    expect(painted).toEqual([
      { id: 'c', name: '<b>c</b>', meta: '1w · 2t · d5' },
      { id: 'a', name: '<b>a</b>', meta: '1w · 2t · d5' },
    ]);
  });
});

describe('kept rows', () => {
  const row = (n: number) => ({ id: `id-${n}`, name: `Session ${n}`, meta: `${n} tabs` });
  const memory = () => {
    const items = new Map<string, string>();
    return {
      getItem: (k: string) => items.get(k) ?? null,
      setItem: (k: string, v: string) => void items.set(k, v),
      removeItem: (k: string) => void items.delete(k),
    };
  };

  it('keeps the first page of rows, and forgets them', () => {
    const storage = memory();
    expect(keptRows(storage)).toEqual([]);
    const rows = Array.from({ length: 20 }, (_, i) => row(i));
    keepRows(storage, rows);
    expect(keptRows(storage)).toEqual(rows.slice(0, FIRST_PAGE));
    forgetRows(storage);
    expect(keptRows(storage)).toEqual([]);
  });

  it('reads broken or foreign values as no rows', () => {
    const storage = memory();
    for (const value of ['{', '{"a":1}', '[{"id":1,"name":"x","meta":"y"}]', 'null']) {
      storage.setItem('tabkeep.firstRows', value);
      expect(keptRows(storage)).toEqual([]);
    }
  });

  it('loses nothing when the storage refuses the write', () => {
    const full = {
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    };
    expect(() => keepRows(full, [row(1)])).not.toThrow();
  });

  it('compares painted rows by what they show', () => {
    expect(samePainted([row(1), row(2)], [row(1), row(2)])).toBe(true);
    expect(samePainted([row(1)], [row(1), row(2)])).toBe(false);
    expect(samePainted([row(1)], [{ ...row(1), meta: '2 tabs' }])).toBe(false);
  });
});
