import * as v from 'valibot';
import type { RawContainer } from '../capture/raw';
import { SAVED_COOKIE_FIELDS, SavedCookieSchema, type CookieInfo, type SavedCookie } from './model';
import { isOfSites, normalizeHost, siteOf } from './sites';
import { isContainerStore } from './stores';

/*
 * Cookies as the browser lists them -> the ones a session keeps. Pure: the adapter over
 * `browser.cookies` reads every store; this decides what is kept.
 */

export type CookieScope = 'sites' | 'all';

export interface CaptureOptions {
  /** The hosts of the session's tabs; ignored for scope "all". */
  hosts: ReadonlySet<string>;
  scope: CookieScope;
  /** This browser's containers, to record the name of each container store. */
  containers: readonly RawContainer[];
}

/**
 * Keeps the cookies of the session's sites (or all of them), each checked against the
 * schema: a cookie the browser hands out in a shape this version does not know is left out
 * rather than saved half-read.
 */
export function selectCookies(raw: readonly unknown[], options: CaptureOptions): SavedCookie[] {
  const containers = new Map(options.containers.map((c) => [c.cookieStoreId, c]));
  const kept: SavedCookie[] = [];
  const seen = new Set<string>();
  for (const entry of raw) {
    const parsed = v.safeParse(SavedCookieSchema, stripBrowserFields(entry));
    if (!parsed.success) continue;
    const cookie = parsed.output;
    if (options.scope === 'sites' && !inSession(cookie, options.hosts)) continue;
    // A store may be listed by two calls (partitioned and not): one copy each.
    const key = JSON.stringify([
      cookie.storeId,
      cookie.domain,
      cookie.path,
      cookie.name,
      cookie.partitionKey?.topLevelSite ?? '',
      cookie.firstPartyDomain ?? '',
    ]);
    if (seen.has(key)) continue;
    seen.add(key);
    const container = containers.get(cookie.storeId);
    if (container !== undefined && isContainerStore(cookie.storeId)) {
      cookie.container = { name: container.name, color: container.color, icon: container.icon };
    }
    kept.push(cookie);
  }
  return kept;
}

/** A cookie of these hosts, or partitioned under one of them. */
export function inSession(cookie: SavedCookie, hosts: ReadonlySet<string>): boolean {
  if (isOfSites(cookie.domain, hosts)) return true;
  const top = cookie.partitionKey?.topLevelSite ?? '';
  return top !== '' && URL.canParse(top) && isOfSites(new URL(top).hostname, hosts);
}

/**
 * The fields of `cookies.Cookie` that SavedCookie does not keep, and `undefined`s and
 * `null`s: Firefox lists an unpartitioned cookie with `partitionKey: null`.
 */
function stripBrowserFields(entry: unknown): unknown {
  if (typeof entry !== 'object' || entry === null) return entry;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entry)) {
    if (value !== undefined && value !== null && SAVED_COOKIE_FIELDS.has(key)) out[key] = value;
  }
  return out;
}

/**
 * The summary of saved cookies. A login usually lives in an HttpOnly cookie, so the first
 * of those to expire dates the login; without any, the last cookie to expire does.
 */
export function cookieInfo(
  cookies: readonly SavedCookie[],
  /** The session's tab hosts; null for cookies saved with "all sites". */
  hosts: ReadonlySet<string> | null,
): CookieInfo {
  // The sites a restore will set cookies of, hence asks access to.
  const sites = new Set(
    cookies
      .filter((c) => hosts === null || inSession(c, hosts))
      .map((c) => siteOf(normalizeHost(c.domain))),
  );
  const persistent = cookies.filter((c) => !c.session && c.expirationDate !== undefined);
  const httpOnly = persistent.filter((c) => c.httpOnly).map((c) => c.expirationDate!);
  const all = persistent.map((c) => c.expirationDate!);
  // reduce, not Math.min(...): an "all sites" save may hold more cookies than arguments fit.
  const seconds =
    httpOnly.length > 0
      ? httpOnly.reduce((a, b) => Math.min(a, b))
      : all.length > 0
        ? all.reduce((a, b) => Math.max(a, b))
        : null;
  const perSite = new Map<string, number>();
  for (const c of cookies) {
    const key = `${c.storeId}\n${siteOf(normalizeHost(c.domain))}`;
    perSite.set(key, (perSite.get(key) ?? 0) + 1);
  }
  return {
    count: cookies.length,
    sites: [...sites].sort(),
    expiresAt: seconds === null ? null : Math.round(seconds * 1000),
    largestSite: [...perSite.values()].reduce((a, b) => Math.max(a, b), 0),
    ...(hosts === null && { allSites: true as const }),
  };
}
