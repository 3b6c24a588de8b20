import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { openDb } from '@/lib/db';
import {
  EXPORT_KINDS,
  exportFileName,
  exportParts,
  passphraseProblem,
  readExportEntries,
  sealExport,
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
  const [withLogins, setWithLogins] = useState(false);
  const [encryptChosen, setEncryptChosen] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [repeated, setRepeated] = useState('');
  // Only Tabkeep's own file carries cookies; a file with them is always encrypted.
  const cookies = withLogins && kind.startsWith('tabkeep');
  const encrypt = encryptChosen || cookies;

  const run = async () => {
    const problem = encrypt ? passphraseProblem(passphrase, repeated) : null;
    if (problem !== null) {
      setStatus({ tone: 'error', text: problem });
      return;
    }
    setStatus(null);
    setProgress({ label: 'Exporting', fraction: 0 });
    try {
      const now = Date.now();
      const entries = await readExportEntries(
        openDb(),
        chosen === null ? undefined : [...chosen],
        (done, total) => setProgress({ label: 'Exporting', fraction: (0.5 * done) / total }),
        { cookies },
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
      if (encrypt) {
        setProgress({ label: 'Encrypting', fraction: 0.9 });
        file = await sealExport(file, passphrase);
      } else if (kind === 'tabkeep-gz') {
        setProgress({ label: 'Compressing', fraction: 0.9 });
        file = await new Response(file.stream().pipeThrough(new CompressionStream('gzip'))).blob();
      }
      const name = exportFileName(now, kind, encrypt);
      download(file, name);
      const logins = entries.filter((e) => e.cookies !== undefined).length;
      setStatus({
        tone: 'info',
        text:
          `Exported ${plural(entries.length, 'session')} to ${name}` +
          (cookies ? `, with the logins of ${plural(logins, 'session')}` : '') +
          (encrypt
            ? ', encrypted. Keep the passphrase: without it the file cannot be opened.'
            : '.'),
      });
      // The passphrase lives no longer than it has to.
      setPassphrase('');
      setRepeated('');
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
      <label>
        <input
          type="checkbox"
          checked={cookies}
          disabled={!kind.startsWith('tabkeep')}
          onChange={(e) => setWithLogins(e.currentTarget.checked)}
        />{' '}
        Include saved logins (cookies); the file is then encrypted
      </label>
      <label>
        <input
          type="checkbox"
          checked={encrypt}
          disabled={cookies}
          onChange={(e) => setEncryptChosen(e.currentTarget.checked)}
        />{' '}
        Encrypt with a passphrase
      </label>
      {encrypt && (
        <fieldset class="passphrase">
          <legend>Passphrase</legend>
          <p class="muted">
            Tabkeep does not keep it. Without it, nobody can open the file, you included.
          </p>
          <label>
            Passphrase{' '}
            <input
              type="password"
              autocomplete="new-password"
              value={passphrase}
              onInput={(e) => setPassphrase(e.currentTarget.value)}
            />
          </label>
          <label>
            Again{' '}
            <input
              type="password"
              autocomplete="new-password"
              aria-label="Passphrase again"
              value={repeated}
              onInput={(e) => setRepeated(e.currentTarget.value)}
            />
          </label>
        </fieldset>
      )}
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
