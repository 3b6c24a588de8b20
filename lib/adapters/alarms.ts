import { browser } from 'wxt/browser';
import type { Settings } from '../settings';

export const AUTOSAVE_ALARM = 'autosave';
/** The safety net under the event-driven live snapshot; Chrome's shortest period. */
export const LIVE_ALARM = 'live-snapshot';
const LIVE_PERIOD_MINUTES = 0.5;
/** Purges the trash of sessions past their 30 days, for browsers left running for weeks. */
export const TRASH_ALARM = 'trash-purge';
const TRASH_PERIOD_MINUTES = 24 * 60;

/**
 * Makes the alarms match the settings. Called at every worker start: an alarm that
 * already has the right period is left alone, since creating it again would restart its
 * countdown and a worker waking more often than the period would never let it fire.
 */
export async function applySchedule(settings: Settings): Promise<void> {
  const wanted = [
    [AUTOSAVE_ALARM, settings.autosave.periodMinutes],
    [LIVE_ALARM, LIVE_PERIOD_MINUTES],
    [TRASH_ALARM, TRASH_PERIOD_MINUTES],
  ] as const;
  for (const [name, period] of wanted) {
    const alarm = await browser.alarms.get(name);
    if (alarm?.periodInMinutes !== period) {
      await browser.alarms.create(name, { periodInMinutes: period, delayInMinutes: period });
    }
  }
}
