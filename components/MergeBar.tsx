import { useState } from 'preact/hooks';
import { callService } from '@/lib/client';
import { t } from '@/lib/i18n';
import type { SessionSummary } from '@/lib/model';
import { MAX_NAME_LENGTH } from '@/lib/naming';
import { counted } from './format';
import type { Attempt } from './use-attempt';

interface Props {
  ticked: readonly SessionSummary[];
  attempt: Attempt;
  onMerged(merged: SessionSummary): void;
  /** The older one first, so the comparison reads as what changed since. */
  onCompare(before: SessionSummary, after: SessionSummary): void;
}

/** What can be done with the ticked sessions: merge two or more, compare two. */
export function MergeBar({ ticked, attempt, onMerged, onCompare }: Props) {
  const [name, setName] = useState('');
  if (ticked.length < 2) {
    return <p class="muted hint">{t('mergeHint')}</p>;
  }
  // Oldest first, whichever order they were ticked in: the merge reads as a timeline.
  const oldestFirst = [...ticked].sort((x, y) => x.createdAt - y.createdAt);
  const merge = () =>
    void attempt(
      () => callService('merge', { ids: oldestFirst.map((s) => s.id), name }),
      (merged) => {
        setName('');
        onMerged(merged);
        return t(
          'mergeDone',
          merged.name,
          counted(merged.windowCount, 'Window'),
          counted(merged.tabCount, 'Tab'),
        );
      },
    );
  const [a, b] = oldestFirst;
  return (
    <div class="merge-bar" role="group" aria-label={t('mergeGroup')}>
      <span>{t('mergeTicked', counted(ticked.length, 'Session'))}</span>
      <input
        type="text"
        aria-label={t('mergeName')}
        placeholder={t('mergeName')}
        maxLength={MAX_NAME_LENGTH}
        value={name}
        onInput={(e) => setName(e.currentTarget.value)}
      />
      <button type="button" class="primary" onClick={merge}>
        {t('mergeButton')}
      </button>
      {ticked.length === 2 && (
        <button type="button" onClick={() => onCompare(a!, b!)}>
          {t('compareButton')}
        </button>
      )}
    </div>
  );
}
