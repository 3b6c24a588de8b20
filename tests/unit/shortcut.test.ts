import { describe, expect, it } from 'vitest';
import { UserError } from '@/lib/errors';
import type { SaveResult } from '@/lib/protocol';
import { saveFromShortcut } from '@/lib/shortcut';
import { recordingBadge } from './service-harness';

describe('saveFromShortcut', () => {
  it('shows a check mark and the session on success', async () => {
    const badge = recordingBadge();
    const result = { session: { name: 'Morning', tabCount: 7 } } as SaveResult;
    await saveFromShortcut({ save: async () => result }, badge);
    expect(badge.shown).toEqual([['✓', '#1a7f37', 'Tabkeep: saved “Morning” (7 tabs)']]);
  });

  it('shows "!" and the reason when the save fails', async () => {
    const badge = recordingBadge();
    await saveFromShortcut(
      {
        save: async () => {
          throw new UserError('errorNothingToSaveBlank');
        },
      },
      badge,
    );
    expect(badge.shown).toEqual([
      [
        '!',
        '#cf222e',
        'Tabkeep could not save: Nothing to save: only empty new-tab pages are open.',
      ],
    ]);
  });
});
