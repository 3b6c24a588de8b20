import { openDb } from '@/lib/db';
import { compareSessions } from '@/lib/edit/compare';
import { t } from '@/lib/i18n';
import type { SessionSummary, TabSnap } from '@/lib/model';
import { readWindows } from '@/lib/store/bodies';
import { counted } from './format';
import { useLiveQuery } from './use-live-query';

/** Tabs added and removed from the first session to the second, by URL. */
export function CompareResult({
  sessions,
  onClose,
}: {
  sessions: readonly (SessionSummary | null)[];
  onClose(): void;
}) {
  const [before, after] = sessions;
  const result = useLiveQuery(async () => {
    if (!before || !after) return null;
    const db = openDb();
    return compareSessions(await readWindows(db, before), await readWindows(db, after));
  }, [before?.id, after?.id, before?.hash, after?.hash]);
  return (
    <section class="compare" aria-label={t('compareName')}>
      <h2>
        {t('compareTitle', before?.name ?? '?', after?.name ?? '?')}{' '}
        <button type="button" class="link" onClick={onClose}>
          {t('compareClose')}
        </button>
      </h2>
      {result.status === 'error' && <p class="status error">{String(result.error)}</p>}
      {result.status === 'ready' && result.value === null && (
        <p class="status error">{t('compareGone')}</p>
      )}
      {result.status === 'ready' && result.value !== null && (
        <>
          <TabList
            name={t('compareAdded')}
            title={t('compareAddedCount', counted(result.value.added.length, 'Tab'))}
            tabs={result.value.added}
          />
          <TabList
            name={t('compareRemoved')}
            title={t('compareRemovedCount', counted(result.value.removed.length, 'Tab'))}
            tabs={result.value.removed}
          />
        </>
      )}
    </section>
  );
}

/** The region's name leaves out the count its heading shows, so it stays the same. */
function TabList({ name, title, tabs }: { name: string; title: string; tabs: readonly TabSnap[] }) {
  return (
    <section aria-label={name}>
      <h3>{title}</h3>
      <ul class="tab-list">
        {tabs.map((tab) => (
          <li key={tab.url}>
            <span class="tab-title">{tab.title || tab.url}</span>{' '}
            <span class="tab-url">{tab.url}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
