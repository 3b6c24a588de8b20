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
import { t, type MessageKey } from '@/lib/i18n';
import type { SessionSummary } from '@/lib/model';
import { listLiveSessions } from '@/lib/session-index';
import { counted, formatDate } from './format';
import { ProgressLine, type Progress } from './ProgressLine';

type Status = { tone: 'info' | 'error'; text: string } | null;

/** Pieces of text written between two updates of the progress bar. */
const PARTS_PER_STEP = 50;

const KIND_NAMES: Record<ExportKind, MessageKey> = {
  tabkeep: 'exportKindTabkeep',
  'tabkeep-gz': 'exportKindTabkeepGz',
  onetab: 'exportKindOnetab',
  urls: 'exportKindUrls',
};

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
    const exporting = t('exportProgress');
    setProgress({ label: exporting, fraction: 0 });
    try {
      const now = Date.now();
      const entries = await readExportEntries(
        openDb(),
        chosen === null ? undefined : [...chosen],
        (done, total) => setProgress({ label: exporting, fraction: (0.5 * done) / total }),
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
          setProgress({ label: exporting, fraction: 0.5 + (0.4 * written) / entries.length });
          await nextTask();
        }
      }
      let file = new Blob(parts, {
        type: kind.startsWith('tabkeep') ? 'application/json' : 'text/plain',
      });
      if (encrypt) {
        setProgress({ label: t('exportEncrypting'), fraction: 0.9 });
        file = await sealExport(file, passphrase);
      } else if (kind === 'tabkeep-gz') {
        setProgress({ label: t('exportCompressing'), fraction: 0.9 });
        file = await new Response(file.stream().pipeThrough(new CompressionStream('gzip'))).blob();
      }
      const name = exportFileName(now, kind, encrypt);
      download(file, name);
      const logins = entries.filter((e) => e.cookies !== undefined).length;
      const exported = counted(entries.length, 'Session');
      setStatus({
        tone: 'info',
        // A file with logins is always encrypted.
        text: cookies
          ? t('exportDoneLogins', exported, name, counted(logins, 'Session'))
          : encrypt
            ? t('exportDoneEncrypted', exported, name)
            : t('exportDone', exported, name),
      });
      // The passphrase lives no longer than it has to.
      setPassphrase('');
      setRepeated('');
    } catch (error) {
      setStatus({
        tone: 'error',
        text: t('exportFailed', error instanceof Error ? error.message : String(error)),
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
    <section class="export" aria-label={t('exportName')}>
      <h2>{t('exportName')}</h2>
      <label>
        {t('exportFormat')}{' '}
        <select value={kind} onChange={(e) => setKind(e.currentTarget.value as ExportKind)}>
          {(Object.keys(EXPORT_KINDS) as ExportKind[]).map((k) => (
            <option key={k} value={k}>
              {t(KIND_NAMES[k])}
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
        {t('exportWithLogins')}
      </label>
      <label>
        <input
          type="checkbox"
          checked={encrypt}
          disabled={cookies}
          onChange={(e) => setEncryptChosen(e.currentTarget.checked)}
        />{' '}
        {t('exportEncrypt')}
      </label>
      {encrypt && (
        <fieldset class="passphrase">
          <legend>{t('exportPassphrase')}</legend>
          <p class="muted">{t('exportPassphraseNote')}</p>
          <label>
            {t('exportPassphrase')}{' '}
            <input
              type="password"
              autocomplete="new-password"
              value={passphrase}
              onInput={(e) => setPassphrase(e.currentTarget.value)}
            />
          </label>
          <label>
            {t('exportAgain')}{' '}
            <input
              type="password"
              autocomplete="new-password"
              aria-label={t('exportAgainLabel')}
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
        <summary>{t('exportChoose')}</summary>
        {choices !== null && (
          <fieldset>
            <legend>{t('exportChoices')}</legend>
            <label>
              <input
                type="checkbox"
                checked={chosen === null}
                onChange={(e) => setChosen(e.currentTarget.checked ? null : new Set())}
              />{' '}
              {t('exportAll')}
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
                      {counted(s.tabCount, 'Tab')} · {formatDate(s.createdAt)}
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
        {count === undefined ? t('exportAllButton') : t('exportSome', counted(count, 'Session'))}
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
