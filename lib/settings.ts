import * as v from 'valibot';
import { says, t, type MessageKey } from './i18n';

export const SETTINGS_KEY = 'settings';
/** Bumped when the shape of settings changes; MIGRATIONS says how to get from each older one. */
export const SETTINGS_VERSION = 1;

// Messages made when a value is checked (see `says`); bounds as written: 1440, not 1,440.
const int = (min: number, max: number, what: MessageKey) =>
  v.pipe(
    v.number(() => t('settingsNotNumber', t(what))),
    v.integer(() => t('settingsNotWhole', t(what))),
    v.minValue(min, () => t('settingsTooSmall', t(what), String(min))),
    v.maxValue(max, () => t('settingsTooLarge', t(what), String(max))),
  );

export const AutosaveSettingsSchema = v.object({
  /** Minutes between scheduled autosaves. */
  periodMinutes: int(1, 1440, 'settingsWhatPeriod'),
  /** The newest autosaves always kept. */
  keepLast: int(1, 100, 'settingsWhatKeepLast'),
  /** Plus the newest autosave of each of this many most recent days that have one. */
  keepDays: int(0, 90, 'settingsWhatKeepDays'),
});

export const CookieSettingsSchema = v.object({
  /** Whether the save form starts with "with logins" ticked. Off: logins are opt-in. */
  saveByDefault: v.boolean(says('settingsSaveLoginsYesNo')),
  /** The cookies of the session's sites, or of every site. */
  scope: v.picklist(['sites', 'all'], says('settingsCookieScope')),
});

export const RestoreSettingsSchema = v.object({
  /** Restored tabs other than each window's active one load only when first shown. */
  lazy: v.boolean(says('settingsLazyYesNo')),
});

export const SettingsSchema = v.object({
  autosave: AutosaveSettingsSchema,
  cookies: CookieSettingsSchema,
  restore: RestoreSettingsSchema,
});

export type AutosaveSettings = v.InferOutput<typeof AutosaveSettingsSchema>;
export type CookieSettings = v.InferOutput<typeof CookieSettingsSchema>;
export type RestoreSettings = v.InferOutput<typeof RestoreSettingsSchema>;
export type Settings = v.InferOutput<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  autosave: { periodMinutes: 15, keepLast: 10, keepDays: 7 },
  cookies: { saveByDefault: false, scope: 'sites' },
  restore: { lazy: true },
};

export interface SettingsRow {
  key: typeof SETTINGS_KEY;
  version: number;
  settings: unknown;
}

/** Each step takes settings of version i+1 to version i+2 (index 0: from version 1). */
export type Migration = (old: Record<string, unknown>) => Record<string, unknown>;
export const MIGRATIONS: readonly Migration[] = [];

export interface LoadedSettings {
  settings: Settings;
  /** What was wrong with the stored settings, in words for a person; null when nothing. */
  notice: string | null;
}

/**
 * A stored settings row, of any version or none -> current settings. Never throws:
 * a field that is missing or damaged falls back to its default, and the others are kept.
 * Settings from a newer Tabkeep (after a downgrade) keep every field this one knows.
 */
export function loadSettings(
  row: unknown,
  migrations: readonly Migration[] = MIGRATIONS,
  current: number = SETTINGS_VERSION,
): LoadedSettings {
  if (row === undefined || row === null) return { settings: DEFAULT_SETTINGS, notice: null };
  const stored = row as Partial<SettingsRow>;
  if (typeof stored.version !== 'number' || !isRecord(stored.settings)) {
    return { settings: DEFAULT_SETTINGS, notice: t('settingsDamaged') };
  }
  let data = stored.settings;
  for (let version = stored.version; version < current; version++) {
    const step = migrations[version - 1];
    if (step === undefined) {
      return {
        settings: DEFAULT_SETTINGS,
        notice: t('settingsVersionUnknown', String(stored.version)),
      };
    }
    data = step(data);
  }
  return fieldByField(data);
}

function fieldByField(data: Record<string, unknown>): LoadedSettings {
  const damaged: string[] = [];
  const group = <T extends Record<string, unknown>>(
    stored: unknown,
    schema: v.ObjectSchema<v.ObjectEntries, undefined>,
    defaults: T,
  ): T => {
    const fields = isRecord(stored) ? stored : {};
    const result: Record<string, unknown> = { ...defaults };
    for (const key of Object.keys(defaults)) {
      if (!(key in fields)) continue;
      const parsed = v.safeParse(schema.entries[key]!, fields[key]);
      if (parsed.success) result[key] = parsed.output;
      else damaged.push(parsed.issues[0].message);
    }
    return result as T;
  };
  return {
    settings: {
      autosave: group(data.autosave, AutosaveSettingsSchema, DEFAULT_SETTINGS.autosave),
      cookies: group(data.cookies, CookieSettingsSchema, DEFAULT_SETTINGS.cookies),
      restore: group(data.restore, RestoreSettingsSchema, DEFAULT_SETTINGS.restore),
    },
    notice: damaged.length > 0 ? t('settingsDefaultApplies', damaged.join(' ')) : null,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function settingsRow(settings: Settings): SettingsRow {
  return { key: SETTINGS_KEY, version: SETTINGS_VERSION, settings };
}
