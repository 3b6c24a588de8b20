/*
 * How many cookies browsers keep, in a module of its own: the popup warns before a restore
 * would pass them without loading the restore rules.
 */

export interface CookieLimits {
  perSite: number;
  total: number;
}

/** What Chrome keeps (about 180 per site, about 3300 in all); Firefox keeps fewer in all. */
export const DEFAULT_COOKIE_LIMITS: CookieLimits = { perSite: 180, total: 3300 };
