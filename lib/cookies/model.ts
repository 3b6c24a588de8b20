import * as v from 'valibot';

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

export const SavedCookieSchema = v.pipe(
  v.object({
    name: v.string(),
    value: v.string(),
    /** With a leading dot for domain cookies, as the API has it; never empty. */
    domain: v.pipe(v.string(), v.regex(/^\.?[^.]/, 'is empty')),
    hostOnly: v.boolean(),
    path: v.pipe(v.string(), v.startsWith('/', 'does not start with “/”')),
    secure: v.boolean(),
    httpOnly: v.boolean(),
    sameSite: v.picklist(SAME_SITE_VALUES),
    session: v.boolean(),
    /** Seconds since the epoch, as the API has it; absent for session cookies. */
    expirationDate: v.optional(v.pipe(v.number(), v.finite('is not a finite number'))),
    storeId: v.string(),
    partitionKey: v.optional(CookiePartitionKeySchema),
    /** Firefox only (first-party isolation); "" when it is off. */
    firstPartyDomain: v.optional(v.string()),
  }),
  v.forward(
    v.check(
      (c) => c.session || c.expirationDate !== undefined,
      'is missing, and the cookie is not a session cookie',
    ),
    ['expirationDate'],
  ),
);

export type SameSite = (typeof SAME_SITE_VALUES)[number];
export type CookiePartitionKey = v.InferOutput<typeof CookiePartitionKeySchema>;
export type SavedCookie = v.InferOutput<typeof SavedCookieSchema>;
