import * as v from 'valibot';
import { messageFor } from './errors';
import { t } from './i18n';
import {
  PROTOCOL_VERSION,
  type ArgOf,
  type Method,
  type ResultOf,
  type ServiceApi,
  type ServiceReply,
} from './protocol';
import { RestoreModeSchema } from './restore/mode';
import { SettingsSchema } from './settings';

const id = v.object({ id: v.pipe(v.string(), v.minLength(1)) });
const sessionId = v.pipe(v.string(), v.minLength(1));
const positions = v.pipe(
  v.array(v.pipe(v.number(), v.integer(), v.minValue(0))),
  v.minLength(1),
  v.maxLength(100_000),
);
const tabEdit = v.variant('op', [
  v.object({ op: v.literal('remove'), tabs: positions }),
  v.object({
    op: v.literal('move'),
    tabs: positions,
    to: v.union([v.pipe(v.number(), v.integer(), v.minValue(0)), v.literal('new')]),
  }),
  v.object({ op: v.literal('dedupe') }),
]);
const importId = v.pipe(v.string(), v.minLength(1), v.maxLength(100));

/** The shape of each method's argument, checked before the service sees it. */
const argSchemas: { [M in Method]: v.GenericSchema<ArgOf<M>> } = {
  save: v.object({
    name: v.optional(v.string()),
    cookies: v.optional(v.picklist(['sites', 'all'])),
  }),
  rename: v.object({ id: v.pipe(v.string(), v.minLength(1)), name: v.string() }),
  remove: id,
  undoRemove: id,
  restore: v.object({
    ...id.entries,
    cookies: v.optional(v.boolean()),
    mode: v.optional(RestoreModeSchema),
  }),
  keep: v.object({ id: v.pipe(v.string(), v.minLength(1)), name: v.optional(v.string()) }),
  editTabs: v.object({ id: sessionId, edit: tabEdit }),
  merge: v.object({
    ids: v.pipe(v.array(sessionId), v.maxLength(1000)),
    name: v.optional(v.string()),
  }),
  // Lengths and counts are checked by the service, which says what is wrong in words.
  setTags: v.object({ id: sessionId, tags: v.pipe(v.array(v.string()), v.maxLength(1000)) }),
  setFavourite: v.object({ id: sessionId, favourite: v.boolean() }),
  deleteForever: id,
  emptyTrash: v.strictObject({}),
  saveSettings: SettingsSchema,
  forgetCookies: v.strictObject({}),
  stageImport: v.object({
    importId,
    part: v.pipe(v.number(), v.integer(), v.minValue(0)),
    sessionsJson: v.string(),
  }),
  commitImport: v.object({ importId, parts: v.pipe(v.number(), v.integer(), v.minValue(1)) }),
  cancelImport: v.object({ importId }),
  holdImport: v.object({ importId }),
};

function isMethod(value: unknown): value is Method {
  return typeof value === 'string' && Object.hasOwn(argSchemas, value);
}

/**
 * A message from one of our pages -> the service call -> its reply. Returns undefined for
 * messages that are not ours, so other listeners may answer them.
 */
export async function dispatch(
  api: ServiceApi,
  message: unknown,
): Promise<ServiceReply | undefined> {
  if (typeof message !== 'object' || message === null || !('tabkeep' in message)) {
    return undefined;
  }
  const { tabkeep, method, arg } = message as Record<string, unknown>;
  if (tabkeep !== PROTOCOL_VERSION) {
    return { ok: false, error: t('errorUpdated') };
  }
  if (!isMethod(method)) return { ok: false, error: `Unknown request "${String(method)}".` };
  return call(api, method, arg);
}

async function call<M extends Method>(
  api: ServiceApi,
  method: M,
  arg: unknown,
): Promise<ServiceReply<M>> {
  const parsed = v.safeParse(argSchemas[method], arg);
  if (!parsed.success) {
    return { ok: false, error: `Malformed "${method}" request: ${parsed.issues[0].message}` };
  }
  try {
    // Method names and argument types are tied by ServiceApi; TS cannot follow the
    // correlation through an indexed call, hence the one cast.
    const fn = api[method].bind(api) as (a: ArgOf<M>) => Promise<ResultOf<M>>;
    return { ok: true, value: await fn(parsed.output) };
  } catch (error) {
    return { ok: false, error: messageFor(error) };
  }
}
