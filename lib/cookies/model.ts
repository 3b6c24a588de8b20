import * as v from 'valibot';
import { says } from '../i18n';

/*
 * A saved cookie: the fields of `browser.cookies.Cookie` that a restore needs (DESIGN §5).
 * The schema is the source of truth; the type is inferred from it. Every entry read back
 * from storage or an imported file is checked against it before use.
 */

export const SAME_SITE_VALUES = ['no_restriction', 'lax', 'strict', 'unspecified'] as const;

export const CookiePartitionKeySchema = v.object({
  /** The top-level site the cookie is partitioned under (CHIPS), e.g. "https://example.com". */
  topLevelSite: v.optional(v.string()),
  hasCrossSiteAncestor: v.optional(v.boolean()),
});

const SavedCookieObject = v.object({
  name: v.string(),
  value: v.string(),
  /** With a leading dot for domain cookies, as the API has it; never empty. */
  domain: v.pipe(v.string(), v.regex(/^\.?[^.]/, says('cookieIssueEmpty'))),
  hostOnly: v.boolean(),
  path: v.pipe(v.string(), v.startsWith('/', says('cookieIssuePath'))),
  secure: v.boolean(),
  httpOnly: v.boolean(),
  sameSite: v.picklist(SAME_SITE_VALUES),
  session: v.boolean(),
  /** Seconds since the epoch, as the API has it; absent for session cookies. */
  expirationDate: v.optional(v.pipe(v.number(), v.finite(says('cookieIssueNotFinite')))),
  storeId: v.string(),
  partitionKey: v.optional(CookiePartitionKeySchema),
  /** Firefox only (first-party isolation); "" when it is off. */
  firstPartyDomain: v.optional(v.string()),
  /**
   * The container of a container store (Firefox), by name: store ids differ from one
   * profile to the next, so a restore maps by name, as it does for tabs.
   */
  container: v.optional(v.object({ name: v.string(), color: v.string(), icon: v.string() })),
});

/** The fields a saved cookie has; the browser's Cookie objects have a few more. */
export const SAVED_COOKIE_FIELDS: ReadonlySet<string> = new Set(
  Object.keys(SavedCookieObject.entries),
);

export const SavedCookieSchema = v.pipe(
  SavedCookieObject,
  v.forward(
    v.check((c) => c.session || c.expirationDate !== undefined, says('cookieIssueNoExpiry')),
    ['expirationDate'],
  ),
);

/** What a session's summary says of its saved cookies, so lists never read them. */
export const CookieInfoSchema = v.object({
  count: v.number(),
  /** Sites the cookies are of ("example.com"): what restoring them needs host access to. */
  sites: v.array(v.string()),
  /** When the saved login is likely to expire (ms); null when only session cookies. */
  expiresAt: v.nullable(v.number()),
  /** The most cookies of one site in one store: what a browser's per-site limit meets. */
  largestSite: v.number(),
  /** Saved with "all sites": a restore sets them all, not only those of the tabs' sites. */
  allSites: v.optional(v.literal(true)),
});

export type CookieInfo = v.InferOutput<typeof CookieInfoSchema>;

export type SameSite = (typeof SAME_SITE_VALUES)[number];
export type CookiePartitionKey = v.InferOutput<typeof CookiePartitionKeySchema>;
export type SavedCookie = v.InferOutput<typeof SavedCookieSchema>;

/** A session's saved cookies, kept apart from its body: one table to wipe them all. */
export const CookieJarSchema = v.object({
  /** The session's id. */
  id: v.string(),
  cookies: v.array(v.unknown()),
  /** Saved with "all sites" (see CookieInfo). */
  allSites: v.optional(v.literal(true)),
});

export type CookieJar = v.InferOutput<typeof CookieJarSchema>;
