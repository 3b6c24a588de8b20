import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';

interface Props {
  url: string;
  title: string;
}

/**
 * Stands in for a tab whose address the browser will not let an extension open. The
 * address is shown as text only: it is never a link, so a `javascript:` URL cannot run.
 */
export function PlaceholderPage({ url, title }: Props) {
  const [copied, setCopied] = useState<string>('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(t('placeholderCopied'));
    } catch {
      setCopied(t('placeholderCopyFailed'));
    }
  };
  return (
    <main class="placeholder">
      <h1>{title || t('placeholderUntitled')}</h1>
      <p>{t('placeholderExplain')}</p>
      <output class="saved-url" aria-label={t('placeholderAddress')}>
        {url}
      </output>
      <p>
        <button type="button" class="primary" onClick={copy}>
          {t('placeholderCopy')}
        </button>
      </p>
      <p role="status">{copied}</p>
    </main>
  );
}
