import type { SessionSummary } from '@/lib/model';
import type { SearchResult } from '@/lib/search/index';
import { t } from '@/lib/i18n';
import { counted } from './format';
import { MoreSessions } from './MoreSessions';

interface Props {
  result: SearchResult;
  onRestore(session: SessionSummary): void;
  onOpenTab(session: SessionSummary, index: number): void;
  /** Asks for the page after the `shown` sessions: the same twice is one page. */
  onMore(shown: number): void;
  /** The manager shows a session's detail from its name. */
  onShow?(session: SessionSummary): void;
}

/**
 * Sessions that match, each with its matching tabs: restore the session, or open one tab.
 * `data-search-query` says which query the results are for (the benchmark waits on it).
 */
export function SearchResults({ result, onRestore, onOpenTab, onMore, onShow }: Props) {
  if (result.hits.length === 0) {
    return (
      <p class="empty" data-search-query={result.query} role="status">
        {t('searchNothing', result.query)}
      </p>
    );
  }
  return (
    <section
      aria-label={t('searchResults')}
      class="search-results"
      data-search-query={result.query}
    >
      <ul class="sessions">
        {/* Keyed by place: the next keystroke patches these rows instead of rebuilding them. */}
        {result.hits.map(({ session, tabs, moreTabs }, place) => (
          <li class="hit" key={place} data-session-id={session.id}>
            <div class="hit-head">
              {onShow ? (
                <button type="button" class="link session-name" onClick={() => onShow(session)}>
                  {session.name}
                </button>
              ) : (
                <span class="session-name" title={session.name}>
                  {session.name}
                </span>
              )}
              <button
                type="button"
                onClick={() => onRestore(session)}
                aria-label={t('restoreLabel', session.name)}
              >
                {t('restoreButton')}
              </button>
            </div>
            <span class="session-meta">{counted(session.tabCount, 'Tab')}</span>
            {tabs.length > 0 && (
              <ul class="hit-tabs" aria-label={t('searchMatchingTabs', session.name)}>
                {tabs.map((tab, place) => (
                  <li key={place} class="hit-tab">
                    <button
                      type="button"
                      class="link"
                      onClick={() => onOpenTab(session, tab.index)}
                      title={tab.url}
                    >
                      <span class="visually-hidden">{t('searchOpenTab')} </span>
                      <span class="hit-title">{tab.title || tab.url}</span>
                      <span class="hit-url">{tab.url}</span>
                    </button>
                  </li>
                ))}
                {moreTabs && <li class="hit-more">{t('searchMoreTabs')}</li>}
              </ul>
            )}
          </li>
        ))}
      </ul>
      {result.moreSessions && <MoreSessions onMore={() => onMore(result.hits.length)} />}
    </section>
  );
}
