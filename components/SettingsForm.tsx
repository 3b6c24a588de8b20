import { useEffect, useRef, useState } from 'preact/hooks';
import * as v from 'valibot';
import { callService } from '@/lib/client';
import { openDb } from '@/lib/db';
import { t, type MessageKey } from '@/lib/i18n';
import {
  loadSettings,
  SETTINGS_KEY,
  SettingsSchema,
  type AutosaveSettings,
  type LoadedSettings,
} from '@/lib/settings';
import { useLiveQuery } from './use-live-query';

type Status = { tone: 'info' | 'error'; text: string } | null;

const FIELDS: { key: keyof AutosaveSettings; label: MessageKey; unit: MessageKey }[] = [
  { key: 'periodMinutes', label: 'settingsPeriod', unit: 'settingsPeriodUnit' },
  { key: 'keepLast', label: 'settingsKeepLast', unit: 'settingsKeepLastUnit' },
  { key: 'keepDays', label: 'settingsKeepDays', unit: 'settingsKeepDaysUnit' },
];

export function SettingsForm() {
  const stored = useLiveQuery(async () => loadSettings(await openDb().state.get(SETTINGS_KEY)));
  if (stored.status === 'loading') return null;
  if (stored.status === 'error') {
    return <p class="status error">{t('settingsCannotRead', String(stored.error))}</p>;
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
      setStatus({ tone: 'info', text: t('settingsSaved') });
    } catch (error) {
      setStatus({ tone: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <form class="settings" onSubmit={submit} noValidate>
      <fieldset>
        <legend>{t('settingsAutosave')}</legend>
        {FIELDS.map(({ key, label, unit }) => (
          <label key={key}>
            {t(label)}{' '}
            <input
              type="number"
              name={key}
              value={Number.isNaN(draft[key]) ? '' : draft[key]}
              onInput={(e) => setDraft({ ...draft, [key]: e.currentTarget.valueAsNumber })}
            />{' '}
            {t(unit)}
          </label>
        ))}
        <p class="muted">{t('settingsAutosaveNote')}</p>
      </fieldset>
      <fieldset>
        <legend>{t('settingsRestore')}</legend>
        <label>
          <input
            type="checkbox"
            name="lazy"
            checked={lazy}
            onChange={(e) => setLazy(e.currentTarget.checked)}
          />{' '}
          {t('settingsLazy')}
        </label>
        <p class="muted">{t('settingsLazyNote')}</p>
      </fieldset>
      <button type="submit" class="primary">
        {t('settingsSave')}
      </button>
      <p class={`status ${status?.tone ?? ''}`} role="status" aria-live="polite">
        {status?.text}
      </p>
    </form>
  );
}
