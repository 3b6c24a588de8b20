import { useState } from 'preact/hooks';
import { callService } from '@/lib/client';
import type { SessionSummary } from '@/lib/model';
import { MAX_NAME_LENGTH } from '@/lib/naming';
import { plural } from './format';
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
    return <p class="muted hint">Tick two sessions to compare them, two or more to merge them.</p>;
  }
  // Oldest first, whichever order they were ticked in: the merge reads as a timeline.
  const oldestFirst = [...ticked].sort((x, y) => x.createdAt - y.createdAt);
  const merge = () =>
    void attempt(
      () => callService('merge', { ids: oldestFirst.map((s) => s.id), name }),
      (merged) => {
        setName('');
        onMerged(merged);
        return `Merged into “${merged.name}”: ${plural(merged.windowCount, 'window')}, ${plural(merged.tabCount, 'tab')}.`;
      },
    );
  const [a, b] = oldestFirst;
  return (
    <div class="merge-bar" role="group" aria-label="Ticked sessions">
      <span>{plural(ticked.length, 'session')} ticked</span>
      <input
        type="text"
        aria-label="Name of the merged session"
        placeholder="Name of the merged session"
        maxLength={MAX_NAME_LENGTH}
        value={name}
        onInput={(e) => setName(e.currentTarget.value)}
      />
      <button type="button" class="primary" onClick={merge}>
        Merge
      </button>
      {ticked.length === 2 && (
        <button type="button" onClick={() => onCompare(a!, b!)}>
          Compare
        </button>
      )}
    </div>
  );
}
