import { useState } from 'preact/hooks';
import { openDb } from '@/lib/db';
import { listLiveSessions } from '@/lib/session-index';
import { CompareResult } from './CompareResult';
import { MergeBar } from './MergeBar';
import { SessionDetail } from './SessionDetail';
import { ManagerSessionList } from './ManagerSessionList';
import { useAttempt } from './use-attempt';
import { useLiveQuery } from './use-live-query';

/** Live sessions on the left, the one opened on the right; ticked ones merge or compare. */
export function SessionsView() {
  const sessions = useLiveQuery(() => listLiveSessions(openDb()));
  const [openId, setOpenId] = useState<string | null>(null);
  const [ticked, setTicked] = useState<readonly string[]>([]);
  const [comparing, setComparing] = useState<readonly [string, string] | null>(null);
  const { status, attempt } = useAttempt();

  if (sessions.status === 'loading') return null;
  if (sessions.status === 'error') {
    return (
      <p class="status error">Tabkeep cannot read its saved sessions: {String(sessions.error)}</p>
    );
  }
  const all = sessions.value;
  // Search (lib/search/) goes here: a box above the list that narrows `shown`.
  const shown = all;
  const open = all.find((s) => s.id === openId) ?? null;
  const tickedRows = all.filter((s) => ticked.includes(s.id));
  const toggle = (id: string) =>
    setTicked((t) => (t.includes(id) ? t.filter((x) => x !== id) : [...t, id]));

  return (
    <div class="sessions-view">
      <div class="sessions-side">
        <div class="manager-search" data-slot="search" />
        <MergeBar
          ticked={tickedRows}
          attempt={attempt}
          onMerged={(merged) => {
            setTicked([]);
            setOpenId(merged.id);
          }}
          onCompare={(a, b) => setComparing([a.id, b.id])}
        />
        <p class={`status ${status?.tone ?? ''}`} role="status" aria-live="polite">
          {status?.text}
        </p>
        <ManagerSessionList
          sessions={shown}
          openId={openId}
          ticked={ticked}
          onOpen={(s) => {
            setOpenId(s.id);
            setComparing(null);
          }}
          onToggle={(s) => toggle(s.id)}
        />
      </div>
      <div class="sessions-detail">
        {comparing !== null ? (
          <CompareResult
            sessions={comparing.map((id) => all.find((s) => s.id === id) ?? null)}
            onClose={() => setComparing(null)}
          />
        ) : open !== null ? (
          <SessionDetail
            key={open.id}
            session={open}
            attempt={attempt}
            onOpen={(id) => setOpenId(id)}
            onGone={() => setOpenId(null)}
          />
        ) : (
          <p class="empty">Open a session to see its windows and tabs.</p>
        )}
      </div>
    </div>
  );
}
