import * as v from 'valibot';
import { BrowserNameSchema, GROUP_COLORS, SESSION_KINDS, WINDOW_STATES } from '../model';

/*
 * Tabkeep's own file, version 1 (DESIGN §6), as read. Loose objects: fields a later
 * version adds are tolerated, and everything a person may have trimmed by hand has a
 * default. `schema/tabkeep-v1.schema.json` is generated from this (npm run schema).
 */

export const TABKEEP_FORMAT = 'tabkeep';
export const TABKEEP_VERSION = 1;

const int = v.pipe(v.number(), v.integer());

export const OwnContainerSchema = v.looseObject({
  cookieStoreId: v.optional(v.string(), ''),
  name: v.string(),
  color: v.optional(v.string(), ''),
  icon: v.optional(v.string(), ''),
});

export const OwnTabSchema = v.looseObject({
  url: v.string(),
  title: v.optional(v.string(), ''),
  pinned: v.optional(v.boolean(), false),
  active: v.optional(v.boolean(), false),
  muted: v.optional(v.boolean(), false),
  group: v.optional(v.nullable(v.string()), null),
  container: v.optional(v.nullable(OwnContainerSchema), null),
  lastAccessed: v.optional(v.number()),
  favIconUrl: v.optional(v.string()),
});

export const OwnGroupSchema = v.looseObject({
  id: v.string(),
  title: v.optional(v.string(), ''),
  color: v.optional(v.picklist(GROUP_COLORS), 'grey'),
  collapsed: v.optional(v.boolean(), false),
});

export const OwnWindowSchema = v.looseObject({
  type: v.optional(v.picklist(['normal', 'popup']), 'normal'),
  state: v.optional(v.picklist(WINDOW_STATES), 'normal'),
  left: v.optional(int),
  top: v.optional(int),
  width: v.optional(int),
  height: v.optional(int),
  incognito: v.optional(v.boolean(), false),
  focused: v.optional(v.boolean(), false),
  groups: v.optional(v.array(OwnGroupSchema), []),
  tabs: v.array(OwnTabSchema),
});

export const OwnSessionSchema = v.looseObject({
  id: v.optional(v.string()),
  name: v.string(),
  kind: v.optional(v.picklist(SESSION_KINDS), 'manual'),
  createdAt: v.optional(v.number()),
  updatedAt: v.optional(v.number()),
  tags: v.optional(v.array(v.string()), []),
  windows: v.array(OwnWindowSchema),
  cookies: v.optional(v.array(v.unknown()), []),
  /** "all": saved with "all sites", so a restore sets every cookie, not only the tabs' sites'. */
  cookieScope: v.optional(v.picklist(['sites', 'all'])),
});

/** The envelope, checked first: a file whose sessions are damaged still says what it is. */
export const OwnFileSchema = v.looseObject({
  format: v.literal(TABKEEP_FORMAT),
  version: int,
  exportedAt: v.optional(v.string()),
  app: v.optional(
    v.looseObject({
      name: v.optional(v.string()),
      version: v.optional(v.string()),
      browser: v.optional(BrowserNameSchema),
    }),
  ),
  sessions: v.array(v.unknown()),
});

/** The whole file with every session checked: what the published JSON Schema describes. */
export const OwnFileStrictSchema = v.looseObject({
  ...OwnFileSchema.entries,
  sessions: v.array(OwnSessionSchema),
});

export type OwnFile = v.InferOutput<typeof OwnFileStrictSchema>;
export type OwnSession = v.InferOutput<typeof OwnSessionSchema>;
