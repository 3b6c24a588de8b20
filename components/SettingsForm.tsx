import { useEffect, useRef, useState } from 'preact/hooks';
import * as v from 'valibot';
import { callService } from '@/lib/client';
import { openDb } from '@/lib/db';
import {
  loadSettings,
  SETTINGS_KEY,
  SettingsSchema,
  type AutosaveSettings,
  type LoadedSettings,
} from '@/lib/settings';
import { useLiveQuery } from './use-live-query';

type Status = { tone: 'info' | 'error'; text: string } | null;

const FIELDS: { key: keyof AutosaveSettings; label: string; unit: string }[] = [
  { key: 'periodMinutes', label: 'Autosave every', unit: 'minutes' },
  { key: 'keepLast', label: 'Keep the last', unit: 'autosaves' },
  { key: 'keepDays', label: 'Plus the newest autosave of each of the last', unit: 'days' },
];

export function SettingsForm() {
  const stored = useLiveQuery(async () => loadSettings(await openDb().state.get(SETTINGS_KEY)));
  if (stored.status === 'loading') return null;
  if (stored.status === 'error') {
    return <p class="status error">Tabkeep cannot read its settings: {String(stored.error)}</p>;
  }
  return <AutosaveForm loaded={stored.value} />;
}

function AutosaveForm({ loaded }: { loaded: LoadedSettings }) {
  const [draft, setDraft] = useState<Record<keyof AutosaveSettings, number>>(
    loaded.settings.autosave,
  );
  const [lazy, setLazy] = useState(loaded.settings.restore.lazy);
  const [status, setStatus] = useState<Status>(
    loaded.notice === null ? null : { tone: 'error', text: loaded.notice },
  );
  // Settings saved elsewhere (another open settings page) replace the draft. Only a real
  // change does: the query runs again at every write to the state table (the live snapshot
  // writes there seconds after any tab changes), which must not undo what is being typed.
  const seen = useRef(JSON.stringify(loaded.settings));
  useEffect(() => {
    const now = JSON.stringify(loaded.settings);
    if (now === seen.current) return;
    seen.current = now;
    setDraft(loaded.settings.autosave);
    setLazy(loaded.settings.restore.lazy);
  }, [loaded]);

  const submit = async (event: Event) => {
    event.preventDefault();
    const parsed = v.safeParse(SettingsSchema, {
      ...loaded.settings,
      autosave: draft,
      restore: { lazy },
    });
    if (!parsed.success) {
      setStatus({ tone: 'error', text: parsed.issues[0].message });
      return;
    }
    try {
      await callService('saveSettings', parsed.output);
      setStatus({ tone: 'info', text: 'Settings saved.' });
    } catch (error) {
      setStatus({ tone: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <form class="settings" onSubmit={submit} noValidate>
      <fieldset>
        <legend>Autosave</legend>
        {FIELDS.map(({ key, label, unit }) => (
          <label key={key}>
            {label}{' '}
            <input
              type="number"
              name={key}
              value={Number.isNaN(draft[key]) ? '' : draft[key]}
              onInput={(e) => setDraft({ ...draft, [key]: e.currentTarget.valueAsNumber })}
            />{' '}
            {unit}
          </label>
        ))}
        <p class="muted">
          An autosave is skipped when nothing changed, and costs about as much as what did.
        </p>
      </fieldset>
      <fieldset>
        <legend>Restore</legend>
        <label>
          <input
            type="checkbox"
            name="lazy"
            checked={lazy}
            onChange={(e) => setLazy(e.currentTarget.checked)}
          />{' '}
          Load restored tabs only when I open them
        </label>
        <p class="muted">
          A big session then opens at once and takes little memory; each window’s front tab loads
          right away.
        </p>
      </fieldset>
      <button type="submit" class="primary">
        Save settings
      </button>
      <p class={`status ${status?.tone ?? ''}`} role="status" aria-live="polite">
        {status?.text}
      </p>
    </form>
  );
}
