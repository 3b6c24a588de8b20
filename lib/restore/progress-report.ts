import type { Badge } from '../adapters/badge';
import type { ProgressListener } from './execute';

/** Restores of more tabs than this show their progress; smaller ones are over at once. */
export const PROGRESS_MIN_TABS = 20;

const BLUE = '#0969da';
const GREEN = '#1a7f37';

/**
 * Progress on the toolbar badge (as a percentage: the badge holds about four characters)
 * and to open pages. The badge changes only when the percentage does: 200 tabs, 100 updates.
 */
export function progressReporter(
  badge: Pick<Badge, 'flash'>,
  post: (done: number, total: number) => void,
): ProgressListener {
  let shown = -1;
  return (done, total) => {
    post(done, total);
    const percent = Math.floor((done / total) * 100);
    if (percent === shown) return;
    shown = percent;
    void (done >= total
      ? badge.flash('✓', GREEN, `Tabkeep: restored ${total} tabs`)
      : badge.flash(`${percent}%`, BLUE, `Tabkeep: restoring… ${done} of ${total} tabs`));
  };
}
