import { openDb } from '@/lib/db';
import { compareSessions } from '@/lib/edit/compare';
import type { SessionSummary, TabSnap } from '@/lib/model';
import { readWindows } from '@/lib/store/bodies';
import { plural } from './format';
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
    <section class="compare" aria-label="Comparison">
      <h2>
        Compare “{before?.name ?? '?'}” → “{after?.name ?? '?'}”{' '}
        <button type="button" class="link" onClick={onClose}>
          Close
        </button>
      </h2>
      {result.status === 'error' && <p class="status error">{String(result.error)}</p>}
      {result.status === 'ready' && result.value === null && (
        <p class="status error">One of the sessions is gone.</p>
      )}
      {result.status === 'ready' && result.value !== null && (
        <>
          <TabList
            title={`Added (${plural(result.value.added.length, 'tab')})`}
            tabs={result.value.added}
          />
          <TabList
            title={`Removed (${plural(result.value.removed.length, 'tab')})`}
            tabs={result.value.removed}
          />
        </>
      )}
    </section>
  );
}

function TabList({ title, tabs }: { title: string; tabs: readonly TabSnap[] }) {
  return (
    <section aria-label={title.replace(/ \(.*$/, '')}>
      <h3>{title}</h3>
      <ul class="tab-list">
        {tabs.map((t) => (
          <li key={t.url}>
            <span class="tab-title">{t.title || t.url}</span> <span class="tab-url">{t.url}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
