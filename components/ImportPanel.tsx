import { useState } from 'preact/hooks';
import { callService } from '@/lib/client';
import { openDb } from '@/lib/db';
import { readImportFile } from '@/lib/formats/read-file';
import { previewImport, type ImportPreview } from '@/lib/import-preview';
import { listLiveSessions } from '@/lib/session-index';
import { plural } from './format';

type Status = { tone: 'info' | 'error'; text: string } | null;

const SKIPPED_SHOWN = 20;

/**
 * Import from a file (picker or drop): read and recognised here, shown as a preview,
 * written by the service only when the person says so.
 */
export function ImportPanel() {
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const [busy, setBusy] = useState(false);

  const read = async (file: File) => {
    setPreview(null);
    setStatus({ tone: 'info', text: `Reading ${file.name}…` });
    try {
      const parsed = await readImportFile(new Uint8Array(await file.arrayBuffer()), {
        now: Date.now(),
      });
      const kept = new Set((await listLiveSessions(openDb())).map((s) => s.hash));
      setPreview(await previewImport(parsed, kept));
      setStatus(null);
    } catch (error) {
      setStatus({ tone: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  };

  const commit = async (ready: ImportPreview) => {
    setBusy(true);
    try {
      const result = await callService('importSessions', { sessions: ready.fresh });
      setPreview(null);
      setStatus({
        tone: 'info',
        text:
          `Imported ${plural(result.imported.length, 'session')}.` +
          (result.duplicates > 0 ? ` ${plural(result.duplicates, 'session')} already kept.` : ''),
      });
    } catch (error) {
      setStatus({ tone: 'error', text: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section
      class="import"
      aria-label="Import"
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault();
        const file = e.dataTransfer?.files[0];
        if (file) void read(file);
      }}
    >
      <h2>Import</h2>
      <p class="muted">
        A file of Tabkeep, Tab Session Manager, Session Buddy, OneTab, a list of URLs, or Firefox’s
        session store: choose it, or drop it here.
      </p>
      <input
        type="file"
        aria-label="File to import"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          if (file) void read(file);
          e.currentTarget.value = '';
        }}
      />
      {preview !== null && (
        <div class="preview" aria-label="Import preview" role="group">
          <p>
            {preview.formatName} file: {plural(preview.fresh.length, 'session')},{' '}
            {plural(preview.windows, 'window')}, {plural(preview.tabs, 'tab')} to import.
            {preview.duplicates > 0 &&
              ` ${plural(preview.duplicates, 'session')} already in Tabkeep will not be imported twice.`}
          </p>
          {preview.skipped.length > 0 && (
            <details>
              <summary>{plural(preview.skipped.length, 'thing')} left out</summary>
              <ul>
                {preview.skipped.slice(0, SKIPPED_SHOWN).map((s, i) => (
                  <li key={i}>
                    {s.where}: {s.why}
                  </li>
                ))}
              </ul>
            </details>
          )}
          <button
            type="button"
            class="primary"
            disabled={busy || preview.fresh.length === 0}
            onClick={() => void commit(preview)}
          >
            Import {plural(preview.fresh.length, 'session')}
          </button>{' '}
          <button type="button" onClick={() => setPreview(null)}>
            Cancel
          </button>
        </div>
      )}
      <p class={`status ${status?.tone ?? ''}`} role="status" aria-live="polite">
        {status?.text}
      </p>
    </section>
  );
}
