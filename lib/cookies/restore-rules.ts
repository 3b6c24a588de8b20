import * as v from 'valibot';
import { t, type MessageKey } from '../i18n';
import { DEFAULT_COOKIE_LIMITS, type CookieLimits } from './limits';
import { normalizeHost, related } from './sites';
import {
  SavedCookieSchema,
  type CookiePartitionKey,
  type SameSite,
  type SavedCookie,
} from './model';

/*
 * Saved cookies -> the `cookies.set` calls that bring them back, and the ones left out with
 * the reason why (DESIGN §5). Pure: the adapter over `browser.cookies` carries the plan out.
 */

/** The argument of one `browser.cookies.set` call. */
export interface CookieSetCall {
  url: string;
  name: string;
  value: string;
  /** Absent for host-only cookies: passing a domain would make them domain cookies. */
  domain?: string;
  path: string;
  secure: boolean;
  httpOnly: boolean;
  sameSite: SameSite;
  /** Seconds since the epoch; absent for session cookies. */
  expirationDate?: number;
  /** The store in this browser (after container mapping). */
  storeId: string;
  /** Only for partitioned (CHIPS) cookies. */
  partitionKey?: CookiePartitionKey;
  /** Firefox only; kept as saved, "" included. */
  firstPartyDomain?: string;
}

export interface SkippedCookie {
  name: string;
  domain: string;
  /** Words for a person, e.g. "it expired on 2024-01-01T00:00:00.000Z." */
  why: string;
}

export interface CookieRestorePlan {
  /** In the order of the input. */
  set: CookieSetCall[];
  /** In the order of the input. */
  skipped: SkippedCookie[];
  warnings: string[];
}

export interface CookieRestoreOptions {
  /** The restore time, in ms since the epoch. */
  now: number;
  /** Hosts of the session's tabs, e.g. "example.com", "127.0.0.1". */
  sites: ReadonlySet<string>;
  /** The store in this browser a saved cookie goes to (container mapping), or why none. */
  storeFor: (cookie: SavedCookie) => { storeId: string } | { why: string };
  limits?: CookieLimits;
}

export { DEFAULT_COOKIE_LIMITS, type CookieLimits };

export const SKIP_REASONS = {
  outsideSession: 'noteCookieOutsideSession',
  hostPrefix: 'noteCookieHostPrefix',
  securePrefix: 'noteCookieSecurePrefix',
  sameSiteNone: 'noteCookieSameSiteNone',
  partitioned: 'noteCookiePartitioned',
} as const satisfies Record<string, MessageKey>;

interface Candidate {
  index: number;
  call: CookieSetCall;
  /** As saved, for the skip list. */
  domain: string;
  /** The site it counts against for the per-site limit. */
  site: string;
  /** Per store (cookie jars are separate) and site. */
  siteKey: string;
  /** Seconds since the epoch; Infinity for session cookies. */
  expires: number;
}

/**
 * Checks, in this order: readable (schema), a usable domain, not expired at `now`, of the
 * session's sites, the __Host-/__Secure- prefixes, SameSite=None, partitioned, the
 * container; then the limits (per store and site, then in all). Pure and deterministic.
 */
export function planCookieRestore(
  raw: readonly unknown[],
  options: CookieRestoreOptions,
): CookieRestorePlan {
  const limits = options.limits ?? DEFAULT_COOKIE_LIMITS;
  const sites = [...options.sites].map(normalizeHost).filter((s) => s !== '');
  // One slot per input entry, so both lists come out in input order.
  const skippedAt: (SkippedCookie | undefined)[] = [];
  const candidates: Candidate[] = [];

  raw.forEach((entry, index) => {
    const parsed = v.safeParse(SavedCookieSchema, entry);
    if (!parsed.success) {
      skippedAt[index] = {
        ...rawLabel(entry),
        why: t('noteCookieUnreadable', describeIssue(parsed.issues[0])),
      };
      return;
    }
    const cookie = parsed.output;
    const skip = (why: string): void => {
      skippedAt[index] = { name: cookie.name, domain: cookie.domain, why };
    };

    const url = cookieUrl(cookie);
    if (url === null) return skip(t('noteCookieBadDomain'));
    const why = ruleViolation(cookie, options.now, sites);
    if (why !== null) return skip(why);
    const store = options.storeFor(cookie);
    if ('why' in store) return skip(store.why);
    const { storeId } = store;

    const site = limitSiteOf(normalizeHost(cookie.domain), sites);
    candidates.push({
      index,
      call: toSetCall(cookie, url, storeId),
      domain: cookie.domain,
      site,
      siteKey: `${storeId}\n${site}`,
      expires: cookie.session ? Infinity : cookie.expirationDate!,
    });
  });

  const kept = applyLimits(candidates, limits, skippedAt);
  const setAt: (CookieSetCall | undefined)[] = [];
  for (const c of kept) setAt[c.index] = c.call;

  const overLimit = candidates.length - kept.length;
  // The limits stay plain figures ("3300"); t() would group them like counts ("3,300").
  const warnings =
    overLimit === 0
      ? []
      : [t('warningCookiesOverLimit', overLimit, String(limits.perSite), String(limits.total))];
  return {
    set: setAt.filter((c) => c !== undefined),
    skipped: skippedAt.filter((s) => s !== undefined),
    warnings,
  };
}

/** The first rule of DESIGN §5 a valid saved cookie breaks, in words; null if none. */
function ruleViolation(cookie: SavedCookie, now: number, sites: readonly string[]): string | null {
  if (!cookie.session && cookie.expirationDate! * 1000 <= now) {
    return t('noteCookieExpired', new Date(cookie.expirationDate! * 1000).toISOString());
  }
  if (
    !isOfSession(normalizeHost(cookie.domain), sites) &&
    !partitionedUnderSession(cookie, sites)
  ) {
    return t(SKIP_REASONS.outsideSession);
  }
  // Browsers match the prefixes without regard to case (RFC 6265bis).
  const lowerName = cookie.name.toLowerCase();
  if (
    lowerName.startsWith('__host-') &&
    (!cookie.secure || cookie.path !== '/' || !cookie.hostOnly)
  ) {
    return t(SKIP_REASONS.hostPrefix);
  }
  if (lowerName.startsWith('__secure-') && !cookie.secure) return t(SKIP_REASONS.securePrefix);
  if (cookie.sameSite === 'no_restriction' && !cookie.secure) return t(SKIP_REASONS.sameSiteNone);
  if (isPartitioned(cookie) && !cookie.secure) return t(SKIP_REASONS.partitioned);
  return null;
}

/**
 * Keeps, within each site and then in all, the cookies that expire last (session cookies
 * count as latest; ties keep input order); marks the rest skipped. Returns those kept.
 */
function applyLimits(
  candidates: readonly Candidate[],
  limits: CookieLimits,
  skippedAt: (SkippedCookie | undefined)[],
): Candidate[] {
  const latestFirst = (a: Candidate, b: Candidate): number =>
    b.expires === a.expires ? a.index - b.index : b.expires > a.expires ? 1 : -1;
  const skip = (c: Candidate, why: string): void => {
    skippedAt[c.index] = { name: c.call.name, domain: c.domain, why };
  };

  const bySite = new Map<string, Candidate[]>();
  for (const c of candidates) {
    const list = bySite.get(c.siteKey);
    if (list === undefined) bySite.set(c.siteKey, [c]);
    else list.push(c);
  }
  const withinSites: Candidate[] = [];
  for (const list of bySite.values()) {
    list.sort(latestFirst);
    withinSites.push(...list.slice(0, limits.perSite));
    for (const c of list.slice(limits.perSite)) {
      skip(c, t('noteCookieSiteFull', c.site, String(limits.perSite)));
    }
  }
  withinSites.sort(latestFirst);
  for (const c of withinSites.slice(limits.total)) {
    skip(c, t('noteCookieTotalFull', String(limits.total)));
  }
  return withinSites.slice(0, limits.total);
}

function toSetCall(cookie: SavedCookie, url: string, storeId: string): CookieSetCall {
  const call: CookieSetCall = {
    url,
    name: cookie.name,
    value: cookie.value,
    path: cookie.path,
    secure: cookie.secure,
    httpOnly: cookie.httpOnly,
    sameSite: cookie.sameSite,
    storeId,
  };
  if (!cookie.hostOnly) call.domain = cookie.domain;
  if (!cookie.session) call.expirationDate = cookie.expirationDate!;
  if (isPartitioned(cookie)) call.partitionKey = { ...cookie.partitionKey };
  if (cookie.firstPartyDomain !== undefined) call.firstPartyDomain = cookie.firstPartyDomain;
  return call;
}

/**
 * DESIGN §5: `https://` if secure, else `http://`, then the domain without its leading dot,
 * then the path. A bare IPv6 address gets its brackets. Null if that is not a URL.
 */
export function cookieUrl(cookie: Pick<SavedCookie, 'secure' | 'domain' | 'path'>): string | null {
  let host = cookie.domain.replace(/^\./, '');
  if (host.includes(':') && !host.startsWith('[')) host = `[${host}]`;
  // Characters that would end the host early or make it something else.
  if (/[\s/?#@\\]/.test(host)) return null;
  const url = `${cookie.secure ? 'https' : 'http'}://${host}${cookie.path}`;
  return URL.canParse(url) ? url : null;
}

/** A cookie counts as partitioned when it names the top-level site it is partitioned under. */
function isPartitioned(cookie: SavedCookie): boolean {
  return (cookie.partitionKey?.topLevelSite ?? '') !== '';
}

/** A partitioned cookie of an embedded site belongs to the session of its top-level site. */
function partitionedUnderSession(cookie: SavedCookie, sites: readonly string[]): boolean {
  const topLevelSite = cookie.partitionKey?.topLevelSite ?? '';
  if (topLevelSite === '' || !URL.canParse(topLevelSite)) return false;
  return isOfSession(normalizeHost(new URL(topLevelSite).hostname), sites);
}

/** The host equals a site, is a subdomain of one, or one of them is a subdomain of it. */
function isOfSession(host: string, sites: readonly string[]): boolean {
  return sites.some((site) => related(host, site));
}

/**
 * The site a cookie counts against for the per-site limit: the broadest of the hosts it
 * shares with the session's sites (no public-suffix list: "example.com", not "com").
 */
function limitSiteOf(host: string, sites: readonly string[]): string {
  let key = host;
  for (const site of sites) {
    if (!related(host, site)) continue;
    const broader = site.length < host.length ? site : host;
    if (broader.length < key.length) key = broader;
  }
  return key;
}

function rawLabel(entry: unknown): { name: string; domain: string } {
  const record =
    typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>) : {};
  return {
    name: typeof record.name === 'string' ? record.name : '?',
    domain: typeof record.domain === 'string' ? record.domain : '?',
  };
}

/** The first schema issue in words: where, then what. */
function describeIssue(issue: v.BaseIssue<unknown>): string {
  const path = (issue.path ?? []).map((item) => String(item.key)).join('.');
  let what: string;
  if (issue.kind !== 'schema') what = issue.message;
  else if (issue.received === 'undefined' && path !== '') what = t('cookieIssueMissing');
  else what = t('cookieIssueType', issue.expected ?? t('cookieIssueSomethingElse'), issue.received);
  return path === '' ? t('cookieIssueIt', what) : t('cookieIssueField', path, what);
}
