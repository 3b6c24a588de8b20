import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, loadSettings, SETTINGS_KEY, settingsRow } from '@/lib/settings';
import { Harness } from './service-harness';

describe('loadSettings', () => {
  it('gives the defaults when nothing is stored', () => {
    expect(loadSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, notice: null });
    expect(DEFAULT_SETTINGS.autosave).toEqual({ periodMinutes: 15, keepLast: 10, keepDays: 7 });
  });

  it('reads what it wrote', () => {
    const settings = {
      ...DEFAULT_SETTINGS,
      autosave: { periodMinutes: 5, keepLast: 3, keepDays: 0 },
    };
    expect(loadSettings(settingsRow(settings))).toEqual({ settings, notice: null });
  });

  it('replaces only the damaged field by its default, and says so', () => {
    const row = {
      key: SETTINGS_KEY,
      version: 1,
      settings: { autosave: { periodMinutes: -4, keepLast: 2 } },
    };
    expect(loadSettings(row)).toEqual({
      settings: {
        autosave: { periodMinutes: 15, keepLast: 2, keepDays: 7 },
        cookies: DEFAULT_SETTINGS.cookies,
        restore: { lazy: true },
      },
      notice: 'The autosave period must be at least 1. The default applies.',
    });
  });

  it('checks the cookie settings field by field', () => {
    const row = {
      key: SETTINGS_KEY,
      version: 1,
      settings: { cookies: { saveByDefault: 'yes', scope: 'all' } },
    };
    expect(loadSettings(row)).toEqual({
      settings: { ...DEFAULT_SETTINGS, cookies: { saveByDefault: false, scope: 'all' } },
      notice: 'Whether to save logins must be yes or no. The default applies.',
    });
  });

  it('restores lazily by default, also for settings stored before the option existed', () => {
    expect(DEFAULT_SETTINGS.restore).toEqual({ lazy: true });
    const old = {
      key: SETTINGS_KEY,
      version: 1,
      settings: { autosave: { periodMinutes: 30, keepLast: 4, keepDays: 2 } },
    };
    expect(loadSettings(old)).toEqual({
      settings: { ...DEFAULT_SETTINGS, autosave: { periodMinutes: 30, keepLast: 4, keepDays: 2 } },
      notice: null,
    });
  });

  it('checks the restore setting, keeping the default when it is damaged', () => {
    const row = { key: SETTINGS_KEY, version: 1, settings: { restore: { lazy: 'no' } } };
    expect(loadSettings(row)).toEqual({
      settings: DEFAULT_SETTINGS,
      notice:
        'Whether to load restored tabs only when opened must be yes or no. The default applies.',
    });
    const off = { key: SETTINGS_KEY, version: 1, settings: { restore: { lazy: false } } };
    expect(loadSettings(off).settings.restore).toEqual({ lazy: false });
  });

  it('falls back to the defaults for a row that is not settings at all', () => {
    expect(loadSettings('garbage').notice).toBe('Stored settings were damaged; defaults apply.');
    expect(loadSettings({ key: SETTINGS_KEY, version: 1, settings: [] }).settings).toEqual(
      DEFAULT_SETTINGS,
    );
  });

  it('keeps the fields it knows from a newer version (after a downgrade)', () => {
    const row = {
      key: SETTINGS_KEY,
      version: 9,
      settings: {
        autosave: { periodMinutes: 30, keepLast: 4, keepDays: 2, cloud: true },
        cookies: { saveByDefault: true, scope: 'all', vault: 'x' },
        restore: { lazy: false, prefetch: 3 },
        theme: 'x',
      },
    };
    expect(loadSettings(row)).toEqual({
      settings: {
        autosave: { periodMinutes: 30, keepLast: 4, keepDays: 2 },
        cookies: { saveByDefault: true, scope: 'all' },
        restore: { lazy: false },
      },
      notice: null,
    });
  });

  it('runs each migration step from the stored version to the current one, in order', () => {
    // A made-up history: v1 stored hours, v2 renamed the section.
    const steps = [
      (old: Record<string, unknown>) => ({
        saving: { periodMinutes: (old.every as { hours: number }).hours * 60 },
      }),
      (old: Record<string, unknown>) => ({ autosave: old.saving }),
    ];
    const row = { key: SETTINGS_KEY, version: 1, settings: { every: { hours: 2 } } };
    expect(loadSettings(row, steps, 3).settings.autosave).toEqual({
      ...DEFAULT_SETTINGS.autosave,
      periodMinutes: 120,
    });
    expect(loadSettings({ ...row, version: 0 }, steps, 3).notice).toBe(
      'Settings of version 0 cannot be read; defaults apply.',
    );
  });
});

describe('saveSettings', () => {
  const h = new Harness();
  afterEach(() => h.close());

  it('stores versioned settings and reschedules the autosave alarm', async () => {
    const settings = {
      ...DEFAULT_SETTINGS,
      autosave: { periodMinutes: 45, keepLast: 20, keepDays: 3 },
    };
    await h.service().saveSettings(settings);
    expect(await h.db.state.get(SETTINGS_KEY)).toEqual({ key: SETTINGS_KEY, version: 1, settings });
    expect(h.schedules).toEqual([settings]);
    expect(await h.service().settings()).toEqual(settings);
  });
});
