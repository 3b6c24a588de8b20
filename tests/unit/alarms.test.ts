import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { applySchedule, TRASH_ALARM } from '@/lib/adapters/alarms';
import { DEFAULT_SETTINGS } from '@/lib/settings';

describe('applySchedule', () => {
  it('makes a daily alarm that purges the trash', async () => {
    await applySchedule(DEFAULT_SETTINGS);
    expect((await fakeBrowser.alarms.get(TRASH_ALARM))?.periodInMinutes).toBe(24 * 60);
  });
});
