import { useState } from 'preact/hooks';
import { callService } from '@/lib/client';
import { t } from '@/lib/i18n';
import type { SessionSummary } from '@/lib/model';
import { MAX_NAME_LENGTH } from '@/lib/naming';
import { TRASH_DAYS } from '@/lib/trash';
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
        return t('renamedTo', renamed.name);
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
            aria-label={t('detailNewName')}
            maxLength={MAX_NAME_LENGTH}
            value={name}
            onInput={(e) => setName(e.currentTarget.value)}
          />{' '}
          <button type="submit">{t('detailSaveName')}</button>{' '}
          <button type="button" onClick={() => setName(null)}>
            {t('cancel')}
          </button>
        </form>
      )}
      <div class="detail-buttons">
        <button
          type="button"
          aria-pressed={starred}
          title={starred ? t('detailUnfavourite') : t('detailFavourite')}
          onClick={() =>
            void attempt(
              () => callService('setFavourite', { id: session.id, favourite: !starred }),
              (s) =>
                s.favourite ? t('detailIsFavourite', s.name) : t('detailNotFavourite', s.name),
            )
          }
        >
          {starred ? '★' : '☆'} {t('favourite')}
        </button>
        <button type="button" onClick={() => setName(session.name)}>
          {t('rename')}
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
              () => t('detailInTrash', session.name, TRASH_DAYS),
            )
          }
        >
          {t('delete')}
        </button>
      </div>
      <TagsEditor key={session.tags.join('\n')} session={session} attempt={attempt} />
    </header>
  );
}
