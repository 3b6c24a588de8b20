import { useRef, useState } from 'preact/hooks';
import { callService, callServiceBulk } from '@/lib/client';
import { t } from '@/lib/i18n';
import { toPreview, type ImportPreview } from '@/lib/import-preview';
import { ImportStager } from '@/lib/import-send';
import { ImportReadError, readFileInWorker } from '@/lib/import-worker-client';
import { counted } from './format';
import { ProgressLine, type Progress } from './ProgressLine';

type Status = { tone: 'info' | 'error'; text: string } | null;

/** A file read and previewed; its sessions wait in the service until Import is clicked. */
type Ready = { preview: ImportPreview; stager: ImportStager };

const SKIPPED_SHOWN = 20;

/**
 * Import from a file (picker or drop): read and recognised in a worker, its sessions handed
 * to the service as they are read, shown as a preview, and written only when the person
 * says so.
 */
export function ImportPanel() {
  const [ready, setReady] = useState<Ready | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const [progress, setProgress] = useState<Progress>(null);
  /** The file being read or previewed: choosing another one drops it. */
  const current = useRef<{ stager: ImportStager; abort: AbortController } | null>(null);
  /** An encrypted file waiting for its passphrase. */
  const [locked, setLocked] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');

  const discard = () => {
    const dropped = current.current;
    current.current = null;
    dropped?.abort.abort();
    void dropped?.stager.cancel();
    setReady(null);
    setLocked(null);
  };

  const read = async (file: File, secret?: string) => {
    discard();
    setStatus(null);
    const reading = t('importReading', file.name);
    setProgress({ label: reading, fraction: 0 });
    const stager = new ImportStager(callService, callServiceBulk);
    const mine = { stager, abort: new AbortController() };
    current.current = mine;
    stager.hold();
    try {
      const summary = await readFileInWorker(
        { file, now: Date.now(), ...(secret !== undefined && { passphrase: secret }) },
        {
          onProgress: (fraction) => {
            if (current.current === mine) setProgress({ label: reading, fraction });
          },
          onSessions: (json) => stager.add(json),
          onRestart: () => stager.restart(),
        },
        mine.abort.signal,
      );
      if (summary === 'locked') {
        void stager.cancel();
        if (current.current !== mine) return;
        current.current = null;
        setLocked(file);
        setStatus({ tone: 'info', text: t('importLocked', file.name) });
        return;
      }
      const counts = await stager.staged();
      if (current.current !== mine) return;
      setReady({ preview: toPreview(summary, counts), stager });
    } catch (error) {
      void stager.cancel();
      if (current.current !== mine) return;
      current.current = null;
      // A wrong passphrase may be typed again; a damaged file may not.
      if (error instanceof ImportReadError && error.reason === 'wrong-passphrase') setLocked(file);
      setStatus({ tone: 'error', text: error instanceof Error ? error.message : String(error) });
    } finally {
      setPassphrase('');
      // A newer file's progress is its own.
      if (current.current === mine || current.current === null) setProgress(null);
    }
  };

  const commit = async ({ preview, stager }: Ready) => {
    // One transaction: nothing to count while it runs.
    setProgress({
      label: t('importWriting', counted(preview.sessions, 'Session')),
      fraction: null,
    });
    try {
      const result = await stager.commit();
      setStatus({
        tone: 'info',
        text: [
          t('importDone', counted(result.imported.length, 'Session')),
          result.duplicates > 0 && t('importAlreadyKept', counted(result.duplicates, 'Session')),
        ]
          .filter(Boolean)
          .join(' '),
      });
    } catch (error) {
      setStatus({ tone: 'error', text: error instanceof Error ? error.message : String(error) });
    } finally {
      // Committed or failed, the staged parts are gone: the file must be read again.
      current.current = null;
      setReady(null);
      setProgress(null);
    }
  };

  const preview = ready?.preview;
  return (
    <section
      class="import"
      aria-label={t('importName')}
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault();
        const file = e.dataTransfer?.files[0];
        if (file) void read(file);
      }}
    >
      <h2>{t('importName')}</h2>
      <p class="muted">{t('importHint')}</p>
      <input
        type="file"
        aria-label={t('importFile')}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          if (file) void read(file);
          e.currentTarget.value = '';
        }}
      />
      <ProgressLine progress={progress} />
      {locked !== null && progress === null && (
        <form
          class="unlock"
          onSubmit={(e) => {
            e.preventDefault();
            void read(locked, passphrase);
          }}
        >
          <label>
            {t('importPassphraseOf', locked.name)}{' '}
            <input
              type="password"
              autocomplete="off"
              value={passphrase}
              onInput={(e) => setPassphrase(e.currentTarget.value)}
            />
          </label>{' '}
          <button type="submit" class="primary">
            {t('importOpen')}
          </button>{' '}
          <button type="button" onClick={discard}>
            {t('cancel')}
          </button>
        </form>
      )}
      {ready !== null && preview !== undefined && (
        <div class="preview" aria-label={t('importPreview')} role="group">
          <p>
            {[
              t(
                'importPreviewCounts',
                preview.formatName,
                counted(preview.sessions, 'Session'),
                counted(preview.windows, 'Window'),
                counted(preview.tabs, 'Tab'),
              ),
              preview.logins > 0 &&
                t(preview.logins === 1 ? 'importLoginsOne' : 'importLoginsMany', preview.logins),
              preview.duplicates > 0 &&
                t(
                  preview.duplicates === 1 ? 'importDuplicatesOne' : 'importDuplicatesMany',
                  preview.duplicates,
                ),
            ]
              .filter(Boolean)
              .join(' ')}
          </p>
          {preview.skippedCount > 0 && (
            <details>
              <summary>
                {t(
                  preview.skippedCount === 1 ? 'importSkippedOne' : 'importSkippedMany',
                  preview.skippedCount,
                )}
              </summary>
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
            disabled={progress !== null || preview.sessions === 0}
            onClick={() => void commit(ready)}
          >
            {t('importButton', counted(preview.sessions, 'Session'))}
          </button>{' '}
          <button type="button" disabled={progress !== null} onClick={discard}>
            {t('cancel')}
          </button>
        </div>
      )}
      <p class={`status ${status?.tone ?? ''}`} role="status" aria-live="polite">
        {status?.text}
      </p>
    </section>
  );
}
