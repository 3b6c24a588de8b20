import { describe, expect, it } from 'vitest';
import { progressReporter } from '@/lib/restore/progress-report';
import { placeholdersLine, restoredLine } from '@/components/restore-words';
import { speak } from './locale-fake';
import { recordingBadge } from './service-harness';

describe('progressReporter', () => {
  it('shows the first tab, then at most every 250 ms, and always the last, as a check', () => {
    const badge = recordingBadge();
    const posted: [number, number][] = [];
    let clock = 0;
    const report = progressReporter(
      badge,
      (done, total) => posted.push([done, total]),
      () => clock,
    );
    // A tab every 10 ms: 400 tabs in 4 s.
    for (let done = 1; done <= 400; done++, clock += 10) report(done, 400);
    expect(posted).toEqual([[1, 400], [26, 400], [51, 400], ...posted.slice(3, -1), [400, 400]]);
    // Every 25th tab (250 ms), 16 in all, then the last.
    expect(posted).toHaveLength(17);
    expect(badge.shown[0]).toEqual(['0%', '#0969da', 'Tabkeep: restoring… 1 of 400 tabs']);
    expect(badge.shown[1]![0]).toBe('6%');
    expect(badge.shown.at(-1)).toEqual(['✓', '#1a7f37', 'Tabkeep: restored 400 tabs']);
    expect(badge.shown).toHaveLength(17);
  });
});

describe('restoredLine', () => {
  const base = { placeholders: 0, warnings: [] };

  it('says what each mode did', () => {
    speak('en');
    expect(restoredLine({ ...base, windows: 2, tabs: 5 })).toBe('Restored 2 windows, 5 tabs.');
    expect(restoredLine({ ...base, windows: 0, tabs: 1 })).toBe(
      'Added 1 tab to the current window.',
    );
    expect(restoredLine({ ...base, windows: 1, tabs: 3, closedWindows: 2 })).toBe(
      'Restored 1 window, 3 tabs. Closed 2 windows: what they held is under Autosaves.',
    );
    expect(placeholdersLine({ ...base, windows: 1, tabs: 3, placeholders: 2 })).toBe(
      '2 tabs the browser will not let extensions open show a placeholder.',
    );
    expect(placeholdersLine({ ...base, windows: 1, tabs: 3 })).toBe('');
  });

  it('says it in German', () => {
    speak('de');
    expect(restoredLine({ ...base, windows: 1, tabs: 3, closedWindows: 2 })).toBe(
      '1 Fenster mit 3 Tabs wiederhergestellt. 2 Fenster geschlossen: ihr Inhalt liegt unter „Automatische Sicherungen“.',
    );
    expect(restoredLine({ ...base, windows: 0, tabs: 1 })).toBe(
      '1 Tab zum aktuellen Fenster hinzugefügt.',
    );
  });
});
