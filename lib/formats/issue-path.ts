import type * as v from 'valibot';

const NAMED_LISTS: Record<string, string> = {
  sessions: 'session',
  windows: 'window',
  tabs: 'tab',
  groups: 'group',
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
      parts.push(`${list} ${key + 1}`);
      list = null;
      continue;
    }
    const name = String(key);
    if (Object.hasOwn(NAMED_LISTS, name)) {
      list = NAMED_LISTS[name]!;
      continue;
    }
    parts.push(`field “${name.slice(0, 40)}”`);
  }
  if (list !== null) parts.push(`field “${list}s”`);
  return parts.join(', ');
}

/** Why, in words: valibot's message, except the one for a missing field. */
export function issueReason(issue: v.BaseIssue<unknown>): string {
  if (issue.received === 'undefined' && issue.message.startsWith('Invalid key')) {
    return 'it is missing.';
  }
  return `${issue.message.replace(/^Invalid type: /, 'wrong type: ')}.`;
}
