import { useState } from 'preact/hooks';
import { callService } from '@/lib/client';
import { t } from '@/lib/i18n';
import type { MoveTarget } from '@/lib/edit/move-tabs';
import type { SessionSummary } from '@/lib/model';
import type { TabEdit } from '@/lib/protocol';
import { counted } from './format';
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
    <div class="tab-actions" role="group" aria-label={t('detailTabActions')}>
      <button
        type="button"
        class="danger"
        disabled={none}
        onClick={() =>
          edit({ op: 'remove', tabs }, (n) =>
            t('detailRemovedTabs', counted(n, 'Tab'), session.name),
          )
        }
      >
        {t('detailRemoveSelected')}
      </button>
      <select
        aria-label={t('detailMoveTo')}
        value={String(to)}
        onChange={(e) => {
          const value = e.currentTarget.value;
          setTo(value === 'new' ? 'new' : Number(value));
        }}
      >
        {Array.from({ length: windowCount }, (_, i) => (
          <option key={i} value={String(i)}>
            {t('detailWindow', i + 1)}
          </option>
        ))}
        <option value="new">{t('detailNewWindow')}</option>
      </select>
      <button
        type="button"
        disabled={none}
        onClick={() =>
          edit({ op: 'move', tabs, to }, () =>
            to === 'new'
              ? t('detailMovedToNew', counted(tabs.length, 'Tab'))
              : t('detailMovedToWindow', counted(tabs.length, 'Tab'), to + 1),
          )
        }
      >
        {t('detailMoveSelected')}
      </button>
      <button
        type="button"
        onClick={() =>
          edit({ op: 'dedupe' }, (n) =>
            n === 0
              ? t('detailNoDuplicates')
              : t('detailRemovedDuplicates', counted(n, 'DuplicateTab')),
          )
        }
      >
        {t('detailRemoveDuplicates')}
      </button>
    </div>
  );
}
