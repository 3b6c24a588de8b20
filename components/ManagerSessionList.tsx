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
            aria-pressed={s.id === openId}
            onClick={() => onOpen(s)}
          >
            {/* The name read out starts "Open <name>"; the star shows first but reads last. */}
            <span class="session-line">
              <span class="visually-hidden">Open </span>
              <span class="session-name">{s.name}</span>
              {s.favourite === true && (
                <span class="star" title="Favourite">
                  <span aria-hidden="true">★ </span>
                  <span class="visually-hidden">, favourite</span>
                </span>
              )}
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
