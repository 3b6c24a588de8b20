import { useState } from 'preact/hooks';
import { callService } from '@/lib/client';
import { splitTags } from '@/lib/edit/tags';
import { t } from '@/lib/i18n';
import type { SessionSummary } from '@/lib/model';
import type { Attempt } from './use-attempt';

/** Tags typed as one comma-separated line; the service tidies and checks them. */
export function TagsEditor({ session, attempt }: { session: SessionSummary; attempt: Attempt }) {
  const [text, setText] = useState(session.tags.join(', '));
  return (
    <form
      class="tags-editor"
      onSubmit={(e) => {
        e.preventDefault();
        void attempt(
          () => callService('setTags', { id: session.id, tags: splitTags(text) }),
          (s) => (s.tags.length === 0 ? t('detailNoTags') : t('detailTags', s.tags.join(', '))),
        );
      }}
    >
      <input
        type="text"
        aria-label={t('detailTagsLabel')}
        placeholder={t('detailTagsPlaceholder')}
        value={text}
        onInput={(e) => setText(e.currentTarget.value)}
      />{' '}
      <button type="submit">{t('detailSaveTags')}</button>
    </form>
  );
}
