/** An error whose message is written for the person using Tabkeep, shown as it is. */
export class UserError extends Error {
  override name = 'UserError';
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
  if (isQuotaError(error)) {
    return 'There is no room left on the disk for Tabkeep’s data. Free some space; nothing saved before was lost.';
  }
  if (isClosedError(error)) {
    return 'Tabkeep’s database closed in the middle of the operation; nothing was half-written. Try again.';
  }
  const detail = error instanceof Error ? error.message : String(error);
  return `Something went wrong inside Tabkeep: ${detail}`;
}
