import type { SessionSummary } from '@/lib/model';
import { formatDate, plural } from './format';

interface Props {
  sessions: readonly SessionSummary[];
  openId: string | null;
  ticked: readonly string[];
  onOpen(session: SessionSummary): void;
  onToggle(session: SessionSummary): void;
}

const KIND_WORDS: Record<SessionSummary['kind'], string> = {
  manual: '',
  import: 'imported',
  autosave: 'autosave',
  exit: 'recovered',
  crash: 'recovered',
};

/** Every live session: a box to tick (for merge and compare) and a button to open it. */
export function ManagerSessionList({ sessions, openId, ticked, onOpen, onToggle }: Props) {
  if (sessions.length === 0) {
    return <p class="empty">No saved sessions yet. Save some from the toolbar button.</p>;
  }
  return (
    <ul class="manager-list" aria-label="Sessions">
      {sessions.map((s) => (
        <li key={s.id} class={s.id === openId ? 'open' : ''} data-session-id={s.id}>
          <input
            type="checkbox"
            aria-label={`Select ${s.name}`}
            checked={ticked.includes(s.id)}
            onChange={() => onToggle(s)}
          />
          <button
            type="button"
            class="manager-open"
            aria-label={`Open ${s.name}`}
            aria-pressed={s.id === openId}
            onClick={() => onOpen(s)}
          >
            <span class="session-line">
              {s.favourite === true && (
                <span class="star" title="Favourite" aria-label="favourite">
                  ★{' '}
                </span>
              )}
              <span class="session-name">{s.name}</span>
            </span>
            <span class="session-meta">
              {[
                KIND_WORDS[s.kind],
                plural(s.windowCount, 'window'),
                plural(s.tabCount, 'tab'),
                formatDate(s.createdAt),
              ]
                .filter(Boolean)
                .join(' · ')}
            </span>
            {s.tags.length > 0 && <span class="tags">{s.tags.map((t) => `#${t}`).join(' ')}</span>}
          </button>
        </li>
      ))}
    </ul>
  );
}
