import { useState } from 'preact/hooks';

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
      setCopied('Copied. Paste it into the address bar to open it.');
    } catch {
      setCopied('The browser did not allow copying: select the address and copy it by hand.');
    }
  };
  return (
    <main class="placeholder">
      <h1>{title || 'A saved tab'}</h1>
      <p>
        Tabkeep saved this tab, but the browser does not let extensions open this kind of address.
        Copy it and paste it into the address bar.
      </p>
      <output class="saved-url" aria-label="Saved address">
        {url}
      </output>
      <p>
        <button type="button" class="primary" onClick={copy}>
          Copy address
        </button>
      </p>
      <p role="status">{copied}</p>
    </main>
  );
}
