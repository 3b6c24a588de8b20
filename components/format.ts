import { t } from '@/lib/i18n';

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}

export function formatDate(epochMs: number): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(epochMs),
  );
}

export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

export function formatDay(epochMs: number): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(new Date(epochMs));
}

type CountNoun = 'Window' | 'OpenWindow' | 'Tab' | 'Session' | 'Autosave';

/** "1 window", "3 tabs", in the browser's language. */
export function counted(n: number, noun: CountNoun): string {
  return t(`count${noun}${n === 1 ? 'One' : 'Many'}`, n);
}
