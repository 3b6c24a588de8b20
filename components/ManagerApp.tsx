import { useEffect, useState } from 'preact/hooks';
import { onTablesChanged } from '@/lib/change-feed';
import { forgetRows } from '@/lib/first-rows';
import { t } from '@/lib/i18n';
import { SessionsView } from './SessionsView';
import { SettingsView } from './SettingsView';
import { TrashView } from './TrashView';

const VIEWS = {
  sessions: 'managerViewSessions',
  trash: 'managerViewTrash',
  settings: 'managerViewSettings',
} as const;
type View = keyof typeof VIEWS;

/** The view named by the address's #fragment, so a link (or a test) can open one. */
function viewOf(hash: string): View {
  const name = hash.replace(/^#/, '');
  return Object.hasOwn(VIEWS, name) ? (name as View) : 'sessions';
}

/** The manager page, which is also the options page: sessions, trash, settings. */
export function ManagerApp() {
  const [view, setView] = useState<View>(() => viewOf(location.hash));
  useEffect(() => {
    const follow = () => setView(viewOf(location.hash));
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, []);
  // What is edited here must not show in the next popup's first frame: a session deleted
  // for good, a name changed.
  useEffect(() => onTablesChanged(['summaries'], () => forgetRows(localStorage)), []);
  return (
    <div class="manager">
      <header class="manager-top">
        <h1>{t('extName')}</h1>
        <nav aria-label={t('managerViews')}>
          {(Object.keys(VIEWS) as View[]).map((v) => (
            <a key={v} href={`#${v}`} aria-current={v === view ? 'page' : undefined}>
              {t(VIEWS[v])}
            </a>
          ))}
        </nav>
      </header>
      <main class={view === 'settings' ? 'options' : 'manager-main'}>
        {view === 'sessions' && <SessionsView />}
        {view === 'trash' && <TrashView />}
        {view === 'settings' && <SettingsView />}
      </main>
    </div>
  );
}
