import { t } from '@/lib/i18n';
import { useWhenVisible } from './use-when-visible';

/**
 * The end of a list shown a page at a time: loads the next page when scrolled to, and by
 * a click or Enter. `onMore` may come twice for one page (both ways at once): callers make
 * it idempotent.
 */
export function MoreSessions({ onMore }: { onMore(): void }) {
  const ref = useWhenVisible<HTMLButtonElement>(onMore);
  return (
    <button ref={ref} type="button" class="link" onClick={onMore}>
      {t('searchMoreSessions')}
    </button>
  );
}
