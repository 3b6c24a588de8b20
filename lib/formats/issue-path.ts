import type * as v from 'valibot';
import { t } from '../i18n';
import { place } from './place';

const NAMED_LISTS: Record<string, (n: number) => string> = {
  sessions: place.session,
  windows: place.window,
  tabs: place.tab,
  groups: place.group,
};

/**
 * Where a valibot issue is, in words: "session 2, window 1, tab 4, field “url”". Indexes
 * count from 1, as a person counts.
 */
export function describeIssuePath(issue: v.BaseIssue<unknown>, prefix: string[] = []): string {
  const parts = [...prefix];
  let list: string | null = null;
  for (const item of issue.path ?? []) {
    const key = item.key;
    if (typeof key === 'number' && list !== null) {
      parts.push(NAMED_LISTS[list]!(key + 1));
      list = null;
      continue;
    }
    const name = String(key);
    if (Object.hasOwn(NAMED_LISTS, name)) {
      list = name;
      continue;
    }
    parts.push(place.field(name.slice(0, 40)));
  }
  if (list !== null) parts.push(place.field(list));
  return parts.join(', ');
}

/** valibot's own message, "Invalid type: Expected string but received 42": English only. */
const VALIBOT_MESSAGE = /^Invalid \w+: (Expected .* but r|R)eceived /;

/**
 * Why, in words. A schema's own message (already in the browser's language) as it is; in
 * place of valibot's English ones, ours for a missing field, a wrong type and a number that
 * is not whole, and valibot's words inside ours for anything else.
 */
export function issueReason(issue: v.BaseIssue<unknown>): string {
  const message = issue.message;
  if (!VALIBOT_MESSAGE.test(message)) return /[.!?]$/.test(message) ? message : `${message}.`;
  if (issue.received === 'undefined' && message.startsWith('Invalid key')) {
    return t('fileIssueMissing');
  }
  if (message.startsWith('Invalid type: ')) {
    return t('fileIssueWrongType', issue.expected ?? '?', issue.received);
  }
  if (issue.type === 'integer') return t('fileIssueNotWhole', issue.received);
  return t('fileIssueOther', message);
}
