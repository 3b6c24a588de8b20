import type { Badge } from '../adapters/badge';
import { t } from '../i18n';
import type { ProgressListener } from './execute';

/** Restores of more tabs than this show their progress; smaller ones are over at once. */
export const PROGRESS_MIN_TABS = 20;

const BLUE = '#0969da';
const GREEN = '#1a7f37';

/** Progress shows at most this often: a restore's ticks cost it time it is busy with. */
export const PROGRESS_EVERY_MS = 250;

/**
 * Progress on the toolbar badge (as a percentage: the badge holds about four characters)
 * and to open pages: the first tab, then at most every PROGRESS_EVERY_MS, and the last.
 */
export function progressReporter(
  badge: Pick<Badge, 'flash'>,
  post: (done: number, total: number) => void,
  now: () => number = () => Date.now(),
): ProgressListener {
  let shownAt = -Infinity;
  return (done, total) => {
    const finished = done >= total;
    if (!finished && now() - shownAt < PROGRESS_EVERY_MS) return;
    shownAt = now();
    post(done, total);
    void (finished
      ? badge.flash('✓', GREEN, t('noteRestoredBadge', total))
      : badge.flash(
          `${Math.floor((done / total) * 100)}%`,
          BLUE,
          t('noteRestoringBadge', done, total),
        ));
  };
}
