import { t, type MessageKey } from './i18n';

/**
 * An error written for the person using Tabkeep, shown as it is: made from a message key so
 * it reads in the browser's language, while `message` stays plain text for logs and tests.
 */
export class UserError extends Error {
  override name = 'UserError';

  constructor(key: MessageKey, ...substitutions: (string | number)[]) {
    super(t(key, ...substitutions));
  }
}

/** IndexedDB (or Dexie wrapping it) ran out of room. */
export function isQuotaError(error: unknown): boolean {
  return errorNames(error).includes('QuotaExceededError');
}

/** The database connection closed under an operation. */
export function isClosedError(error: unknown): boolean {
  return errorNames(error).some((n) => n === 'DatabaseClosedError' || n === 'InvalidStateError');
}

// Dexie wraps the DOMException it got; look at both.
function errorNames(error: unknown): string[] {
  const names: string[] = [];
  for (let e = error, depth = 0; e instanceof Error && depth < 4; depth++) {
    names.push(e.name);
    e = (e as { inner?: unknown }).inner ?? e.cause;
  }
  return names;
}

export function messageFor(error: unknown): string {
  if (error instanceof UserError) return error.message;
  if (isQuotaError(error)) return t('errorNoRoom');
  if (isClosedError(error)) return t('errorDatabaseClosed');
  const detail = error instanceof Error ? error.message : String(error);
  return t('errorInternal', detail);
}
