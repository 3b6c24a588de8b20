import { t, type MessageKey } from '@/lib/i18n';

/** English only: for the popup's words that are not in the locales yet. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}

export function formatDate(epochMs: number): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(epochMs),
  );
}

const LARGER_UNITS: MessageKey[] = ['sizeKilobytes', 'sizeMegabytes', 'sizeGigabytes'];

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return counted(bytes, 'Byte');
  let value = bytes;
  let unit = -1;
  while (value >= 1024 && unit < LARGER_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  // The language's decimal sign (12,5 MB in German), but no grouping: 1023.5 KB, as before.
  const digits = value.toLocaleString(undefined, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    useGrouping: false,
  });
  return t(LARGER_UNITS[unit]!, digits);
}

export function formatDay(epochMs: number): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(new Date(epochMs));
}

type CountNoun =
  | 'Window'
  | 'OpenWindow'
  | 'PrivateWindow'
  | 'Tab'
  | 'Session'
  | 'Autosave'
  | 'Byte'
  | 'DuplicateTab'
  | 'Day'
  | 'Cookie';

/** "1 window", "3 tabs", in the browser's language. */
export function counted(n: number, noun: CountNoun): string {
  return t(`count${noun}${n === 1 ? 'One' : 'Many'}`, n);
}
