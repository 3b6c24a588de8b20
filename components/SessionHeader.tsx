import { useState } from 'preact/hooks';
import { callService } from '@/lib/client';
import type { SessionSummary } from '@/lib/model';
import { MAX_NAME_LENGTH } from '@/lib/naming';
import { TagsEditor } from './TagsEditor';
import type { Attempt } from './use-attempt';

interface Props {
  session: SessionSummary;
  attempt: Attempt;
  onGone(): void;
}

/** The session's name (renamed in place), star, tags and delete. */
export function SessionHeader({ session, attempt, onGone }: Props) {
  const [name, setName] = useState<string | null>(null);
  const starred = session.favourite === true;
  const rename = (typed: string) =>
    void attempt(
      () => callService('rename', { id: session.id, name: typed }),
      (renamed) => {
        setName(null);
        return `Renamed to “${renamed.name}”.`;
      },
    );
  return (
    <header class="detail-head">
      {name === null ? (
        <h2 class="detail-name">{session.name}</h2>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            rename(name);
          }}
        >
          <input
            type="text"
            aria-label="New name"
            maxLength={MAX_NAME_LENGTH}
            value={name}
            onInput={(e) => setName(e.currentTarget.value)}
          />{' '}
          <button type="submit">Save name</button>{' '}
          <button type="button" onClick={() => setName(null)}>
            Cancel
          </button>
        </form>
      )}
      <div class="detail-buttons">
        <button
          type="button"
          aria-pressed={starred}
          title={starred ? 'Remove from favourites' : 'Add to favourites'}
          onClick={() =>
            void attempt(
              () => callService('setFavourite', { id: session.id, favourite: !starred }),
              (s) =>
                s.favourite
                  ? `“${s.name}” is a favourite.`
                  : `“${s.name}” is no longer a favourite.`,
            )
          }
        >
          {starred ? '★' : '☆'} Favourite
        </button>
        <button type="button" onClick={() => setName(session.name)}>
          Rename
        </button>
        <button
          type="button"
          class="danger"
          onClick={() =>
            void attempt(
              async () => {
                await callService('remove', { id: session.id });
                onGone();
              },
              () => `“${session.name}” is in the trash for 30 days.`,
            )
          }
        >
          Delete
        </button>
      </div>
      <TagsEditor key={session.tags.join('\n')} session={session} attempt={attempt} />
    </header>
  );
}
