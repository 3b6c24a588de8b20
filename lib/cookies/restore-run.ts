import * as v from 'valibot';
import type { CookiesAdapter } from '../adapters/cookies';
import { t } from '../i18n';
import type { WindowSnap } from '../model';
import { SavedCookieSchema, type SavedCookie } from './model';
import { DEFAULT_COOKIE_LIMITS, planCookieRestore, type SkippedCookie } from './restore-rules';
import { normalizeHost, tabHosts } from './sites';
import { containersOf, storeFor } from './stores';

/** What a restore did with a session's saved cookies. */
export interface CookieRestoreReport {
  restored: number;
  /** The first of those left out, with the reason; `skippedCount` says how many in all. */
  skipped: SkippedCookie[];
  skippedCount: number;
  warnings: string[];
}

export interface CookieRestoreDeps {
  cookies: CookiesAdapter;
  /** A container of this browser with that name, made when missing; null when none. */
  resolveContainer(saved: NonNullable<SavedCookie['container']>): Promise<string | null>;
  /** False in browsers without containers (Chrome). */
  containersSupported: boolean;
  defaultStore: string;
  now: number;
  /** Saved with "all sites": every cookie is of the session, not only its tabs' sites. */
  allSites: boolean;
}

/** Reasons listed in a report; a page has no room for thousands. */
const SKIPPED_LISTED = 50;

/**
 * Sets a session's saved cookies, before its tabs open, by the rules of DESIGN §5: each one
 * the rules or the browser refuse is listed with the reason, and the rest are set.
 */
export async function restoreCookies(
  raw: readonly unknown[],
  windows: readonly WindowSnap[],
  deps: CookieRestoreDeps,
): Promise<CookieRestoreReport> {
  const valid = raw.flatMap((entry) => {
    const parsed = v.safeParse(SavedCookieSchema, entry);
    return parsed.success ? [parsed.output] : [];
  });
  const containers = new Map<string, string | null>();
  if (deps.containersSupported) {
    for (const saved of containersOf(valid)) {
      containers.set(saved.name, await deps.resolveContainer(saved));
    }
  }
  const targets = {
    defaultStore: deps.defaultStore,
    containers: deps.containersSupported ? containers : null,
  };
  const plan = planCookieRestore(raw, {
    now: deps.now,
    sites: deps.allSites
      ? new Set([...tabHosts(windows), ...valid.map((c) => normalizeHost(c.domain))])
      : tabHosts(windows),
    storeFor: (cookie) => storeFor(cookie, targets),
    limits: DEFAULT_COOKIE_LIMITS,
  });
  const skipped = [...plan.skipped];
  let restored = 0;
  for (const call of plan.set) {
    try {
      await deps.cookies.set(call);
      restored++;
    } catch (error) {
      skipped.push({
        name: call.name,
        domain: call.domain ?? new URL(call.url).hostname,
        why: t('noteCookieRefused', error instanceof Error ? error.message : String(error)),
      });
    }
  }
  return {
    restored,
    skipped: skipped.slice(0, SKIPPED_LISTED),
    skippedCount: skipped.length,
    warnings: plan.warnings,
  };
}
