import { describe, expect, it } from 'vitest';
import { progressReporter } from '@/lib/restore/progress-report';
import { restoredLine } from '@/lib/restore/words';
import { recordingBadge } from './service-harness';

describe('progressReporter', () => {
  it('posts every step, and changes the badge only when the percentage does, ending on a check', () => {
    const badge = recordingBadge();
    const posted: [number, number][] = [];
    const report = progressReporter(badge, (done, total) => posted.push([done, total]));
    for (let done = 1; done <= 400; done++) report(done, 400);
    expect(posted).toHaveLength(400);
    // 0 % to 99 %, then the check.
    expect(badge.shown).toHaveLength(101);
    expect(badge.shown[0]).toEqual(['0%', '#0969da', 'Tabkeep: restoring… 1 of 400 tabs']);
    expect(badge.shown.at(-2)![0]).toBe('99%');
    expect(badge.shown.at(-1)).toEqual(['✓', '#1a7f37', 'Tabkeep: restored 400 tabs']);
  });
});

describe('restoredLine', () => {
  it('says what each mode did', () => {
    const base = { placeholders: 0, warnings: [] };
    expect(restoredLine({ ...base, windows: 2, tabs: 5 })).toBe('Restored 2 windows, 5 tabs.');
    expect(restoredLine({ ...base, windows: 0, tabs: 1 })).toBe(
      'Added 1 tab to the current window.',
    );
    expect(restoredLine({ ...base, windows: 1, tabs: 3, closedWindows: 2 })).toBe(
      'Restored 1 window, 3 tabs. Closed 2 windows: what they held is under Autosaves.',
    );
  });
});
