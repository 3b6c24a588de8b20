import type { WindowSnap } from '../model';

/*
 * Which cookies belong to a session: those of the hosts its tabs show, of their parent
 * domains, and of their subdomains (a login at accounts.example.com serves www.example.com).
 * No public-suffix list ships with Tabkeep, so "site" below is a close guess, used only to
 * ask for host access broadly enough to cover a site's domain cookies.
 */

export function normalizeHost(host: string): string {
  return host.replace(/^\./, '').toLowerCase();
}

/** One host equals the other or is a subdomain of it, either way round. */
export function related(a: string, b: string): boolean {
  return a === b || a.endsWith(`.${b}`) || b.endsWith(`.${a}`);
}

export function isOfSites(host: string, sites: Iterable<string>): boolean {
  const normal = normalizeHost(host);
  for (const site of sites) if (related(normal, site)) return true;
  return false;
}

/** The hosts of the web pages among the tabs (http and https only), lower case. */
export function tabHosts(windows: readonly WindowSnap[]): Set<string> {
  return urlHosts(windows.flatMap((w) => w.tabs.map((t) => t.url)));
}

/** The hosts of the http and https URLs among these, lower case, IPv6 without brackets. */
export function urlHosts(urls: Iterable<string>): Set<string> {
  const hosts = new Set<string>();
  for (const url of urls) {
    if (!/^https?:/i.test(url) || !URL.canParse(url)) continue;
    const host = new URL(url).hostname;
    if (host !== '') hosts.add(normalizeHost(host.replace(/^\[|\]$/g, '')));
  }
  return hosts;
}

// Second-level labels under which country domains sell names ("example.co.uk").
const COUNTRY_SECOND_LEVELS = new Set(['ac', 'co', 'com', 'edu', 'gov', 'ne', 'net', 'or', 'org']);

/**
 * The registrable domain of a host, near enough: "mail.example.com" -> "example.com",
 * "www.example.co.uk" -> "example.co.uk"; IP addresses and single labels as they are.
 */
export function siteOf(host: string): string {
  const normal = normalizeHost(host);
  if (isIpAddress(normal)) return normal;
  const labels = normal.split('.');
  if (labels.length <= 2) return normal;
  const [second, top] = labels.slice(-2) as [string, string];
  const keep = top.length === 2 && COUNTRY_SECOND_LEVELS.has(second) ? 3 : 2;
  return labels.slice(-keep).join('.');
}

/**
 * Match patterns granting host access to these sites and their subdomains, any scheme and
 * port: what `cookies.getAll` and `cookies.set` check a cookie's domain against.
 */
export function originPatterns(hosts: Iterable<string>): string[] {
  const patterns = new Set<string>();
  for (const host of hosts) {
    const site = siteOf(host);
    if (site === '') continue;
    if (isIpAddress(site)) patterns.add(`*://${site.includes(':') ? `[${site}]` : site}/*`);
    else patterns.add(`*://*.${site}/*`);
  }
  return [...patterns].sort();
}

function isIpAddress(host: string): boolean {
  return host.includes(':') || /^\d{1,3}(\.\d{1,3}){3}$/.test(host);
}
