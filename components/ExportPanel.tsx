import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { openDb } from '@/lib/db';
import {
  EXPORT_KINDS,
  exportFileName,
  exportText,
  readExportEntries,
  type ExportKind,
} from '@/lib/export';
import { gzip } from '@/lib/formats/bytes';
import { plural } from './format';

type Status = { tone: 'info' | 'error'; text: string } | null;

/** Export every session to a file that lands in the browser's downloads. */
export function ExportPanel() {
  const [kind, setKind] = useState<ExportKind>('tabkeep');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>(null);

  const run = async () => {
    setBusy(true);
    setStatus({ tone: 'info', text: 'Exporting…' });
    try {
      const now = Date.now();
      const entries = await readExportEntries(openDb());
      const text = exportText(kind, entries, {
        appVersion: browser.runtime.getManifest().version,
        browser: import.meta.env.FIREFOX ? 'firefox' : 'chrome',
        now,
      });
      const encoded = new TextEncoder().encode(text);
      const name = exportFileName(now, kind);
      download(kind === 'tabkeep-gz' ? await gzip(encoded) : encoded, name);
      setStatus({
        tone: 'info',
        text: `Exported ${plural(entries.length, 'session')} to ${name}.`,
      });
    } catch (error) {
      setStatus({
        tone: 'error',
        text: `Export failed: ${error instanceof Error ? error.message : String(error)}`,
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="export" aria-label="Export">
      <h2>Export</h2>
      <label>
        Format{' '}
        <select value={kind} onChange={(e) => setKind(e.currentTarget.value as ExportKind)}>
          {(Object.keys(EXPORT_KINDS) as ExportKind[]).map((k) => (
            <option key={k} value={k}>
              {EXPORT_KINDS[k].label}
            </option>
          ))}
        </select>
      </label>{' '}
      <button type="button" class="primary" disabled={busy} onClick={() => void run()}>
        Export all sessions
      </button>
      <p class={`status ${status?.tone ?? ''}`} role="status" aria-live="polite">
        {status?.text}
      </p>
    </section>
  );
}

// A page (unlike the service worker) may make object URLs.
function download(bytes: Uint8Array, name: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart]));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
