import { describe, expect, it } from 'vitest';
import { rowsToPaint } from '@/lib/first-rows';

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
