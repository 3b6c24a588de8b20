import { UserError } from './errors';
import type { WindowSnap } from './model';
import { siteOf } from './url-kind';

export const MAX_NAME_LENGTH = 200;
const SITES_IN_NAME = 2;

/**
 * "21 Nov 2026, 19:04 · github.com, example.org +3": when it was saved and the sites a
 * person would recognise it by (the ones with most tabs first).
 */
export function defaultSessionName(
  windows: readonly WindowSnap[],
  date: Date,
  options: { locale?: string; timeZone?: string } = {},
): string {
  return nameAt(date, siteLabel(windows), options);
}

/** "21 Nov 2026, 19:04 · github.com, example.org +3" from a date and a site label. */
export function nameAt(
  date: Date,
  sites: string,
  options: { locale?: string; timeZone?: string } = {},
): string {
  const when = new Intl.DateTimeFormat(options.locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: options.timeZone,
  }).format(date);
  return sites === '' ? when : `${when} · ${sites}`;
}

/** "github.com, example.org +3", or '' when no tab is on a web site. */
export function siteLabel(windows: readonly WindowSnap[]): string {
  const sites = rankSites(windows);
  if (sites.length === 0) return '';
  const named = sites.slice(0, SITES_IN_NAME).join(', ');
  const more = sites.length - SITES_IN_NAME;
  return `${named}${more > 0 ? ` +${more}` : ''}`;
}

function rankSites(windows: readonly WindowSnap[]): string[] {
  const counts = new Map<string, number>();
  for (const win of windows) {
    for (const tab of win.tabs) {
      const site = siteOf(tab.url);
      if (site !== null) counts.set(site, (counts.get(site) ?? 0) + 1);
    }
  }
  // Map keeps first-seen order, and sort is stable: ties stay in tab order.
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([site]) => site);
}

export type NameCheck = { ok: true; name: string } | { ok: false; error: UserError };

/**
 * A name as typed -> the name stored. Line breaks and control characters become spaces
 * (a name is one line); markup is kept as text, since it is only ever rendered as text.
 * An empty result means "use the default name".
 */
export function normalizeName(input: string): NameCheck {
  // eslint-disable-next-line no-control-regex
  const name = input.replace(/[\u0000-\u001f\u007f\s]+/g, ' ').trim();
  if (name.length > MAX_NAME_LENGTH) {
    return { ok: false, error: new UserError('errorNameTooLong', name.length, MAX_NAME_LENGTH) };
  }
  return { ok: true, name };
}
