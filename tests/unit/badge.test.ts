import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browserBadge } from '@/lib/adapters/badge';

const button = { text: '', title: 'Tabkeep', calls: 0 };

vi.mock('wxt/browser', () => ({
  browser: {
    action: {
      setBadgeBackgroundColor: async () => undefined,
      setBadgeText: async ({ text }: { text: string }) => {
        button.text = text;
        button.calls++;
      },
      setTitle: async ({ title }: { title: string }) => void (button.title = title),
    },
  },
}));

beforeEach(() => {
  vi.useFakeTimers();
  Object.assign(button, { text: '', title: 'Tabkeep', calls: 0 });
});
afterEach(() => void vi.useRealTimers());

describe('browserBadge', () => {
  it('clears a flash after a few seconds', async () => {
    const badge = browserBadge();
    await badge.flash('✓', 'green', 'saved');
    expect(button).toMatchObject({ text: '✓', title: 'saved' });
    await vi.advanceTimersByTimeAsync(5000);
    expect(button).toMatchObject({ text: '', title: 'Tabkeep' });
  });

  it('keeps a warning until its source clears it, and shows it again after a flash', async () => {
    const badge = browserBadge();
    await badge.warn('autosave', 'autosave failed');
    expect(button).toMatchObject({ text: '!', title: 'autosave failed' });
    await badge.flash('✓', 'green', 'saved');
    await badge.warn('live', 'live failed');
    expect(button.text).toBe('✓');
    await vi.advanceTimersByTimeAsync(5000);
    expect(button).toMatchObject({ text: '!', title: 'autosave failed' });
    await badge.warn('autosave', null);
    expect(button).toMatchObject({ text: '!', title: 'live failed' });
    await badge.warn('live', null);
    expect(button).toMatchObject({ text: '', title: 'Tabkeep' });
    const calls = button.calls;
    await badge.warn('live', null);
    expect(button.calls).toBe(calls);
  });
});
