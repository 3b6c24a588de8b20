import { describe, expect, it } from 'vitest';
import { recordEarlyKeys, searchTyped, takeEarlyKeys } from '@/lib/early-keys';

// Node has no KeyboardEvent: an Event with a keyboard event's fields.
function press(target: EventTarget, key: string, extra: { ctrlKey?: boolean } = {}): boolean {
  const event = Object.assign(new Event('keydown', { cancelable: true }), {
    key,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    ...extra,
  });
  target.dispatchEvent(event);
  return event.defaultPrevented;
}

describe('early keys of the popup', () => {
  it('records typing keys until taken, and holds them back from the page meanwhile', () => {
    const page = new EventTarget();
    recordEarlyKeys(page);
    expect(press(page, '/')).toBe(true);
    expect(press(page, 'a')).toBe(true);
    // Not typing: shortcuts and moves are left alone, and not recorded.
    expect(press(page, 'c', { ctrlKey: true })).toBe(false);
    expect(press(page, 'ArrowDown')).toBe(false);
    expect(press(page, 'Enter')).toBe(false);
    expect(press(page, 'Backspace')).toBe(true);
    expect(press(page, 'b')).toBe(true);
    expect(takeEarlyKeys()).toEqual(['/', 'a', 'Backspace', 'b']);
    // Taken once: the app's own handlers get the keys from then on.
    expect(press(page, 'x')).toBe(false);
    expect(takeEarlyKeys()).toEqual([]);
  });

  it('replays what the keys typed in the search field, from the first slash', () => {
    expect(searchTyped(['/', 'g', 'i', 't', 'h', 'x', 'Backspace'])).toBe('gith');
    expect(searchTyped(['q', '/', 'a', '/', 'b'])).toBe('a/b');
    expect(searchTyped(['/'])).toBe('');
    expect(searchTyped(['/', 'Backspace', 'Backspace'])).toBe('');
    // Without a slash the keys typed nowhere.
    expect(searchTyped(['a', 'b'])).toBeNull();
    expect(searchTyped([])).toBeNull();
  });
});
