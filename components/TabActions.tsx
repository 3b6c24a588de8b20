import { useState } from 'preact/hooks';
import { callService } from '@/lib/client';
import type { MoveTarget } from '@/lib/edit/move-tabs';
import type { SessionSummary } from '@/lib/model';
import type { TabEdit } from '@/lib/protocol';
import { plural } from './format';
import type { Attempt } from './use-attempt';

interface Props {
  session: SessionSummary;
  windowCount: number;
  ticked: ReadonlySet<number>;
  attempt: Attempt;
  /** The edit was stored: the ticks name tabs that moved or went. */
  onDone(): void;
}

/** Remove or move the ticked tabs; remove duplicates from the whole session. */
export function TabActions({ session, windowCount, ticked, attempt, onDone }: Props) {
  const [to, setTo] = useState<MoveTarget>('new');
  const tabs = [...ticked].sort((a, b) => a - b);
  const edit = (e: TabEdit, words: (removed: number) => string) =>
    void attempt(
      () => callService('editTabs', { id: session.id, edit: e }),
      ({ removed }) => {
        onDone();
        return words(removed);
      },
    );
  const none = tabs.length === 0;
  return (
    <div class="tab-actions" role="group" aria-label="Tab actions">
      <button
        type="button"
        class="danger"
        disabled={none}
        onClick={() =>
          edit({ op: 'remove', tabs }, (n) => `Removed ${plural(n, 'tab')} from “${session.name}”.`)
        }
      >
        Remove selected tabs
      </button>
      <select
        aria-label="Move to"
        value={String(to)}
        onChange={(e) => {
          const value = e.currentTarget.value;
          setTo(value === 'new' ? 'new' : Number(value));
        }}
      >
        {Array.from({ length: windowCount }, (_, i) => (
          <option key={i} value={String(i)}>
            Window {i + 1}
          </option>
        ))}
        <option value="new">A new window</option>
      </select>
      <button
        type="button"
        disabled={none}
        onClick={() =>
          edit({ op: 'move', tabs, to }, () =>
            to === 'new'
              ? `Moved ${plural(tabs.length, 'tab')} to a new window.`
              : `Moved ${plural(tabs.length, 'tab')} to window ${to + 1}.`,
          )
        }
      >
        Move selected tabs
      </button>
      <button
        type="button"
        onClick={() =>
          edit({ op: 'dedupe' }, (n) =>
            n === 0 ? 'No duplicate tabs.' : `Removed ${plural(n, 'duplicate tab')}.`,
          )
        }
      >
        Remove duplicates
      </button>
    </div>
  );
}
