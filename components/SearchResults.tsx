import type { SessionSummary } from '@/lib/model';
import type { SearchResult } from '@/lib/search/index';
import { plural } from './format';

interface Props {
  result: SearchResult;
  onRestore(session: SessionSummary): void;
  onOpenTab(session: SessionSummary, index: number): void;
  onMore(): void;
}

/**
 * Sessions that match, each with its matching tabs: restore the session, or open one tab.
 * `data-search-query` says which query the results are for (the benchmark waits on it).
 */
export function SearchResults({ result, onRestore, onOpenTab, onMore }: Props) {
  if (result.hits.length === 0) {
    return (
      <p class="empty" data-search-query={result.query} role="status">
        Nothing matches “{result.query}”.
      </p>
    );
  }
  return (
    <section aria-label="Search results" class="search-results" data-search-query={result.query}>
      <ul class="sessions">
        {result.hits.map(({ session, tabs, moreTabs }) => (
          <li class="hit" key={session.id} data-session-id={session.id}>
            <div class="hit-head">
              <span class="session-name" title={session.name}>
                {session.name}
              </span>
              <button
                type="button"
                onClick={() => onRestore(session)}
                aria-label={`Restore ${session.name}`}
              >
                Restore
              </button>
            </div>
            <span class="session-meta">{plural(session.tabCount, 'tab')}</span>
            {tabs.length > 0 && (
              <ul class="hit-tabs" aria-label={`Matching tabs of ${session.name}`}>
                {tabs.map((tab) => (
                  <li key={tab.index} class="hit-tab">
                    <button
                      type="button"
                      class="link"
                      onClick={() => onOpenTab(session, tab.index)}
                      title={tab.url}
                    >
                      <span class="visually-hidden">Open tab </span>
                      <span class="hit-title">{tab.title || tab.url}</span>
                      <span class="hit-url">{tab.url}</span>
                    </button>
                  </li>
                ))}
                {moreTabs && <li class="hit-more">More tabs of this session match.</li>}
              </ul>
            )}
          </li>
        ))}
      </ul>
      {result.moreSessions && (
        <button type="button" class="link" onClick={onMore}>
          Show more sessions
        </button>
      )}
    </section>
  );
}
