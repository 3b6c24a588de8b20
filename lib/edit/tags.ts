import { UserError } from '../errors';

export const MAX_TAGS = 20;
export const MAX_TAG_LENGTH = 50;

export type TagsResult = { ok: true; tags: string[] } | { ok: false; error: UserError };

/** Tags as a person typed them -> trimmed, blanks and repeats (ignoring case) dropped. */
export function normalizeTags(raw: readonly string[]): TagsResult {
  const tags: string[] = [];
  const seen = new Set<string>();
  for (const typed of raw) {
    const tag = typed.replace(/\s+/g, ' ').trim();
    if (tag === '' || seen.has(tag.toLowerCase())) continue;
    if (tag.length > MAX_TAG_LENGTH) {
      return {
        ok: false,
        error: new UserError('errorTagTooLong', MAX_TAG_LENGTH, tag.slice(0, 20), tag.length),
      };
    }
    seen.add(tag.toLowerCase());
    tags.push(tag);
  }
  if (tags.length > MAX_TAGS) {
    return { ok: false, error: new UserError('errorTooManyTags', MAX_TAGS, tags.length) };
  }
  return { ok: true, tags };
}

/** "work, research" typed in one field -> its tags, before normalizing. */
export function splitTags(text: string): string[] {
  return text.split(',');
}

/** The tags of several sessions as one list, cut to the most a session may have. */
export function unionTags(lists: readonly (readonly string[])[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const tag of lists.flat()) {
    const tidy = normalizeTags([tag]);
    const one = tidy.ok ? tidy.tags[0] : undefined;
    if (one === undefined || seen.has(one.toLowerCase())) continue;
    seen.add(one.toLowerCase());
    out.push(one);
  }
  return out.slice(0, MAX_TAGS);
}
