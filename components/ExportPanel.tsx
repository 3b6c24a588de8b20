import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { openDb } from '@/lib/db';
import {
  EXPORT_KINDS,
  exportFileName,
  exportParts,
  readExportEntries,
  type ExportKind,
} from '@/lib/export';
import type { SessionSummary } from '@/lib/model';
import { listLiveSessions } from '@/lib/session-index';
import { formatDate, plural } from './format';
import { ProgressLine, type Progress } from './ProgressLine';

type Status = { tone: 'info' | 'error'; text: string } | null;

/** Pieces of text written between two updates of the progress bar. */
const PARTS_PER_STEP = 50;

/** Export every session, or those chosen, to a file that lands in the browser's downloads. */
export function ExportPanel() {
  const [kind, setKind] = useState<ExportKind>('tabkeep');
  const [status, setStatus] = useState<Status>(null);
  const [progress, setProgress] = useState<Progress>(null);
  /** The sessions to choose from, read when the list is opened. */
  const [choices, setChoices] = useState<SessionSummary[] | null>(null);
  /** null: every session. */
  const [chosen, setChosen] = useState<ReadonlySet<string> | null>(null);

  const run = async () => {
    setStatus(null);
    setProgress({ label: 'Exporting', fraction: 0 });
    try {
      const now = Date.now();
      const entries = await readExportEntries(
        openDb(),
        chosen === null ? undefined : [...chosen],
        (done, total) => setProgress({ label: 'Exporting', fraction: (0.5 * done) / total }),
      );
      const parts: string[] = [];
      let written = 0;
      for (const part of exportParts(kind, entries, {
        appVersion: browser.runtime.getManifest().version,
        browser: import.meta.env.FIREFOX ? 'firefox' : 'chrome',
        now,
      })) {
        parts.push(part);
        if (++written % PARTS_PER_STEP === 0) {
          setProgress({ label: 'Exporting', fraction: 0.5 + (0.4 * written) / entries.length });
          await nextTask();
        }
      }
      let file = new Blob(parts, {
        type: kind.startsWith('tabkeep') ? 'application/json' : 'text/plain',
      });
      if (kind === 'tabkeep-gz') {
        setProgress({ label: 'Compressing', fraction: 0.9 });
        file = await new Response(file.stream().pipeThrough(new CompressionStream('gzip'))).blob();
      }
      const name = exportFileName(now, kind);
      download(file, name);
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
      setProgress(null);
    }
  };

  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen ?? (choices ?? []).map((s) => s.id));
    if (on) next.add(id);
    else next.delete(id);
    setChosen(choices !== null && next.size === choices.length ? null : next);
  };

  const count = chosen?.size;
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
      </label>
      <details
        class="export-choices"
        onToggle={(e) => {
          if (!e.currentTarget.open) return;
          void listLiveSessions(openDb()).then((sessions) => {
            setChoices(sessions);
            // Sessions deleted meanwhile leave the choice.
            if (chosen !== null)
              setChosen(new Set(sessions.map((s) => s.id).filter((id) => chosen.has(id))));
          });
        }}
      >
        <summary>Choose sessions</summary>
        {choices !== null && (
          <fieldset>
            <legend>Sessions to export</legend>
            <label>
              <input
                type="checkbox"
                checked={chosen === null}
                onChange={(e) => setChosen(e.currentTarget.checked ? null : new Set())}
              />{' '}
              All sessions
            </label>
            <ul>
              {choices.map((s) => (
                <li key={s.id}>
                  <label>
                    <input
                      type="checkbox"
                      checked={chosen === null || chosen.has(s.id)}
                      onChange={(e) => toggle(s.id, e.currentTarget.checked)}
                    />{' '}
                    {s.name}{' '}
                    <span class="muted">
                      {plural(s.tabCount, 'tab')} · {formatDate(s.createdAt)}
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        )}
      </details>
      <button
        type="button"
        class="primary"
        disabled={progress !== null || count === 0}
        onClick={() => void run()}
      >
        {count === undefined ? 'Export all sessions' : `Export ${plural(count, 'session')}`}
      </button>
      <ProgressLine progress={progress} />
      <p class={`status ${status?.tone ?? ''}`} role="status" aria-live="polite">
        {status?.text}
      </p>
    </section>
  );
}

/** Lets the page paint (the progress bar) before the next piece of work. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

// A page (unlike the service worker) may make object URLs.
function download(file: Blob, name: string): void {
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
